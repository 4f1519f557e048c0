import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as ipc from "../../ipc";
import { renderWithQueries } from "../../test/render";
import { BanksDialog } from "./BanksDialog";

vi.mock("../../ipc", async (importOriginal) =>
  (await import("../../test/ipcModule")).mockedIpc(await importOriginal()),
);

const TATRA_SANDBOX: ipc.BankPreset = {
  id: "tatra-sandbox",
  name: "Tatra banka",
  baseUrl: "https://api.sandbox.tatrabanka.sk/sbas",
  environment: "sandbox",
  mutualTls: false,
};
const TATRA: ipc.BankPreset = {
  id: "tatra",
  name: "Tatra banka",
  baseUrl: "https://api.tatrabanka.sk/sbas",
  environment: "production",
  mutualTls: true,
};

/** A bank set up with its secret, not connected. */
const SAVED: ipc.BankProfileView = {
  id: "tatra-banka",
  name: "Tatra banka",
  baseUrl: TATRA.baseUrl,
  clientId: "bankbook-client",
  redirectUri: "app.bankbook:/oauth/callback/tatra-banka",
  clientSecretSaved: true,
  clientCertificate: null,
  clientKeySaved: false,
  connected: false,
};

/** A second bank, connected over mutual TLS. */
const CONNECTED: ipc.BankProfileView = {
  id: "vub",
  name: "VÚB",
  baseUrl: "https://api.vub.sk",
  clientId: "vub-client",
  redirectUri: "app.bankbook:/oauth/callback/vub",
  clientSecretSaved: true,
  clientCertificate: "/home/me/vub/client.pem",
  clientKeySaved: true,
  connected: true,
};

function settings(banks: ipc.BankProfileView[]): ipc.BankSettings {
  return { banks, presets: [TATRA_SANDBOX, TATRA] };
}

beforeEach(() => {
  vi.resetAllMocks();
  vi.mocked(ipc.bankSettings).mockResolvedValue(settings([SAVED, CONNECTED]));
  vi.mocked(ipc.checkBank).mockResolvedValue("clientAccepted");
  vi.mocked(ipc.removeBank).mockResolvedValue(undefined);
});

function renderDialog(language: "en" | "sk" = "en") {
  const onClose = vi.fn();
  const view = renderWithQueries(<BanksDialog open onClose={onClose} />, { language });
  return { ...view, onClose };
}

const dialog = () => screen.getByRole("dialog");
const button = (name: string | RegExp) => within(dialog()).getByRole("button", { name });
const field = (name: string | RegExp) =>
  within(dialog()).getByRole<HTMLInputElement>("textbox", { name });
const row = (bank: string) =>
  within(within(dialog()).getByRole("list", { name: "Your banks" })).getByRole("listitem", {
    name: bank,
  });

async function edit(bank: string, language: "en" | "sk" = "en") {
  const view = renderDialog(language);
  const name = language === "en" ? `Edit ${bank}` : `Upraviť banku ${bank}`;
  await userEvent.click(await screen.findByRole("button", { name }));
  return view;
}

async function add() {
  const view = renderDialog();
  await userEvent.click(await screen.findByRole("button", { name: "Add a bank" }));
  return view;
}

const preset = () => within(dialog()).getByRole<HTMLSelectElement>("combobox", { name: "Bank" });
const secret = () => within(dialog()).getByLabelText<HTMLInputElement>("Client secret");

function formError(field: ipc.BankField, problem: ipc.BankFormProblem) {
  return new ipc.CommandError({
    code: "invalid_input",
    message: "from Rust",
    detail: { kind: "bankForm", field, problem },
  });
}

describe("the list", () => {
  it("shows each bank with its address and state, and not the built-in Demo Bank", async () => {
    vi.mocked(ipc.bankSettings).mockResolvedValue(
      settings([
        { ...SAVED, clientSecretSaved: false },
        CONNECTED,
        { ...SAVED, id: "demo", name: "Demo Bank" },
      ]),
    );
    renderDialog();
    expect(screen.getByRole("heading", { name: "Banks", level: 2 })).toBeTruthy();
    expect(await screen.findByRole("listitem", { name: "VÚB" })).toBeTruthy();
    const tatra = row("Tatra banka");
    expect(within(tatra).getByText(TATRA.baseUrl)).toBeTruthy();
    expect(within(tatra).getByText("No client secret yet")).toBeTruthy();
    expect(within(tatra).queryByText("Connected")).toBeNull();
    const vub = row("VÚB");
    expect(within(vub).getByText("Client secret saved")).toBeTruthy();
    expect(within(vub).getByText("Mutual TLS")).toBeTruthy();
    expect(within(vub).getByText("Connected")).toBeTruthy();
    expect(within(dialog()).queryByText("Demo Bank")).toBeNull();
    expect(
      within(dialog()).getByText("The Demo Bank is built in and needs no settings."),
    ).toBeTruthy();
  });

  it("speaks Slovak", async () => {
    renderDialog("sk");
    expect(screen.getByRole("heading", { name: "Banky", level: 2 })).toBeTruthy();
    await screen.findByRole("listitem", { name: "VÚB" });
    const vub = within(screen.getByRole("list", { name: "Vaše banky" })).getByRole("listitem", {
      name: "VÚB",
    });
    expect(within(vub).getByText("Klientske tajomstvo je uložené")).toBeTruthy();
    expect(within(vub).getByText("Vzájomné TLS")).toBeTruthy();
    expect(within(vub).getByText("Pripojená")).toBeTruthy();
    expect(within(vub).getByRole("button", { name: "Skontrolovať banku VÚB" })).toBeTruthy();
    expect(within(vub).getByRole("button", { name: "Upraviť banku VÚB" })).toBeTruthy();
    expect(within(vub).getByRole("button", { name: "Odstrániť banku VÚB" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Pridať banku" })).toBeTruthy();
  });

  it("says there is none yet, and opens at its title", async () => {
    vi.mocked(ipc.bankSettings).mockResolvedValue(settings([]));
    renderDialog();
    expect(await screen.findByText("No banks added yet.")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole("heading", { name: "Banks" }));
  });

  it("names the line of a broken banks.toml, and tries again", async () => {
    vi.mocked(ipc.bankSettings).mockRejectedValueOnce(
      new ipc.CommandError({
        code: "invalid_input",
        message: "from Rust",
        detail: { kind: "banksFile", path: "/home/me/.config/bankbook/banks.toml", line: 7 },
      }),
    );
    renderDialog();
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Bankbook couldn't read your bank settings.");
    expect(alert.textContent).toContain("/home/me/.config/bankbook/banks.toml, line 7");
    await userEvent.click(button("Try again"));
    expect(await screen.findByRole("listitem", { name: "VÚB" })).toBeTruthy();
  });
});

describe("Check", () => {
  const outcomes: [ipc.BankCheck, string][] = [
    ["clientAccepted", "Tatra banka accepted Bankbook's client ID and secret. You can connect."],
    ["clientRejected", "Tatra banka did not accept the client ID or secret."],
    ["serverNotTrusted", "Bankbook does not trust the TLS certificate of Tatra banka's server"],
    ["clientCertificateRefused", "Tatra banka refused the client certificate."],
    ["unreachable", "Tatra banka can't be reached at this address."],
    ["unexpectedAnswer", "doesn't look like an SBAS bank API"],
    ["noClientSecret", "No client secret is saved for Tatra banka yet."],
  ];

  it.each(outcomes)("answered %s says so in the bank's row", async (outcome, text) => {
    vi.mocked(ipc.checkBank).mockResolvedValue(outcome);
    renderDialog();
    await userEvent.click(await screen.findByRole("button", { name: "Check Tatra banka" }));
    expect(ipc.checkBank).toHaveBeenCalledWith("tatra-banka");
    const status = within(row("Tatra banka")).getByRole("status");
    await waitFor(() => expect(status.textContent).toContain(text));
  });

  it("has every answer in Slovak", async () => {
    vi.mocked(ipc.checkBank).mockResolvedValue("clientRejected");
    renderDialog("sk");
    await userEvent.click(await screen.findByRole("button", { name: "Skontrolovať banku VÚB" }));
    expect(
      await screen.findByText(/^Banka VÚB neprijala klientske ID alebo klientske tajomstvo\./),
    ).toBeTruthy();
  });

  it("says why it could not run", async () => {
    vi.mocked(ipc.checkBank).mockRejectedValue(
      new ipc.CommandError({
        code: "keychain_unavailable",
        message: "from Rust",
        detail: { kind: "keychain", reason: "locked" },
      }),
    );
    renderDialog();
    await userEvent.click(await screen.findByRole("button", { name: "Check Tatra banka" }));
    const alert = await within(row("Tatra banka")).findByRole("alert");
    expect(alert.textContent).toContain("The check couldn't run.");
    expect(alert.textContent).toContain("Bankbook can't use your system keychain");
    expect(alert.textContent).toContain("The keychain is locked.");
  });
});

describe("Remove", () => {
  it("asks first for a connected bank, saying the bank's consent lives on", async () => {
    vi.mocked(ipc.removeBank).mockImplementation(async () => {
      vi.mocked(ipc.bankSettings).mockResolvedValue(settings([SAVED]));
    });
    renderDialog();
    await userEvent.click(await screen.findByRole("button", { name: "Remove VÚB" }));
    expect(ipc.removeBank).not.toHaveBeenCalled();
    const question = within(row("VÚB")).getByRole("group", { name: "Remove VÚB?" });
    expect(question.textContent).toContain(
      "Bankbook disconnects from VÚB, deletes the accounts and history it downloaded from it, and removes its client secret, private key and tokens from your keychain. The bank's own consent lives on until it ends or you revoke it in your internet banking.",
    );
    expect(document.activeElement).toBe(within(question).getByRole("button", { name: "Cancel" }));

    await userEvent.click(within(question).getByRole("button", { name: "Remove" }));
    expect(ipc.removeBank).toHaveBeenCalledWith("vub");
    await waitFor(() => expect(screen.queryByRole("listitem", { name: "VÚB" })).toBeNull());
    expect(within(dialog()).getByText("VÚB was removed.")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole("heading", { name: "Banks" }));
  });

  it("asks in one step for a bank that is not connected, and Cancel keeps it", async () => {
    renderDialog();
    await userEvent.click(await screen.findByRole("button", { name: "Remove Tatra banka" }));
    const question = within(row("Tatra banka")).getByRole("group", { name: "Remove Tatra banka?" });
    expect(question.textContent).toContain(
      "Bankbook forgets Tatra banka's settings and removes its client secret and private key from your keychain.",
    );
    expect(question.textContent).not.toContain("consent");
    await userEvent.click(within(question).getByRole("button", { name: "Cancel" }));
    expect(within(row("Tatra banka")).queryByRole("group")).toBeNull();
    expect(document.activeElement).toBe(button("Remove Tatra banka"));
    expect(ipc.removeBank).not.toHaveBeenCalled();
  });

  it("reads the banks and the connections again", async () => {
    const { client } = renderDialog();
    const invalidate = vi.spyOn(client, "invalidateQueries");
    await userEvent.click(await screen.findByRole("button", { name: "Remove Tatra banka" }));
    await userEvent.click(within(row("Tatra banka")).getByRole("button", { name: "Remove" }));
    await waitFor(() => expect(invalidate).toHaveBeenCalledTimes(3));
    const keys = invalidate.mock.calls.map(([filters]) => filters?.queryKey);
    expect(keys).toEqual([["bankSettings"], ["banks"], ["connection-status"]]);
  });

  it("says why it failed, in place", async () => {
    vi.mocked(ipc.removeBank).mockRejectedValue(
      new ipc.CommandError({ code: "storage_unavailable", message: "from Rust" }),
    );
    renderDialog();
    await userEvent.click(await screen.findByRole("button", { name: "Remove Tatra banka" }));
    await userEvent.click(within(row("Tatra banka")).getByRole("button", { name: "Remove" }));
    const alert = await within(row("Tatra banka")).findByRole("alert");
    expect(alert.textContent).toContain("The bank couldn't be removed.");
    expect(alert.textContent).toContain("Bankbook can't write to its data folder.");
  });
});

describe("the form", () => {
  it("fills the name and address from a preset, and leaves them to type for another bank", async () => {
    await add();
    expect(screen.getByRole("heading", { name: "Add a bank" })).toBe(document.activeElement);
    expect(preset().value).toBe("");

    await userEvent.selectOptions(preset(), "Tatra banka (sandbox)");
    expect(field("Display name").value).toBe("Tatra banka (sandbox)");
    expect(field("Base URL of the bank's API").value).toBe(TATRA_SANDBOX.baseUrl);

    await userEvent.selectOptions(preset(), "Tatra banka");
    expect(field("Display name").value).toBe("Tatra banka");
    expect(field("Base URL of the bank's API").value).toBe(TATRA.baseUrl);
    expect(
      within(dialog()).getByRole("group", { name: "Mutual TLS (optional)" }).textContent,
    ).toContain("Tatra banka requires mutual TLS");

    await userEvent.selectOptions(preset(), "Other bank of the SBAS family");
    expect(field("Display name").value).toBe("");
    expect(field("Base URL of the bank's API").value).toBe("");
  });

  it("keeps a name the person typed when a preset is chosen", async () => {
    await add();
    await userEvent.type(field("Display name"), "My bank");
    await userEvent.selectOptions(preset(), "Tatra banka (sandbox)");
    expect(field("Display name").value).toBe("My bank");
    expect(field("Base URL of the bank's API").value).toBe(TATRA_SANDBOX.baseUrl);
  });

  it("never shows a saved secret: Replace brings an empty field", async () => {
    await edit("Tatra banka");
    expect(screen.getByRole("heading", { name: "Edit Tatra banka" })).toBe(document.activeElement);
    expect(preset().value).toBe(TATRA.id);
    expect(within(dialog()).queryByLabelText("Client secret")).toBeNull();
    const saved = within(dialog()).getByRole("group", { name: "Client secret" });
    expect(within(saved).getByText("Saved in your keychain")).toBeTruthy();

    await userEvent.click(button("Replace the client secret"));
    expect(secret().value).toBe("");
    expect(secret().type).toBe("password");
    expect(document.activeElement).toBe(secret());

    await userEvent.click(button("Keep the saved secret"));
    expect(within(dialog()).queryByLabelText("Client secret")).toBeNull();
    expect(document.activeElement).toBe(button("Replace the client secret"));
  });

  it("saves exactly the form: no secret unless replaced, paths without spaces", async () => {
    vi.mocked(ipc.saveBank).mockImplementation(async (form) => ({
      ...SAVED,
      clientId: form.clientId,
      clientCertificate: form.clientCertificate,
    }));
    await edit("Tatra banka");
    await userEvent.clear(field("Client ID"));
    await userEvent.type(field("Client ID"), "new-client ");
    await userEvent.type(field("Certificate file (PEM)"), " /home/me/tb/client.pem");
    await userEvent.click(button("Save"));
    expect(ipc.saveBank).toHaveBeenCalledWith({
      id: "tatra-banka",
      name: "Tatra banka",
      baseUrl: TATRA.baseUrl,
      clientId: "new-client",
      clientSecret: null,
      clientCertificate: "/home/me/tb/client.pem",
      clientKeyFile: null,
    });
    const status = await within(dialog()).findByText("Tatra banka is saved.");
    expect(status.getAttribute("role")).toBe("status");
  });

  it("sends a replaced secret and a key file to import", async () => {
    vi.mocked(ipc.saveBank).mockResolvedValue({ ...CONNECTED, clientId: "vub-client" });
    await edit("VÚB");
    expect(within(dialog()).getByText("Private key saved in your keychain")).toBeTruthy();
    await userEvent.click(button("Replace the client secret"));
    await userEvent.type(secret(), " s3cret with spaces ");
    await userEvent.click(button("Replace the private key"));
    await userEvent.type(field("Private key file (PEM)"), "/home/me/vub/new-key.pem");
    await userEvent.click(button("Save"));
    expect(ipc.saveBank).toHaveBeenCalledWith({
      id: "vub",
      name: "VÚB",
      baseUrl: "https://api.vub.sk",
      clientId: "vub-client",
      clientSecret: " s3cret with spaces ",
      clientCertificate: "/home/me/vub/client.pem",
      clientKeyFile: "/home/me/vub/new-key.pem",
    });
    // Saved: the secret is write-only again.
    await within(dialog()).findByText("VÚB is saved.");
    expect(within(dialog()).queryByLabelText("Client secret")).toBeNull();
  });

  it("adds a bank, then shows its redirect URI to copy and lets it be checked", async () => {
    const added: ipc.BankProfileView = {
      ...SAVED,
      id: "tatra-banka-sandbox",
      name: "Tatra banka (sandbox)",
      baseUrl: TATRA_SANDBOX.baseUrl,
      redirectUri: "app.bankbook:/oauth/callback/tatra-banka-sandbox",
    };
    vi.mocked(ipc.saveBank).mockImplementation(async () => {
      vi.mocked(ipc.bankSettings).mockResolvedValue(settings([SAVED, CONNECTED, added]));
      return added;
    });
    await add();
    expect(
      within(dialog()).getByText(
        "The redirect URI to register at your bank appears here once you save.",
      ),
    ).toBeTruthy();
    expect(within(dialog()).queryByRole("button", { name: "Check" })).toBeNull();
    await userEvent.selectOptions(preset(), "Tatra banka (sandbox)");
    await userEvent.type(field("Client ID"), "bankbook-client");
    await userEvent.type(secret(), "typed-secret");
    await userEvent.click(button("Save"));
    expect(ipc.saveBank).toHaveBeenCalledWith({
      id: null,
      name: "Tatra banka (sandbox)",
      baseUrl: TATRA_SANDBOX.baseUrl,
      clientId: "bankbook-client",
      clientSecret: "typed-secret",
      clientCertificate: null,
      clientKeyFile: null,
    });

    expect(await screen.findByRole("heading", { name: "Edit Tatra banka (sandbox)" })).toBeTruthy();
    expect(field("Redirect URI").value).toBe(added.redirectUri);
    expect(
      within(dialog()).getByText(/^Tatra banka \(sandbox\) is saved\. Register its redirect URI/),
    ).toBeTruthy();
    await userEvent.click(button("Check"));
    expect(ipc.checkBank).toHaveBeenCalledWith("tatra-banka-sandbox");
    expect(
      await within(dialog()).findByText(
        "Tatra banka (sandbox) accepted Bankbook's client ID and secret. You can connect.",
      ),
    ).toBeTruthy();
  });

  it("offers Check only for what is saved", async () => {
    await edit("Tatra banka");
    expect(button("Check")).toBeTruthy();
    await userEvent.type(field("Client ID"), "-2");
    expect(within(dialog()).queryByRole("button", { name: "Check" })).toBeNull();
  });

  it("shows a refused field's problem at the field, and takes the focus there", async () => {
    vi.mocked(ipc.saveBank).mockRejectedValue(formError("baseUrl", "notHttps"));
    await edit("Tatra banka");
    await userEvent.clear(field("Base URL of the bank's API"));
    await userEvent.type(field("Base URL of the bank's API"), "http://api.tatrabanka.sk");
    await userEvent.click(button("Save"));

    const url = field("Base URL of the bank's API");
    await waitFor(() => expect(url.getAttribute("aria-invalid")).toBe("true"));
    const describedBy = (url.getAttribute("aria-describedby") ?? "").split(" ");
    const texts = describedBy.map((id) => document.getElementById(id)?.textContent);
    expect(texts).toContain(
      "Banks are reached over https only: the address must start with https://.",
    );
    expect(document.activeElement).toBe(url);
    expect(within(dialog()).queryByRole("alert")).toBeNull();

    // Changing the field takes the problem away.
    await userEvent.type(url, "/");
    expect(url.getAttribute("aria-invalid")).toBeNull();
  });

  it("shows a problem with a saved key next to its Replace button, in Slovak too", async () => {
    vi.mocked(ipc.saveBank).mockRejectedValue(formError("clientKeyFile", "keyDoesNotMatch"));
    await edit("VÚB", "sk");
    await userEvent.click(within(dialog()).getByRole("button", { name: "Uložiť" }));
    const replace = within(dialog()).getByRole("button", { name: "Nahradiť súkromný kľúč" });
    await waitFor(() => expect(document.activeElement).toBe(replace));
    const describedBy = replace.getAttribute("aria-describedby") ?? "";
    expect(document.getElementById(describedBy)?.textContent).toBe(
      "Tento súkromný kľúč nepatrí k certifikátu.",
    );
  });

  it("says why a save failed that is not about a field", async () => {
    vi.mocked(ipc.saveBank).mockRejectedValue(
      new ipc.CommandError({
        code: "keychain_unavailable",
        message: "from Rust",
        detail: { kind: "keychain", reason: "noService" },
      }),
    );
    await edit("Tatra banka");
    await userEvent.click(button("Save"));
    const alert = await within(dialog()).findByRole("alert");
    expect(alert.textContent).toContain("The bank couldn't be saved.");
    expect(alert.textContent).toContain("No keychain service is running.");
  });

  it("goes back to the list, focus on its title", async () => {
    await edit("Tatra banka");
    await userEvent.click(button("Back to banks"));
    expect(document.activeElement).toBe(screen.getByRole("heading", { name: "Banks" }));
    expect(row("Tatra banka")).toBeTruthy();
  });
});

describe("the redirect URI", () => {
  function clipboard(writeText: (text: string) => Promise<void>) {
    Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText } });
  }

  it("is copied, and that is announced", async () => {
    const writeText = vi.fn(async (_text: string) => {});
    await edit("Tatra banka");
    clipboard(writeText);
    await userEvent.click(button("Copy the redirect URI"));
    expect(writeText).toHaveBeenCalledWith("app.bankbook:/oauth/callback/tatra-banka");
    const status = await within(dialog()).findByText("Copied");
    expect(status.getAttribute("role")).toBe("status");
  });

  it("says when it could not be copied", async () => {
    await edit("Tatra banka");
    clipboard(async () => {
      throw new Error("not allowed");
    });
    await userEvent.click(button("Copy the redirect URI"));
    expect(
      await within(dialog()).findByText("Couldn't copy. Select the address and copy it yourself."),
    ).toBeTruthy();
  });
});
