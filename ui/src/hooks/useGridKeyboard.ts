// The keyboard of a grid whose rows take the focus (WAI-ARIA APG grid pattern, with rows as the
// focusable items, as in a treegrid): one row is the grid's tab stop, the arrows and Page keys
// move between rows, Home and End go to the first and the last row, Enter and Space do what the
// focused row offers. The grid owns the focus itself (which row, scrolling it into view); this
// hook only turns keys into row indices.

import type { KeyboardEvent } from "react";

/** A key the grid moves on, or null for a key it leaves alone. */
export type GridMove = "up" | "down" | "pageUp" | "pageDown" | "first" | "last";

/** The move a key asks for. Ctrl+Home and Ctrl+End (the APG's first and last row) are Home and
 * End here: with one column of focus, both mean the same. Alt and Meta are the system's. */
export function gridMove(event: {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}): GridMove | null {
  if (event.altKey || event.metaKey || event.shiftKey) {
    return null;
  }
  const withCtrl: Record<string, GridMove> = { Home: "first", End: "last" };
  if (event.ctrlKey) {
    return withCtrl[event.key] ?? null;
  }
  switch (event.key) {
    case "ArrowUp":
      return "up";
    case "ArrowDown":
      return "down";
    case "PageUp":
      return "pageUp";
    case "PageDown":
      return "pageDown";
    case "Home":
      return "first";
    case "End":
      return "last";
    default:
      return null;
  }
}

/** The row a move lands on, from `current` in a grid of `rowCount` rows, clamped to its ends.
 * `pageRows`: how many rows a Page key moves (at least one). */
export function targetRow(
  move: GridMove,
  current: number,
  rowCount: number,
  pageRows: number,
): number {
  const last = rowCount - 1;
  const page = Math.max(1, Math.floor(pageRows));
  const wanted = {
    up: current - 1,
    down: current + 1,
    pageUp: current - page,
    pageDown: current + page,
    first: 0,
    last,
  }[move];
  return Math.min(Math.max(wanted, 0), Math.max(last, 0));
}

/** The row (0-based) an element is in: its `aria-rowindex` is the row's 1-based position. */
export function rowIndexOf(element: Element | null): number | null {
  const row = element?.closest('[role="row"]');
  const index = Number(row?.getAttribute("aria-rowindex"));
  return Number.isInteger(index) && index >= 1 ? index - 1 : null;
}

export type GridKeyboardOptions = {
  /** Rows in the grid, every row reachable by keyboard. */
  rowCount: number;
  /** The row keys move from when they come to the grid itself, not to a row: its tab stop. */
  tabStopRow: number;
  /** About a screenful: the rows Page Up and Page Down move. */
  pageRows: () => number;
  /** Focuses row `index`, scrolled into view. */
  moveTo: (index: number) => void;
  /** Enter or Space on row `index` itself (not on a control inside it). */
  activate: (index: number) => void;
};

/** The grid's keydown handler: put it on the grid element. Keys on a control inside a row (a
 * button) still move between rows, but Enter and Space stay the control's.
 *
 * A new handler each render, on purpose: the grid element is its only user, so a stable
 * identity would buy nothing, and it would hold only if every caller memoized every callback. */
export function useGridKeyboard({
  rowCount,
  tabStopRow,
  pageRows,
  moveTo,
  activate,
}: GridKeyboardOptions): (event: KeyboardEvent<HTMLElement>) => void {
  return (event: KeyboardEvent<HTMLElement>) => {
    if (rowCount === 0 || event.defaultPrevented) {
      return;
    }
    const target = event.target instanceof Element ? event.target : null;
    const current = rowIndexOf(target) ?? tabStopRow;
    const move = gridMove(event);
    if (move) {
      event.preventDefault();
      moveTo(targetRow(move, current, rowCount, pageRows()));
      return;
    }
    const onRowItself = target?.getAttribute("role") === "row";
    const plain = !(event.altKey || event.ctrlKey || event.metaKey || event.shiftKey);
    if (onRowItself && plain && (event.key === "Enter" || event.key === " ")) {
      // Space would scroll the list a page: the row's action replaces it.
      event.preventDefault();
      activate(current);
    }
  };
}
