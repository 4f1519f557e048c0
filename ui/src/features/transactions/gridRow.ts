import type { CSSProperties } from "react";

/** What every row of the history grid carries: its place for assistive technology (1-based),
 * whether it is the grid's one tab stop, and where the virtualizer put it. Spread onto the row. */
export type GridRowProps = {
  "aria-rowindex": number;
  tabIndex: 0 | -1;
  style: CSSProperties;
};

/** Where a row sits, in plain values: a memoized row compares them and renders again only when
 * one changed, so scrolling renders the rows that come into view and no others. */
export type RowPlace = {
  /** 0-based, in the whole list. */
  index: number;
  /** Its top edge in the list, and its height, in pixels. */
  start: number;
  height: number;
  tabStop: boolean;
};

export function gridRowProps({ index, start, height, tabStop }: RowPlace): GridRowProps {
  return {
    "aria-rowindex": index + 1,
    tabIndex: tabStop ? 0 : -1,
    // Moved by a transform alone: a row coming into view costs no layout of the rows around it.
    style: { height, transform: `translateY(${start}px)` },
  };
}

/** Columns of a transaction row (what and amount): a header or footer cell spans them all. */
export const GRID_COLUMNS = 2;
