import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { ActionFailure } from "../../components/ActionFailure";
import { Spinner } from "../../components/Spinner";
import { useT } from "../../i18n/useT";
import { backUp } from "../../ipc";
import { TextField } from "../banks/TextField";

/** The fewest characters Rust takes for a passphrase (MIN_PASSPHRASE_CHARS). */
export const MIN_PASSPHRASE_CHARS = 8;

/** The passphrase typed twice, then the system's save dialog; says where the backup went. */
export function BackupForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const [passphrase, setPassphrase] = useState("");
  const [again, setAgain] = useState("");
  const [tried, setTried] = useState(false);
  const backup = useMutation({ mutationFn: (passphrase: string) => backUp(passphrase) });
  const tooShort = [...passphrase].length < MIN_PASSPHRASE_CHARS;
  const mismatch = passphrase !== again;
  const busy = backup.isPending;

  const submit = () => {
    setTried(true);
    if (!tooShort && !mismatch) {
      backup.mutate(passphrase);
    }
  };

  if (backup.data?.kind === "saved") {
    return (
      <>
        <p className="dialog-text" role="status">
          {t("data.backup.saved", { file: backup.data.fileName })}
        </p>
        <footer className="dialog-actions">
          <span className="dialog-actions-gap" />
          <button type="button" className="button primary" onClick={onDone}>
            {t("common.close")}
          </button>
        </footer>
      </>
    );
  }
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <p className="dialog-text">{t("data.backup.text")}</p>
      <TextField
        type="password"
        label={t("data.backup.passphrase")}
        value={passphrase}
        onChange={setPassphrase}
        hint={t("data.backup.passphraseHint", { count: MIN_PASSPHRASE_CHARS })}
        problem={tried && tooShort ? t("data.problem.weakPassphrase") : null}
      />
      <TextField
        type="password"
        label={t("data.backup.confirm")}
        value={again}
        onChange={setAgain}
        problem={tried && !tooShort && mismatch ? t("data.backup.mismatch") : null}
      />
      {backup.isError && <ActionFailure error={backup.error} task="backUp" />}
      <footer className="dialog-actions">
        <button type="button" className="button" onClick={onDone} disabled={busy}>
          {t("common.cancel")}
        </button>
        <span className="dialog-actions-gap" />
        {busy && (
          <span className="busy-note" role="status">
            <Spinner /> {t("data.backup.saving")}
          </span>
        )}
        <button type="submit" className="button primary" disabled={busy}>
          {t("data.backup.save")}
        </button>
      </footer>
    </form>
  );
}
