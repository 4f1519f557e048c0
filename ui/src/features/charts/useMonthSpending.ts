import { useQuery } from "@tanstack/react-query";
import { monthSpending } from "../../ipc";
import { chartsKey } from "./useAccountCharts";

/** What the account spent per category in `month` (`YYYY-MM`), summed in Rust. */
export function useMonthSpending(iban: string, month: string | null) {
  return useQuery({
    queryKey: [...chartsKey(iban), "spending", month],
    queryFn: () => monthSpending(iban, month ?? ""),
    enabled: month !== null,
  });
}
