import { type InfiniteData, InfiniteQueryObserver, QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it } from "vitest";
import { PAGES_KEPT, type PageParam, windowedPaging } from "./windowedPaging";

type Row = { id: string; amount: string };
type Page = { items: Row[]; nextCursor: string | null; previousCursor: string | null };

/** A history of `count` pages of two rows each, read as Rust reads it: the cursors on either side
 * of a page are its first and last rows, and a page is read older than a cursor or newer than
 * it; every read makes new objects, as every answer over IPC does. */
function readPage(count: number, { cursor, direction }: PageParam): Page {
  const at = cursor === null ? 0 : Number.parseInt(cursor, 10) + (direction === "older" ? 1 : -1);
  return {
    items: [
      { id: `${at}a`, amount: "-1.00" },
      { id: `${at}b`, amount: "2.00" },
    ],
    nextCursor: at + 1 < count ? `${at}b` : null,
    previousCursor: at > 0 ? `${at}a` : null,
  };
}

let client: QueryClient;
afterEach(() => client.clear());

function history(count: number) {
  client = new QueryClient();
  return new InfiniteQueryObserver<Page, Error, InfiniteData<Page, PageParam>>(client, {
    queryKey: ["history"],
    queryFn: ({ pageParam }) => readPage(count, pageParam as PageParam),
    ...windowedPaging,
  });
}

type History = ReturnType<typeof history>;

/** Reads `down` pages further down, then `up` pages back up, one at a time, telling `step` the
 * pages before and after each. */
async function slide(
  observer: History,
  down: number,
  up: number,
  step: (before: readonly Page[], after: readonly Page[]) => void = () => {},
) {
  for (let page = 0; page < down + up; page++) {
    const before = observer.getCurrentResult().data?.pages ?? [];
    await (page < down ? observer.fetchNextPage() : observer.fetchPreviousPage());
    step(before, observer.getCurrentResult().data?.pages ?? []);
  }
}

describe("a windowed list's pages", () => {
  it("stay the same objects while the window slides down and back up (the ones still kept)", async () => {
    const observer = history(PAGES_KEPT + 10);
    await observer.refetch();
    const stayed: number[] = [];
    await slide(observer, PAGES_KEPT + 4, 4, (before, after) =>
      stayed.push(after.length - after.filter((kept) => before.includes(kept)).length),
    );
    // Each step brings one page that was not there (and, once the window is full, lets one go
    // at the far end); every other page is the one it was.
    expect(stayed).toEqual(Array(PAGES_KEPT + 8).fill(1));
    expect(observer.getCurrentResult().data?.pages).toHaveLength(PAGES_KEPT);
  });

  it("stay the same objects when read again unchanged", async () => {
    const observer = history(5);
    await observer.refetch();
    await observer.fetchNextPage();
    await observer.fetchNextPage();
    const before = observer.getCurrentResult().data;
    await observer.refetch();
    expect(observer.getCurrentResult().data).toBe(before);
  });

  it("stay the same objects when read again after the window slid down and back up", async () => {
    // A refetch reads every page downwards, also those read upwards on the way back.
    const observer = history(PAGES_KEPT + 10);
    await observer.refetch();
    await slide(observer, PAGES_KEPT + 4, 4);
    const before = observer.getCurrentResult().data?.pages ?? [];
    await observer.refetch();
    const after = observer.getCurrentResult().data?.pages ?? [];
    expect(after).toHaveLength(before.length);
    expect(after.every((page, index) => page === before[index])).toBe(true);
  });

  it("keep the rows that did not change when a page read again did", async () => {
    const observer = history(3);
    await observer.refetch();
    await observer.fetchNextPage();
    const [first, second] = observer.getCurrentResult().data?.pages ?? [];
    let changed = false;
    observer.setOptions({
      queryKey: ["history"],
      queryFn: ({ pageParam }) => {
        const page = readPage(3, pageParam as PageParam);
        const [row] = page.items;
        // The second page: the one read older than the first's last row.
        if (!changed && row && (pageParam as PageParam).cursor === "0b") {
          changed = true;
          page.items[0] = { ...row, amount: "-9.00" };
        }
        return page;
      },
      ...windowedPaging,
    });
    await observer.refetch();
    const [firstAgain, secondAgain] = observer.getCurrentResult().data?.pages ?? [];
    expect(firstAgain).toBe(first);
    expect(secondAgain).not.toBe(second);
    expect(secondAgain?.items[0]?.amount).toBe("-9.00");
    expect(secondAgain?.items[1]).toBe(second?.items[1]);
  });
});
