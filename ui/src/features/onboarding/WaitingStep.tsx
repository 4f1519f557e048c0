import { useMutation } from "@tanstack/react-query";
import { ActionFailure } from "../../components/ActionFailure";
import { Spinner } from "../../components/Spinner";
import { useT } from "../../i18n/useT";
import { reopenConsentPage } from "../../ipc";

/** Step (b): the user is at the bank's page; the dialog waits for the bank's answer. */
export function WaitingStep({ bankId, onCancel }: { bankId: string; onCancel: () => void }) {
  const t = useT();
  const reopen = useMutation({ mutationFn: () => reopenConsentPage(bankId) });
  return (
    <>
      <div className="waiting">
        <Spinner size="large" />
        <p>{t("onboarding.waitingStep.text")}</p>
      </div>
      <p className="step-note">{t("onboarding.waitingStep.note")}</p>
      {reopen.isError && <ActionFailure error={reopen.error} task="reopenConsentPage" />}
      <footer className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          {t("common.cancel")}
        </button>
        <button
          type="button"
          className="button"
          disabled={reopen.isPending}
          onClick={() => reopen.mutate()}
        >
          {t("onboarding.waitingStep.reopen")}
        </button>
      </footer>
    </>
  );
}
