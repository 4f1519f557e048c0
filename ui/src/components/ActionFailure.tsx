import { useIntl } from "react-intl";
import { type ActionTask, describeActionFailure } from "../errors/errorText";
import { toCommandError } from "../ipc";

/** An action that failed in place (the bank list, reopening the page, disconnecting, saving the
 * preferences): what failed, in the user's words, announced as an alert. */
export function ActionFailure({ error, task }: { error: unknown; task: ActionTask }) {
  const text = describeActionFailure(useIntl(), toCommandError(error), task);
  return (
    <p role="alert" className="error">
      {text.headline}
      {text.detail && (
        <>
          {" "}
          <span className="notice-detail">{text.detail}</span>
        </>
      )}
    </p>
  );
}
