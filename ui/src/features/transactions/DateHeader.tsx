import type { CSSProperties } from "react";

/** A group's title in the list: "Pending", "Today", "Friday, 20 November 2026". */
export function DateHeader({ label, style }: { label: string; style: CSSProperties }) {
  return (
    <h3 className="date-header" data-testid="date-header" style={style}>
      {label}
    </h3>
  );
}
