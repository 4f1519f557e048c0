// biome-ignore-all lint/a11y/useSemanticElements: the history is a virtualized ARIA grid of absolutely positioned rows; table elements would need their table layout undone, and their semantics come from the explicit roles either way.
// biome-ignore-all lint/a11y/useFocusableInteractive: rows take the focus in this grid (one tab stop, roving tabindex on the rows), so its cells are not focusable by design.
import { memo } from "react";
import { GRID_COLUMNS, gridRowProps, type RowPlace } from "./gridRow";

/** A day's title in the list, as a row of its own: "Today", "Friday, 20 November 2026". A
 * heading inside its cell (a level below the account's title), so a screen reader's heading keys jump
 * from day to day. */
export const DateHeader = memo(function DateHeader({
  label,
  index,
  start,
  height,
  tabStop,
}: { label: string } & RowPlace) {
  return (
    <div
      role="row"
      className="date-header"
      data-testid="date-header"
      {...gridRowProps({ index, start, height, tabStop })}
    >
      <div role="gridcell" aria-colspan={GRID_COLUMNS} className="date-header-cell">
        <h2 className="date-header-text">{label}</h2>
      </div>
    </div>
  );
});
