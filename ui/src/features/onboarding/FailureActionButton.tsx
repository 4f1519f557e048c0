import {
  type ConnectAction,
  describeConnectFailure,
  FAILURE_ACTION_LABEL,
} from "../../errors/errorText";
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
  const { action } = describeConnectFailure(failure);
  return (
    <button type="button" className="button primary" onClick={on[action]}>
      {FAILURE_ACTION_LABEL[action]}
    </button>
  );
}
