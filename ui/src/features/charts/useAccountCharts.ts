import { useQuery } from "@tanstack/react-query";
import { charts } from "../../ipc";
import { TRANSACTIONS_KEY } from "../../queries/keys";

/** An account's charts sit under its history's key: whatever makes the history stale (a
 * refresh, a fetch of the whole history) redraws them. */
export function chartsKey(iban: string) {
  return [...TRANSACTIONS_KEY, iban, "charts"] as const;
}

/** The account's money in and out per month and its daily balance, summed in Rust. */
export function useAccountCharts(iban: string) {
  return useQuery({ queryKey: chartsKey(iban), queryFn: () => charts(iban) });
}
