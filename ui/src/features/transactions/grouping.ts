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
  return groupEntries(
    pages.flatMap((page) => page.items.map((transaction) => ({ iban: null, transaction }))),
  );
}

/** A search's pages (newest first, across accounts) as the list shows them: the same day
 * headers as the history's. An entry's id is unique within its account only, so the account
 * is part of its key. */
export function groupFoundTransactions(pages: readonly SearchPage[]): ListItem[] {
  return groupEntries(pages.flatMap((page) => page.items));
}

function groupEntries(
  entries: readonly { iban: string | null; transaction: TransactionView }[],
): ListItem[] {
  const items: ListItem[] = [];
  const seen = new Set<string>();
  let day: string | null = null;

  for (const { iban, transaction } of entries) {
    const key = iban === null ? `tx:${transaction.id}` : `tx:${iban}:${transaction.id}`;
    // The store never repeats an entry, but a repeated key would confuse React and the
    // virtualizer: the first one wins.
    if (seen.has(key)) {
      continue;
    }
    seen.add(key);
    if (transaction.date !== day) {
      day = transaction.date;
      // The list is sorted by date, so a day has one header: its key is stable across pages.
      items.push({ kind: "header", key: `header:${day}`, group: day });
    }
    items.push({ kind: "transaction", key, transaction, iban });
  }
  return items;
}
