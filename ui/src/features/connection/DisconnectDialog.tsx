import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { ActionFailure } from "../../components/ActionFailure";
import { Modal } from "../../components/Modal";
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
  const titleId = useId();
  return (
    <Modal open={open} onClose={onClose} labelledBy={titleId} className="dialog-narrow">
      <h2 id={titleId}>Disconnect {bankName}?</h2>
      <DisconnectChoice bankName={bankName} onClose={onClose} />
    </Modal>
  );
}

function DisconnectChoice({ bankName, onClose }: { bankName: string; onClose: () => void }) {
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
      <p className="dialog-text">
        Bankbook removes its access to {bankName} from your keychain. Your bank account is not
        affected, and you can connect again at any time.
      </p>
      <p className="dialog-text">
        Keep the accounts and history Bankbook has already downloaded on this computer?
      </p>
      {removal.isError && <ActionFailure error={removal.error} task="disconnect" />}
      <footer className="dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <span className="dialog-actions-gap" />
        <button
          type="button"
          className="button danger"
          disabled={busy}
          onClick={() => removal.mutate(false)}
        >
          Remove
        </button>
        <button
          type="button"
          className="button primary"
          disabled={busy}
          onClick={() => removal.mutate(true)}
        >
          Keep
        </button>
      </footer>
    </>
  );
}
