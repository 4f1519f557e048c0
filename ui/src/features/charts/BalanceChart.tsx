import { useId } from "react";
import { useIntl } from "react-intl";
import { formatCalendarDay } from "../../format/calendarDay";
import { useT } from "../../i18n/useT";
import type { ChartAxis, DayBalance } from "../../ipc";
import { formatMoney } from "../money/formatMoney";
import { ChartCanvas } from "./ChartCanvas";
import { balanceGeometry, HEIGHT } from "./chartGeometry";

/** The balance at the end of each day as a line, broken where the store has no history; for
 * screen readers (and anyone who wants the figures) a table of each month's last balance. */
export function BalanceChart({
  days,
  axis,
  currency,
}: {
  days: readonly DayBalance[];
  axis: ChartAxis;
  currency: string;
}) {
  const t = useT();
  const intl = useIntl();
  const captionId = useId();
  const geometry = balanceGeometry(days, axis);
  const monthName = new Intl.DateTimeFormat(intl.locale, { month: "short", timeZone: "UTC" });
  return (
    <figure className="chart" aria-labelledby={captionId}>
      <figcaption id={captionId} className="chart-title">
        {t("transactions.charts.balance")}
      </figcaption>
      <ChartCanvas
        title={t("transactions.charts.balance")}
        ticks={geometry.yTicks}
        zero={geometry.zero}
        currency={currency}
      >
        {geometry.xTicks.map((tick) => (
          <text
            key={tick.date.toISOString()}
            className="chart-label"
            x={tick.x}
            y={HEIGHT - 8}
            textAnchor="middle"
          >
            {monthName.format(tick.date)}
          </text>
        ))}
        <path className="chart-balance" d={geometry.path} />
      </ChartCanvas>
      <table className="visually-hidden">
        <caption>{t("transactions.charts.balanceTable")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("transactions.charts.day")}</th>
            <th scope="col">{t("transactions.charts.balanceColumn")}</th>
          </tr>
        </thead>
        <tbody>
          {monthEnds(days).map((day) => (
            <tr key={day.date}>
              <th scope="row">{formatCalendarDay(day.date, intl.locale)}</th>
              <td>
                {day.balance === null
                  ? t("transactions.charts.noHistory")
                  : formatMoney(day.balance, currency, { locale: intl.locale })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** The last day of each month among `days` (the last day overall ends the current month). */
export function monthEnds(days: readonly DayBalance[]): DayBalance[] {
  return days.filter((day, index) => {
    const next = days[index + 1];
    return next === undefined || next.date.slice(0, 7) !== day.date.slice(0, 7);
  });
}
