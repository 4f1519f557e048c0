import { useQuery } from "@tanstack/react-query";
import { transactionDetail } from "../../ipc";
import { DETAIL_KEY } from "../../queries/keys";

/** Everything stored of one entry. Kept by account and entry reference: opening the same row
 * again shows it at once. */
export function useTransactionDetail(iban: string, id: string) {
  return useQuery({
    queryKey: [...DETAIL_KEY, iban, id],
    queryFn: () => transactionDetail(iban, id),
  });
}
