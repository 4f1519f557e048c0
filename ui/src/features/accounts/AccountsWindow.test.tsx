import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as ipc from "../../ipc";
import {
  ACCOUNTS,
  BEZNY,
  BOTH_BANKS,
  connected,
  connection,
  DEMO_BANK,
  EVERYDAY,
  overview,
  page,
  SAVINGS,
  SPORIACI,
  TATRA_ACCOUNTS,
  TATRA_BANK,
  TRAVEL,
  transaction,
  transactions,
} from "../../test/fixtures";
import { mockIpc } from "../../test/ipcMock";
import { fakeViewport } from "../../test/layout";
import { renderWithQueries } from "../../test/render";
import { CONNECTION_STATUS_KEY } from "../connection/useConnectionStatus";
import { AccountsWindow } from "./AccountsWindow";

vi.mock("../../ipc", async (importOriginal) =>
  (await import("../../test/ipcModule")).mockedIpc(await importOriginal()),
);

beforeEach(() => {
  mockIpc();
  fakeViewport();
});

function renderWindow({
  connections = connected(ACCOUNTS).connections,
  language = "en",
}: {
  connections?: ipc.BankConnection[];
  language?: "en" | "sk";
} = {}) {
  const handlers = {
    onConnectAnother: vi.fn(),
    onOpenBanks: vi.fn(),
    onOpenSettings: vi.fn(),
    onChooseAccounts: vi.fn(),
    onReconnect: vi.fn(),
  };
  const windowWith = (shown: ipc.BankConnection[]) => (
    <AccountsWindow connections={shown} {...handlers} />
  );
  const view = renderWithQueries(windowWith(connections), { language });
  return {
    ...view,
    ...handlers,
    showConnections: (shown: ipc.BankConnection[]) => view.rerender(windowWith(shown)),
  };
}

const accountItem = (account: ipc.AccountChoice) => {
  const item = screen
    .getAllByTestId("account-item")
    .find((candidate) => candidate.dataset.iban === account.iban);
  if (!item) {
    throw new Error(`no account item for ${account.iban}`);
  }
  return item;
};
const rowIds = () => screen.queryAllByTestId("transaction-row").map((row) => row.dataset.id);
const refreshButton = () => screen.getByRole("button", { name: "Refresh" });

describe("in Slovak", () => {
  it("formats money, freshness and dates for Slovakia, and names the Demo Bank", async () => {
    const everydayOverview = overview(EVERYDAY, { booked: "1234.56", available: "-1520.35" });
    const [, availableBalance] = everydayOverview.balances;
    if (availableBalance) {
      availableBalance.creditLine = "2000";
    }
    vi.mocked(ipc.accountsOverview).mockResolvedValue([
      everydayOverview,
      overview(SAVINGS, { fetchedAt: null }),
    ]);
    renderWindow({ language: "sk" });
    const everyday = accountItem(EVERYDAY);
    // Intl separates thousands and the currency with no-break spaces.
    await waitFor(() =>
      expect(within(everyday).getByTestId("balance-booked").textContent).toBe(
        "1\u00a0234,56\u00a0€",
      ),
    );
    expect(within(everyday).getByTestId("balance-available").textContent).toBe(
      "\u22121\u00a0520,35\u00a0€",
    );
    expect(within(everyday).getByTestId("balance-available").title).toBe(
      "Vrátane povoleného prečerpania vo výške 2\u00a0000,00\u00a0€",
    );
    // The selected account's empty history.
    expect(
      await screen.findByText("Tu sa zobrazia platby prijaté na tento účet aj odoslané z neho."),
    ).toBeTruthy();
    expect(everyday.textContent).toContain("Účtovný");
    expect(everyday.textContent).toContain("Aktualizované pred 5 minútami");
    expect(accountItem(SAVINGS).textContent).toContain("Zatiaľ neaktualizované");
    const demo = screen.getByRole("region", { name: "Demo banka" });
    expect(demo.textContent).toMatch(/Prístup skončí o [\d\s]+ dní \(1. septembra 2036\)/);
    expect(
      within(demo).getByRole("button", { name: "Vybrať účty v banke Demo banka" }),
    ).toBeTruthy();
    expect(within(demo).getByRole("button", { name: "Odpojiť banku Demo banka" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Obnoviť" })).toBeTruthy();
    const header = screen.getByRole("banner");
    expect(within(header).getByRole("button", { name: "Pripojiť ďalšiu banku" })).toBeTruthy();
    expect(within(header).getByRole("button", { name: "Banky" })).toBeTruthy();
    expect(within(header).getByRole("button", { name: "Nastavenia" })).toBeTruthy();
  });
});

describe("the sidebar", () => {
  it("shows each account's booked and available balance and how fresh they are", async () => {
    vi.mocked(ipc.accountsOverview).mockResolvedValue([
      overview(EVERYDAY, { booked: "-1520.35", available: "479.65" }),
      overview(SAVINGS, { booked: "12345678901234567.1", available: "0" }),
      overview(TRAVEL, { fetchedAt: null }),
    ]);
    renderWindow();
    const everyday = accountItem(EVERYDAY);
    await waitFor(() =>
      expect(within(everyday).getByTestId("balance-booked").textContent).toBe("−€1,520.35"),
    );
    expect(within(everyday).getByTestId("balance-available").textContent).toBe("€479.65");
    expect(everyday.textContent).toContain("Updated 5 minutes ago");
    expect(within(accountItem(SAVINGS)).getByTestId("balance-booked").textContent).toBe(
      "€12,345,678,901,234,567.10",
    );
    expect(accountItem(TRAVEL).textContent).toContain("Not updated yet");
  });

  it("shortens the IBAN and keeps the whole of it in the title", () => {
    renderWindow();
    const iban = within(accountItem(EVERYDAY)).getByText("DE89 3704 … 3000");
    expect(iban.getAttribute("title")).toBe("DE89 3704 0044 0532 0130 00");
  });

  it("says when an account has no balance stored", async () => {
    vi.mocked(ipc.accountsOverview).mockResolvedValue([overview(EVERYDAY)]);
    renderWindow();
    await waitFor(() => expect(accountItem(SAVINGS).textContent).toContain("Not updated yet"));
    expect(within(accountItem(SAVINGS)).getByTestId("balance-booked").textContent).toBe("—");
  });
});

describe("choosing the account", () => {
  it("shows the first account's history at first", async () => {
    vi.mocked(ipc.transactionsPage).mockResolvedValue(page(transactions("everyday", 3)));
    renderWindow();
    expect(accountItem(EVERYDAY).getAttribute("aria-current")).toBe("true");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Everyday");
    await waitFor(() => expect(rowIds()).toEqual(["everyday-0", "everyday-1", "everyday-2"]));
    expect(ipc.transactionsPage).toHaveBeenCalledWith(EVERYDAY.iban, null, 100, "older");
  });

  it("loads the history of the account the user selects", async () => {
    vi.mocked(ipc.transactionsPage).mockImplementation(async (iban) =>
      page(transactions(iban === SAVINGS.iban ? "savings" : "everyday", 2)),
    );
    renderWindow();
    await waitFor(() => expect(rowIds()).toEqual(["everyday-0", "everyday-1"]));

    await userEvent.click(accountItem(SAVINGS));
    await waitFor(() => expect(rowIds()).toEqual(["savings-0", "savings-1"]));
    expect(ipc.transactionsPage).toHaveBeenCalledWith(SAVINGS.iban, null, 100, "older");
    expect(accountItem(SAVINGS).getAttribute("aria-current")).toBe("true");
    expect(accountItem(EVERYDAY).getAttribute("aria-current")).toBeNull();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Tagesgeld");
  });

  it("selects with the keyboard", async () => {
    renderWindow();
    accountItem(TRAVEL).focus();
    await userEvent.keyboard("{Enter}");
    expect(accountItem(TRAVEL).getAttribute("aria-current")).toBe("true");
    await waitFor(() =>
      expect(ipc.transactionsPage).toHaveBeenCalledWith(TRAVEL.iban, null, 100, "older"),
    );
  });
});

/** A promise the test settles when it chooses. */
function deferred<T>() {
  let settle: { resolve: (value: T) => void; reject: (reason: unknown) => void } = {
    resolve: () => {},
    reject: () => {},
  };
  const promise = new Promise<T>((resolve, reject) => {
    settle = { resolve, reject };
  });
  return { promise, ...settle };
}

const bankGroup = (name: string) => screen.getByRole("region", { name });
const failing = (code: ipc.ErrorCode, retryAfterSeconds: number | null = null) =>
  new ipc.CommandError({ code, message: `${code} from Rust`, retryAfterSeconds });
const ENDED = "2026-01-01T00:00:00Z";

describe("refreshing", () => {
  it("refreshes once by itself when a balance is stale", async () => {
    vi.mocked(ipc.accountsOverview).mockResolvedValue([
      overview(EVERYDAY, { stale: true }),
      overview(SAVINGS),
    ]);
    // The refresh fails and the balance stays stale: still only one refresh, no loop.
    vi.mocked(ipc.refreshBank).mockRejectedValue(failing("bank_unavailable"));
    renderWindow();
    expect((await screen.findByRole("alert")).textContent).toContain(
      "Your bank can't be reached right now.",
    );
    // Only what is stale: a history the list has just fetched is not fetched again.
    expect(ipc.refreshBank).toHaveBeenCalledTimes(1);
    expect(ipc.refreshBank).toHaveBeenCalledWith(DEMO_BANK.id, true);
  });

  it("does not refresh by itself when nothing is stale", async () => {
    renderWindow();
    await waitFor(() => expect(accountItem(EVERYDAY).textContent).toContain("Updated"));
    expect(ipc.refreshBank).not.toHaveBeenCalled();
  });

  it("does not refresh by itself a bank whose consent has ended", async () => {
    vi.mocked(ipc.accountsOverview).mockResolvedValue([overview(EVERYDAY, { stale: true })]);
    renderWindow({
      connections: [connection(DEMO_BANK, ACCOUNTS, { consentExpiresAt: ENDED })],
    });
    await waitFor(() => expect(accountItem(EVERYDAY).textContent).toContain("Updated"));
    expect(ipc.refreshBank).not.toHaveBeenCalled();
  });

  it("reads the balances and the histories again after Refresh", async () => {
    vi.mocked(ipc.transactionsPage).mockResolvedValue(page([transaction("old")]));
    const { client } = renderWindow();
    await waitFor(() => expect(rowIds()).toEqual(["old"]));
    expect(ipc.accountsOverview).toHaveBeenCalledTimes(1);

    const refresh = deferred<ipc.AccountOverview[]>();
    vi.mocked(ipc.refreshBank).mockReturnValue(refresh.promise);
    await userEvent.click(refreshButton());
    expect(refreshButton().hasAttribute("disabled")).toBe(true);
    expect(refreshButton().getAttribute("aria-busy")).toBe("true");
    expect(bankGroup("Demo Bank").getAttribute("aria-busy")).toBe("true");

    vi.mocked(ipc.accountsOverview).mockResolvedValue([overview(EVERYDAY, { booked: "99.00" })]);
    vi.mocked(ipc.transactionsPage).mockResolvedValue(
      page([transaction("new"), transaction("old")]),
    );
    client.setQueryData(CONNECTION_STATUS_KEY, connected(ACCOUNTS));
    refresh.resolve([]);

    await waitFor(() => expect(rowIds()).toEqual(["new", "old"]));
    await waitFor(() =>
      expect(within(accountItem(EVERYDAY)).getByTestId("balance-booked").textContent).toBe(
        "€99.00",
      ),
    );
    expect(refreshButton().hasAttribute("disabled")).toBe(false);
    // The user asked: everything, stale or not.
    expect(ipc.refreshBank).toHaveBeenCalledTimes(1);
    expect(ipc.refreshBank).toHaveBeenCalledWith(DEMO_BANK.id, false);
    // Read again, so a renewed sign-in the keychain refused shows.
    expect(client.getQueryState(CONNECTION_STATUS_KEY)?.isInvalidated).toBe(true);
  });

  it("says when it will try again when the bank limits requests", async () => {
    vi.mocked(ipc.refreshBank).mockRejectedValue(failing("rate_limited", 90));
    renderWindow();
    await userEvent.click(refreshButton());
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("too many requests");
    expect(alert.textContent).toContain("Bankbook will try again at");
    // Worded from the code alone: Rust's message goes to the log, not on screen.
    expect(alert.textContent).not.toContain("from Rust");
  });

  it("offers to reconnect when the consent has ended, keeping the rows, opening nothing", async () => {
    vi.mocked(ipc.transactionsPage).mockResolvedValue(page(transactions("kept", 2)));
    vi.mocked(ipc.refreshBank).mockRejectedValue(failing("consent_required"));
    const { onReconnect } = renderWindow();
    await waitFor(() => expect(rowIds()).toHaveLength(2));
    await userEvent.click(refreshButton());
    const demo = bankGroup("Demo Bank");
    const alert = await within(demo).findByRole("alert");
    expect(alert.textContent).toContain("access to your bank has ended");
    expect(demo.textContent).toContain("Access ended");
    expect(rowIds()).toEqual(["kept-0", "kept-1"]);
    expect(onReconnect).not.toHaveBeenCalled();

    await userEvent.click(within(demo).getByRole("button", { name: "Reconnect Demo Bank" }));
    expect(onReconnect).toHaveBeenCalledWith(DEMO_BANK);
  });

  it("refreshes after the user reconnected, and offers Reconnect no more", async () => {
    const ipcEvents = mockIpc();
    vi.mocked(ipc.refreshBank).mockRejectedValueOnce(failing("consent_required"));
    const { showConnections } = renderWindow();
    await waitFor(() => expect(accountItem(EVERYDAY).textContent).toContain("Updated"));
    await userEvent.click(refreshButton());
    expect(await screen.findByRole("button", { name: "Reconnect Demo Bank" })).toBeTruthy();

    // The consent given again at the bank, then its new end in the status.
    ipcEvents.finishConsent({ bankId: DEMO_BANK.id, ok: true, error: null });
    showConnections([
      connection(DEMO_BANK, ACCOUNTS, { consentExpiresAt: "2037-01-01T00:00:00Z" }),
    ]);
    await waitFor(() => expect(ipc.refreshBank).toHaveBeenCalledTimes(2));
    expect(ipc.refreshBank).toHaveBeenLastCalledWith(DEMO_BANK.id, true);
    await waitFor(() =>
      expect(screen.queryByRole("button", { name: "Reconnect Demo Bank" })).toBeNull(),
    );
    expect(bankGroup("Demo Bank").textContent).toMatch(
      /Access ends in [0-9,]+ days \(1 January 2037\)/,
    );
  });
});

describe("several banks", () => {
  const renderBoth = () => renderWindow({ connections: BOTH_BANKS.connections });
  const balance = (account: ipc.AccountChoice) =>
    within(accountItem(account)).getByTestId("balance-booked").textContent;

  it("groups the accounts by bank, each with its state and its actions", async () => {
    renderBoth();
    const demo = bankGroup("Demo Bank");
    const tatra = bankGroup("Tatra banka");
    const ibans = (group: HTMLElement) =>
      within(within(group).getByRole("list"))
        .getAllByTestId("account-item")
        .map((item) => item.dataset.iban);
    expect(ibans(demo)).toEqual(ACCOUNTS.map((account) => account.iban));
    expect(ibans(tatra)).toEqual(TATRA_ACCOUNTS.map((account) => account.iban));
    expect(within(tatra).getByRole("list", { name: "Tatra banka" })).toBeTruthy();
    expect(demo.textContent).toMatch(/Access ends in [0-9,]+ days \(1 September 2036\)/);
    expect(tatra.textContent).toMatch(/Access ends in [0-9,]+ days \(28 February 2037\)/);
    expect(
      within(tatra).getByRole("button", { name: "Choose accounts at Tatra banka" }),
    ).toBeTruthy();
    expect(within(tatra).getByRole("button", { name: "Disconnect Tatra banka" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: /^Reconnect/ })).toBeNull();
    await waitFor(() => expect(balance(BEZNY)).toBe("€1,520.35"));
  });

  it("acts on the bank whose button it is", async () => {
    const { onChooseAccounts } = renderBoth();
    await userEvent.click(screen.getByRole("button", { name: "Choose accounts at Tatra banka" }));
    expect(onChooseAccounts).toHaveBeenCalledWith(TATRA_BANK);

    await userEvent.click(screen.getByRole("button", { name: "Disconnect Tatra banka" }));
    const confirm = screen.getByRole("dialog", { name: "Disconnect Tatra banka?" });
    await userEvent.click(within(confirm).getByRole("button", { name: "Keep" }));
    expect(ipc.disconnect).toHaveBeenCalledWith(TATRA_BANK.id, true);
  });

  it("refreshes every bank side by side on Refresh", async () => {
    const demoRefresh = deferred<ipc.AccountOverview[]>();
    const tatraRefresh = deferred<ipc.AccountOverview[]>();
    vi.mocked(ipc.refreshBank).mockImplementation((bankId) =>
      bankId === DEMO_BANK.id ? demoRefresh.promise : tatraRefresh.promise,
    );
    renderBoth();
    await userEvent.click(refreshButton());
    // Both asked before either answered.
    expect(ipc.refreshBank).toHaveBeenCalledTimes(2);
    expect(ipc.refreshBank).toHaveBeenCalledWith(DEMO_BANK.id, false);
    expect(ipc.refreshBank).toHaveBeenCalledWith(TATRA_BANK.id, false);

    tatraRefresh.resolve([]);
    await waitFor(() => expect(bankGroup("Tatra banka").getAttribute("aria-busy")).toBe("false"));
    expect(bankGroup("Demo Bank").getAttribute("aria-busy")).toBe("true");
    expect(refreshButton().getAttribute("aria-busy")).toBe("true");
    demoRefresh.resolve([]);
    await waitFor(() => expect(refreshButton().getAttribute("aria-busy")).toBe("false"));
  });

  it.each([
    ["bank_unavailable", "Your bank can't be reached right now.", false],
    ["rate_limited", "Bankbook will try again at", false],
    ["consent_required", "access to your bank has ended", true],
  ] as const)(
    "shows a bank's %s in its own group, and the other bank's balances still update",
    async (code, text, reconnect) => {
      vi.mocked(ipc.refreshBank).mockImplementation(async (bankId) => {
        if (bankId === DEMO_BANK.id) {
          throw failing(code, code === "rate_limited" ? 90 : null);
        }
        return [];
      });
      vi.mocked(ipc.transactionsPage).mockResolvedValue(page(transactions("kept", 2)));
      renderBoth();
      await waitFor(() => expect(balance(SPORIACI)).toBe("€1,520.35"));
      await waitFor(() => expect(rowIds()).toHaveLength(2));

      vi.mocked(ipc.accountsOverview).mockResolvedValue([
        ...ACCOUNTS.map((account) => overview(account)),
        overview(BEZNY, { booked: "250.00" }),
        overview(SPORIACI, { booked: "9000.00" }),
      ]);
      await userEvent.click(refreshButton());

      const demo = bankGroup("Demo Bank");
      const tatra = bankGroup("Tatra banka");
      expect((await within(demo).findByRole("alert")).textContent).toContain(text);
      await waitFor(() => expect(balance(SPORIACI)).toBe("€9,000.00"));
      expect(balance(BEZNY)).toBe("€250.00");
      expect(within(tatra).queryByRole("alert")).toBeNull();
      expect(within(tatra).queryByRole("button", { name: /^Reconnect/ })).toBeNull();
      expect(within(demo).queryAllByRole("button", { name: "Reconnect Demo Bank" })).toHaveLength(
        reconnect ? 1 : 0,
      );
      // What the failing bank showed stays.
      expect(balance(EVERYDAY)).toBe("€1,520.35");
      expect(rowIds()).toEqual(["kept-0", "kept-1"]);
    },
  );

  it("offers Reconnect for the bank whose consent ended, its accounts still listed", async () => {
    const { onReconnect } = renderWindow({
      connections: [
        connection(DEMO_BANK, ACCOUNTS),
        connection(TATRA_BANK, TATRA_ACCOUNTS, { consentExpiresAt: ENDED }),
      ],
    });
    const tatra = bankGroup("Tatra banka");
    expect(tatra.textContent).toContain("Access ended");
    expect(within(tatra).getAllByTestId("account-item")).toHaveLength(2);
    expect(within(bankGroup("Demo Bank")).queryByRole("button", { name: /^Reconnect/ })).toBeNull();
    await userEvent.click(within(tatra).getByRole("button", { name: "Reconnect Tatra banka" }));
    expect(onReconnect).toHaveBeenCalledWith(TATRA_BANK);
  });

  it("leaves a bank whose consent ended out of Refresh", async () => {
    renderWindow({
      connections: [
        connection(DEMO_BANK, ACCOUNTS),
        connection(TATRA_BANK, TATRA_ACCOUNTS, { consentExpiresAt: ENDED }),
      ],
    });
    await userEvent.click(refreshButton());
    expect(ipc.refreshBank).toHaveBeenCalledTimes(1);
    expect(ipc.refreshBank).toHaveBeenCalledWith(DEMO_BANK.id, false);
  });

  it("marks the bank of a history whose consent ended, and opens nothing by itself", async () => {
    vi.mocked(ipc.transactionsPage).mockImplementation(async (iban) => {
      if (iban === BEZNY.iban) {
        throw failing("consent_required");
      }
      return page(transactions(iban, 2));
    });
    const { onReconnect } = renderBoth();
    await userEvent.click(accountItem(BEZNY));
    const tatra = bankGroup("Tatra banka");
    expect(
      await within(tatra).findByRole("button", { name: "Reconnect Tatra banka" }),
    ).toBeTruthy();
    expect(within(bankGroup("Demo Bank")).queryByRole("button", { name: /^Reconnect/ })).toBeNull();
    expect(onReconnect).not.toHaveBeenCalled();

    // The history's own notice offers it too, for the bank of the account shown.
    const history = screen.getByRole("main");
    expect(history.textContent).toContain("Tatra banka");
    await userEvent.click(within(history).getByRole("button", { name: "Reconnect" }));
    expect(onReconnect).toHaveBeenCalledWith(TATRA_BANK);
  });

  it("warns in the bank's group when the keychain did not keep its renewed access", () => {
    renderWindow({
      connections: [
        connection(DEMO_BANK, ACCOUNTS),
        connection(TATRA_BANK, TATRA_ACCOUNTS, { tokensUnsaved: true }),
      ],
    });
    const warning = within(bankGroup("Tatra banka")).getByRole("status");
    expect(warning.textContent).toBe(
      "Your keychain didn't save the renewed access to Tatra banka, so Bankbook keeps it only until it closes. Unlock the keychain, or you may have to reconnect Tatra banka next time.",
    );
    expect(within(bankGroup("Demo Bank")).queryByRole("status")).toBeNull();
  });

  it("says when a bank shows no account, and which way to choose some", () => {
    renderWindow({
      connections: [connection(DEMO_BANK, []), connection(TATRA_BANK, [])],
    });
    expect(bankGroup("Tatra banka").textContent).toContain("No accounts from this bank are shown.");
    expect(screen.getByRole("main").textContent).toContain(
      "Choose which ones Bankbook shows with Choose accounts next to each bank.",
    );
  });
});

describe("searching", () => {
  const searchbox = () => screen.getByRole("searchbox", { name: "Search transactions" });
  const accountTags = () =>
    screen.queryAllByTestId("transaction-account").map((tag) => tag.textContent);

  beforeEach(() => {
    vi.mocked(ipc.transactionsPage).mockResolvedValue(page([transaction("history")]));
    vi.mocked(ipc.searchTransactions).mockResolvedValue({
      items: [
        { iban: EVERYDAY.iban, transaction: transaction("e") },
        { iban: SAVINGS.iban, transaction: transaction("s") },
        { iban: SPORIACI.iban, transaction: transaction("t") },
      ],
      nextCursor: null,
      previousCursor: null,
    });
    vi.mocked(ipc.searchSummary).mockResolvedValue({
      count: 3,
      totals: [],
      coverage: { storedSince: "2026-03-03", complete: false },
      notes: [],
    });
  });

  it("searches every bank's shown accounts, each match named by its account", async () => {
    renderWindow({ connections: BOTH_BANKS.connections });
    await waitFor(() => expect(rowIds()).toEqual(["history"]));
    await userEvent.type(searchbox(), "shop");
    await waitFor(() => expect(rowIds()).toEqual(["e", "s", "t"]));
    // Its name, else its product (a short IBAN when it has neither).
    expect(accountTags()).toEqual(["Everyday", "Tagesgeld", "Sporiaci účet"]);
    expect(ipc.searchTransactions).toHaveBeenCalledWith(
      expect.objectContaining({ text: "shop", iban: null }),
      null,
      100,
      "older",
    );

    await userEvent.click(screen.getByRole("button", { name: "Filters" }));
    const account = screen.getByRole("combobox", { name: "Account" }) as HTMLSelectElement;
    expect([...account.options].map((option) => option.text)).toEqual([
      "All accounts",
      ...[...ACCOUNTS, ...TATRA_ACCOUNTS].map((choice) => choice.name ?? choice.product),
    ]);
  });

  it("keeps the search while another account is selected", async () => {
    renderWindow();
    await userEvent.type(searchbox(), "shop");
    await waitFor(() => expect(rowIds()).toEqual(["e", "s", "t"]));
    await userEvent.click(accountItem(SAVINGS));
    expect((searchbox() as HTMLInputElement).value).toBe("shop");
    expect(rowIds()).toEqual(["e", "s", "t"]);
  });

  it("searches again after a refresh, which may have brought new matches", async () => {
    renderWindow();
    await userEvent.type(searchbox(), "shop");
    await waitFor(() => expect(rowIds()).toEqual(["e", "s", "t"]));
    const searches = vi.mocked(ipc.searchSummary).mock.calls.length;
    await userEvent.click(refreshButton());
    await waitFor(() =>
      expect(vi.mocked(ipc.searchSummary).mock.calls.length).toBeGreaterThan(searches),
    );
  });
});

describe("the consent's end and the automatic refreshes", () => {
  // Noon, `days` calendar days from today: the days left whatever the hour the test runs.
  const inDays = (days: number) => {
    const today = new Date();
    return new Date(
      today.getFullYear(),
      today.getMonth(),
      today.getDate() + days,
      12,
    ).toISOString();
  };

  it("asks to renew a consent that ends within a week, and Renew runs a new consent", async () => {
    const { onReconnect } = renderWindow({
      connections: [connection(DEMO_BANK, ACCOUNTS, { consentExpiresAt: inDays(5) })],
    });
    const group = bankGroup("Demo Bank");
    expect(group.textContent).toMatch(/Access ends in 5 days/);
    expect(group.textContent).toContain(
      "Your access to Demo Bank ends in 5 days. Renew it to keep your accounts up to date",
    );
    await userEvent.click(within(group).getByRole("button", { name: "Renew access to Demo Bank" }));
    expect(onReconnect).toHaveBeenCalledWith(DEMO_BANK);
  });

  it("does not ask a week and more before the end, nor after it", () => {
    renderWindow({
      connections: [
        connection(DEMO_BANK, ACCOUNTS, { consentExpiresAt: inDays(8) }),
        connection(TATRA_BANK, TATRA_ACCOUNTS, { consentExpiresAt: ENDED }),
      ],
    });
    expect(screen.queryByRole("button", { name: /Renew access/ })).toBeNull();
    expect(screen.getByRole("button", { name: "Reconnect Tatra banka" })).toBeTruthy();
  });

  it("says it in Slovak", () => {
    renderWindow({
      connections: [connection(DEMO_BANK, ACCOUNTS, { consentExpiresAt: inDays(3) })],
      language: "sk",
    });
    const group = bankGroup("Demo banka");
    expect(group.textContent).toContain("Váš prístup k banke Demo banka skončí o 3 dni.");
    expect(
      within(group).getByRole("button", { name: "Obnoviť prístup k banke Demo banka" }),
    ).toBeTruthy();
  });

  it("marks an account the renewed consent no longer covers, keeping its balances", async () => {
    vi.mocked(ipc.accountsOverview).mockResolvedValue([
      overview(EVERYDAY),
      overview(SAVINGS, { noLongerConsented: true, booked: "77.00" }),
    ]);
    renderWindow();
    await waitFor(() =>
      expect(accountItem(SAVINGS).textContent).toContain(
        "No longer updated: your renewed consent doesn't include this account",
      ),
    );
    expect(accountItem(SAVINGS).textContent).toContain("€77.00");
    expect(accountItem(EVERYDAY).textContent).not.toContain("No longer updated");
  });

  it("shows how many automatic refreshes are left and when the next runs", () => {
    const nextAt = new Date(Date.now() + 60 * 60_000).toISOString();
    renderWindow({
      connections: [
        connection(DEMO_BANK, ACCOUNTS, { automaticRefresh: { left: 2, perDay: 4, nextAt } }),
      ],
    });
    expect(bankGroup("Demo Bank").textContent).toMatch(
      /2 of 4 automatic refreshes left today; next around (\w+ )?\d\d:\d\d/,
    );
  });

  it("refreshes every bank when Refresh now is chosen in the tray", async () => {
    const ipcEvents = mockIpc();
    renderWindow({ connections: BOTH_BANKS.connections });
    await waitFor(() => expect(ipc.onRefreshRequested).toHaveBeenCalled());
    ipcEvents.requestRefresh();
    await waitFor(() => expect(ipc.refreshBank).toHaveBeenCalledTimes(2));
    expect(ipc.refreshBank).toHaveBeenCalledWith(DEMO_BANK.id, false);
    expect(ipc.refreshBank).toHaveBeenCalledWith(TATRA_BANK.id, false);
  });

  it("shows the account a clicked notification was about", async () => {
    const ipcEvents = mockIpc();
    renderWindow();
    await waitFor(() => expect(ipc.onOpenAccount).toHaveBeenCalled());
    expect(accountItem(EVERYDAY).getAttribute("aria-current")).toBe("true");
    ipcEvents.openAccount(SAVINGS.iban);
    await waitFor(() => expect(accountItem(SAVINGS).getAttribute("aria-current")).toBe("true"));
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Tagesgeld");
  });

  it("reads again what Rust refreshed on its own, and says where it failed", async () => {
    const ipcEvents = mockIpc();
    renderWindow({ connections: BOTH_BANKS.connections });
    await waitFor(() => expect(ipc.accountsOverview).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(ipc.onRefreshedOnItsOwn).toHaveBeenCalled());

    ipcEvents.refreshOnItsOwn({
      bankIds: [DEMO_BANK.id],
      arrived: [{ bankId: DEMO_BANK.id, iban: EVERYDAY.iban, count: 3 }],
      failures: [
        {
          bankId: TATRA_BANK.id,
          error: {
            code: "consent_required",
            message: "the consent has ended",
            retryAfterSeconds: null,
            detail: null,
          },
        },
      ],
    });

    await waitFor(() => expect(ipc.accountsOverview).toHaveBeenCalledTimes(2));
    expect(
      await within(bankGroup("Tatra banka")).findByRole("button", {
        name: "Reconnect Tatra banka",
      }),
    ).toBeTruthy();
    expect(within(bankGroup("Demo Bank")).queryByRole("button", { name: /Reconnect/ })).toBeNull();
  });
});
