import type { CSSProperties } from "react";

/** What every row of the history grid carries: its place for assistive technology (1-based),
 * whether it is the grid's one tab stop, and where the virtualizer put it. Spread onto the row. */
export type GridRowProps = {
  "aria-rowindex": number;
  tabIndex: 0 | -1;
  style: CSSProperties;
};

/** Columns of a transaction row (what and amount): a header or footer cell spans them all. */
export const GRID_COLUMNS = 2;
