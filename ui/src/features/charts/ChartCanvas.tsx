import type { ReactNode } from "react";
import { useIntl } from "react-intl";
import { formatMoney } from "../money/formatMoney";
import { HEIGHT, MARGIN, type Tick, WIDTH } from "./chartGeometry";

/** A chart's drawing, hidden from screen readers (its table says the same), with the amount
 * axis's grid lines and labels behind `children` and the zero line in front of them. */
export function ChartCanvas({
  ticks,
  zero,
  currency,
  children,
}: {
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
      aria-hidden="true"
      focusable="false"
    >
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
      {children}
      <line className="chart-zero" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={zero} y2={zero} />
    </svg>
  );
}
