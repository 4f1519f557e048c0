import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { type SearchQuery, searchSummary, searchTransactions } from "../../ipc";
import { SEARCH_KEY } from "../../queries/keys";
import { windowedPaging } from "../transactions/windowedPaging";

/** Matches per page: as the history's, one screenful many times over. */
export const SEARCH_PAGE_SIZE = 100;

/** What `query` matches, newest first, page by page as the list is scrolled. Keyed by the whole
 * query; while the next query's first page loads, the previous results stay on screen
 * (`isPlaceholderData`), so typing does not flicker through a loading state. As the history's,
 * at most PAGES_KEPT pages are kept: scrolled far down a long result, the top pages are let go
 * and read again from the store on the way back up. `enabled`: only in search mode. */
export function useSearchResults(query: SearchQuery, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...SEARCH_KEY, "results", query],
    queryFn: ({ pageParam }) =>
      searchTransactions(query, pageParam.cursor, SEARCH_PAGE_SIZE, pageParam.direction),
    ...windowedPaging,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The count, sums, coverage and notes of everything `query` matches; the previous query's
 * stay on screen while the next one's load. */
export function useSearchSummary(query: SearchQuery, enabled: boolean) {
  return useQuery({
    queryKey: [...SEARCH_KEY, "summary", query],
    queryFn: () => searchSummary(query),
    placeholderData: keepPreviousData,
    enabled,
  });
}
