import { useInfiniteQuery } from "@tanstack/react-query";
import { type PageDirection, transactionsPage } from "../../ipc";

/** The prefix of every account's history query; invalidate it after a refresh. */
export const TRANSACTIONS_KEY = ["transactions"] as const;

/** Rust's page size: one bank page, so an older page costs at most one bank call. */
export const PAGE_SIZE = 100;

/** Pages kept in memory: 3,000 rows, many screens either way. Scrolled further, the pages at the
 * far end are let go and read again from the store on the way back, so a long scroll does not
 * keep a whole history in the webview. */
export const PAGES_KEPT = 30;

type PageParam = { cursor: string | null; direction: PageDirection };

const TOP: PageParam = { cursor: null, direction: "older" };

/** An account's history, newest first, one page at a time. Pages change only through a refresh
 * (which invalidates them), so they never go stale on their own: coming back to an account
 * shows what was loaded without fetching every page again. */
export function useTransactionHistory(iban: string) {
  return useInfiniteQuery({
    queryKey: [...TRANSACTIONS_KEY, iban],
    queryFn: ({ pageParam }) =>
      transactionsPage(iban, pageParam.cursor, PAGE_SIZE, pageParam.direction),
    initialPageParam: TOP,
    getNextPageParam: (lastPage): PageParam | undefined =>
      lastPage.nextCursor === null
        ? undefined
        : { cursor: lastPage.nextCursor, direction: "older" },
    getPreviousPageParam: (firstPage): PageParam | undefined =>
      firstPage.previousCursor === null
        ? undefined
        : { cursor: firstPage.previousCursor, direction: "newer" },
    maxPages: PAGES_KEPT,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
