import { useMutation } from "@tanstack/react-query";
import { ActionFailure } from "../../components/ActionFailure";
import { Spinner } from "../../components/Spinner";
import { reopenConsentPage } from "../../ipc";

/** Step (b): the user is at the bank's page; the dialog waits for the bank's answer. */
export function WaitingStep({ onCancel }: { onCancel: () => void }) {
  const reopen = useMutation({ mutationFn: () => reopenConsentPage() });
  return (
    <>
      <div className="waiting">
        <Spinner size="large" />
        <p>
          Approve access on your bank's page in your browser. Bankbook is waiting for your bank's
          answer.
        </p>
      </div>
      <p className="step-note">Closed the page, or it didn't open? Bankbook can open it again.</p>
      {reopen.isError && <ActionFailure error={reopen.error} task="reopenConsentPage" />}
      <footer className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="button"
          disabled={reopen.isPending}
          onClick={() => reopen.mutate()}
        >
          Open the page again
        </button>
      </footer>
    </>
  );
}
