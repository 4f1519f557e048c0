import { useIntl } from "react-intl";
import { describeSyncFailure, FAILURE_ACTION_MESSAGE, type SyncTask } from "../../errors/errorText";
import type { CommandError } from "../../ipc";

/** A failure to bring data from the bank, with a hint when to retry, and the way back in when the
 * consent has ended (unless the caller offers it elsewhere: no `onReconnect`). Announced as an
 * alert. */
export function SyncFailureNotice({
  failure,
  task,
  onReconnect,
  retryAt = null,
  className,
}: {
  failure: CommandError;
  /** What was being brought: heads the failures without a better explanation. */
  task: SyncTask;
  onReconnect?: () => void;
  /** When the app tries again by itself; otherwise the hint says when the user may. */
  retryAt?: Date | null;
  className?: string;
}) {
  const intl = useIntl();
  const text = describeSyncFailure(intl, failure, task, retryAt);
  return (
    <div role="alert" className={className ? `notice ${className}` : "notice"}>
      <p className="notice-headline">{text.headline}</p>
      {text.retryHint && <p className="notice-retry">{text.retryHint}</p>}
      {text.detail && <p className="notice-detail">{text.detail}</p>}
      {text.reconnect && onReconnect && (
        <p>
          <button type="button" className="button notice-action" onClick={onReconnect}>
            {intl.formatMessage({ id: FAILURE_ACTION_MESSAGE.reconnect })}
          </button>
        </p>
      )}
    </div>
  );
}
