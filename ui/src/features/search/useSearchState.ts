import { useCallback, useState } from "react";
import type { SearchQuery } from "../../ipc";
import { EMPTY_QUERY, isSearching } from "./searchQuery";
import { useDebouncedValue } from "./useDebouncedValue";

/** How long typing must pause before a query is sent: long enough to take a key held down or a
 * burst of keys as one query, short enough to stay inside the 100 ms from the last key to the
 * results (a search and its totals take about 30 ms at 100,000 entries). */
export const SEARCH_DEBOUNCE_MS = 40;

/** What the person typed and set (`draft`, what the fields show) and the query sent for it
 * (`query`): the draft once typing pauses. Emptied, the search ends at once: the history comes
 * back without waiting for the pause. */
export function useSearchState() {
  const [draft, setDraft] = useState<SearchQuery>(EMPTY_QUERY);
  const settled = useDebouncedValue(draft, SEARCH_DEBOUNCE_MS);
  const query = isSearching(draft) ? settled : EMPTY_QUERY;
  return {
    draft,
    query,
    /** Search mode: the window shows what `query` matches. */
    searching: isSearching(query),
    change: useCallback(
      (change: Partial<SearchQuery>) => setDraft((earlier) => ({ ...earlier, ...change })),
      [],
    ),
    clear: () => setDraft(EMPTY_QUERY),
  };
}

export type SearchState = ReturnType<typeof useSearchState>;
