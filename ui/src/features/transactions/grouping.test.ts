import { page, transaction } from "../../test/fixtures";
import { groupFoundTransactions, groupTransactions, type ListItem } from "./grouping";

/** The items as short text: "# group" for a header, the id for a transaction. */
const outline = (items: ListItem[]) =>
  items.map((item) => (item.kind === "header" ? `# ${item.group}` : item.transaction.id));

describe("groupTransactions", () => {
  it("puts a header before each day, newest first as the pages came", () => {
    const items = groupTransactions([
      page([
        transaction("a", { date: "2026-11-20" }),
        transaction("b", { date: "2026-11-20" }),
        transaction("c", { date: "2026-11-19" }),
      ]),
    ]);
    expect(outline(items)).toEqual(["# 2026-11-20", "a", "b", "# 2026-11-19", "c"]);
  });

  it("continues a day across a page boundary under one header", () => {
    const items = groupTransactions([
      page([transaction("a", { date: "2026-11-20" })], "next"),
      page([transaction("b", { date: "2026-11-20" }), transaction("c", { date: "2026-11-18" })]),
    ]);
    expect(outline(items)).toEqual(["# 2026-11-20", "a", "b", "# 2026-11-18", "c"]);
  });

  it("keeps pending entries in their day, where the bank lists them", () => {
    const items = groupTransactions([
      page([
        transaction("p1", { status: "pending", date: "2026-11-21" }),
        transaction("a", { date: "2026-11-21" }),
        transaction("b", { date: "2026-11-20" }),
      ]),
      page([transaction("p2", { status: "pending", date: "2026-11-19" })]),
    ]);
    expect(outline(items)).toEqual([
      "# 2026-11-21",
      "p1",
      "a",
      "# 2026-11-20",
      "b",
      "# 2026-11-19",
      "p2",
    ]);
  });

  it("shows an entry once, even if a page repeats it", () => {
    const items = groupTransactions([page([transaction("a")]), page([transaction("a")])]);
    expect(outline(items)).toEqual(["# 2026-11-20", "a"]);
  });

  it("gives no header to a day whose only entry on a page repeats one already shown", () => {
    const items = groupTransactions([
      page([
        transaction("p1", { status: "pending", date: "2026-11-21" }),
        transaction("a", { date: "2026-11-20" }),
      ]),
      page([
        transaction("p1", { status: "pending", date: "2026-11-21" }),
        transaction("b", { date: "2026-11-19" }),
      ]),
    ]);
    expect(outline(items)).toEqual([
      "# 2026-11-21",
      "p1",
      "# 2026-11-20",
      "a",
      "# 2026-11-19",
      "b",
    ]);
  });

  it("gives every item a distinct key", () => {
    const items = groupTransactions([
      page([transaction("2026-11-20"), transaction("b", { status: "pending" })]),
    ]);
    const keys = items.map((item) => item.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("keeps a page's items, the same objects, as pages come and go around it", () => {
    const first = page([transaction("a", { date: "2026-11-20" })], "next");
    const second = page([transaction("b", { date: "2026-11-20" })], "more");
    const third = page([transaction("c", { date: "2026-11-19" })]);
    const before = groupTransactions([first, second]);
    const after = groupTransactions([second, third]);
    const item = (items: ListItem[], key: string) => items.find((each) => each.key === key);
    expect(item(after, "tx:b")).toBe(item(before, "tx:b"));
    // The day's header goes with the page that now starts the list.
    expect(outline(after)).toEqual(["# 2026-11-20", "b", "# 2026-11-19", "c"]);
  });

  it("has nothing to show for an empty history", () => {
    expect(groupTransactions([page([])])).toEqual([]);
    expect(groupTransactions([])).toEqual([]);
  });
});

describe("groupFoundTransactions", () => {
  const found = (iban: string, id: string, date = "2026-11-20") => ({
    iban,
    transaction: transaction(id, { date }),
  });

  it("groups matches of several accounts by day, each with its account", () => {
    const items = groupFoundTransactions([
      {
        items: [found("SK1", "a"), found("SK2", "a"), found("SK1", "b", "2026-11-19")],
        nextCursor: null,
        previousCursor: null,
      },
    ]);
    expect(items.map((item) => (item.kind === "header" ? `# ${item.group}` : item.iban))).toEqual([
      "# 2026-11-20",
      "SK1",
      "SK2",
      "# 2026-11-19",
      "SK1",
    ]);
  });

  it("tells apart entries of the same id in two accounts, and shows a repeated match once", () => {
    const items = groupFoundTransactions([
      { items: [found("SK1", "a"), found("SK2", "a")], nextCursor: "next", previousCursor: null },
      { items: [found("SK2", "a")], nextCursor: null, previousCursor: "back" },
    ]);
    const keys = items.map((item) => item.key);
    expect(keys).toEqual(["header:2026-11-20", "tx:SK1:a", "tx:SK2:a"]);
  });

  it("leaves the history's own rows without an account", () => {
    const [, row] = groupTransactions([page([transaction("a")])]);
    expect(row).toMatchObject({ kind: "transaction", iban: null, key: "tx:a" });
  });
});
