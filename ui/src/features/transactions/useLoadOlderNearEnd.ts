import { useEffect } from "react";

/** How far ahead of the last loaded row the next page is asked for. A page is 100 rows and may
 * take half a second from the bank: 40 rows is several screens of scrolling, so it usually
 * arrives before the loading row comes into view. */
export const PREFETCH_ROWS = 40;

/** Fetches the next, older page once the rendered rows come within PREFETCH_ROWS of the loaded
 * end. Never while a fetch runs (it would cancel it), and never after a failure: the failure's
 * own Retry asks again, so a broken bank is not called in a loop. */
export function useLoadOlderNearEnd({
  lastRenderedIndex,
  loadedCount,
  hasNextPage,
  isFetching,
  isError,
  fetchNextPage,
}: {
  lastRenderedIndex: number;
  loadedCount: number;
  hasNextPage: boolean;
  isFetching: boolean;
  isError: boolean;
  fetchNextPage: () => Promise<unknown>;
}) {
  // Decided again whenever the rendered rows or the loaded ones change, not only when "near the
  // end" flips: a page answered within the same render as its request shows no fetching in
  // between, and a list that stayed near its end would otherwise never ask for the next one.
  useEffect(() => {
    const nearEnd = lastRenderedIndex >= loadedCount - PREFETCH_ROWS;
    if (nearEnd && hasNextPage && !isFetching && !isError) {
      void fetchNextPage();
    }
  }, [lastRenderedIndex, loadedCount, hasNextPage, isFetching, isError, fetchNextPage]);
}
