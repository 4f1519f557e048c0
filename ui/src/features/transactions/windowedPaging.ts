import { replaceEqualDeep } from "@tanstack/react-query";
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
  structuralSharing: keepPages,
};

type Paged = { pages: readonly unknown[]; pageParams: readonly unknown[] };

/** How a list's new pages are shared with the ones it had, so that a page kept stays the same
 * object: its rows keep their items (made once per page object, see `grouping.ts`), and the
 * memoized rows on screen are not rendered again.
 *
 * TanStack Query's own sharing compares the pages place by place. Once the window is full, each
 * page that arrives pushes one out at the far end, so every place holds another page than
 * before, and the default made a fresh copy of every row kept: 3,000 rows copied, regrouped and
 * rendered again for each page, which in a long scroll was most of what the page allocated.
 * Here a page that is still there is kept as it is. A page read again (a refetch after a
 * refresh) is compared with the page that had the same bounds (the cursors of its first and last
 * rows: a refetch reads every page downwards, also those first read upwards), else with the page
 * in its place, so what did not change stays the same object too. */
export function keepPages(previous: unknown, next: unknown): unknown {
  if (!isPaged(previous) || !isPaged(next)) {
    return replaceEqualDeep(previous, next);
  }
  const kept = new Set(previous.pages);
  const byBounds = new Map(previous.pages.map((page) => [boundsOf(page), page] as const));
  const pages = next.pages.map((page, index) => {
    if (kept.has(page)) {
      return page;
    }
    const bounds = boundsOf(page);
    const before =
      (bounds === undefined ? undefined : byBounds.get(bounds)) ?? previous.pages[index];
    return before === undefined ? page : replaceEqualDeep(before, page);
  });
  const same =
    pages.length === previous.pages.length &&
    pages.every((page, index) => page === previous.pages[index]) &&
    next.pageParams.every((param, index) => samePlace(param, previous.pageParams[index]));
  return same ? previous : { ...next, pages };
}

function isPaged(data: unknown): data is Paged {
  return (
    typeof data === "object" &&
    data !== null &&
    Array.isArray((data as Paged).pages) &&
    Array.isArray((data as Paged).pageParams)
  );
}

/** A page's first and last rows, by the cursors Rust gives on either side of it; a page
 * without them (not a page of this kind) has none. */
function boundsOf(page: unknown): string | undefined {
  if (typeof page !== "object" || page === null) {
    return undefined;
  }
  const { previousCursor, nextCursor } = page as Partial<CursoredPage>;
  return previousCursor === undefined || nextCursor === undefined
    ? undefined
    : JSON.stringify([previousCursor, nextCursor]);
}

/** Two page parameters that read the same page; a refetch makes them anew. */
function samePlace(one: unknown, other: unknown): boolean {
  return (
    isPageParam(one) &&
    isPageParam(other) &&
    one.cursor === other.cursor &&
    one.direction === other.direction
  );
}

function isPageParam(value: unknown): value is PageParam {
  return typeof value === "object" && value !== null && "cursor" in value && "direction" in value;
}
