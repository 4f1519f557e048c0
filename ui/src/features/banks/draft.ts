// The bank form's state while the person edits it, and the BankForm it saves. Pure functions,
// so what is sent is decided in one place and tested without a screen.

import type { BankForm, BankPreset, BankProfileView } from "../../ipc";

/** The preset choice when the bank is of the SBAS family but not among the presets: name and
 * address are typed by hand. */
export const OTHER_BANK = "other";

/** Nothing chosen yet (a new bank): the preset list shows its prompt. */
export const NO_PRESET = "";

/** What the form's fields hold. The secret and the key file are write-only: empty unless the
 * person types a new one, and typed into only when nothing is saved or they chose Replace. */
export type Draft = {
  presetId: string;
  name: string;
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** The saved secret is being replaced: its field is shown, empty. */
  replacingSecret: boolean;
  clientCertificate: string;
  clientKeyFile: string;
  /** The saved private key is being replaced: its file's field is shown, empty. */
  replacingKey: boolean;
};

/** The form as it opens: a saved bank's settings (never its secret or key), or an empty one. */
export function draftFrom(profile: BankProfileView | null, presets: BankPreset[]): Draft {
  return {
    presetId: profile ? (presetOf(profile.baseUrl, presets)?.id ?? OTHER_BANK) : NO_PRESET,
    name: profile?.name ?? "",
    baseUrl: profile?.baseUrl ?? "",
    clientId: profile?.clientId ?? "",
    clientSecret: "",
    replacingSecret: false,
    clientCertificate: profile?.clientCertificate ?? "",
    clientKeyFile: "",
    replacingKey: false,
  };
}

/** The preset a saved bank's address came from, if any ("https://x/" and "https://x" alike). */
function presetOf(baseUrl: string, presets: BankPreset[]): BankPreset | undefined {
  const address = withoutTrailingSlash(baseUrl);
  return presets.find((preset) => withoutTrailingSlash(preset.baseUrl) === address);
}

function withoutTrailingSlash(url: string): string {
  return url.trim().replace(/\/+$/, "");
}

/** The secret's field is shown: none is saved, or the person is replacing it. */
export function secretFieldShown(draft: Draft, profile: BankProfileView | null): boolean {
  return !profile?.clientSecretSaved || draft.replacingSecret;
}

/** The key file's field is shown: no key is saved, or the person is replacing it. */
export function keyFieldShown(draft: Draft, profile: BankProfileView | null): boolean {
  return !profile?.clientKeySaved || draft.replacingKey;
}

/** Another preset chosen: its name and address fill the fields. A name the person typed stays;
 * a name or address the previous preset filled in, and nobody changed, goes with it. `fills`
 * is what a preset puts in the name field (its localized display name). */
export function choosePreset(
  draft: Draft,
  presetId: string,
  presets: BankPreset[],
  fills: (preset: BankPreset) => string,
): Draft {
  const previous = presets.find((preset) => preset.id === draft.presetId);
  const next = presets.find((preset) => preset.id === presetId);
  const nameUntouched = draft.name.trim() === "" || (previous && draft.name === fills(previous));
  const addressUntouched =
    draft.baseUrl.trim() === "" || (previous && draft.baseUrl === previous.baseUrl);
  return {
    ...draft,
    presetId,
    name: nameUntouched ? (next ? fills(next) : "") : draft.name,
    baseUrl: next ? next.baseUrl : addressUntouched ? "" : draft.baseUrl,
  };
}

/** What Save sends: text as typed, without the spaces a paste brings along; the secret and the
 * key file only when typed (null keeps the saved ones); no certificate, no mutual TLS. The
 * secret is sent exactly as typed: spaces may be part of it. */
export function formFrom(draft: Draft, profile: BankProfileView | null): BankForm {
  return {
    id: profile?.id ?? null,
    name: draft.name.trim(),
    baseUrl: draft.baseUrl.trim(),
    clientId: draft.clientId.trim(),
    clientSecret:
      secretFieldShown(draft, profile) && draft.clientSecret !== "" ? draft.clientSecret : null,
    clientCertificate: filledOrNull(draft.clientCertificate),
    clientKeyFile: keyFieldShown(draft, profile) ? filledOrNull(draft.clientKeyFile) : null,
  };
}

function filledOrNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === "" ? null : trimmed;
}

/** The form holds something Save would change: the saved settings are not what is on screen. */
export function hasChanges(draft: Draft, profile: BankProfileView | null, presets: BankPreset[]) {
  const form = formFrom(draft, profile);
  const saved = formFrom(draftFrom(profile, presets), profile);
  return (Object.keys(form) as (keyof BankForm)[]).some((key) => form[key] !== saved[key]);
}
