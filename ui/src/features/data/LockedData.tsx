import { useState } from "react";
import { useIntl } from "react-intl";
import { Logo } from "../../components/Logo";
import { describeDetail, FAILURE_ACTION_MESSAGE } from "../../errors/errorText";
import type { KeychainReason } from "../../ipc";
import { RestoreDialog } from "./RestoreDialog";
import { StartAgainDialog } from "./StartAgainDialog";

/** Shown instead of the main window when the person's data is on this computer, encrypted, and
 * the keychain cannot give its key. Locked or unreachable: "Try again" once it is unlocked. The
 * key gone for good: also "Start again", which moves the old file aside after a confirmation. */
export function LockedData({ reason, onRetry }: { reason: KeychainReason; onRetry: () => void }) {
  const intl = useIntl();
  const [confirming, setConfirming] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const keyGone = reason === "storeKeyMissing";
  // The key gone is said by the title and the text; a locked keychain's own reason is not.
  const detail = keyGone ? null : describeDetail(intl, { kind: "lockedData", reason });
  return (
    <main className="empty-state">
      <Logo size={56} />
      <h1>{intl.formatMessage({ id: keyGone ? "data.keyGone.title" : "data.locked.title" })}</h1>
      <div role="alert" className="status-error">
        <p className="lead">
          {intl.formatMessage({ id: keyGone ? "data.keyGone.text" : "data.locked.text" })}
        </p>
        {detail && <p className="notice-detail">{detail}</p>}
      </div>
      <span className="empty-state-actions">
        <button type="button" className="button primary" onClick={onRetry}>
          {intl.formatMessage({ id: FAILURE_ACTION_MESSAGE.retry })}
        </button>
        {keyGone && (
          <>
            <button type="button" className="button" onClick={() => setRestoring(true)}>
              {intl.formatMessage({ id: "data.restore.open" })}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(true)}>
              {intl.formatMessage({ id: "data.startAgain.open" })}
            </button>
          </>
        )}
      </span>
      <StartAgainDialog open={confirming} onClose={() => setConfirming(false)} />
      <RestoreDialog open={restoring} onClose={() => setRestoring(false)} />
    </main>
  );
}
