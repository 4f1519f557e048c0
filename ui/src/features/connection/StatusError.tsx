import { Logo } from "../../components/Logo";
import type { CommandError } from "../../ipc";
import { KEYCHAIN_HELP, STORAGE_HELP } from "../onboarding/failureText";

/** Shown instead of the main window when the connection could not even be read: the keychain
 * or the data folder is out of reach. */
export function StatusError({ failure, onRetry }: { failure: CommandError; onRetry: () => void }) {
  const storage = failure.code === "storage_unavailable";
  return (
    <main className="empty-state">
      <Logo size={56} />
      <h1>
        {storage ? "Bankbook can't open its data" : "Bankbook couldn't check your bank connection"}
      </h1>
      <div role="alert" className="status-error">
        {failure.code === "keychain_unavailable" && <p className="lead">{KEYCHAIN_HELP}</p>}
        {storage && <p className="lead">{STORAGE_HELP}</p>}
        <p className="notice-detail">{failure.message}</p>
      </div>
      <button type="button" className="button primary" onClick={onRetry}>
        Try again
      </button>
    </main>
  );
}
