import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { ActionFailure } from "../../components/ActionFailure";
import { Spinner } from "../../components/Spinner";
import { MIN_PASSPHRASE_CHARS } from "../../errors/limits";
import { useT } from "../../i18n/useT";
import { backUp } from "../../ipc";
import { TextField } from "../banks/TextField";

/** The passphrase typed twice, then the system's save dialog; says where the backup went. The
 * passphrase is kept in this form's state only, and the mutation is handed none to remember. */
export function BackupForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const [passphrase, setPassphrase] = useState("");
  const [again, setAgain] = useState("");
  const [tried, setTried] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const confirm = useRef<HTMLInputElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const backup = useMutation({ mutationFn: () => backUp(passphrase), gcTime: 0 });
  const tooShort = [...passphrase].length < MIN_PASSPHRASE_CHARS;
  const mismatch = passphrase !== again;
  const busy = backup.isPending;
  const saved = backup.data?.kind === "saved" ? backup.data.fileName : null;

  // The form replaces Settings' own content: the focus starts at its first field, and moves to
  // Close once the backup is written.
  useEffect(() => first.current?.focus(), []);
  useEffect(() => {
    if (saved !== null) {
      setPassphrase("");
      setAgain("");
      closeButton.current?.focus();
    }
  }, [saved]);

  const submit = () => {
    setTried(true);
    if (tooShort) {
      first.current?.focus();
    } else if (mismatch) {
      confirm.current?.focus();
    } else {
      backup.mutate();
    }
  };

  if (saved !== null) {
    return (
      <>
        <p className="dialog-text" role="status">
          {t("data.backup.saved", { file: saved })}
        </p>
        <footer className="dialog-actions">
          <span className="dialog-actions-gap" />
          <button ref={closeButton} type="button" className="button primary" onClick={onDone}>
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
        inputRef={first}
        label={t("data.backup.passphrase")}
        value={passphrase}
        onChange={setPassphrase}
        hint={t("data.backup.passphraseHint", { count: MIN_PASSPHRASE_CHARS })}
        problem={
          tried && tooShort
            ? t("data.problem.weakPassphrase", { count: MIN_PASSPHRASE_CHARS })
            : null
        }
      />
      <TextField
        type="password"
        inputRef={confirm}
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
