import type { BankPreset, BankProfileView } from "../../ipc";
import { choosePreset, draftFrom, formFrom, hasChanges, NO_PRESET, OTHER_BANK } from "./draft";

const SANDBOX: BankPreset = {
  id: "tb-sandbox",
  name: "Tatra banka",
  baseUrl: "https://sandbox.example/sbas",
  environment: "sandbox",
  mutualTls: false,
};
const LIVE: BankPreset = {
  ...SANDBOX,
  id: "tb",
  baseUrl: "https://live.example/sbas/",
  environment: "production",
};
const PRESETS = [SANDBOX, LIVE];
const fills = (preset: BankPreset) => `${preset.name} ${preset.environment}`;

const PROFILE: BankProfileView = {
  id: "tb",
  name: "My Tatra",
  baseUrl: "https://live.example/sbas",
  clientId: "client",
  redirectUri: "app.bankbook:/oauth/callback/tb",
  clientSecretSaved: true,
  clientCertificate: "/certs/tb.pem",
  clientKeySaved: true,
  connected: false,
};

describe("draftFrom", () => {
  it("starts a new bank with nothing chosen and nothing filled", () => {
    const draft = draftFrom(null, PRESETS);
    expect(draft.presetId).toBe(NO_PRESET);
    expect(formFrom(draft, null)).toEqual({
      id: null,
      name: "",
      baseUrl: "",
      clientId: "",
      clientSecret: null,
      clientCertificate: null,
      clientKeyFile: null,
    });
  });

  it("finds a saved bank's preset by its address, trailing slash or not", () => {
    expect(draftFrom(PROFILE, PRESETS).presetId).toBe("tb");
    expect(draftFrom({ ...PROFILE, baseUrl: "https://other.example" }, PRESETS).presetId).toBe(
      OTHER_BANK,
    );
  });

  it("never holds a saved secret or key", () => {
    const draft = draftFrom(PROFILE, PRESETS);
    expect(draft.clientSecret).toBe("");
    expect(draft.clientKeyFile).toBe("");
    expect(formFrom(draft, PROFILE)).toMatchObject({ clientSecret: null, clientKeyFile: null });
  });
});

describe("choosePreset", () => {
  it("fills the name and address, and another preset replaces what the first filled", () => {
    const sandbox = choosePreset(draftFrom(null, PRESETS), "tb-sandbox", PRESETS, fills);
    expect(sandbox).toMatchObject({ name: "Tatra banka sandbox", baseUrl: SANDBOX.baseUrl });
    const live = choosePreset(sandbox, "tb", PRESETS, fills);
    expect(live).toMatchObject({ name: "Tatra banka production", baseUrl: LIVE.baseUrl });
  });

  it("leaves another bank's name and address to type, keeping what was typed", () => {
    const typed = { ...choosePreset(draftFrom(null, PRESETS), "tb", PRESETS, fills) };
    expect(choosePreset(typed, OTHER_BANK, PRESETS, fills)).toMatchObject({
      presetId: OTHER_BANK,
      name: "",
      baseUrl: "",
    });
    const renamed = { ...typed, name: "Mine", baseUrl: "https://mine.example" };
    expect(choosePreset(renamed, OTHER_BANK, PRESETS, fills)).toMatchObject({
      name: "Mine",
      baseUrl: "https://mine.example",
    });
  });
});

describe("formFrom", () => {
  it("sends a secret only when typed into a shown field, exactly as typed", () => {
    const draft = draftFrom(PROFILE, PRESETS);
    // Typed, then Keep: the field is gone, nothing is sent.
    expect(formFrom({ ...draft, clientSecret: "x" }, PROFILE).clientSecret).toBeNull();
    expect(
      formFrom({ ...draft, replacingSecret: true, clientSecret: " x " }, PROFILE).clientSecret,
    ).toBe(" x ");
    expect(formFrom({ ...draft, replacingSecret: true }, PROFILE).clientSecret).toBeNull();
  });

  it("drops mutual TLS when the certificate is emptied", () => {
    const draft = { ...draftFrom(PROFILE, PRESETS), clientCertificate: "  " };
    expect(formFrom(draft, PROFILE).clientCertificate).toBeNull();
  });
});

describe("hasChanges", () => {
  it("is false as opened, true once a field or a secret is typed", () => {
    const draft = draftFrom(PROFILE, PRESETS);
    expect(hasChanges(draft, PROFILE, PRESETS)).toBe(false);
    expect(hasChanges({ ...draft, clientId: "client " }, PROFILE, PRESETS)).toBe(false);
    expect(hasChanges({ ...draft, clientId: "other" }, PROFILE, PRESETS)).toBe(true);
    expect(
      hasChanges({ ...draft, replacingKey: true, clientKeyFile: "/k.pem" }, PROFILE, PRESETS),
    ).toBe(true);
  });
});
