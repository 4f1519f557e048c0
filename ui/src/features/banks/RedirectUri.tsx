import { useId, useState } from "react";
import { useT } from "../../i18n/useT";

type Copy = "idle" | "copied" | "failed";

/** The address to register at the bank as the client's redirect URI, read-only (it is derived
 * from the bank's id) and copied with one click; "Copied", or that it could not be, is announced.
 * Before the bank is saved it has no id, so no address yet: it says so. */
export function RedirectUri({ uri, bankName }: { uri: string | null; bankName: string }) {
  const t = useT();
  const id = useId();
  const hintId = useId();
  const [copy, setCopy] = useState<Copy>("idle");

  if (uri === null) {
    return (
      <div className="banks-field">
        <span className="banks-label">{t("banks.form.redirect.label")}</span>
        <p className="banks-hint">{t("banks.form.redirect.afterSave")}</p>
      </div>
    );
  }

  const copyUri = () => {
    setCopy("idle");
    // Without a clipboard (not a secure context) writeText is not even there: a failure too.
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(uri))
      .then(
        () => setCopy("copied"),
        () => setCopy("failed"),
      );
  };

  return (
    <div className="banks-field">
      <label htmlFor={id}>{t("banks.form.redirect.label")}</label>
      <div className="banks-copy-row">
        <input
          id={id}
          className="banks-input banks-mono"
          value={uri}
          readOnly
          aria-describedby={hintId}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button
          type="button"
          className="button small"
          aria-label={t("banks.form.copyLabel")}
          onClick={copyUri}
        >
          {t("banks.form.copy")}
        </button>
      </div>
      <p id={hintId} className="banks-hint">
        {t("banks.form.redirect.hint", { bank: bankName })}
      </p>
      <p role="status" className={copy === "failed" ? "banks-copied error" : "banks-copied"}>
        {copy === "copied" && t("banks.form.copied")}
        {copy === "failed" && t("banks.form.copyFailed")}
      </p>
    </div>
  );
}
