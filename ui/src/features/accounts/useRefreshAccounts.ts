import { useMutation, useQueryClient } from "@tanstack/react-query";
import { refreshAccounts, toCommandError } from "../../ipc";
import { TRANSACTIONS_KEY } from "../transactions/useTransactionHistory";
import { OVERVIEW_KEY } from "./useAccountsOverview";

/** Fetches every chosen account's balances and newest transactions from the bank, then reads the
 * overview and the histories again. An ended consent calls `onConsentRequired`; nothing already
 * on screen is dropped. */
export function useRefreshAccounts(onConsentRequired: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (onlyStale: boolean) => refreshAccounts(onlyStale),
    onSuccess: async () => {
      // The histories refetch in the background: the button is free again once the balances,
      // which it promised, are on screen.
      void queryClient.invalidateQueries({ queryKey: TRANSACTIONS_KEY });
      await queryClient.invalidateQueries({ queryKey: OVERVIEW_KEY });
    },
    onError: (error) => {
      if (toCommandError(error).code === "consent_required") {
        onConsentRequired();
      }
    },
  });
}
