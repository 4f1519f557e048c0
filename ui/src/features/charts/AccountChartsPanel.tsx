import { useT } from "../../i18n/useT";
import { toCommandError } from "../../ipc";
import { SyncFailureNotice } from "../connection/SyncFailureNotice";
import { BalanceChart } from "./BalanceChart";
import { MonthlyFlowChart } from "./MonthlyFlowChart";
import { useAccountCharts } from "./useAccountCharts";

/** The account's charts, above its history: the balance over the last twelve months and each
 * month's money in and out. */
export function AccountChartsPanel({ iban, id }: { iban: string; id: string }) {
  const t = useT();
  const charts = useAccountCharts(iban);
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
          <MonthlyFlowChart months={data.months} axis={data.flowAxis} currency={data.currency} />
        </>
      ) : (
        <p className="charts-loading">{t("transactions.charts.loading")}</p>
      )}
    </section>
  );
}
