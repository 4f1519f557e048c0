import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { ActionFailure } from "../../components/ActionFailure";
import { Modal } from "../../components/Modal";
import { useT } from "../../i18n/useT";
import { type BankChoice, disconnect } from "../../ipc";
import { useBankName } from "./bankName";
import { CONNECTION_STATUS_KEY } from "./useConnectionStatus";

/** Asks before disconnecting one bank, and whether its downloaded data stays on this computer.
 * Says that the consent given at the bank lives on there: only the bank can end it early. */
export function DisconnectDialog({
  bank,
  onClose,
}: {
  /** The bank to disconnect; null: the dialog is closed. */
  bank: BankChoice | null;
  onClose: () => void;
}) {
  const t = useT();
  const bankName = useBankName();
  const titleId = useId();
  return (
    <Modal open={bank !== null} onClose={onClose} labelledBy={titleId} className="dialog-narrow">
      {bank && (
        <>
          <h2 id={titleId}>{t("connection.disconnect.title", { bank: bankName(bank) })}</h2>
          <DisconnectChoice bank={bank} onClose={onClose} />
        </>
      )}
    </Modal>
  );
}

function DisconnectChoice({ bank, onClose }: { bank: BankChoice; onClose: () => void }) {
  const t = useT();
  const name = useBankName()(bank);
  const queryClient = useQueryClient();
  const removal = useMutation({
    mutationFn: (keepData: boolean) => disconnect(bank.id, keepData),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: CONNECTION_STATUS_KEY });
      onClose();
    },
    // A failure may come after the tokens were removed (the data could not be erased yet): the
    // window behind the dialog shows the connection as it now is.
    onError: () => queryClient.invalidateQueries({ queryKey: CONNECTION_STATUS_KEY }),
  });
  const busy = removal.isPending;

  return (
    <>
      <p className="dialog-text">{t("connection.disconnect.text", { bank: name })}</p>
      <p className="dialog-text">{t("connection.disconnect.consentStays", { bank: name })}</p>
      <p className="dialog-text">{t("connection.disconnect.question")}</p>
      {removal.isError && <ActionFailure error={removal.error} task="disconnect" />}
      <footer className="dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={busy}>
          {t("common.cancel")}
        </button>
        <span className="dialog-actions-gap" />
        <button
          type="button"
          className="button danger"
          disabled={busy}
          onClick={() => removal.mutate(false)}
        >
          {t("connection.disconnect.remove")}
        </button>
        <button
          type="button"
          className="button primary"
          disabled={busy}
          onClick={() => removal.mutate(true)}
        >
          {t("connection.disconnect.keep")}
        </button>
      </footer>
    </>
  );
}
