import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as ipc from "../../ipc";
import { EVERYDAY, page, transaction, transactions } from "../../test/fixtures";
import { mockIpc } from "../../test/ipcMock";
import { fakeViewport, scrollTo } from "../../test/layout";
import { renderWithQueries } from "../../test/render";
import { TransactionList } from "./TransactionList";

vi.mock("../../ipc", async (importOriginal) =>
  (await import("../../test/ipcModule")).mockedIpc(await importOriginal()),
);

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

function renderList() {
  const onConsentRequired = vi.fn();
  renderWithQueries(<TransactionList iban={EVERYDAY.iban} onConsentRequired={onConsentRequired} />);
  return { onConsentRequired };
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
    expect(headers).toEqual(["Today", "Yesterday", "Friday, November 13, 2026"]);
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
});

describe("scrolling through the history", () => {
  it("is a focusable region, so the keyboard scrolls it", async () => {
    renderList();
    expect(list().tabIndex).toBe(0);
    expect(screen.getByRole("region", { name: "Transactions" })).toBe(list());
  });

  it("renders only the rows near the viewport", async () => {
    history({ first: page(transactions("a", 100), "c1") });
    renderList();
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    expect(rows().length).toBeLessThan(40);
    expect(rowIds()[0]).toBe("a-0");
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
    await userEvent.click(within(failed).getByRole("button", { name: "Retry" }));
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
    const { onConsentRequired } = renderList();
    const failed = await screen.findByTestId("history-error");
    expect(onConsentRequired).toHaveBeenCalledTimes(1);
    expect(failed.textContent).toContain("access to your bank has ended");
    expect(rowIds()).toHaveLength(10);
    await userEvent.click(within(failed).getByRole("button", { name: "Reconnect" }));
    expect(onConsentRequired).toHaveBeenCalledTimes(2);
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
