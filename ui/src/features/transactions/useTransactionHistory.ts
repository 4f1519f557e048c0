import { useInfiniteQuery } from "@tanstack/react-query";
import { transactionsPage } from "../../ipc";
import { TRANSACTIONS_KEY } from "../../queries/keys";
import { windowedPaging } from "./windowedPaging";

/** Rust's page size: one bank page, so an older page costs at most one bank call. */
export const PAGE_SIZE = 100;

/** An account's history, newest first, one page at a time. Pages change only through a refresh
 * (which invalidates them), so they never go stale on their own: coming back to an account
 * shows what was loaded without fetching every page again. */
export function useTransactionHistory(iban: string) {
  return useInfiniteQuery({
    queryKey: [...TRANSACTIONS_KEY, iban],
    queryFn: ({ pageParam }) =>
      transactionsPage(iban, pageParam.cursor, PAGE_SIZE, pageParam.direction),
    ...windowedPaging,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
