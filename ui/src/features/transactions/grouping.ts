import type { TransactionsPage, TransactionView } from "../../ipc";

/** One line of the flat, virtualized list: a day's header or one transaction. */
export type ListItem =
  | { kind: "header"; key: string; group: string }
  | { kind: "transaction"; key: string; transaction: TransactionView };

/** The loaded pages (newest first) as the list shows them, in the bank's order: a header
 * whenever the day (`date`) changes. A pending entry stays in its day with its badge, where the
 * bank lists it, so the list never reorders as older pages arrive. */
export function groupTransactions(pages: readonly TransactionsPage[]): ListItem[] {
  const items: ListItem[] = [];
  const seen = new Set<string>();
  let day: string | null = null;

  for (const page of pages) {
    for (const transaction of page.items) {
      // The store never repeats an entry, but a repeated key would confuse React and the
      // virtualizer: the first one wins.
      if (seen.has(transaction.id)) {
        continue;
      }
      seen.add(transaction.id);
      if (transaction.date !== day) {
        day = transaction.date;
        // The list is sorted by date, so a day has one header: its key is stable across pages.
        items.push({ kind: "header", key: `header:${day}`, group: day });
      }
      items.push({ kind: "transaction", key: `tx:${transaction.id}`, transaction });
    }
  }
  return items;
}
