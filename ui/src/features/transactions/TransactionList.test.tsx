import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import * as ipc from "../../ipc";
import { EVERYDAY, page, transaction, transactions } from "../../test/fixtures";
import { mockIpc } from "../../test/ipcMock";
import { fakeViewport, scrollTo } from "../../test/layout";
import { renderWithQueries } from "../../test/render";
import { TransactionList } from "./TransactionList";
import { transactionText } from "./transactionText";

vi.mock("../../ipc", async (importOriginal) =>
  (await import("../../test/ipcModule")).mockedIpc(await importOriginal()),
);
// Counted: a row reads its words once each time it renders.
vi.mock("./transactionText", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./transactionText")>();
  return { ...actual, transactionText: vi.fn(actual.transactionText) };
});

beforeEach(() => {
  mockIpc();
  fakeViewport({ height: 600 });
});

/** The bank's history as pages by cursor: the first page under `null`. */
function history(pages: Record<string, ipc.TransactionsPage | ipc.CommandError>) {
  vi.mocked(ipc.transactionsPage).mockImplementation(async (_iban, cursor) => {
    const answer = pages[cursor ?? "first"];
    if (answer === undefined) {
      throw new Error(`no page at ${cursor}`);
    }
    if (answer instanceof ipc.CommandError) {
      throw answer;
    }
    return answer;
  });
}

function renderList({
  language,
  openable = false,
}: {
  language?: "en" | "sk";
  openable?: boolean;
} = {}) {
  const onConsentEnded = vi.fn();
  const onReconnect = vi.fn();
  const onOpen = vi.fn();
  renderWithQueries(
    <TransactionList
      iban={EVERYDAY.iban}
      onConsentEnded={onConsentEnded}
      onReconnect={onReconnect}
      onOpen={openable ? onOpen : undefined}
    />,
    {
      ...(language ? { language } : {}),
    },
  );
  return { onConsentEnded, onReconnect, onOpen };
}

const list = () => screen.getByTestId("transaction-list");
const rows = () => screen.queryAllByTestId("transaction-row");
const rowIds = () => rows().map((row) => row.dataset.id);
const pageCalls = () => vi.mocked(ipc.transactionsPage).mock.calls.map(([, cursor]) => cursor);
const networkDown = () => new ipc.CommandError({ code: "network", message: "connection reset" });

describe("the rows", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(2026, 10, 20, 12, 0));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("puts each day under its own header, pending entries in their day with a badge", async () => {
    history({
      first: page([
        transaction("p", { status: "pending", date: "2026-11-20", counterpartyName: "Bolt" }),
        transaction("t", { date: "2026-11-20" }),
        transaction("y", { date: "2026-11-19" }),
        transaction("f", { date: "2026-11-13" }),
      ]),
    });
    renderList();
    await waitFor(() => expect(rowIds()).toEqual(["p", "t", "y", "f"]));
    const headers = screen.getAllByTestId("date-header").map((header) => header.textContent);
    expect(headers).toEqual(["Today", "Yesterday", "Friday, 13 November 2026"]);
    expect(within(rows()[0] as HTMLElement).getByText("Pending").className).toBe("badge-pending");
  });

  it("shows who, what, the payment symbols and the signed amount", async () => {
    history({
      first: page([
        transaction("salary", {
          amount: "2400.00",
          counterpartyName: "Acme s.r.o.",
          description: "Salary November",
          bankNote: "Transfer",
          variableSymbol: "202611",
          constantSymbol: "0308",
        }),
        transaction("card", { amount: "-12.50", counterpartyName: null, bankNote: "Card payment" }),
      ]),
    });
    renderList();
    await waitFor(() => expect(rows()).toHaveLength(2));
    const [salary, card] = rows() as [HTMLElement, HTMLElement];
    expect(salary.textContent).toContain("Acme s.r.o.");
    expect(salary.textContent).toContain("Salary November · Transfer");
    expect(salary.textContent).toContain("VS 202611 · KS 0308");
    const credit = salary.querySelector(".transaction-amount");
    expect(credit?.textContent).toBe("+€2,400.00");
    expect(credit?.classList.contains("credit")).toBe(true);
    expect(card.textContent).toContain("Card payment");
    expect(card.querySelector(".transaction-amount")?.textContent).toBe("−€12.50");
  });

  it("reads each amount with its direction, and the pending badge", async () => {
    history({
      first: page([
        transaction("in", { amount: "2400.00" }),
        transaction("out", { amount: "-10.70", status: "pending" }),
        transaction("none", { amount: "0.00" }),
      ]),
    });
    renderList();
    await waitFor(() => expect(rows()).toHaveLength(3));
    const [incoming, outgoing, none] = rows() as [HTMLElement, HTMLElement, HTMLElement];
    const spoken = (row: HTMLElement) => row.querySelector(".visually-hidden")?.textContent;
    expect(spoken(incoming)).toBe("incoming, €2,400.00");
    expect(spoken(outgoing)).toBe("outgoing, €10.70");
    // The visible figure is not read twice; a zero moved neither way and is read as shown.
    expect(outgoing.querySelector(".transaction-amount")?.getAttribute("aria-hidden")).toBe("true");
    expect(spoken(none)).toBeUndefined();
    expect(none.querySelector(".transaction-amount")?.hasAttribute("aria-hidden")).toBe(false);
    expect(within(outgoing).getByText("Pending")).toBeTruthy();
  });

  it("speaks Slovak, with Slovak dates and money", async () => {
    history({
      first: page([
        transaction("p", { status: "pending", date: "2026-11-20", amount: "-10.70" }),
        transaction("y", {
          date: "2026-11-19",
          amount: "1520.35",
          counterpartyName: null,
          bankNote: null,
        }),
        transaction("f", { date: "2026-11-13" }),
      ]),
    });
    renderList({ language: "sk" });
    const grid = await screen.findByRole("grid", { name: "Transakcie" });
    await waitFor(() => expect(rows()).toHaveLength(3));
    const headers = screen.getAllByTestId("date-header").map((header) => header.textContent);
    expect(headers).toEqual(["Dnes", "Včera", "Piatok 13. novembra 2026"]);
    const [pending, named] = rows() as [HTMLElement, HTMLElement];
    expect(within(pending).getByText("Čaká na zaúčtovanie").className).toBe("badge-pending");
    expect(pending.querySelector(".visually-hidden")?.textContent).toBe(
      "odchádzajúca platba 10,70\u00a0€",
    );
    expect(named.querySelector(".transaction-amount")?.textContent).toBe("+1\u00a0520,35\u00a0€");
    expect(named.querySelector(".visually-hidden")?.textContent).toBe(
      "prichádzajúca platba 1\u00a0520,35\u00a0€",
    );
    expect(named.textContent).toContain("Transakcia");
    expect(within(grid).getByTestId("history-end").textContent).toBe("Začiatok histórie");
  });
});

describe("scrolling through the history", () => {
  it("renders only the rows near the viewport", async () => {
    history({ first: page(transactions("a", 100), "c1") });
    renderList();
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    expect(rows().length).toBeLessThan(40);
    expect(rowIds()[0]).toBe("a-0");
  });

  it("renders the rows a scroll brings into view, not the ones already there", async () => {
    const groceries = transactions("a", 100).map((entry) => ({ ...entry, categoryId: 1 }));
    history({ first: page(groceries) });
    renderList();
    // The rows, and their categories once those are read (each row shows its own).
    await waitFor(() => expect(screen.getAllByTestId("category-chip").length).toBeGreaterThan(0));
    const shown = new Set(rowIds());
    vi.mocked(transactionText).mockClear();

    scrollTo(list(), 640);
    await waitFor(() => expect(rowIds().some((id) => !shown.has(id as string))).toBe(true));
    const arrived = rowIds().filter((id) => !shown.has(id as string)).length;
    // The rows that came, and the two whose tab stop moved (the first row on screen has it).
    expect(vi.mocked(transactionText).mock.calls.length).toBeLessThanOrEqual(arrived + 2);
  });

  it("asks for the next page well before its end comes into view", async () => {
    history({
      first: page(transactions("a", 100), "c1"),
      c1: page(transactions("a", 100, 100), "c2"),
    });
    renderList();
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    expect(pageCalls()).toEqual([null]);

    // Near the end, still some rows short of it: the next page is asked for.
    scrollTo(list(), 7000);
    await waitFor(() => expect(pageCalls()).toEqual([null, "c1"]));
    expect(ipc.transactionsPage).toHaveBeenLastCalledWith(EVERYDAY.iban, "c1", 100, "older");
    await waitFor(() => expect(rowIds()).toContain("a-99"));
    expect(screen.queryByTestId("history-end")).toBeNull();
  });

  it("keeps asking while a short page leaves the end in view", async () => {
    history({
      first: page(transactions("a", 10), "c1"),
      c1: page(transactions("a", 10, 10)),
    });
    renderList();
    await waitFor(() => expect(pageCalls()).toEqual([null, "c1"]));
  });

  it("marks the start of a complete history", async () => {
    history({ first: page(transactions("a", 3)) });
    renderList();
    expect((await screen.findByTestId("history-end")).textContent).toBe("Start of history");
    expect(screen.queryByTestId("history-loading")).toBeNull();
  });

  it("says so when the bank offers nothing older but the history is not complete", async () => {
    history({
      first: {
        items: transactions("a", 3),
        nextCursor: null,
        previousCursor: null,
        complete: false,
      },
    });
    renderList();
    expect((await screen.findByTestId("history-end")).textContent).toBe(
      "Your bank offers no older transactions",
    );
  });

  it("shows a loading row until the first page arrives", async () => {
    history({ first: page(transactions("a", 3)) });
    renderList();
    expect(screen.getByTestId("history-loading")).toBeTruthy();
    await screen.findByTestId("history-end");
  });

  it("says so when there is no transaction at all", async () => {
    history({ first: page([]) });
    renderList();
    expect((await screen.findByTestId("history-empty")).textContent).toContain(
      "No transactions yet",
    );
  });
});

describe("when a page fails", () => {
  it("keeps the loaded rows and tries the same page again on Retry", async () => {
    history({ first: page(transactions("a", 10), "c1"), c1: networkDown() });
    renderList();
    const failed = await screen.findByTestId("history-error");
    const alert = within(failed).getByRole("alert").textContent;
    expect(alert).toContain("Your bank can't be reached. Check that this computer is online.");
    expect(alert).not.toContain("connection reset");
    expect(rowIds()).toHaveLength(10);
    expect(pageCalls()).toEqual([null, "c1"]);

    history({ first: page(transactions("a", 10), "c1"), c1: page(transactions("a", 5, 10)) });
    await userEvent.click(within(failed).getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(rowIds()).toHaveLength(15));
    expect(pageCalls()).toEqual([null, "c1", "c1"]);
    expect(screen.queryByTestId("history-error")).toBeNull();
    expect(await screen.findByTestId("history-end")).toBeTruthy();
  });

  it("does not ask again by itself after a failure", async () => {
    history({ first: page(transactions("a", 10), "c1"), c1: networkDown() });
    renderList();
    await screen.findByTestId("history-error");
    scrollTo(list(), 300);
    await screen.findByTestId("history-error");
    expect(pageCalls()).toEqual([null, "c1"]);
  });

  it("asks to reconnect when the consent has ended, keeping the rows", async () => {
    history({
      first: page(transactions("a", 10), "c1"),
      c1: new ipc.CommandError({ code: "consent_required", message: "invalid_grant" }),
    });
    const { onConsentEnded, onReconnect } = renderList();
    const failed = await screen.findByTestId("history-error");
    expect(onConsentEnded).toHaveBeenCalledTimes(1);
    expect(onReconnect).not.toHaveBeenCalled();
    expect(failed.textContent).toContain("access to your bank has ended");
    expect(rowIds()).toHaveLength(10);
    await userEvent.click(within(failed).getByRole("button", { name: "Reconnect" }));
    expect(onReconnect).toHaveBeenCalledTimes(1);
    expect(onConsentEnded).toHaveBeenCalledTimes(1);
  });

  it("explains a failed first page and tries again", async () => {
    history({ first: networkDown() });
    renderList();
    expect((await screen.findByRole("alert")).textContent).toContain(
      "Your bank can't be reached. Check that this computer is online.",
    );

    history({ first: page(transactions("a", 2)) });
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(rowIds()).toEqual(["a-0", "a-1"]));
  });
});

describe("the grid", () => {
  // jsdom has no scrolling: the virtualizer's scrollToIndex lands here, as a browser's would.
  beforeEach(() => {
    Element.prototype.scrollTo = function scrollTo(this: HTMLElement, options?: ScrollToOptions) {
      scrollTo_(this, options?.top ?? 0);
    } as typeof Element.prototype.scrollTo;
    // The virtualizer scrolls no further than the element's scroll height: the rows' total.
    vi.spyOn(Element.prototype, "scrollHeight", "get").mockImplementation(function scrollHeight(
      this: Element,
    ) {
      const space = this.querySelector<HTMLElement>('[role="rowgroup"]');
      return space ? Number.parseFloat(space.style.height) : 0;
    });
  });
  afterEach(() => {
    // @ts-expect-error jsdom has none; each test puts it back.
    delete Element.prototype.scrollTo;
  });

  const grid = () => screen.getByRole("grid", { name: "Transactions" });
  const gridRows = () => within(grid()).getAllByRole("row");
  const focused = () => document.activeElement as HTMLElement;
  const focusedRowIndex = () => Number(focused().getAttribute("aria-rowindex"));
  const tabStops = () => gridRows().filter((row) => row.tabIndex === 0);

  it("is a grid of rows with their cells, named Transactions, the footer a row too", async () => {
    history({ first: page(transactions("a", 3)) });
    renderList();
    await screen.findByTestId("history-end");
    expect(grid()).toBe(list());
    // Two days' headers, three entries and the footer, all loaded: the count is known.
    expect(grid().getAttribute("aria-rowcount")).toBe("6");
    const all = gridRows();
    expect(all.map((row) => row.getAttribute("aria-rowindex"))).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
    ]);
    expect(all.map((row) => row.dataset.testid)).toEqual([
      "date-header",
      "transaction-row",
      "transaction-row",
      "date-header",
      "transaction-row",
      "history-end",
    ]);
    expect(within(all[1] as HTMLElement).getAllByRole("gridcell")).toHaveLength(2);
    const headerCell = within(all[0] as HTMLElement).getByRole("gridcell");
    expect(headerCell.getAttribute("aria-colspan")).toBe("2");
    expect(within(headerCell).getByRole("heading", { level: 2 }).textContent).toBe(
      "Friday, 20 November 2026",
    );
  });

  it("is a region, not a tab stop, until rows come, and the same element after", async () => {
    history({ first: page(transactions("a", 3)) });
    renderList();
    const region = screen.getByRole("region", { name: "Transactions" });
    expect(region).toBe(list());
    expect(region.hasAttribute("tabindex")).toBe(false);
    await screen.findByTestId("history-end");
    expect(grid()).toBe(region);
  });

  it("counts its rows as unknown while older pages may follow", async () => {
    history({ first: page(transactions("a", 100), "c1") });
    renderList();
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    expect(grid().getAttribute("aria-rowcount")).toBe("-1");
  });

  it("is one tab stop: the first row on screen, the grid itself never", async () => {
    history({ first: page(transactions("a", 100), "c1") });
    renderList();
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    expect(grid().tabIndex).toBe(-1);
    expect(tabStops()).toHaveLength(1);
    await userEvent.tab();
    expect(focusedRowIndex()).toBe(1);

    // Scrolled away with the wheel, the focus out of the grid: Tab lands on what is on screen.
    await userEvent.tab({ shift: true });
    scrollTo(list(), 64 * 30);
    await waitFor(() => expect(tabStops()[0]?.getAttribute("aria-rowindex")).not.toBe("1"));
    expect(tabStops()).toHaveLength(1);
    const onScreen = tabStops()[0] as HTMLElement;
    await userEvent.tab();
    expect(focused()).toBe(onScreen);
  });

  it("moves the focus with the arrows, Page Up/Down, Home and End, scrolling with it", async () => {
    history({
      first: page(transactions("a", 100), "c1"),
      c1: page(transactions("a", 100, 100), "c2"),
    });
    renderList();
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    await userEvent.tab();
    expect(focusedRowIndex()).toBe(1);

    await userEvent.keyboard("{ArrowDown}");
    expect(focusedRowIndex()).toBe(2);
    expect(focused().dataset.id).toBe("a-0");
    expect(tabStops()).toEqual([focused()]);
    await userEvent.keyboard("{ArrowUp}{ArrowUp}");
    expect(focusedRowIndex()).toBe(1);

    await userEvent.keyboard("{PageDown}");
    const afterPage = focusedRowIndex();
    expect(afterPage).toBeGreaterThan(8);
    // A page is the rows on screen where the key is pressed: back near the top, not past it.
    await userEvent.keyboard("{PageUp}");
    expect(focusedRowIndex()).toBeLessThan(3);

    // End: the last loaded row, the footer (row 151: 50 days' headers, 100 entries); the list
    // scrolls to it, and the next page is asked for as scrolling there would. Once it is in, the
    // focus is on its first row, where the footer was.
    await userEvent.keyboard("{End}");
    expect(list().scrollTop).toBeGreaterThan(7000);
    await waitFor(() => expect(pageCalls()).toEqual([null, "c1"]));
    await waitFor(() => expect(rowIds()).toContain("a-100"));
    expect(focusedRowIndex()).toBe(151);
    expect(focused().dataset.testid).toBe("date-header");
    await userEvent.keyboard("{Home}");
    expect(focusedRowIndex()).toBe(1);
    expect(list().scrollTop).toBe(0);
  });

  it("keeps the focused row while the wheel scrolls it away", async () => {
    history({ first: page(transactions("a", 100), "c1") });
    renderList();
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    await userEvent.tab();
    await userEvent.keyboard("{ArrowDown}");
    const row = focused();
    scrollTo(list(), 64 * 60);
    await waitFor(() => expect(rowIds()).toContain("a-50"));
    expect(row.isConnected).toBe(true);
    expect(focused()).toBe(row);
    await userEvent.keyboard("{ArrowDown}");
    expect(focused().dataset.id).toBe("a-1");
  });

  it("tries a failed page again on Enter on its row, and the focus takes the first new row", async () => {
    history({ first: page(transactions("a", 10), "c1"), c1: networkDown() });
    renderList();
    await screen.findByTestId("history-error");
    await userEvent.tab();
    await userEvent.keyboard("{End}");
    expect(focused().dataset.testid).toBe("history-error");
    const footerIndex = focusedRowIndex();

    history({ first: page(transactions("a", 10), "c1"), c1: page(transactions("a", 5, 10)) });
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(rowIds()).toHaveLength(15));
    expect(pageCalls()).toEqual([null, "c1", "c1"]);
    // Where the footer was, the next day's header now is, and it has the focus.
    await waitFor(() => expect(focusedRowIndex()).toBe(footerIndex));
    expect(focused().dataset.testid).toBe("date-header");
  });

  it("reconnects on Enter when the consent has ended", async () => {
    history({
      first: page(transactions("a", 10), "c1"),
      c1: new ipc.CommandError({ code: "consent_required", message: "invalid_grant" }),
    });
    const { onConsentEnded, onReconnect } = renderList();
    await screen.findByTestId("history-error");
    expect(onConsentEnded).toHaveBeenCalledTimes(1);
    await userEvent.tab();
    await userEvent.keyboard("{End}{Enter}");
    expect(onReconnect).toHaveBeenCalledTimes(1);
    expect(pageCalls()).toEqual([null, "c1"]);
  });

  it("opens a transaction on a click, or on Enter or Space on its row, with the row", async () => {
    history({ first: page(transactions("a", 3)) });
    const { onOpen } = renderList({ openable: true });
    await screen.findByTestId("history-end");
    await userEvent.click(within(rows()[1] as HTMLElement).getByText("Shop a-1"));
    expect(onOpen).toHaveBeenLastCalledWith(EVERYDAY.iban, "a-1", rows()[1]);
    // The click focused the row, as a browser does: the keys go on from there.
    expect(focused().dataset.id).toBe("a-1");
    await userEvent.keyboard("{Home}{ArrowDown}{Enter}");
    expect(onOpen).toHaveBeenLastCalledWith(EVERYDAY.iban, "a-0", focused());
    await userEvent.keyboard("{ArrowDown} ");
    expect(onOpen).toHaveBeenLastCalledWith(EVERYDAY.iban, "a-1", focused());
    // A day's header opens nothing.
    await userEvent.keyboard("{Home}{Enter}");
    expect(onOpen).toHaveBeenCalledTimes(3);
    expect(pageCalls()).toEqual([null]);
  });

  it("says on each transaction row that opens how to open it, in ARIA axe accepts", async () => {
    history({ first: page(transactions("a", 3)) });
    renderList({ openable: true });
    await screen.findByTestId("history-end");
    // The row is what takes the focus: a description it carries is read with it.
    const described = screen.getAllByRole("row", { description: "Enter opens the details" });
    expect(described.map((row) => row.dataset.id)).toEqual(["a-0", "a-1", "a-2"]);
    const results = await axe.run(list(), {
      runOnly: {
        type: "rule",
        values: ["aria-allowed-attr", "aria-valid-attr-value", "aria-required-children"],
      },
    });
    expect(results.violations).toEqual([]);
    expect(results.passes.map((rule) => rule.id)).toContain("aria-valid-attr-value");
  });

  it("says it in Slovak, and nothing on rows that do not open", async () => {
    history({ first: page(transactions("a", 2)) });
    renderList({ language: "sk", openable: true });
    await screen.findByTestId("history-end");
    expect(screen.getAllByRole("row", { description: "Enter otvorí podrobnosti" })).toHaveLength(2);
  });

  it("does nothing on Enter or Space on a transaction that cannot be opened", async () => {
    history({ first: page(transactions("a", 3)) });
    renderList();
    await screen.findByTestId("history-end");
    await userEvent.tab();
    expect(rows().some((row) => row.hasAttribute("aria-describedby"))).toBe(false);
    expect(screen.queryByText("Enter opens the details")).toBeNull();
    await userEvent.keyboard("{ArrowDown}{Enter} ");
    expect(focused().dataset.id).toBe("a-0");
    expect(pageCalls()).toEqual([null]);
  });
});

/** Sets a scroll position as the browser's scrollTo would. */
function scrollTo_(element: HTMLElement, offset: number) {
  scrollTo(element, offset);
}
