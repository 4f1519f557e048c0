import { useQuery } from "@tanstack/react-query";
import { transactionDetail } from "../../ipc";

/** Everything stored of one entry. Kept by account and entry reference: opening the same row
 * again shows it at once. */
export function useTransactionDetail(iban: string, id: string) {
  return useQuery({
    queryKey: ["transaction-detail", iban, id],
    queryFn: () => transactionDetail(iban, id),
  });
}
