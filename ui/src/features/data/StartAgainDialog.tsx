import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef } from "react";
import { ActionFailure } from "../../components/ActionFailure";
import { Modal } from "../../components/Modal";
import { useT } from "../../i18n/useT";
import { startAgain } from "../../ipc";
import { CONNECTION_STATUS_KEY } from "../connection/useConnectionStatus";

/** Asks before moving the data whose key is gone aside; then says where it was kept. The
 * window behind changes only when the person continues, so the answer can be read first. */
export function StartAgainDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const titleId = useId();
  const queryClient = useQueryClient();
  const move = useMutation({ mutationFn: () => startAgain() });
  const busy = move.isPending;
  const continueButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (move.isSuccess) {
      continueButton.current?.focus();
    }
  }, [move.isSuccess]);
  const carryOn = async () => {
    await queryClient.invalidateQueries({ queryKey: CONNECTION_STATUS_KEY });
    onClose();
  };

  return (
    <Modal
      open={open}
      // Not while the data moves: where it went is said here.
      onClose={move.isSuccess ? () => void carryOn() : () => !busy && onClose()}
      labelledBy={titleId}
      className="dialog-narrow"
    >
      <h2 id={titleId}>{t("data.startAgain.title")}</h2>
      {move.isSuccess ? (
        <>
          <p className="dialog-text" role="status">
            {t("data.startAgain.done", { path: move.data.keptAs })}
          </p>
          <footer className="dialog-actions">
            <span className="dialog-actions-gap" />
            <button
              ref={continueButton}
              type="button"
              className="button primary"
              onClick={() => void carryOn()}
            >
              {t("data.startAgain.continue")}
            </button>
          </footer>
        </>
      ) : (
        <>
          <p className="dialog-text">{t("data.startAgain.text")}</p>
          {move.isError && <ActionFailure error={move.error} task="startAgain" />}
          <footer className="dialog-actions">
            <button type="button" className="button" onClick={onClose} disabled={busy}>
              {t("common.cancel")}
            </button>
            <span className="dialog-actions-gap" />
            <button
              type="button"
              className="button danger"
              disabled={busy}
              onClick={() => move.mutate()}
            >
              {t("data.startAgain.confirm")}
            </button>
          </footer>
        </>
      )}
    </Modal>
  );
}
