import { type ReactNode, useId } from "react";
import { useIntl } from "react-intl";
import { calendarDay } from "../../format/calendarDay";
import { useT } from "../../i18n/useT";
import type { ChartAxis, MonthFlow } from "../../ipc";
import { formatMoney } from "../money/formatMoney";
import { ChartCanvas } from "./ChartCanvas";
import { flowGeometry, HEIGHT } from "./chartGeometry";

/** Each month's money in beside its money out, as bars; the same figures in a table for screen
 * readers. A bar is a button that lists its transactions (`onShow`). */
export function MonthlyFlowChart({
  months,
  axis,
  currency,
  onShow,
}: {
  months: readonly MonthFlow[];
  axis: ChartAxis;
  currency: string;
  onShow: (month: string, direction: "incoming" | "outgoing") => void;
}) {
  const t = useT();
  const intl = useIntl();
  const captionId = useId();
  const geometry = flowGeometry(months, axis);
  const monthDay = (month: string) => calendarDay(`${month}-01`);
  const short = new Intl.DateTimeFormat(intl.locale, { month: "short", timeZone: "UTC" });
  const long = new Intl.DateTimeFormat(intl.locale, {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  const name = (month: string, format: Intl.DateTimeFormat) => {
    const day = monthDay(month);
    return day ? format.format(day) : month;
  };
  const money = (amount: string) => formatMoney(amount, currency, { locale: intl.locale });
  return (
    <figure className="chart" aria-labelledby={captionId}>
      <figcaption id={captionId} className="chart-title">
        {t("transactions.charts.flows")}
        <span className="chart-key chart-key-in">{t("transactions.charts.in")}</span>
        <span className="chart-key chart-key-out">{t("transactions.charts.out")}</span>
      </figcaption>
      <ChartCanvas
        title={t("transactions.charts.flows")}
        pressable
        ticks={geometry.yTicks}
        zero={geometry.zero}
        currency={currency}
      >
        {geometry.bars.map(({ month, incoming, outgoing, labelX }) => (
          <g key={month.month}>
            <BarButton
              label={t("transactions.charts.showIn", { month: name(month.month, long) })}
              onPress={() => onShow(month.month, "incoming")}
            >
              <rect className="chart-in" {...incoming} />
            </BarButton>
            <BarButton
              label={t("transactions.charts.showOut", { month: name(month.month, long) })}
              onPress={() => onShow(month.month, "outgoing")}
            >
              <rect className="chart-out" {...outgoing} />
            </BarButton>
            <svg aria-hidden="true" focusable="false" overflow="visible">
              <text className="chart-label" x={labelX} y={HEIGHT - 8} textAnchor="middle">
                {name(month.month, short)}
              </text>
            </svg>
          </g>
        ))}
      </ChartCanvas>
      <table className="visually-hidden">
        <caption>{t("transactions.charts.flowsTable")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("transactions.charts.month")}</th>
            <th scope="col">{t("transactions.charts.in")}</th>
            <th scope="col">{t("transactions.charts.out")}</th>
          </tr>
        </thead>
        <tbody>
          {months.map((month) => (
            <tr key={month.month}>
              <th scope="row">{name(month.month, long)}</th>
              <td>{money(month.incoming)}</td>
              <td>{money(month.outgoing)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** A bar that lists its transactions: inside an SVG there is no <button>, so a group takes its
 * role, a tab stop, and Enter and Space as a button does. */
function BarButton({
  label,
  onPress,
  children,
}: {
  label: string;
  onPress: () => void;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: SVG has no button element; the group is one by role, focus and keys.
    <g
      role="button"
      tabIndex={0}
      aria-label={label}
      className="chart-bar-button"
      onClick={onPress}
      onKeyDown={(event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          onPress();
        }
      }}
    >
      {children}
    </g>
  );
}
