import type { InfiniteData } from "@tanstack/react-query";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as ipc from "../../ipc";
import { SEARCH_KEY } from "../../queries/keys";
import { EVERYDAY, page, SAVINGS, transaction, transactions } from "../../test/fixtures";
import { mockIpc } from "../../test/ipcMock";
import { fakeViewport } from "../../test/layout";
import { renderWithQueries } from "../../test/render";
import { PAGES_KEPT } from "../transactions/windowedPaging";
import { SearchableHistory } from "./SearchableHistory";
import type { SearchAccount } from "./SearchFilters";
import { EMPTY_QUERY } from "./searchQuery";

vi.mock("../../ipc", async (importOriginal) =>
  (await import("../../test/ipcModule")).mockedIpc(await importOriginal()),
);
// The detail and the export are their own features, tested there: here, what they are given.
vi.mock("../detail/DetailPanel", () => ({
  DetailPanel: ({ iban, id, onClose }: { iban: string; id: string; onClose: () => void }) => (
    <div role="dialog" aria-label="Detail" data-iban={iban} data-id={id}>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </div>
  ),
}));
vi.mock("../export/ExportButton", () => ({
  ExportButton: ({ query }: { query: ipc.SearchQuery }) => (
    <output data-testid="export-query">{JSON.stringify(query)}</output>
  ),
}));

const ACCOUNTS: SearchAccount[] = [
  { iban: EVERYDAY.iban, name: "Everyday", shortIban: "DE89 3704 … 3000" },
  { iban: SAVINGS.iban, name: "Tagesgeld", shortIban: "DE02 1203 … 2051" },
];

let ipcEvents: ReturnType<typeof mockIpc>;

beforeEach(() => {
  ipcEvents = mockIpc();
  fakeViewport({ height: 600 });
  vi.mocked(ipc.transactionsPage).mockResolvedValue(page(transactions("h", 3)));
  answerSearch({ items: [], nextCursor: null, previousCursor: null }, summary(0));
});

function summary(count: number, fields: Partial<ipc.SearchSummary> = {}): ipc.SearchSummary {
  return {
    count,
    totals: [],
    coverage: { storedSince: "2026-03-03", complete: false },
    notes: [],
    ...fields,
  };
}

function answerSearch(results: ipc.SearchPage, answer: ipc.SearchSummary) {
  vi.mocked(ipc.searchTransactions).mockResolvedValue(results);
  vi.mocked(ipc.searchSummary).mockResolvedValue(answer);
}

function found(account: { iban: string }, id: string, fields: Partial<ipc.TransactionView> = {}) {
  return { iban: account.iban, transaction: transaction(id, fields) };
}

function renderPane({ language }: { language?: "en" | "sk" } = {}) {
  return renderWithQueries(
    <SearchableHistory
      iban={EVERYDAY.iban}
      accounts={ACCOUNTS}
      onConsentEnded={vi.fn()}
      onReconnect={vi.fn()}
    />,
    language ? { language } : {},
  );
}

const field = () => screen.getByRole("searchbox", { name: "Search transactions" });
const history = () => screen.queryByRole("grid", { name: "Transactions" });
const results = () => screen.findByRole("grid", { name: "Search results" });
/** Search mode: the summary of what matched is above the list. */
const searching = () => screen.findByTestId("search-summary");
const rowIds = () => screen.queryAllByTestId("transaction-row").map((row) => row.dataset.id);
const searchedTexts = () => vi.mocked(ipc.searchTransactions).mock.calls.map(([q]) => q.text);

/** The height of every row of `list`, loaded or not rendered. */
const totalHeight = (list: HTMLElement) =>
  Number.parseFloat(list.querySelector<HTMLElement>('[role="rowgroup"]')?.style.height ?? "0");

/** Scrolls `list` as a user would; the list may move it itself after (keeping its top row in
 * place as pages come and go above it), as a browser lets it. */
function scrollTo(list: HTMLElement, offset: number) {
  Object.defineProperty(list, "scrollTop", { configurable: true, writable: true, value: offset });
  fireEvent.scroll(list);
}

const exported = () =>
  JSON.parse(screen.getByTestId("export-query").textContent ?? "null") as ipc.SearchQuery;

describe("the search field", () => {
  it("is a named search box above the history, which shows while nothing is searched", async () => {
    renderPane();
    expect(field().getAttribute("aria-keyshortcuts")).toBe("Control+F /");
    await waitFor(() => expect(history()).not.toBeNull());
    expect(ipc.searchTransactions).not.toHaveBeenCalled();
    expect(ipc.searchSummary).not.toHaveBeenCalled();
  });

  it("searches once typing pauses, with one query for a burst of keys", async () => {
    answerSearch(
      { items: [found(EVERYDAY, "gas")], nextCursor: null, previousCursor: null },
      summary(1),
    );
    renderPane();
    await userEvent.type(field(), "zaloha plyn");
    await results();
    await waitFor(() => expect(rowIds()).toEqual(["gas"]));
    expect(searchedTexts()).toEqual(["zaloha plyn"]);
    expect(ipc.searchSummary).toHaveBeenCalledTimes(1);
    expect(ipc.searchTransactions).toHaveBeenCalledWith(
      { ...EMPTY_QUERY, text: "zaloha plyn" },
      null,
      100,
      "older",
    );
    expect(history()).toBeNull();
  });

  it("keeps the previous results on screen while the next ones load", async () => {
    answerSearch(
      { items: [found(EVERYDAY, "first")], nextCursor: null, previousCursor: null },
      summary(1),
    );
    renderPane();
    await userEvent.type(field(), "coop");
    await waitFor(() => expect(rowIds()).toEqual(["first"]));

    let answer: (page: ipc.SearchPage) => void = () => {};
    vi.mocked(ipc.searchTransactions).mockImplementation(
      () => new Promise((resolve) => (answer = resolve)),
    );
    await userEvent.type(field(), " jednota");
    await waitFor(() => expect(searchedTexts()).toContain("coop jednota"));
    // No loading state in between: the earlier rows stay, the list marked busy.
    expect(rowIds()).toEqual(["first"]);
    expect((await results()).getAttribute("aria-busy")).toBe("true");
    await act(async () =>
      answer({ items: [found(EVERYDAY, "second")], nextCursor: null, previousCursor: null }),
    );
    await waitFor(() => expect(rowIds()).toEqual(["second"]));
    expect((await results()).hasAttribute("aria-busy")).toBe(false);
  });

  it("empties on Escape, and the history comes back at once", async () => {
    renderPane();
    await userEvent.type(field(), "bolt");
    await searching();
    await userEvent.keyboard("{Escape}");
    expect((field() as HTMLInputElement).value).toBe("");
    await waitFor(() => expect(history()).not.toBeNull());
  });

  it("takes the focus on / and on Ctrl+F, but a / typed in another field stays there", async () => {
    renderPane();
    await waitFor(() => expect(history()).not.toBeNull());
    await userEvent.keyboard("/");
    expect(document.activeElement).toBe(field());
    expect((field() as HTMLInputElement).value).toBe("");

    await userEvent.click(screen.getByRole("button", { name: "Filters" }));
    const amount = screen.getByRole("textbox", { name: "Amount" });
    await userEvent.click(amount);
    await userEvent.keyboard("10/");
    expect(document.activeElement).toBe(amount);
    expect((amount as HTMLInputElement).value).toBe("10/");

    await userEvent.keyboard("{Control>}f{/Control}");
    expect(document.activeElement).toBe(field());
  });

  it("takes the focus on / from the list", async () => {
    renderPane();
    await waitFor(() => expect(rowIds()).toHaveLength(3));
    await userEvent.click(screen.getByText("Shop h-0"));
    expect(document.activeElement).not.toBe(field());
    await userEvent.keyboard("/");
    expect(document.activeElement).toBe(field());
  });
});

describe("the filters", () => {
  it("show and hide with the toggle, which counts the ones set", async () => {
    renderPane();
    const toggle = screen.getByRole("button", { name: "Filters" });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByRole("group", { name: "Search filters" })).toBeNull();
    await userEvent.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    const filters = screen.getByRole("group", { name: "Search filters" });
    expect(toggle.getAttribute("aria-controls")).toBe(filters.id);
    expect(within(filters).getByText("For example 12,50 · 10..20 · >100").id).toBe(
      screen.getByRole("textbox", { name: "Amount" }).getAttribute("aria-describedby"),
    );

    await userEvent.type(screen.getByRole("textbox", { name: "Amount" }), "10..20");
    await userEvent.click(screen.getByRole("checkbox", { name: "Pending only" }));
    expect(screen.getByRole("button", { name: "Filters", description: "2 active" })).toBe(toggle);
    await userEvent.click(toggle);
    expect(screen.queryByRole("group", { name: "Search filters" })).toBeNull();
    // Hidden, they still apply.
    await waitFor(() =>
      expect(ipc.searchTransactions).toHaveBeenLastCalledWith(
        { ...EMPTY_QUERY, amount: "10..20", pendingOnly: true },
        null,
        100,
        "older",
      ),
    );
  });

  it("combine with the text in one query", async () => {
    renderPane();
    await userEvent.click(screen.getByRole("button", { name: "Filters" }));
    await userEvent.type(field(), "plyn");
    const from = screen.getByLabelText("From");
    const to = screen.getByLabelText("To");
    await userEvent.type(from, "2026-03-01");
    await userEvent.type(to, "2026-03-31");
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Direction" }), "Outgoing");
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Account" }), "Tagesgeld");
    const wanted: ipc.SearchQuery = {
      ...EMPTY_QUERY,
      text: "plyn",
      dateFrom: "2026-03-01",
      dateTo: "2026-03-31",
      direction: "outgoing",
      iban: SAVINGS.iban,
    };
    await waitFor(() =>
      expect(ipc.searchTransactions).toHaveBeenLastCalledWith(wanted, null, 100, "older"),
    );
    expect(ipc.searchSummary).toHaveBeenLastCalledWith(wanted);
    expect(screen.getByRole("button", { name: "Filters", description: "4 active" })).toBeTruthy();
    expect(exported()).toEqual(wanted);
  });

  it("go back to every account when the one chosen is no longer shown", async () => {
    const view = renderPane();
    await userEvent.click(screen.getByRole("button", { name: "Filters" }));
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Account" }), "Tagesgeld");
    await waitFor(() =>
      expect(vi.mocked(ipc.searchSummary).mock.lastCall?.[0].iban).toBe(SAVINGS.iban),
    );
    view.rerender(
      <SearchableHistory
        iban={EVERYDAY.iban}
        accounts={ACCOUNTS.slice(0, 1)}
        onConsentEnded={vi.fn()}
        onReconnect={vi.fn()}
      />,
    );
    expect((screen.getByRole("combobox", { name: "Account" }) as HTMLSelectElement).value).toBe("");
    await waitFor(() => expect(history()).not.toBeNull());
  });

  it("offer every shown account by name, all of them first and by default", async () => {
    renderPane();
    await userEvent.click(screen.getByRole("button", { name: "Filters" }));
    const account = screen.getByRole("combobox", { name: "Account" }) as HTMLSelectElement;
    expect([...account.options].map((option) => option.text)).toEqual([
      "All accounts",
      "Everyday",
      "Tagesgeld",
    ]);
    expect(account.value).toBe("");
  });

  it("turn search mode on by themselves, and Clear turns it off and empties everything", async () => {
    renderPane();
    await waitFor(() => expect(history()).not.toBeNull());
    await userEvent.click(screen.getByRole("button", { name: "Filters" }));
    await userEvent.click(screen.getByRole("checkbox", { name: "Pending only" }));
    await searching();
    await userEvent.type(field(), "bolt");

    await userEvent.click(screen.getAllByRole("button", { name: "Clear" })[0] as HTMLElement);
    await waitFor(() => expect(history()).not.toBeNull());
    expect((field() as HTMLInputElement).value).toBe("");
    expect(document.activeElement).toBe(field());
    expect(
      (screen.getByRole("checkbox", { name: "Pending only" }) as HTMLInputElement).checked,
    ).toBe(false);
    expect(screen.queryByRole("button", { name: "Clear" })).toBeNull();
    expect(screen.getByRole("button", { name: "Filters" })).toBeTruthy();
  });
});

describe("the results", () => {
  it("name each match's account when several accounts are searched, none for one", async () => {
    answerSearch(
      {
        items: [
          found(EVERYDAY, "a", { counterpartyName: "Bolt" }),
          found(SAVINGS, "a", { counterpartyName: "Interest" }),
        ],
        nextCursor: null,
        previousCursor: null,
      },
      summary(2),
    );
    renderPane();
    await userEvent.type(field(), "a");
    await waitFor(() => expect(rowIds()).toEqual(["a", "a"]));
    const accountsShown = () =>
      screen.queryAllByTestId("transaction-account").map((tag) => tag.textContent);
    expect(accountsShown()).toEqual(["Everyday", "Tagesgeld"]);
    expect(screen.getAllByTestId("date-header")).toHaveLength(1);
    expect(within(await results()).getByTestId("history-end").textContent).toBe("End of results");

    await userEvent.click(screen.getByRole("button", { name: "Filters" }));
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Account" }), "Everyday");
    await waitFor(() =>
      expect(vi.mocked(ipc.searchTransactions).mock.lastCall?.[0].iban).toBe(EVERYDAY.iban),
    );
    await waitFor(() => expect(accountsShown()).toEqual([]));
  });

  it("load the next page as the list is scrolled to its end", async () => {
    vi.mocked(ipc.searchTransactions).mockImplementation(async (_query, cursor) =>
      cursor === null
        ? {
            items: transactions("p", 10).map((t) => ({ iban: EVERYDAY.iban, transaction: t })),
            nextCursor: "c1",
            previousCursor: null,
          }
        : {
            items: transactions("p", 5, 10).map((t) => ({ iban: EVERYDAY.iban, transaction: t })),
            nextCursor: null,
            previousCursor: null,
          },
    );
    renderPane();
    await userEvent.type(field(), "shop");
    await waitFor(() => expect(rowIds()).toHaveLength(15));
    expect(vi.mocked(ipc.searchTransactions).mock.calls.map(([, cursor]) => cursor)).toEqual([
      null,
      "c1",
    ]);
  });

  it("let the pages far above go on a long scroll down, and read them back on the way up", async () => {
    // Three pages more than the list keeps.
    const letGo = 3;
    const pages = PAGES_KEPT + letGo;
    const perPage = 5;
    const matches = transactions("s", pages * perPage).map((t) => ({
      iban: EVERYDAY.iban,
      transaction: t,
    }));
    // As Rust pages: a cursor is the index of the match a page is read next to.
    vi.mocked(ipc.searchTransactions).mockImplementation(
      async (_query, cursor, _limit, direction) => {
        // A moment, as a call into Rust takes: the list sees each page being fetched.
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (direction === "older") {
          const start = cursor === null ? 0 : Number(cursor) + 1;
          const end = Math.min(start + perPage, matches.length);
          return {
            items: matches.slice(start, end),
            nextCursor: end < matches.length ? String(end - 1) : null,
            previousCursor: cursor === null ? null : String(start),
          };
        }
        const end = Number(cursor);
        const start = Math.max(end - perPage, 0);
        return {
          items: matches.slice(start, end),
          nextCursor: String(end - 1),
          previousCursor: start > 0 ? String(start) : null,
        };
      },
    );
    const cursors = (direction: ipc.PageDirection) =>
      vi
        .mocked(ipc.searchTransactions)
        .mock.calls.filter((call) => call[3] === direction)
        .map(([, cursor]) => cursor);
    const { client } = renderPane();
    await userEvent.type(field(), "shop");
    await waitFor(() => expect(rowIds()).toContain("s-0"));
    const list = await results();
    const kept = () =>
      client.getQueryData<InfiniteData<ipc.SearchPage>>([
        ...SEARCH_KEY,
        "results",
        { ...EMPTY_QUERY, text: "shop" },
      ])?.pages ?? [];
    const firstKept = () => kept()[0]?.items[0]?.transaction.id;
    const lastKept = () => kept().at(-1)?.items.at(-1)?.transaction.id;

    while (cursors("older").length < pages) {
      const asked = cursors("older").length;
      scrollTo(list, totalHeight(list) - 600);
      await waitFor(() => expect(cursors("older").length).toBeGreaterThan(asked));
    }
    await waitFor(() => expect(lastKept()).toBe(`s-${pages * perPage - 1}`));
    expect(kept()).toHaveLength(PAGES_KEPT);
    expect(firstKept()).toBe(`s-${letGo * perPage}`);
    expect(cursors("newer")).toEqual([]);

    while (firstKept() !== "s-0") {
      const asked = cursors("newer").length;
      scrollTo(list, 0);
      await waitFor(() =>
        expect(cursors("newer").length > asked || firstKept() === "s-0").toBe(true),
      );
    }
    // Each page let go is read again, next to the first match kept, up to the top; the pages
    // at the bottom are let go in turn.
    const above = Array.from({ length: letGo }, (_, page) => String((letGo - page) * perPage));
    expect(cursors("newer")).toEqual(above);
    await waitFor(() => expect(rowIds()).toContain("s-0"));
    expect(kept()).toHaveLength(PAGES_KEPT);
    expect(lastKept()).toBe(`s-${PAGES_KEPT * perPage - 1}`);
    expect(cursors("older")).toHaveLength(pages);
    // Thirty-six pages come and go through the whole pane: more time than one page takes.
  }, 20_000);

  it("say the count and the sums in and out per currency of everything matched", async () => {
    answerSearch(
      { items: [found(EVERYDAY, "a")], nextCursor: "more", previousCursor: null },
      summary(128, {
        totals: [
          {
            currency: "EUR",
            incoming: "1234.50",
            outgoing: "-987.65",
            incomingCount: 3,
            outgoingCount: 125,
          },
          {
            currency: "USD",
            incoming: "0",
            outgoing: "-12345678901234567.89",
            incomingCount: 0,
            outgoingCount: 1,
          },
        ],
      }),
    );
    renderPane();
    await userEvent.type(field(), "a");
    await waitFor(() =>
      expect(screen.getByTestId("search-totals").textContent).toBe(
        "128 transactions" + "In +€1,234.50" + "Out −€987.65" + "Out −US$12,345,678,901,234,567.89",
      ),
    );
    // Announced politely, once the count is the new query's.
    expect(screen.getByTestId("search-announcement").getAttribute("role")).toBe("status");
    expect(screen.getByTestId("search-announcement").textContent).toBe("128 transactions");
  });

  it("say them in Slovak, with the notes and the coverage", async () => {
    answerSearch(
      { items: [found(EVERYDAY, "a")], nextCursor: null, previousCursor: null },
      summary(5, {
        totals: [
          {
            currency: "EUR",
            incoming: "1234.5",
            outgoing: "-987.65",
            incomingCount: 1,
            outgoingCount: 4,
          },
        ],
        notes: [{ kind: "notAnAmount", text: "1,2,3" }],
      }),
    );
    renderPane({ language: "sk" });
    await userEvent.type(screen.getByRole("searchbox", { name: "Hľadať v transakciách" }), "a");
    await waitFor(() =>
      expect(screen.getByTestId("search-totals").textContent).toBe(
        "5 transakcií" + "Príjmy +1\u00a0234,50\u00a0€" + "Výdavky −987,65\u00a0€",
      ),
    );
    expect(screen.getByTestId("search-notes").textContent).toBe(
      "„1,2,3“ nie je suma, preto sa podľa sumy nefiltrovalo",
    );
    expect(screen.getByTestId("search-coverage").textContent).toContain(
      "Prehľadaná história uložená od 3. marca 2026",
    );
    expect(screen.getByRole("button", { name: "Stiahnuť celú históriu" })).toBeTruthy();
  });

  it("say when the whole history was searched, with nothing left to fetch", async () => {
    answerSearch(
      { items: [found(EVERYDAY, "a")], nextCursor: null, previousCursor: null },
      summary(1, { coverage: { storedSince: "2019-01-02", complete: true } }),
    );
    renderPane();
    await userEvent.type(field(), "a");
    await waitFor(() =>
      expect(screen.getByTestId("search-coverage").textContent).toBe("Searched the whole history"),
    );
    expect(screen.queryByRole("button", { name: "Fetch the whole history" })).toBeNull();
  });

  it("say plainly that nothing matches, with the coverage and Clear", async () => {
    answerSearch(
      { items: [], nextCursor: null, previousCursor: null },
      summary(0, { notes: [{ kind: "ignoredWords", text: "***" }] }),
    );
    renderPane();
    await userEvent.type(field(), "*** zzz");
    const empty = await screen.findByTestId("search-empty");
    expect(within(empty).getByText("No transactions match")).toBeTruthy();
    await waitFor(() =>
      expect(within(empty).getByTestId("search-coverage").textContent).toBe(
        "Searched history stored since 3 March 2026Fetch the whole history",
      ),
    );
    expect(screen.getByTestId("search-notes").textContent).toBe(
      "“***” has no letters or digits, so it was left out",
    );
    expect(screen.queryByTestId("search-totals")).toBeNull();
    expect(screen.getByTestId("search-announcement").textContent).toBe("0 transactions");

    await userEvent.click(within(empty).getByRole("button", { name: "Clear" }));
    await waitFor(() => expect(history()).not.toBeNull());
    expect(document.activeElement).toBe(field());
  });

  it("word a search that failed, and try it again", async () => {
    vi.mocked(ipc.searchTransactions).mockRejectedValue(
      new ipc.CommandError({ code: "storage_unavailable", message: "disk I/O error" }),
    );
    vi.mocked(ipc.searchSummary).mockRejectedValue(
      new ipc.CommandError({ code: "storage_unavailable", message: "disk I/O error" }),
    );
    renderPane();
    await userEvent.type(field(), "a");
    const alerts = await screen.findAllByRole("alert");
    expect(alerts[0]?.textContent).toContain("Bankbook can't save to its data folder");
    expect(document.body.textContent).not.toContain("disk I/O error");

    answerSearch(
      { items: [found(EVERYDAY, "a")], nextCursor: null, previousCursor: null },
      summary(1),
    );
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(rowIds()).toEqual(["a"]));
  });
});

describe("the detail", () => {
  it("opens from a match on a click and from the history on Enter; closing returns the focus", async () => {
    answerSearch(
      { items: [found(SAVINGS, "s1")], nextCursor: null, previousCursor: null },
      summary(1),
    );
    renderPane();
    await waitFor(() => expect(rowIds()).toHaveLength(3));

    await userEvent.click(screen.getByText("Shop h-1"));
    const row = document.activeElement as HTMLElement;
    expect(row.dataset.id).toBe("h-1");
    await userEvent.keyboard("{ArrowUp}{Enter}");
    let detail = screen.getByRole("dialog", { name: "Detail" });
    expect(detail.dataset.iban).toBe(EVERYDAY.iban);
    expect(detail.dataset.id).toBe("h-0");
    await userEvent.click(within(detail).getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect((document.activeElement as HTMLElement).dataset.id).toBe("h-0");

    await userEvent.type(field(), "s");
    await waitFor(() => expect(rowIds()).toEqual(["s1"]));
    await userEvent.click(screen.getByText("Shop s1"));
    detail = screen.getByRole("dialog", { name: "Detail" });
    expect(detail.dataset.iban).toBe(SAVINGS.iban);
    expect(detail.dataset.id).toBe("s1");
    await userEvent.click(within(detail).getByRole("button", { name: "Close" }));
    expect((document.activeElement as HTMLElement).dataset.id).toBe("s1");
  });
});

describe("Export", () => {
  it("exports the selected account's whole history while nothing is searched, else the search", async () => {
    renderPane();
    expect(exported()).toEqual({ ...EMPTY_QUERY, iban: EVERYDAY.iban });
    await userEvent.type(field(), "gas");
    await waitFor(() => expect(exported()).toEqual({ ...EMPTY_QUERY, text: "gas" }));
  });
});

describe("fetching the whole history", () => {
  function deferredFetch() {
    let finish: (outcome: ipc.HistoryFetched) => void = () => {};
    let fail: (error: ipc.CommandError) => void = () => {};
    vi.mocked(ipc.fetchWholeHistory).mockImplementation(
      () =>
        new Promise((resolve, reject) => {
          finish = resolve;
          fail = reject;
        }),
    );
    vi.mocked(ipc.cancelTask).mockResolvedValue(undefined);
    return {
      finish: (outcome: ipc.HistoryFetched) => act(async () => finish(outcome)),
      fail: (error: ipc.CommandError) => act(async () => fail(error)),
    };
  }

  async function searchAndFetch() {
    answerSearch(
      { items: [found(EVERYDAY, "a")], nextCursor: null, previousCursor: null },
      summary(1),
    );
    renderPane();
    await userEvent.type(field(), "a");
    await userEvent.click(await screen.findByRole("button", { name: "Fetch the whole history" }));
  }

  it("shows the pages fetched, of how many once known, and cancels", async () => {
    const run = deferredFetch();
    await searchAndFetch();
    expect(ipc.fetchWholeHistory).toHaveBeenCalledWith(null);
    expect(screen.getByRole("progressbar", { name: "Fetching the whole history…" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Fetch the whole history" })).toBeNull();

    await waitFor(() => expect(ipc.onTaskProgress).toHaveBeenCalled());
    ipcEvents.reportProgress({ task: "export", done: 9, total: 9 });
    ipcEvents.reportProgress({ task: "history", done: 3, total: null });
    const bar = screen.getByRole("progressbar", { name: "Fetching the whole history: 3 pages" });
    expect(bar.hasAttribute("value")).toBe(false);
    ipcEvents.reportProgress({ task: "history", done: 4, total: 40 });
    expect(
      screen.getByRole("progressbar", { name: "Fetching the whole history: 4 of 40 pages" }),
    ).toHaveProperty("value", 4);

    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(ipc.cancelTask).toHaveBeenCalledWith("history");
    const searchesBefore = vi.mocked(ipc.searchSummary).mock.calls.length;
    await run.finish({ added: 120, complete: false, cancelled: true });
    expect(await screen.findByText("Stopped. 120 older transactions were added.")).toBeTruthy();
    expect(screen.queryByRole("progressbar")).toBeNull();
    // What was fetched is searched: the summary and the results are read again.
    await waitFor(() =>
      expect(vi.mocked(ipc.searchSummary).mock.calls.length).toBeGreaterThan(searchesBefore),
    );
    expect(screen.getByRole("button", { name: "Fetch the whole history" })).toBeTruthy();
  });

  it("keeps its progress and Cancel above the list when the search is cleared or fails", async () => {
    const run = deferredFetch();
    await searchAndFetch();
    await waitFor(() => expect(ipc.onTaskProgress).toHaveBeenCalled());
    ipcEvents.reportProgress({ task: "history", done: 4, total: 40 });
    const progressName = "Fetching the whole history: 4 of 40 pages";
    expect(screen.getByRole("progressbar", { name: progressName })).toHaveProperty("value", 4);

    // The search cleared: the history is back, the fetch's progress stays where it was.
    await userEvent.click(screen.getAllByRole("button", { name: "Clear" })[0] as HTMLElement);
    await waitFor(() => expect(history()).not.toBeNull());
    expect(screen.queryByTestId("search-summary")).toBeNull();
    expect(screen.getByRole("progressbar", { name: progressName })).toHaveProperty("value", 4);
    ipcEvents.reportProgress({ task: "history", done: 5, total: 40 });
    expect(
      screen.getByRole("progressbar", { name: "Fetching the whole history: 5 of 40 pages" }),
    ).toHaveProperty("value", 5);

    // A search whose summary fails: still there, still cancellable.
    vi.mocked(ipc.searchSummary).mockRejectedValue(
      new ipc.CommandError({ code: "internal", message: "bug" }),
    );
    await userEvent.type(field(), "b");
    expect(await screen.findByRole("alert")).toBeTruthy();
    expect(
      screen.getByRole("progressbar", { name: "Fetching the whole history: 5 of 40 pages" }),
    ).toHaveProperty("value", 5);
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(ipc.cancelTask).toHaveBeenCalledWith("history");

    await run.finish({ added: 7, complete: false, cancelled: true });
    expect(await screen.findByText("Stopped. 7 older transactions were added.")).toBeTruthy();
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  it("fetches only the account searched, and reads the history again when done", async () => {
    const run = deferredFetch();
    answerSearch(
      { items: [found(SAVINGS, "a")], nextCursor: null, previousCursor: null },
      summary(1),
    );
    renderPane();
    await waitFor(() => expect(rowIds()).toHaveLength(3));
    await userEvent.click(screen.getByRole("button", { name: "Filters" }));
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Account" }), "Tagesgeld");
    await userEvent.click(await screen.findByRole("button", { name: "Fetch the whole history" }));
    expect(ipc.fetchWholeHistory).toHaveBeenCalledWith(SAVINGS.iban);

    answerSearch(
      { items: [found(SAVINGS, "a")], nextCursor: null, previousCursor: null },
      summary(1, { coverage: { storedSince: "2020-01-01", complete: true } }),
    );
    const historyReads = vi.mocked(ipc.transactionsPage).mock.calls.length;
    await run.finish({ added: 1, complete: true, cancelled: false });
    expect(await screen.findByText("1 older transaction was added.")).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByTestId("search-coverage").textContent).toBe("Searched the whole history"),
    );
    // Back to the history: it is read again, with what was fetched.
    await userEvent.click(screen.getAllByRole("button", { name: "Clear" })[0] as HTMLElement);
    await waitFor(() =>
      expect(vi.mocked(ipc.transactionsPage).mock.calls.length).toBeGreaterThan(historyReads),
    );
  });

  it("says when the bank serves nothing older", async () => {
    const run = deferredFetch();
    await searchAndFetch();
    await run.finish({ added: 0, complete: false, cancelled: false });
    expect(await screen.findByText("No older transactions were found.")).toBeTruthy();
    expect(screen.getByTestId("search-coverage").textContent).toContain(
      "Your bank offers no older transactions.",
    );
  });

  it("words a failure from its code", async () => {
    const run = deferredFetch();
    await searchAndFetch();
    await run.fail(
      new ipc.CommandError({ code: "rate_limited", message: "429", retryAfterSeconds: 120 }),
    );
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Try again in 2 minutes");
    expect(alert.textContent).not.toContain("429");
    expect(screen.getByRole("button", { name: "Fetch the whole history" })).toBeTruthy();

    vi.mocked(ipc.fetchWholeHistory).mockRejectedValue(
      new ipc.CommandError({ code: "internal", message: "bug" }),
    );
    await userEvent.click(screen.getByRole("button", { name: "Fetch the whole history" }));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "The whole history couldn't be fetched.",
    );
  });
});
