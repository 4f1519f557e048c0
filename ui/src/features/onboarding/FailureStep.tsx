import { useT } from "../../i18n/useT";
import type { CommandError } from "../../ipc";
import { FailureActionButton } from "./FailureActionButton";
import { FailureNotice } from "./FailureNotice";

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
  const t = useT();
  return (
    <>
      <FailureNotice failure={failure} />
      <footer className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t("common.cancel")}
        </button>
        <FailureActionButton failure={failure} on={{ retry: onRetry, restart: onRestart }} />
      </footer>
    </>
  );
}
