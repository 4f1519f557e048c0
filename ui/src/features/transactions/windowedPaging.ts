import type { PageDirection } from "../../ipc";

/** Pages kept in memory: 3,000 rows, many screens either way. Scrolled further, the pages at the
 * far end are let go and read again from the store on the way back, so a long scroll does not
 * keep a whole history (or a whole search's results) in the webview. */
export const PAGES_KEPT = 30;

/** Where a page is read: next to a cursor, the older or the newer side of it; the top first. */
export type PageParam = { cursor: string | null; direction: PageDirection };

/** A page Rust sends: the cursors of the pages on either side of it, null at either end. */
type CursoredPage = { nextCursor: string | null; previousCursor: string | null };

/** The paging options of a list that keeps PAGES_KEPT pages and reads the ones it let go
 * again, as both the history and the search results do. */
export const windowedPaging = {
  initialPageParam: { cursor: null, direction: "older" } as PageParam,
  getNextPageParam: (lastPage: CursoredPage): PageParam | undefined =>
    lastPage.nextCursor === null ? undefined : { cursor: lastPage.nextCursor, direction: "older" },
  getPreviousPageParam: (firstPage: CursoredPage): PageParam | undefined =>
    firstPage.previousCursor === null
      ? undefined
      : { cursor: firstPage.previousCursor, direction: "newer" },
  maxPages: PAGES_KEPT,
};
