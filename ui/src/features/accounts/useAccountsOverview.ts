import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type AccountChoice, accountsOverview } from "../../ipc";

/** The prefix of every overview query; invalidate it after balances change. */
export const OVERVIEW_KEY = ["accounts-overview"] as const;

/** How often the stored overview is read again while the window is open: its `stale` flags
 * then turn on as the figures age, and the window refreshes them. A read costs no bank call. */
export const OVERVIEW_REREAD_MS = 60_000;

/** The chosen accounts' balances as stored: instant, no bank call. The chosen IBANs are part of
 * the key, so changing the accounts reads the overview again; the old figures stay meanwhile. */
export function useAccountsOverview(accounts: readonly AccountChoice[]) {
  const ibans = accounts.map((account) => account.iban);
  return useQuery({
    queryKey: [...OVERVIEW_KEY, ibans],
    queryFn: accountsOverview,
    placeholderData: keepPreviousData,
    refetchInterval: OVERVIEW_REREAD_MS,
  });
}
