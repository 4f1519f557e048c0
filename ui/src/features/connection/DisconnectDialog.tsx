import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { ActionFailure } from "../../components/ActionFailure";
import { Modal } from "../../components/Modal";
import { useT } from "../../i18n/useT";
import { disconnect } from "../../ipc";
import { CONNECTION_STATUS_KEY } from "./useConnectionStatus";

/** Asks before disconnecting, and whether the downloaded data stays on this computer. */
export function DisconnectDialog({
  open,
  bankName,
  onClose,
}: {
  open: boolean;
  bankName: string;
  onClose: () => void;
}) {
  const t = useT();
  const titleId = useId();
  return (
    <Modal open={open} onClose={onClose} labelledBy={titleId} className="dialog-narrow">
      <h2 id={titleId}>{t("connection.disconnect.title", { bank: bankName })}</h2>
      <DisconnectChoice bankName={bankName} onClose={onClose} />
    </Modal>
  );
}

function DisconnectChoice({ bankName, onClose }: { bankName: string; onClose: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const removal = useMutation({
    mutationFn: (keepData: boolean) => disconnect(keepData),
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
      <p className="dialog-text">{t("connection.disconnect.text", { bank: bankName })}</p>
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
