import type { SearchQuery } from "../../ipc";

/** Nothing typed, nothing set: every stored entry of every shown account. Valid to send, but the
 * window shows the history, not a search, until something is typed or set. */
export const EMPTY_QUERY: SearchQuery = {
  text: "",
  amount: "",
  dateFrom: null,
  dateTo: null,
  direction: "any",
  pendingOnly: false,
  iban: null,
  categoryId: null,
};

/** The filters that are set, one per field (the text is not a filter). */
export function activeFilterCount(query: SearchQuery): number {
  return [
    query.amount.trim() !== "",
    query.dateFrom !== null,
    query.dateTo !== null,
    query.direction !== "any",
    query.pendingOnly,
    query.iban !== null,
    query.categoryId !== null,
  ].filter(Boolean).length;
}

/** Something is typed or set: the window shows what matches instead of the history. */
export function isSearching(query: SearchQuery): boolean {
  return query.text.trim() !== "" || activeFilterCount(query) > 0;
}

/** What Export writes: what the search matches, or with no search the selected account's whole
 * stored history. */
export function exportQuery(query: SearchQuery, selectedIban: string | null): SearchQuery {
  return isSearching(query) ? query : { ...EMPTY_QUERY, iban: selectedIban };
}
