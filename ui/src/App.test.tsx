import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "./App";
import * as ipc from "./ipc";
import {
  ACCOUNTS,
  BOTH_BANKS,
  bankList,
  connected,
  connection,
  DEMO_BANK,
  EVERYDAY,
  NOT_CONNECTED,
  page,
  SAVINGS,
  TATRA_ACCOUNTS,
  TATRA_BANK,
  TRAVEL,
  transactions,
} from "./test/fixtures";
import { approved, mockIpc, SYSTEM_PREFERENCES } from "./test/ipcMock";
import { fakeViewport } from "./test/layout";
import { renderWithQueries } from "./test/render";

vi.mock("./ipc", async (importOriginal) =>
  (await import("./test/ipcModule")).mockedIpc(await importOriginal()),
);
// The Banks screen is tested on its own: here, only whether and how the window opens it.
vi.mock("./features/banks/BanksDialog", () => ({
  BanksDialog: ({
    open,
    startWith,
    onClose,
  }: {
    open: boolean;
    startWith?: string;
    onClose: () => void;
  }) =>
    open ? (
      <div role="dialog" aria-label="Banks screen" data-start-with={startWith}>
        <button type="button" onClick={onClose}>
          Close the Banks screen
        </button>
      </div>
    ) : null,
}));

let bank: ReturnType<typeof mockIpc>;
beforeEach(() => {
  bank = mockIpc();
});

const renderApp = () => renderWithQueries(<App />);
const onboarding = () =>
  screen.queryByRole("dialog", { name: /^(Connect a bank|Your accounts at|Reconnect)/ });
const banksScreen = () => screen.queryByRole("dialog", { name: "Banks screen" });
const bankGroup = (name: string) => screen.getByRole("region", { name });

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
    const dialog = screen.getByRole("dialog", { name: "Connect a bank" });
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

    const list = await screen.findByRole("list", { name: "Demo Bank" });
    await waitFor(() => expect(onboarding()).toBeNull());
    expect(within(list).getAllByTestId("account-item")).toHaveLength(1);
    expect(list.textContent).toContain("Everyday");
  });
});

describe("the main window", () => {
  it("lists the chosen accounts under the connected bank", async () => {
    vi.mocked(ipc.connectionStatus).mockResolvedValue(connected([EVERYDAY, SAVINGS, TRAVEL]));
    renderApp();
    const list = await screen.findByRole("list", { name: "Demo Bank" });
    expect(screen.getByRole("banner").textContent).toContain("Bankbook");
    expect(bankGroup("Demo Bank").textContent).toMatch(
      /Access ends in [0-9,]+ days \(1 September 2036\)/,
    );

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

  it("reopens the dialog at the bank's accounts on Choose accounts", async () => {
    vi.mocked(ipc.connectionStatus).mockResolvedValue(connected([TRAVEL]));
    renderApp();
    await userEvent.click(
      await screen.findByRole("button", { name: "Choose accounts at Demo Bank" }),
    );
    const dialog = screen.getByRole("dialog", { name: "Your accounts at Demo Bank" });
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
    await userEvent.click(await screen.findByRole("button", { name: "Disconnect Demo Bank" }));
    const confirm = screen.getByRole("dialog", { name: "Disconnect Demo Bank?" });
    expect(confirm.textContent).toContain("Keep the accounts and history");

    vi.mocked(ipc.connectionStatus).mockResolvedValue(NOT_CONNECTED);
    await userEvent.click(within(confirm).getByRole("button", { name: choice }));
    expect(ipc.disconnect).toHaveBeenCalledWith("demo", keepData);
    expect(await screen.findByRole("button", { name: "Connect a bank" })).toBeTruthy();
  });

  it("speaks Slovak with no accounts shown and when asking before disconnecting", async () => {
    vi.mocked(ipc.preferences).mockResolvedValue({ ...SYSTEM_PREFERENCES, language: "sk" });
    vi.mocked(ipc.connectionStatus).mockResolvedValue(connected([]));
    renderApp();
    await userEvent.click(await screen.findByRole("button", { name: "Zrušiť" }));
    expect(screen.getByText(/^Nezobrazuje sa žiadny účet/).textContent).toBe(
      "Nezobrazuje sa žiadny účet. Pomocou tlačidla „Vybrať účty“ pri banke vyberte, ktoré účty má Bankbook zobrazovať.",
    );
    await userEvent.click(screen.getByRole("button", { name: "Odpojiť banku Demo banka" }));
    const confirm = screen.getByRole("dialog", { name: "Odpojiť banku „Demo banka“?" });
    expect(confirm.textContent).toContain(
      "Váš bankový účet to nijako neovplyvní a kedykoľvek sa môžete znova pripojiť.",
    );
    expect(confirm.textContent).toContain(
      "Súhlas, ktorý ste udelili banke Demo banka, v nej zostáva platný, kým nevyprší alebo kým ho nezrušíte vo svojom internet bankingu. Bankbook ho už nepoužije.",
    );
  });

  it("does not disconnect on Cancel", async () => {
    vi.mocked(ipc.connectionStatus).mockResolvedValue(connected([EVERYDAY]));
    renderApp();
    await userEvent.click(await screen.findByRole("button", { name: "Disconnect Demo Bank" }));
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
    await userEvent.click(await screen.findByRole("button", { name: "Disconnect Demo Bank" }));
    await userEvent.click(screen.getByRole("button", { name: "Keep" }));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Bankbook could not disconnect. The keychain is locked.",
    );
  });
});

describe("when a bank's consent has ended", () => {
  const ended = () => new ipc.CommandError({ code: "consent_required", message: "invalid_grant" });
  const rowIds = () => screen.queryAllByTestId("transaction-row").map((row) => row.dataset.id);
  beforeEach(() => fakeViewport());

  it("offers Reconnect when an older page needs it, keeping the rows, opening nothing", async () => {
    vi.mocked(ipc.connectionStatus).mockResolvedValue(connected([EVERYDAY]));
    vi.mocked(ipc.transactionsPage).mockImplementation(async (_iban, cursor) => {
      if (cursor === null) {
        return page(transactions("a", 5), "older");
      }
      throw ended();
    });
    renderApp();
    expect(await screen.findByRole("button", { name: "Reconnect Demo Bank" })).toBeTruthy();
    expect(onboarding()).toBeNull();
    expect(rowIds()).toEqual(["a-0", "a-1", "a-2", "a-3", "a-4"]);
  });

  it("reconnects the bank from its group: its consent starts at once, the rows stay", async () => {
    vi.mocked(ipc.connectionStatus).mockResolvedValue(BOTH_BANKS);
    vi.mocked(ipc.transactionsPage).mockResolvedValue(page(transactions("a", 2)));
    vi.mocked(ipc.refreshBank).mockImplementation(async (bankId) => {
      if (bankId === TATRA_BANK.id) {
        throw ended();
      }
      return [];
    });
    renderApp();
    await waitFor(() => expect(rowIds()).toHaveLength(2));
    await userEvent.click(screen.getByRole("button", { name: "Refresh" }));
    await userEvent.click(await screen.findByRole("button", { name: "Reconnect Tatra banka" }));

    const dialog = screen.getByRole("dialog", { name: "Reconnect Tatra banka" });
    expect(ipc.startConsent).toHaveBeenCalledWith(TATRA_BANK.id);
    expect(rowIds()).toEqual(["a-0", "a-1"]);

    bank.finishConsent({ ...approved, bankId: TATRA_BANK.id });
    await waitFor(() =>
      expect(
        within(dialog).getByRole<HTMLInputElement>("checkbox", { name: /Bežný/ }).checked,
      ).toBe(true),
    );
    await userEvent.click(within(dialog).getByRole("button", { name: "Show accounts" }));
    expect(ipc.selectAccounts).toHaveBeenCalledWith(
      TATRA_BANK.id,
      TATRA_ACCOUNTS.map((account) => account.iban),
    );
    await waitFor(() => expect(onboarding()).toBeNull());
  });

  it("gives up the bank's consent when the dialog is closed while waiting", async () => {
    vi.mocked(ipc.connectionStatus).mockResolvedValue({
      connections: [
        connection(DEMO_BANK, [EVERYDAY]),
        connection(TATRA_BANK, TATRA_ACCOUNTS, { consentExpiresAt: "2026-01-01T00:00:00Z" }),
      ],
    });
    renderApp();
    await userEvent.click(await screen.findByRole("button", { name: "Reconnect Tatra banka" }));
    const dialog = screen.getByRole<HTMLDialogElement>("dialog", { name: "Reconnect Tatra banka" });
    expect(ipc.cancelConsent).not.toHaveBeenCalled();
    // Escape, as the browser closes a modal dialog (jsdom does not).
    act(() => dialog.close());
    await waitFor(() => expect(onboarding()).toBeNull());
    expect(ipc.cancelConsent).toHaveBeenCalledWith(TATRA_BANK.id);
  });
});

describe("several banks", () => {
  it("connects another bank, offering only those not connected yet", async () => {
    vi.mocked(ipc.listBanks).mockResolvedValue(bankList(DEMO_BANK, TATRA_BANK));
    vi.mocked(ipc.connectionStatus).mockResolvedValue(connected([EVERYDAY]));
    renderApp();
    await userEvent.click(await screen.findByRole("button", { name: "Connect another bank" }));
    const dialog = screen.getByRole("dialog", { name: "Connect a bank" });
    expect(await within(dialog).findByRole("radio", { name: /Tatra banka/ })).toBeTruthy();
    expect(within(dialog).queryByRole("radio", { name: /Demo Bank/ })).toBeNull();
    await userEvent.click(within(dialog).getByRole("button", { name: "Continue in your browser" }));
    expect(ipc.startConsent).toHaveBeenCalledWith(TATRA_BANK.id);
  });

  it("asks for the accounts of a bank that shows none", async () => {
    vi.mocked(ipc.connectionStatus).mockResolvedValue({
      connections: [connection(DEMO_BANK, [EVERYDAY]), connection(TATRA_BANK, [])],
    });
    renderApp();
    const dialog = await screen.findByRole("dialog", { name: "Your accounts at Tatra banka" });
    expect(await within(dialog).findAllByRole("checkbox", { name: /SK/ })).toHaveLength(2);
    expect(ipc.consentedAccounts).toHaveBeenCalledWith(TATRA_BANK.id);
  });

  it("opens the Banks screen from the header, and at a new bank from the dialog", async () => {
    vi.mocked(ipc.connectionStatus).mockResolvedValue(connected([EVERYDAY]));
    renderApp();
    await userEvent.click(await screen.findByRole("button", { name: "Banks" }));
    expect(banksScreen()?.dataset.startWith).toBe("list");
    await userEvent.click(screen.getByRole("button", { name: "Close the Banks screen" }));
    expect(banksScreen()).toBeNull();

    await userEvent.click(screen.getByRole("button", { name: "Connect another bank" }));
    await userEvent.click(await screen.findByRole("button", { name: "Add your bank" }));
    expect(banksScreen()?.dataset.startWith).toBe("add");
    // The dialog waits beneath, for the bank just added.
    expect(onboarding()).not.toBeNull();
  });

  it("opens the Banks screen from the first run's empty state", async () => {
    renderApp();
    await userEvent.click(await screen.findByRole("button", { name: "Add your bank" }));
    expect(banksScreen()?.dataset.startWith).toBe("add");
    expect(onboarding()).toBeNull();
  });

  it.each([
    [
      "en",
      "Disconnect Tatra banka",
      "Disconnect Tatra banka?",
      "The consent you gave at Tatra banka stays valid there until it expires or you revoke it in your internet banking. Bankbook won't use it again.",
    ],
    [
      "sk",
      "Odpojiť banku Tatra banka",
      "Odpojiť banku „Tatra banka“?",
      "Súhlas, ktorý ste udelili banke Tatra banka, v nej zostáva platný, kým nevyprší alebo kým ho nezrušíte vo svojom internet bankingu. Bankbook ho už nepoužije.",
    ],
  ] as const)(
    "says in %s that the bank's consent lives on, and disconnects that bank only",
    async (language, buttonName, title, consentText) => {
      vi.mocked(ipc.preferences).mockResolvedValue({ ...SYSTEM_PREFERENCES, language });
      vi.mocked(ipc.connectionStatus).mockResolvedValue(BOTH_BANKS);
      renderApp();
      await userEvent.click(await screen.findByRole("button", { name: buttonName }));
      const confirm = screen.getByRole("dialog", { name: title });
      expect(confirm.textContent).toContain(consentText);

      vi.mocked(ipc.connectionStatus).mockResolvedValue(connected(ACCOUNTS));
      await userEvent.click(
        within(confirm).getByRole("button", { name: language === "en" ? "Remove" : "Odstrániť" }),
      );
      expect(ipc.disconnect).toHaveBeenCalledWith(TATRA_BANK.id, false);
      await waitFor(() => expect(screen.queryByRole("region", { name: "Tatra banka" })).toBeNull());
      expect(screen.getByRole("region", { name: /Demo/ })).toBeTruthy();
    },
  );
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

  it("says the data is locked, offers nothing but trying again, and opens it then", async () => {
    vi.mocked(ipc.connectionStatus).mockRejectedValueOnce(
      new ipc.CommandError({
        code: "keychain_unavailable",
        message: "the local database is encrypted and the keychain with its key cannot be used",
        detail: { kind: "lockedData", reason: "locked" },
      }),
    );
    renderApp();
    expect((await screen.findByRole("heading", { level: 1 })).textContent).toBe(
      "Your Bankbook data is locked",
    );
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("Unlock the keychain");
    expect(alert.textContent).toContain("The keychain is locked.");
    expect(alert.textContent).not.toContain("local database");
    expect(screen.queryByRole("button", { name: "Start again…" })).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("button", { name: "Connect a bank" })).toBeTruthy();
  });

  it("says the key is gone, and starts again only once the person confirms", async () => {
    vi.mocked(ipc.connectionStatus).mockRejectedValueOnce(
      new ipc.CommandError({
        code: "keychain_unavailable",
        message: "the local database is encrypted and the keychain has no key that opens it",
        detail: { kind: "lockedData", reason: "storeKeyMissing" },
      }),
    );
    const keptAs = "/home/jana/.local/share/app.bankbook.desktop/bankbook unreadable.sqlite3";
    vi.mocked(ipc.startAgain).mockResolvedValue({ keptAs });
    renderApp();
    expect((await screen.findByRole("heading", { level: 1 })).textContent).toBe(
      "The key to your Bankbook data is gone",
    );
    await userEvent.click(screen.getByRole("button", { name: "Start again…" }));
    const dialog = screen.getByRole("dialog", { name: "Start again without your data?" });
    await userEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(ipc.startAgain).not.toHaveBeenCalled();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe(
      "The key to your Bankbook data is gone",
    );

    await userEvent.click(screen.getByRole("button", { name: "Start again…" }));
    await userEvent.click(screen.getByRole("button", { name: "Move aside and start again" }));
    expect((await screen.findByRole("status")).textContent).toBe(
      `Your old data is kept as ${keptAs}.`,
    );
    expect(ipc.startAgain).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole("button", { name: "Continue" }));
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
