import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type AccountReconciliation,
  fetchPeriodAgain,
  type HistoryBreak,
  reconciliation,
} from "../../ipc";
import { SEARCH_KEY, TRANSACTIONS_KEY } from "../../queries/keys";

/** An account's check sits under its history's key: whatever makes the history stale (a
 * refresh, a fetch of the whole history) makes its check stale too. */
export function reconciliationKey(iban: string) {
  return [...TRANSACTIONS_KEY, iban, "check"] as const;
}

/** Whether `iban`'s stored history adds up to its bank's balances, and the way to fetch a
 * break's days again. What a fetch stored shows in the history and the searches at once. */
export function useReconciliation(iban: string) {
  const queryClient = useQueryClient();
  const key = reconciliationKey(iban);
  const check = useQuery({ queryKey: key, queryFn: () => reconciliation(iban) });
  const fetchAgain = useMutation({
    mutationFn: (found: HistoryBreak) => fetchPeriodAgain(iban, found.from, found.to),
    onSuccess: (checked: AccountReconciliation) => queryClient.setQueryData(key, checked),
    onSettled: async () => {
      await Promise.all([
        // The history and its charts; the check itself is the answer above.
        queryClient.invalidateQueries({
          queryKey: [...TRANSACTIONS_KEY, iban],
          predicate: (query) => query.queryKey[2] !== "check",
        }),
        queryClient.invalidateQueries({ queryKey: SEARCH_KEY }),
      ]);
    },
  });
  return { check, fetchAgain };
}
