import type { SearchPage, TransactionsPage, TransactionView } from "../../ipc";

/** One line of the flat, virtualized list: a day's header or one transaction. A transaction
 * found by a search carries its account (`iban`); the history's own rows are all of one account
 * and carry none. */
export type ListItem =
  | { kind: "header"; key: string; group: string }
  | { kind: "transaction"; key: string; transaction: TransactionView; iban: string | null };

/** The transaction rows of the list. */
export type TransactionItem = Extract<ListItem, { kind: "transaction" }>;

/** An account's history pages (newest first) as the list shows them, in the bank's order: a
 * header whenever the day (`date`) changes. A pending entry stays in its day with its badge,
 * where the bank lists it, so the list never reorders as older pages arrive. */
export function groupTransactions(pages: readonly TransactionsPage[]): ListItem[] {
  return joinPages(pages, historyItems);
}

/** A search's pages (newest first, across accounts) as the list shows them: the same day
 * headers as the history's. An entry's id is unique within its account only, so the account
 * is part of its key. */
export function groupFoundTransactions(pages: readonly SearchPage[]): ListItem[] {
  return joinPages(pages, foundItems);
}

/** Each page's items, made once per page object: a page keeps its items (the same objects, so
 * the memoized rows do not render again) while the pages around it come and go, and a long
 * scroll does not rebuild thousands of items for every page that arrives. Weak: a page the
 * query let go takes its items with it. */
const historyItemsOf = new WeakMap<TransactionsPage, ListItem[]>();
const foundItemsOf = new WeakMap<SearchPage, ListItem[]>();

function historyItems(page: TransactionsPage): ListItem[] {
  return itemsOnce(historyItemsOf, page, () =>
    page.items.map((transaction) => ({ iban: null, transaction })),
  );
}

function foundItems(page: SearchPage): ListItem[] {
  return itemsOnce(foundItemsOf, page, () => page.items);
}

function itemsOnce<Page extends object>(
  cache: WeakMap<Page, ListItem[]>,
  page: Page,
  entries: () => readonly { iban: string | null; transaction: TransactionView }[],
): ListItem[] {
  let items = cache.get(page);
  if (!items) {
    items = pageItems(entries());
    cache.set(page, items);
  }
  return items;
}

/** One page's entries, each day under its header (the first entry's day too). */
function pageItems(
  entries: readonly { iban: string | null; transaction: TransactionView }[],
): ListItem[] {
  const items: ListItem[] = [];
  let day: string | null = null;
  for (const { iban, transaction } of entries) {
    if (transaction.date !== day) {
      day = transaction.date;
      // The list is sorted by date, so a day has one header: its key is stable across pages.
      items.push({ kind: "header", key: `header:${day}`, group: day });
    }
    const key = iban === null ? `tx:${transaction.id}` : `tx:${iban}:${transaction.id}`;
    items.push({ kind: "transaction", key, transaction, iban });
  }
  return items;
}

/** The pages' items in a row: a day that goes on from one page into the next keeps the one
 * header it already has, and a day's header comes only with an entry shown under it. */
function joinPages<Page>(pages: readonly Page[], itemsOf: (page: Page) => ListItem[]): ListItem[] {
  const joined: ListItem[] = [];
  const seen = new Set<string>();
  let day: string | null = null;
  // A page's header for a new day, held until an entry of that day is shown.
  let header: ListItem | null = null;
  for (const page of pages) {
    for (const item of itemsOf(page)) {
      if (item.kind === "header") {
        header = item.group === day ? null : item;
      } else if (!seen.has(item.key)) {
        // The store never repeats an entry, but a repeated key would confuse React and the
        // virtualizer: the first one wins.
        seen.add(item.key);
        if (header?.kind === "header") {
          day = header.group;
          joined.push(header);
          header = null;
        }
        joined.push(item);
      }
    }
  }
  return joined;
}
