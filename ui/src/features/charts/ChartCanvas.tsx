import type { ReactNode } from "react";
import { useIntl } from "react-intl";
import { formatMoney } from "../money/formatMoney";
import { HEIGHT, MARGIN, type Tick, WIDTH } from "./chartGeometry";

/** A chart's drawing, with the amount axis's grid lines and labels behind `children` and the
 * zero line in front of them, hidden from screen readers: the chart's table says the same. A
 * `pressable` chart hides only its axis, so that its buttons (which hide their own drawing and
 * labels) can be reached. */
export function ChartCanvas({
  title,
  pressable = false,
  ticks,
  zero,
  currency,
  children,
}: {
  /** The chart's name, which its figure's caption also shows. */
  title: string;
  pressable?: boolean;
  ticks: readonly Tick[];
  zero: number;
  currency: string;
  children: ReactNode;
}) {
  const intl = useIntl();
  return (
    <svg
      className="chart-canvas"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      aria-hidden={pressable ? undefined : true}
      focusable="false"
    >
      <title>{title}</title>
      {/* Nested SVGs (the same user space) carry aria-hidden: the axis is the table's. */}
      <svg aria-hidden="true" focusable="false" overflow="visible">
        {ticks.map((tick) => (
          <g key={tick.amount}>
            <line
              className="chart-grid"
              x1={MARGIN.left}
              x2={WIDTH - MARGIN.right}
              y1={tick.y}
              y2={tick.y}
            />
            <text className="chart-label" x={MARGIN.left - 6} y={tick.y} textAnchor="end">
              {formatMoney(tick.amount, currency, { locale: intl.locale })}
            </text>
          </g>
        ))}
      </svg>
      {children}
      <svg aria-hidden="true" focusable="false" overflow="visible">
        <line
          className="chart-zero"
          x1={MARGIN.left}
          x2={WIDTH - MARGIN.right}
          y1={zero}
          y2={zero}
        />
      </svg>
    </svg>
  );
}
