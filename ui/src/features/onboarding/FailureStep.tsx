import type { CommandError } from "../../ipc";
import { FailureNotice } from "./FailureNotice";
import { describeFailure } from "./failureText";

/** Step (d): the connection did not go through; says why and offers the way forward. */
export function FailureStep({
  failure,
  onRetry,
  onRestart,
  onClose,
}: {
  failure: CommandError;
  onRetry: () => void;
  onRestart: () => void;
  onClose: () => void;
}) {
  const { action } = describeFailure(failure);
  return (
    <>
      <FailureNotice failure={failure} />
      <footer className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button primary"
          onClick={action === "Start again" ? onRestart : onRetry}
        >
          {action}
        </button>
      </footer>
    </>
  );
}
