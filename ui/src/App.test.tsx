import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "./App";
import * as ipc from "./ipc";
import {
  connected,
  EVERYDAY,
  NOT_CONNECTED,
  page,
  SAVINGS,
  TRAVEL,
  transactions,
} from "./test/fixtures";
import { approved, mockIpc, SYSTEM_PREFERENCES } from "./test/ipcMock";
import { fakeViewport } from "./test/layout";
import { renderWithQueries } from "./test/render";

vi.mock("./ipc", async (importOriginal) =>
  (await import("./test/ipcModule")).mockedIpc(await importOriginal()),
);

let bank: ReturnType<typeof mockIpc>;
beforeEach(() => {
  bank = mockIpc();
});

const renderApp = () => renderWithQueries(<App />);
const onboarding = () => screen.queryByRole("dialog", { name: "Connect your bank" });

describe("first run", () => {
  it("invites the user to connect a bank", async () => {
    renderApp();
    expect((await screen.findByRole("heading", { level: 1 })).textContent).toBe(
      "Connect your bank",
    );
    expect(onboarding()).toBeNull();
  });

  it("opens the onboarding dialog with the Demo Bank preselected", async () => {
    renderApp();
    await userEvent.click(await screen.findByRole("button", { name: "Connect a bank" }));
    const dialog = screen.getByRole("dialog", { name: "Connect your bank" });
    const demo = await screen.findByRole<HTMLInputElement>("radio", { name: /Demo Bank/ });
    expect(dialog.contains(demo)).toBe(true);
    expect(demo.checked).toBe(true);
  });

  it("says so when the banks cannot be listed, and why", async () => {
    vi.mocked(ipc.listBanks).mockRejectedValue(
      new ipc.CommandError({
        code: "internal",
        message: "banks.toml, line 3: missing base_url",
        detail: { kind: "banksFile", path: "/etc/bankbook/banks.toml", line: 3 },
      }),
    );
    renderApp();
    await userEvent.click(await screen.findByRole("button", { name: "Connect a bank" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe(
      "The list of banks could not be loaded. /etc/bankbook/banks.toml, line 3",
    );
  });

  it("closes the dialog on Cancel", async () => {
    renderApp();
    await userEvent.click(await screen.findByRole("button", { name: "Connect a bank" }));
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(onboarding()).toBeNull();
  });

  it("connects, and shows the chosen account in the main window", async () => {
    vi.mocked(ipc.consentedAccounts).mockResolvedValue([EVERYDAY, SAVINGS]);
    renderApp();
    await userEvent.click(await screen.findByRole("button", { name: "Connect a bank" }));
    await userEvent.click(await screen.findByRole("button", { name: "Continue in your browser" }));
    vi.mocked(ipc.connectionStatus).mockResolvedValue(connected([]));
    bank.finishConsent(approved);

    await userEvent.click(await screen.findByRole("checkbox", { name: /Everyday/ }));
    vi.mocked(ipc.connectionStatus).mockResolvedValue(connected([EVERYDAY]));
    await userEvent.click(screen.getByRole("button", { name: "Show accounts" }));

    const list = await screen.findByRole("list", { name: "Accounts" });
    await waitFor(() => expect(onboarding()).toBeNull());
    expect(within(list).getAllByTestId("account-item")).toHaveLength(1);
    expect(list.textContent).toContain("Everyday");
  });
});

describe("the main window", () => {
  it("lists the chosen accounts under the connected bank", async () => {
    vi.mocked(ipc.connectionStatus).mockResolvedValue(connected([EVERYDAY, SAVINGS, TRAVEL]));
    renderApp();
    const list = await screen.findByRole("list", { name: "Accounts" });
    const header = screen.getByRole("banner");
    expect(header.textContent).toContain("Bankbook");
    expect(header.textContent).toContain("Demo Bank");
    expect(header.textContent).toContain("Access until");

    const items = within(list).getAllByTestId("account-item");
    expect(items.map((item) => item.dataset.iban)).toEqual([
      EVERYDAY.iban,
      SAVINGS.iban,
      TRAVEL.iban,
    ]);
    const [everyday, savings, travel] = items;
    expect(everyday?.textContent).toContain("Everyday");
    expect(everyday?.textContent).toContain("DE89 3704 … 3000");
    expect(everyday?.querySelector(".iban")?.getAttribute("title")).toBe(
      "DE89 3704 0044 0532 0130 00",
    );
    // No name: the product names the account.
    expect(savings?.textContent).toContain("Tagesgeld");
    await waitFor(() => expect(travel?.textContent).toContain("$1,520.35"));
    // The first account's history is the one shown.
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Everyday");
    expect(onboarding()).toBeNull();
  });

  it("reopens the dialog at the accounts on Change accounts", async () => {
    vi.mocked(ipc.connectionStatus).mockResolvedValue(connected([TRAVEL]));
    renderApp();
    await userEvent.click(await screen.findByRole("button", { name: "Change accounts" }));
    const dialog = screen.getByRole("dialog", { name: "Connect your bank" });
    expect(within(dialog).getByRole("heading", { level: 3 }).textContent).toBe(
      "Choose the accounts to show",
    );
    await waitFor(() =>
      expect(
        within(dialog).getByRole<HTMLInputElement>("checkbox", { name: /Travel/ }).checked,
      ).toBe(true),
    );
    expect(ipc.startConsent).not.toHaveBeenCalled();
  });

  it("asks for the accounts when none is chosen yet, and lets the user put that aside", async () => {
    vi.mocked(ipc.connectionStatus).mockResolvedValue(connected([]));
    renderApp();
    expect(await screen.findAllByRole("checkbox", { name: /DE/ })).toHaveLength(3);
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(onboarding()).toBeNull();
    expect(screen.getByText(/No accounts are shown/)).toBeTruthy();
  });

  it.each([
    ["Keep", true],
    ["Remove", false],
  ])("disconnects on %s, asking first whether the data stays", async (choice, keepData) => {
    vi.mocked(ipc.connectionStatus).mockResolvedValue(connected([EVERYDAY]));
    renderApp();
    await userEvent.click(await screen.findByRole("button", { name: "Disconnect" }));
    const confirm = screen.getByRole("dialog", { name: "Disconnect Demo Bank?" });
    expect(confirm.textContent).toContain("Keep the accounts and history");

    vi.mocked(ipc.connectionStatus).mockResolvedValue(NOT_CONNECTED);
    await userEvent.click(within(confirm).getByRole("button", { name: choice }));
    expect(ipc.disconnect).toHaveBeenCalledWith(keepData);
    expect(await screen.findByRole("button", { name: "Connect a bank" })).toBeTruthy();
  });

  it("speaks Slovak with no accounts shown and when asking before disconnecting", async () => {
    vi.mocked(ipc.preferences).mockResolvedValue({ ...SYSTEM_PREFERENCES, language: "sk" });
    vi.mocked(ipc.connectionStatus).mockResolvedValue(connected([]));
    renderApp();
    await userEvent.click(await screen.findByRole("button", { name: "Zrušiť" }));
    expect(screen.getByText(/^Nezobrazuje sa žiadny účet/).textContent).toBe(
      "Nezobrazuje sa žiadny účet. Pomocou tlačidla „Zmeniť účty“ vyberte, ktoré účty má Bankbook zobrazovať.",
    );
    await userEvent.click(screen.getByRole("button", { name: "Odpojiť" }));
    const confirm = screen.getByRole("dialog", { name: "Odpojiť banku „Demo banka“?" });
    expect(confirm.textContent).toContain(
      "Váš bankový účet to nijako neovplyvní a kedykoľvek sa môžete znova pripojiť.",
    );
  });

  it("does not disconnect on Cancel", async () => {
    vi.mocked(ipc.connectionStatus).mockResolvedValue(connected([EVERYDAY]));
    renderApp();
    await userEvent.click(await screen.findByRole("button", { name: "Disconnect" }));
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(ipc.disconnect).not.toHaveBeenCalled();
  });

  it("says when disconnecting failed", async () => {
    vi.mocked(ipc.connectionStatus).mockResolvedValue(connected([EVERYDAY]));
    vi.mocked(ipc.disconnect).mockRejectedValue(
      new ipc.CommandError({
        code: "keychain_unavailable",
        message: "keychain is locked",
        detail: { kind: "keychain", reason: "locked" },
      }),
    );
    renderApp();
    await userEvent.click(await screen.findByRole("button", { name: "Disconnect" }));
    await userEvent.click(screen.getByRole("button", { name: "Keep" }));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Bankbook could not disconnect. The keychain is locked.",
    );
  });
});

describe("when the bank's consent has ended", () => {
  const ended = () => new ipc.CommandError({ code: "consent_required", message: "invalid_grant" });
  const rowIds = () => screen.queryAllByTestId("transaction-row").map((row) => row.dataset.id);
  beforeEach(() => fakeViewport());

  it("opens the connect dialog when an older page needs it, and keeps the rows", async () => {
    vi.mocked(ipc.connectionStatus).mockResolvedValue(connected([EVERYDAY]));
    vi.mocked(ipc.transactionsPage).mockImplementation(async (_iban, cursor) => {
      if (cursor === null) {
        return page(transactions("a", 5), "older");
      }
      throw ended();
    });
    renderApp();
    const dialog = await screen.findByRole("dialog", { name: "Connect your bank" });
    expect(within(dialog).getByRole("heading", { level: 3 }).textContent).toBe("Choose your bank");
    expect(rowIds()).toEqual(["a-0", "a-1", "a-2", "a-3", "a-4"]);
  });

  it("opens the connect dialog when a refresh needs it, and keeps the rows", async () => {
    vi.mocked(ipc.connectionStatus).mockResolvedValue(connected([EVERYDAY]));
    vi.mocked(ipc.transactionsPage).mockResolvedValue(page(transactions("a", 2)));
    vi.mocked(ipc.refreshAccounts).mockRejectedValue(ended());
    renderApp();
    await waitFor(() => expect(rowIds()).toHaveLength(2));
    await userEvent.click(screen.getByRole("button", { name: "Refresh" }));
    expect(await screen.findByRole("dialog", { name: "Connect your bank" })).toBeTruthy();
    expect(rowIds()).toEqual(["a-0", "a-1"]);
  });
});

describe("when the connection cannot be read", () => {
  it("explains, and tries again", async () => {
    vi.mocked(ipc.connectionStatus).mockRejectedValueOnce(
      new ipc.CommandError({
        code: "keychain_unavailable",
        message: "no Secret Service",
        detail: { kind: "keychain", reason: "noService" },
      }),
    );
    renderApp();
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("GNOME Keyring");
    expect(alert.textContent).toContain("No keychain service is running.");
    expect(alert.textContent).not.toContain("no Secret Service");
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("button", { name: "Connect a bank" })).toBeTruthy();
  });

  it("says the data folder is the problem when it can't be opened", async () => {
    vi.mocked(ipc.connectionStatus).mockRejectedValueOnce(
      new ipc.CommandError({
        code: "storage_unavailable",
        message: "Bankbook can't use its data folder /home/jana/.local/share: read-only",
        detail: { kind: "folder", path: "/home/jana/.local/share/bankbook", reason: "readOnly" },
      }),
    );
    renderApp();
    const alert = await screen.findByRole("alert");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe(
      "Bankbook can't open its data",
    );
    expect(alert.textContent).toContain("Free some space on the disk");
    expect(alert.textContent).toContain(
      "The folder is read-only. Folder: /home/jana/.local/share/bankbook",
    );
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("button", { name: "Connect a bank" })).toBeTruthy();
  });
});
