import { useEffect } from "react";
import { PREFETCH_ROWS } from "./useLoadOlderNearEnd";

/** Fetches the page above the first loaded one (let go after a long scroll down) once the
 * rendered rows come within PREFETCH_ROWS of the loaded start. The same rules as going down:
 * never while a fetch runs, never after a failure. */
export function useLoadNewerNearStart({
  firstRenderedIndex,
  hasPreviousPage,
  isFetching,
  isError,
  fetchPreviousPage,
}: {
  firstRenderedIndex: number;
  hasPreviousPage: boolean;
  isFetching: boolean;
  isError: boolean;
  fetchPreviousPage: () => Promise<unknown>;
}) {
  const nearStart = firstRenderedIndex >= 0 && firstRenderedIndex <= PREFETCH_ROWS;
  useEffect(() => {
    if (nearStart && hasPreviousPage && !isFetching && !isError) {
      void fetchPreviousPage();
    }
  }, [nearStart, hasPreviousPage, isFetching, isError, fetchPreviousPage]);
}
