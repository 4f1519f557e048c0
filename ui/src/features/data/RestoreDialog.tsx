import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { ActionFailure } from "../../components/ActionFailure";
import { Modal } from "../../components/Modal";
import { Spinner } from "../../components/Spinner";
import { useT } from "../../i18n/useT";
import { chooseBackup, restoreBackup, toCommandError } from "../../ipc";
import { TextField } from "../banks/TextField";
import { CONNECTION_STATUS_KEY } from "../connection/useConnectionStatus";

/** Picks a backup file in the system's dialog, then reads it back with its passphrase. A wrong
 * passphrase is typed again without picking the file again. */
export function RestoreDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const titleId = useId();
  return (
    <Modal open={open} onClose={onClose} labelledBy={titleId} className="dialog-narrow">
      <h2 id={titleId}>{t("data.restore.title")}</h2>
      <RestoreForm onClose={onClose} />
    </Modal>
  );
}

function RestoreForm({ onClose }: { onClose: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [passphrase, setPassphrase] = useState("");
  const choice = useMutation({ mutationFn: () => chooseBackup() });
  const restore = useMutation({
    mutationFn: (passphrase: string) => restoreBackup(passphrase),
    onSuccess: async (status) => {
      queryClient.setQueryData(CONNECTION_STATUS_KEY, status);
      await queryClient.invalidateQueries({ queryKey: CONNECTION_STATUS_KEY });
      onClose();
    },
  });
  const fileName = choice.data ?? null;
  const busy = choice.isPending || restore.isPending;
  // A problem with the backup itself is said at the passphrase, where the person acts on it.
  const failure = restore.isError ? toCommandError(restore.error) : null;
  const backupProblem = failure?.detail?.kind === "backup" ? failure.detail.problem : null;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        restore.mutate(passphrase);
      }}
    >
      <p className="dialog-text">{t("data.restore.text")}</p>
      <p className="dialog-text">
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => {
            restore.reset();
            choice.mutate();
          }}
        >
          {t("data.restore.choose")}
        </button>
      </p>
      {fileName !== null && (
        <>
          <p className="dialog-text" role="status">
            {t("data.restore.chosen", { file: fileName })}
          </p>
          <TextField
            type="password"
            label={t("data.restore.passphrase")}
            value={passphrase}
            onChange={setPassphrase}
            problem={backupProblem ? t(`data.problem.${backupProblem}`) : null}
          />
        </>
      )}
      {choice.isError && <ActionFailure error={choice.error} task="restoreBackup" />}
      {failure && backupProblem === null && (
        <ActionFailure error={restore.error} task="restoreBackup" />
      )}
      <footer className="dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={busy}>
          {t("common.cancel")}
        </button>
        <span className="dialog-actions-gap" />
        {restore.isPending && (
          <span className="busy-note" role="status">
            <Spinner /> {t("data.restore.restoring")}
          </span>
        )}
        <button
          type="submit"
          className="button primary"
          disabled={busy || fileName === null || passphrase === ""}
        >
          {t("data.restore.restore")}
        </button>
      </footer>
    </form>
  );
}
