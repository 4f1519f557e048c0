import { useState } from "react";
import { useT } from "../../i18n/useT";
import { type MonthFlow, type SearchQuery, toCommandError } from "../../ipc";
import { SyncFailureNotice } from "../connection/SyncFailureNotice";
import { BalanceChart } from "./BalanceChart";
import { MonthlyFlowChart } from "./MonthlyFlowChart";
import { monthDates } from "./monthDates";
import { SpendingChart } from "./SpendingChart";
import { useAccountCharts } from "./useAccountCharts";

/** The account's charts, above its history: the balance over the last twelve months, each
 * month's money in and out, and a chosen month's spending per category, whose rows show their
 * transactions in the list; so does a month's bar of money in or out (`onShow`, with the search
 * that lists them). */
export function AccountChartsPanel({
  iban,
  id,
  onShow,
}: {
  iban: string;
  id: string;
  onShow: (query: Partial<SearchQuery>) => void;
}) {
  const t = useT();
  const charts = useAccountCharts(iban);
  const [chosenMonth, setChosenMonth] = useState<string | null>(null);
  if (charts.error) {
    return <SyncFailureNotice failure={toCommandError(charts.error)} task="charts" />;
  }
  const data = charts.data;
  return (
    <section id={id} className="charts" aria-label={t("transactions.charts.label")}>
      {data ? (
        <>
          {data.balances.length > 0 && (
            <BalanceChart days={data.balances} axis={data.balanceAxis} currency={data.currency} />
          )}
          <MonthlyFlowChart
            months={data.months}
            axis={data.flowAxis}
            currency={data.currency}
            onShow={(month, direction) => onShow({ direction, ...monthDates(month) })}
          />
          {data.months.length > 0 && (
            <SpendingChart
              iban={iban}
              months={data.months.map((month) => month.month)}
              month={chosenMonth ?? latestSpendingMonth(data.months)}
              onMonth={setChosenMonth}
              onShow={(categoryId, month) => onShow({ categoryId, ...monthDates(month) })}
            />
          )}
        </>
      ) : (
        <p className="charts-loading">{t("transactions.charts.loading")}</p>
      )}
    </section>
  );
}

/** The newest month with booked money out (the month just begun may have none yet), else the
 * newest month. Read from the decimal text: any digit but zero is money out. */
function latestSpendingMonth(months: readonly MonthFlow[]): string {
  const spent = months.filter((month) => /[1-9]/.test(month.outgoing));
  return (spent[spent.length - 1] ?? months[months.length - 1])?.month ?? "";
}
