import { defaultRangeExtractor, type Range } from "@tanstack/react-virtual";
import {
  type FocusEvent,
  type RefObject,
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { rowIndexOf } from "../../hooks/useGridKeyboard";
import type { ListItem } from "./grouping";

/** The footer's key among the rows' keys: it is the row past the last item. */
export const FOOTER_KEY = "footer";

/** The rows on screen, first and last (the virtualizer's range, without its overscan). */
export type VisibleRows = { startIndex: number; endIndex: number } | null;

/** Row `index` of the grid, if it is rendered. */
export function rowElement(grid: HTMLElement | null, index: number): HTMLElement | null {
  return grid?.querySelector<HTMLElement>(`[role="row"][aria-rowindex="${index + 1}"]`) ?? null;
}

/** Which row of the history grid has (or last had) the focus, remembered by key: rows move when
 * pages arrive or are let go above them, and the focus stays on its entry. While the focus is in
 * the grid, its row stays rendered (`rangeExtractor`) even when the wheel scrolls it far away,
 * so the focus is never dropped with an unmounted row. */
export function useRowFocus(items: readonly ListItem[], grid: RefObject<HTMLElement | null>) {
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [focusWithin, setFocusWithin] = useState(false);
  /** A row to take the focus once it is the tab stop and rendered: its key, or ANY_ROW for
   * whichever row is. Read and cleared after the render that has it (see `focusPending`). */
  const pending = useRef<string | null>(null);

  const indexByKey = useMemo(() => new Map(items.map((item, index) => [item.key, index])), [items]);
  const focusIndex =
    focusKey === null
      ? -1
      : focusKey === FOOTER_KEY
        ? items.length
        : (indexByKey.get(focusKey) ?? -1);
  const pinned = focusWithin ? focusIndex : -1;

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indices = defaultRangeExtractor(range);
      if (pinned < 0 || pinned >= range.count || indices.includes(pinned)) {
        return indices;
      }
      return [...indices, pinned].sort((a, b) => a - b);
    },
    [pinned],
  );

  /** Focuses row `index`: now if it is rendered, else once it is. */
  const moveTo = useCallback(
    (index: number) => {
      setFocusKey(items[index]?.key ?? FOOTER_KEY);
      const element = rowElement(grid.current, index);
      if (element) {
        element.focus({ preventScroll: true });
      } else {
        pending.current = items[index]?.key ?? FOOTER_KEY;
      }
    },
    [items, grid],
  );

  // The focused entry went away (its page let go, a refresh replaced it): the first row on
  // screen takes over, and the focus too if the grid had it.
  const lost = focusKey !== null && focusIndex < 0;
  useLayoutEffect(() => {
    if (lost) {
      setFocusKey(null);
      pending.current = focusWithin ? ANY_ROW : null;
    }
  }, [lost, focusWithin]);

  // The footer had the focus and older rows came in above it: the first of them takes it, where
  // the footer was, as if the loading row had turned into it.
  const lastKey = useRef<string | null>(null);
  useLayoutEffect(() => {
    const previousLast = lastKey.current;
    lastKey.current = items.at(-1)?.key ?? null;
    const previousIndex = previousLast === null ? undefined : indexByKey.get(previousLast);
    const next = previousIndex === undefined ? undefined : items[previousIndex + 1];
    if (next && focusKey === FOOTER_KEY) {
      setFocusKey(next.key);
      pending.current = grid.current?.contains(document.activeElement) ? next.key : null;
    }
  }, [items, indexByKey, focusKey, grid]);

  const onFocus = useCallback(
    (event: FocusEvent<HTMLElement>) => {
      setFocusWithin(true);
      const index = rowIndexOf(event.target);
      if (index !== null) {
        setFocusKey(items[index]?.key ?? FOOTER_KEY);
      }
    },
    [items],
  );

  const onBlur = useCallback(() => {
    // Where the focus went is known once it has landed; a window losing the focus keeps it.
    queueMicrotask(() => {
      const within = grid.current?.contains(document.activeElement) ?? false;
      setFocusWithin(within);
      if (!within) {
        pending.current = null;
      }
    });
  }, [grid]);

  /** After a render: focuses the tab stop row if a row was asked for and it is the one. A key
   * set in this very commit waits for the render that makes it the tab stop. */
  const focusPending = useCallback(
    (tabStop: number) => {
      const wanted = pending.current;
      const key = items[tabStop]?.key ?? FOOTER_KEY;
      if (wanted === null || (wanted !== ANY_ROW && wanted !== key)) {
        return;
      }
      pending.current = null;
      rowElement(grid.current, tabStop)?.focus({ preventScroll: true });
    },
    [items, grid],
  );

  return { focusIndex, focusWithin, rangeExtractor, moveTo, focusPending, onFocus, onBlur };
}

/** A pending focus for whichever row is the tab stop. */
const ANY_ROW = "\u0000any";

/** The grid's one tab stop: the focused row while the focus is in the grid, or while it is on
 * screen; else the first row on screen, so Tab never lands far from what the user sees. */
export function tabStopRow(
  { focusIndex, focusWithin }: { focusIndex: number; focusWithin: boolean },
  visible: VisibleRows,
  rowCount: number,
): number {
  const first = Math.min(visible?.startIndex ?? 0, Math.max(rowCount - 1, 0));
  if (focusIndex < 0 || focusIndex >= rowCount) {
    return first;
  }
  const onScreen =
    visible !== null && focusIndex >= visible.startIndex && focusIndex <= visible.endIndex;
  return focusWithin || onScreen ? focusIndex : first;
}
