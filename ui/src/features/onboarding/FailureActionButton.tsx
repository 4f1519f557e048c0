import { type ConnectAction, connectAction, FAILURE_ACTION_MESSAGE } from "../../errors/errorText";
import { useT } from "../../i18n/useT";
import type { CommandError } from "../../ipc";

/** The way forward after a failure in the dialog: the action follows from the failure's code, the
 * label from the action, and the click goes to that action's handler. */
export function FailureActionButton({
  failure,
  on,
}: {
  failure: CommandError;
  on: Record<ConnectAction, () => void>;
}) {
  const t = useT();
  const action = connectAction(failure);
  return (
    <button type="button" className="button primary" onClick={on[action]}>
      {t(FAILURE_ACTION_MESSAGE[action])}
    </button>
  );
}
