import { type RefObject, useEffect, useLayoutEffect, useRef } from "react";
import type { ListItem } from "./grouping";

/** Where a transaction row sat on screen: its key, and its top edge relative to the scroll
 * position. */
type Anchor = { key: string; offset: number };

/** Keeps the row at the top of the view still when pages arrive above it or are let go above it.
 * The list positions its rows itself, so the browser's own scroll anchoring does not apply: after
 * each change the scroll position moves by what changed above the row. Pixel arithmetic, not
 * money. */
export function useKeepRowInPlace(
  items: readonly ListItem[],
  scroller: RefObject<HTMLElement | null>,
  heightOf: (item: ListItem) => number,
) {
  const anchor = useRef<Anchor | null>(null);

  useLayoutEffect(() => {
    const element = scroller.current;
    const previous = anchor.current;
    if (element && previous) {
      const top = topOf(items, previous.key, heightOf);
      if (top !== null && Math.abs(top - previous.offset - element.scrollTop) >= 1) {
        element.scrollTop = top - previous.offset;
      }
    }
    if (element) {
      anchor.current = firstVisible(items, element.scrollTop, heightOf);
    }
  }, [items, scroller, heightOf]);

  useEffect(() => {
    const element = scroller.current;
    if (!element) {
      return;
    }
    const remember = () => {
      anchor.current = firstVisible(items, element.scrollTop, heightOf);
    };
    element.addEventListener("scroll", remember, { passive: true });
    return () => element.removeEventListener("scroll", remember);
  }, [items, scroller, heightOf]);
}

/** The first transaction row whose bottom edge is below `scrollTop`. */
function firstVisible(
  items: readonly ListItem[],
  scrollTop: number,
  heightOf: (item: ListItem) => number,
): Anchor | null {
  let top = 0;
  for (const item of items) {
    const height = heightOf(item);
    if (item.kind === "transaction" && top + height > scrollTop) {
      return { key: item.key, offset: top - scrollTop };
    }
    top += height;
  }
  return null;
}

function topOf(
  items: readonly ListItem[],
  key: string,
  heightOf: (item: ListItem) => number,
): number | null {
  let top = 0;
  for (const item of items) {
    if (item.key === key) {
      return top;
    }
    top += heightOf(item);
  }
  return null;
}
