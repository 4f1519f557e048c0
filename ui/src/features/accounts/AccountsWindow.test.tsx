import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as ipc from "../../ipc";
import {
  ACCOUNTS,
  DEMO_BANK,
  EVERYDAY,
  overview,
  page,
  SAVINGS,
  TRAVEL,
  transaction,
  transactions,
} from "../../test/fixtures";
import { mockIpc } from "../../test/ipcMock";
import { fakeViewport } from "../../test/layout";
import { renderWithQueries } from "../../test/render";
import { AccountsWindow } from "./AccountsWindow";

vi.mock("../../ipc", async (importOriginal) =>
  (await import("../../test/ipcModule")).mockedIpc(await importOriginal()),
);

beforeEach(() => {
  mockIpc();
  fakeViewport();
});

function renderWindow({
  consentExpiresAt = "2026-09-01T12:00:00Z",
  language = "en",
}: {
  consentExpiresAt?: string;
  language?: "en" | "sk";
} = {}) {
  const onReconnect = vi.fn();
  const windowFor = (expiresAt: string) => (
    <AccountsWindow
      bank={DEMO_BANK}
      consentExpiresAt={expiresAt}
      accounts={ACCOUNTS}
      onChangeAccounts={vi.fn()}
      onReconnect={onReconnect}
      onOpenSettings={vi.fn()}
    />
  );
  const view = renderWithQueries(windowFor(consentExpiresAt), { language });
  return { ...view, onReconnect, renewConsent: (until: string) => view.rerender(windowFor(until)) };
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
    const header = screen.getByRole("banner");
    expect(header.textContent).toContain("Demo banka");
    expect(header.textContent).toContain("Prístup do 1. septembra 2026");
    expect(screen.getByRole("button", { name: "Obnoviť" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Nastavenia" })).toBeTruthy();
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

describe("refreshing", () => {
  it("refreshes once by itself when a balance is stale", async () => {
    vi.mocked(ipc.accountsOverview).mockResolvedValue([
      overview(EVERYDAY, { stale: true }),
      overview(SAVINGS),
    ]);
    // The refresh fails and the balance stays stale: still only one refresh, no loop.
    vi.mocked(ipc.refreshAccounts).mockRejectedValue(
      new ipc.CommandError({ code: "bank_unavailable", message: "HTTP 503" }),
    );
    renderWindow();
    expect((await screen.findByRole("alert")).textContent).toContain(
      "Your bank can't be reached right now.",
    );
    // Only what is stale: a history the list has just fetched is not fetched again.
    expect(ipc.refreshAccounts).toHaveBeenCalledTimes(1);
    expect(ipc.refreshAccounts).toHaveBeenCalledWith(true);
  });

  it("does not refresh by itself when nothing is stale", async () => {
    renderWindow();
    await waitFor(() => expect(accountItem(EVERYDAY).textContent).toContain("Updated"));
    expect(ipc.refreshAccounts).not.toHaveBeenCalled();
  });

  it("reads the balances and the histories again after Refresh", async () => {
    vi.mocked(ipc.transactionsPage).mockResolvedValue(page([transaction("old")]));
    renderWindow();
    await waitFor(() => expect(rowIds()).toEqual(["old"]));
    expect(ipc.accountsOverview).toHaveBeenCalledTimes(1);

    let finish: (value: ipc.AccountOverview[]) => void = () => {};
    vi.mocked(ipc.refreshAccounts).mockReturnValue(
      new Promise((resolve) => {
        finish = resolve;
      }),
    );
    await userEvent.click(refreshButton());
    expect(refreshButton().hasAttribute("disabled")).toBe(true);
    expect(refreshButton().getAttribute("aria-busy")).toBe("true");

    vi.mocked(ipc.accountsOverview).mockResolvedValue([overview(EVERYDAY, { booked: "99.00" })]);
    vi.mocked(ipc.transactionsPage).mockResolvedValue(
      page([transaction("new"), transaction("old")]),
    );
    finish([]);

    await waitFor(() => expect(rowIds()).toEqual(["new", "old"]));
    await waitFor(() =>
      expect(within(accountItem(EVERYDAY)).getByTestId("balance-booked").textContent).toBe(
        "€99.00",
      ),
    );
    expect(refreshButton().hasAttribute("disabled")).toBe(false);
    // The user asked: everything, stale or not.
    expect(ipc.refreshAccounts).toHaveBeenCalledTimes(1);
    expect(ipc.refreshAccounts).toHaveBeenCalledWith(false);
  });

  it("says when it will try again when the bank limits requests", async () => {
    vi.mocked(ipc.refreshAccounts).mockRejectedValue(
      new ipc.CommandError({ code: "rate_limited", message: "HTTP 429", retryAfterSeconds: 90 }),
    );
    renderWindow();
    await userEvent.click(refreshButton());
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("too many requests");
    expect(alert.textContent).toContain("Bankbook will try again at");
    // Worded from the code alone: Rust's message goes to the log, not on screen.
    expect(alert.textContent).not.toContain("HTTP 429");
  });

  it("offers to reconnect when the consent has ended, keeping the rows", async () => {
    vi.mocked(ipc.transactionsPage).mockResolvedValue(page(transactions("kept", 2)));
    vi.mocked(ipc.refreshAccounts).mockRejectedValue(
      new ipc.CommandError({ code: "consent_required", message: "invalid_grant" }),
    );
    const { onReconnect } = renderWindow();
    await waitFor(() => expect(rowIds()).toHaveLength(2));
    await userEvent.click(refreshButton());
    await waitFor(() => expect(onReconnect).toHaveBeenCalledTimes(1));
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("access to your bank has ended");
    expect(rowIds()).toEqual(["kept-0", "kept-1"]);

    await userEvent.click(within(alert).getByRole("button", { name: "Reconnect" }));
    expect(onReconnect).toHaveBeenCalledTimes(2);
  });

  it("refreshes after the user reconnected", async () => {
    const { renewConsent } = renderWindow();
    await waitFor(() => expect(accountItem(EVERYDAY).textContent).toContain("Updated"));
    expect(ipc.refreshAccounts).not.toHaveBeenCalled();
    renewConsent("2026-12-01T12:00:00Z");
    await waitFor(() => expect(ipc.refreshAccounts).toHaveBeenCalledTimes(1));
  });
});
