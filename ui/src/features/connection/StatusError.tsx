import { useIntl } from "react-intl";
import { Logo } from "../../components/Logo";
import { describeStatusFailure, FAILURE_ACTION_MESSAGE } from "../../errors/errorText";
import type { CommandError } from "../../ipc";

/** Shown instead of the main window when the connection could not even be read: the keychain
 * or the data folder is out of reach. (Data that is there and locked has a screen of its own,
 * LockedData.) */
export function StatusError({ failure, onRetry }: { failure: CommandError; onRetry: () => void }) {
  const intl = useIntl();
  const text = describeStatusFailure(intl, failure);
  return (
    <main className="empty-state">
      <Logo size={56} />
      <h1>{text.title}</h1>
      <div role="alert" className="status-error">
        <p className="lead">{text.explanation}</p>
        {text.detail && <p className="notice-detail">{text.detail}</p>}
      </div>
      <button type="button" className="button primary" onClick={onRetry}>
        {intl.formatMessage({ id: FAILURE_ACTION_MESSAGE.retry })}
      </button>
    </main>
  );
}
