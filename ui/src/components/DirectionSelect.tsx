import { useId } from "react";
import { useT } from "../i18n/useT";
import type { Direction } from "../ipc";

const DIRECTIONS = {
  any: "search.direction.any",
  incoming: "search.direction.incoming",
  outgoing: "search.direction.outgoing",
} as const satisfies Record<Direction, string>;

/** Which way the money went, as the search and a rule ask it: a labelled native select. */
export function DirectionSelect({
  value,
  onChange,
}: {
  value: Direction;
  onChange: (direction: Direction) => void;
}) {
  const t = useT();
  const id = useId();
  return (
    <div className="search-filter">
      <label htmlFor={id}>{t("search.direction.label")}</label>
      <select
        id={id}
        className="search-input"
        value={value}
        onChange={(event) => onChange(event.target.value as Direction)}
      >
        {(Object.keys(DIRECTIONS) as Direction[]).map((direction) => (
          <option key={direction} value={direction}>
            {t(DIRECTIONS[direction])}
          </option>
        ))}
      </select>
    </div>
  );
}
