import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { useIntl } from "react-intl";
import { ActionFailure } from "../../components/ActionFailure";
import { Modal } from "../../components/Modal";
import { Spinner } from "../../components/Spinner";
import { describeDetail } from "../../errors/errorText";
import { useT } from "../../i18n/useT";
import { chooseBackup, restoreBackup, toCommandError } from "../../ipc";
import { TextField } from "../banks/TextField";
import { CONNECTION_STATUS_KEY } from "../connection/useConnectionStatus";

/** Picks a backup file in the system's dialog, then reads it back with its passphrase. A wrong
 * passphrase is typed again without picking the file again. */
export function RestoreDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const titleId = useId();
  // Escape does not close the dialog while a restore runs: its outcome is said here.
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={open}
      onClose={() => !busy && onClose()}
      labelledBy={titleId}
      className="dialog-narrow"
    >
      <h2 id={titleId}>{t("data.restore.title")}</h2>
      <RestoreForm onClose={onClose} onBusy={setBusy} />
    </Modal>
  );
}

function RestoreForm({
  onClose,
  onBusy,
}: {
  onClose: () => void;
  onBusy: (busy: boolean) => void;
}) {
  const t = useT();
  const intl = useIntl();
  const queryClient = useQueryClient();
  const [passphrase, setPassphrase] = useState("");
  const passphraseField = useRef<HTMLInputElement>(null);
  const choice = useMutation({ mutationFn: () => chooseBackup() });
  // The passphrase is read from this form's state, never handed to the mutation to remember.
  const restore = useMutation({
    mutationFn: () => restoreBackup(passphrase),
    gcTime: 0,
    onSuccess: async (status) => {
      queryClient.setQueryData(CONNECTION_STATUS_KEY, status);
      await queryClient.invalidateQueries({ queryKey: CONNECTION_STATUS_KEY });
      onClose();
    },
  });
  const fileName = choice.data ?? null;
  const busy = choice.isPending || restore.isPending;
  useEffect(() => onBusy(restore.isPending), [onBusy, restore.isPending]);
  // A problem with the backup itself is said at the passphrase, where the person acts on it.
  const failure = restore.isError ? toCommandError(restore.error) : null;
  const backupProblem = failure?.detail?.kind === "backup" ? failure.detail.problem : null;
  // To the passphrase once a file is chosen, and back to it when it did not open the backup.
  useEffect(() => {
    if (fileName !== null || backupProblem !== null) {
      passphraseField.current?.focus();
    }
  }, [fileName, backupProblem]);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        restore.mutate();
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
            inputRef={passphraseField}
            label={t("data.restore.passphrase")}
            value={passphrase}
            onChange={(value) => {
              setPassphrase(value);
              restore.reset();
            }}
            problem={
              failure && backupProblem !== null ? describeDetail(intl, failure.detail) : null
            }
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
