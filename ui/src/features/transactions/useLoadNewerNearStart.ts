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
  // Decided whenever the rendered rows change (see useLoadOlderNearEnd).
  useEffect(() => {
    const nearStart = firstRenderedIndex >= 0 && firstRenderedIndex <= PREFETCH_ROWS;
    if (nearStart && hasPreviousPage && !isFetching && !isError) {
      void fetchPreviousPage();
    }
  }, [firstRenderedIndex, hasPreviousPage, isFetching, isError, fetchPreviousPage]);
}
