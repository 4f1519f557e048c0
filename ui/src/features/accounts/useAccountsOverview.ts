import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type AccountChoice, accountsOverview } from "../../ipc";

/** The prefix of every overview query; invalidate it after balances change. */
export const OVERVIEW_KEY = ["accounts-overview"] as const;

/** The chosen accounts' balances as stored: instant, no bank call. The chosen IBANs are part of
 * the key, so changing the accounts reads the overview again; the old figures stay meanwhile. */
export function useAccountsOverview(accounts: readonly AccountChoice[]) {
  const ibans = accounts.map((account) => account.iban);
  return useQuery({
    queryKey: [...OVERVIEW_KEY, ibans],
    queryFn: accountsOverview,
    placeholderData: keepPreviousData,
  });
}
