import { type FormEvent, type RefObject, useEffect, useId, useRef, useState } from "react";
import { useT } from "../../i18n/useT";
import type { BankField, BankPreset, BankProfileView } from "../../ipc";
import { BankFailure } from "./BankFailure";
import { CheckResult } from "./CheckResult";
import {
  choosePreset,
  type Draft,
  draftFrom,
  formFrom,
  hasChanges,
  NO_PRESET,
  OTHER_BANK,
} from "./draft";
import { type FieldProblem, fieldProblemOf, problemMessage } from "./fieldProblem";
import { RedirectUri } from "./RedirectUri";
import { TextField } from "./TextField";
import { useCheckBank, useSaveBank } from "./useBankSettings";
import { usePresetName } from "./usePresetName";
import { WriteOnlyField } from "./WriteOnlyField";

/** What Save last did, for its announcement. */
type Saved = { bank: string; added: boolean };

/** The form of one bank, new (`profile` null) or saved. Save keeps the form open on the saved
 * bank: a new one now has its redirect URI to register and copy, and can be checked. */
export function BankEditor({
  profile,
  presets,
  onSaved,
  onBack,
}: {
  profile: BankProfileView | null;
  presets: BankPreset[];
  onSaved: (saved: BankProfileView) => void;
  onBack: () => void;
}) {
  const t = useT();
  const presetName = usePresetName();
  const [draft, setDraft] = useState(() => draftFrom(profile, presets));
  const [problem, setProblem] = useState<FieldProblem | null>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  /** The last save failed, not because of a field: it says why until the next save. */
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  const save = useSaveBank();
  const check = useCheckBank();
  const form = useRef<HTMLFormElement>(null);
  const presetId = useId();
  const presetHintId = useId();
  const tlsHintId = useId();

  useFocusProblem(form, problem);

  /** A change to the form: what was said about the saved settings no longer holds, nor does a
   * problem with the field that changed. */
  const edit = (change: Partial<Draft>, field: BankField | null = null) => {
    setDraft((current) => ({ ...current, ...change }));
    setSaved(null);
    check.reset();
    if (field !== null && problem?.field === field) {
      setProblem(null);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) {
      return;
    }
    setProblem(null);
    setFailure(null);
    setSaved(null);
    check.reset();
    save.mutate(formFrom(draft, profile), {
      onSuccess: (view) => {
        setDraft(draftFrom(view, presets));
        setSaved({ bank: view.name, added: profile === null });
        onSaved(view);
      },
      onError: (error) => {
        const refused = fieldProblemOf(error);
        if (refused) {
          setProblem(refused);
        } else {
          setFailure({ error });
        }
      },
    });
  };

  const problemText = (field: BankField) =>
    problem?.field === field ? t(problemMessage(problem)) : null;
  const chosenPreset = presets.find((preset) => preset.id === draft.presetId);
  const unchanged = !hasChanges(draft, profile, presets);

  return (
    <form ref={form} className="banks-form" onSubmit={submit} noValidate>
      <div className="banks-field">
        <label htmlFor={presetId}>{t("banks.preset.label")}</label>
        <select
          id={presetId}
          className="banks-input"
          value={draft.presetId}
          aria-describedby={presetHintId}
          onChange={(event) => {
            setDraft((current) => choosePreset(current, event.target.value, presets, presetName));
            setSaved(null);
            check.reset();
            setProblem(null);
          }}
        >
          {draft.presetId === NO_PRESET && (
            <option value={NO_PRESET} disabled>
              {t("banks.preset.choose")}
            </option>
          )}
          {presets.map((preset) => (
            <option key={preset.id} value={preset.id}>
              {presetName(preset)}
            </option>
          ))}
          <option value={OTHER_BANK}>{t("banks.preset.other")}</option>
        </select>
        <p id={presetHintId} className="banks-hint">
          {t("banks.preset.hint")}
        </p>
      </div>
      <div data-field="name">
        <TextField
          label={t("banks.form.name")}
          value={draft.name}
          onChange={(name) => edit({ name }, "name")}
          problem={problemText("name")}
        />
      </div>
      <div data-field="baseUrl">
        <TextField
          label={t("banks.form.baseUrl")}
          type="url"
          monospace
          value={draft.baseUrl}
          onChange={(baseUrl) => edit({ baseUrl }, "baseUrl")}
          hint={t("banks.form.baseUrlHint")}
          problem={problemText("baseUrl")}
        />
      </div>
      <div data-field="clientId">
        <TextField
          label={t("banks.form.clientId")}
          monospace
          value={draft.clientId}
          onChange={(clientId) => edit({ clientId }, "clientId")}
          problem={problemText("clientId")}
        />
      </div>
      <div data-field="clientSecret">
        <WriteOnlyField
          label={t("banks.form.clientSecret")}
          type="password"
          saved={profile?.clientSecretSaved ?? false}
          replacing={draft.replacingSecret}
          onReplace={() => edit({ replacingSecret: true })}
          onKeep={() => edit({ replacingSecret: false, clientSecret: "" }, "clientSecret")}
          value={draft.clientSecret}
          onChange={(clientSecret) => edit({ clientSecret }, "clientSecret")}
          hint={t("banks.form.clientSecretHint")}
          problem={problemText("clientSecret")}
          words={{
            saved: t("banks.form.secretSaved"),
            replace: t("banks.form.replace"),
            replaceLabel: t("banks.form.replaceSecretLabel"),
            keep: t("banks.form.keepSecret"),
          }}
        />
      </div>
      <fieldset className="banks-tls" aria-describedby={tlsHintId}>
        <legend>{t("banks.form.tls.legend")}</legend>
        <p id={tlsHintId} className="banks-hint">
          {chosenPreset?.mutualTls
            ? t("banks.form.tls.required", { bank: presetName(chosenPreset) })
            : t("banks.form.tls.hint")}
        </p>
        <div data-field="clientCertificate">
          <TextField
            label={t("banks.form.certificate")}
            monospace
            value={draft.clientCertificate}
            onChange={(clientCertificate) => edit({ clientCertificate }, "clientCertificate")}
            hint={t("banks.form.certificateHint")}
            problem={problemText("clientCertificate")}
          />
        </div>
        <div data-field="clientKeyFile">
          <WriteOnlyField
            label={t("banks.form.keyFile")}
            type="text"
            saved={profile?.clientKeySaved ?? false}
            replacing={draft.replacingKey}
            onReplace={() => edit({ replacingKey: true })}
            onKeep={() => edit({ replacingKey: false, clientKeyFile: "" }, "clientKeyFile")}
            value={draft.clientKeyFile}
            onChange={(clientKeyFile) => edit({ clientKeyFile }, "clientKeyFile")}
            hint={t("banks.form.keyFileHint")}
            problem={problemText("clientKeyFile")}
            words={{
              saved: t("banks.form.keySaved"),
              replace: t("banks.form.replace"),
              replaceLabel: t("banks.form.replaceKeyLabel"),
              keep: t("banks.form.keepKey"),
            }}
          />
        </div>
      </fieldset>
      <RedirectUri uri={profile?.redirectUri ?? null} bankName={profile?.name ?? ""} />
      {failure && <BankFailure error={failure.error} task="saveBank" />}
      <p role="status" className="banks-saved-note">
        {saved && t(saved.added ? "banks.form.savedNew" : "banks.form.saved", { bank: saved.bank })}
      </p>
      {profile && <CheckResult bankName={profile.name} check={check} />}
      <footer className="dialog-actions">
        <button type="button" className="button" onClick={onBack}>
          {t("banks.form.back")}
        </button>
        <span className="dialog-actions-gap" />
        {profile && unchanged && (
          <button
            type="button"
            className="button"
            aria-disabled={check.isPending}
            onClick={() => !check.isPending && check.mutate(profile.id)}
          >
            {t("banks.row.check")}
          </button>
        )}
        {/* Not disabled while saving: the focus stays on it, for the next save. */}
        <button type="submit" className="button primary" aria-disabled={save.isPending}>
          {save.isPending ? t("banks.form.saving") : t("banks.form.save")}
        </button>
      </footer>
    </form>
  );
}

/** A field Rust refused takes the focus, so its problem is read with it; a write-only value
 * shown as saved has its Replace button instead of a field. */
function useFocusProblem(form: RefObject<HTMLFormElement | null>, problem: FieldProblem | null) {
  useEffect(() => {
    if (problem === null) {
      return;
    }
    const area = `[data-field="${problem.field}"]`;
    form.current?.querySelector<HTMLElement>(`${area} input, ${area} button`)?.focus();
  }, [form, problem]);
}
