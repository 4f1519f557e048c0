import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { type BankConnection, type CommandError, refreshBank, toCommandError } from "../../ipc";
import { TRANSACTIONS_KEY } from "../../queries/keys";
import { CONNECTION_STATUS_KEY } from "../connection/useConnectionStatus";
import { OVERVIEW_KEY } from "./useAccountsOverview";

/** One bank's refresh, as its group shows it. */
export type BankRefresh = {
  refreshing: boolean;
  /** The last refresh's failure; null once one succeeds. Kept while the next refresh runs, so a
   * retry scheduled for it counts the failures in a row (a new failure is a new object). */
  failure: CommandError | null;
  /** What the last refresh asked for: a retry asks the same. */
  onlyStale: boolean;
};

const NEVER_REFRESHED: BankRefresh = { refreshing: false, failure: null, onlyStale: true };

/** Refreshes banks, each on its own: one bank's failure, rate limit or ended consent neither
 * stops nor hides another's. After each refresh the overview, that bank's histories and the
 * connection status (a renewed sign-in the keychain refused) are read again. */
export function useBankRefresh({
  onConsentEnded,
  onRefreshed,
}: {
  /** The bank said its consent has ended: the bank's group offers to reconnect. */
  onConsentEnded: (connection: BankConnection) => void;
  onRefreshed: (connection: BankConnection) => void;
}) {
  const queryClient = useQueryClient();
  const [refreshes, setRefreshes] = useState<ReadonlyMap<string, BankRefresh>>(() => new Map());
  // Which banks are being refreshed now, for the check that starts no second refresh of one:
  // the state above is a render behind.
  const running = useRef(new Set<string>());

  const update = (bankId: string, change: (earlier: BankRefresh) => BankRefresh) =>
    setRefreshes((all) => new Map(all).set(bankId, change(all.get(bankId) ?? NEVER_REFRESHED)));

  /** Refreshes the bank unless it is being refreshed already. */
  const refresh = async (connection: BankConnection, onlyStale: boolean) => {
    const bankId = connection.bank.id;
    if (running.current.has(bankId)) {
      return;
    }
    running.current.add(bankId);
    update(bankId, (earlier) => ({ ...earlier, refreshing: true, onlyStale }));
    let failure: CommandError | null = null;
    try {
      await refreshBank(bankId, onlyStale);
      // The histories refetch in the background: the bank is done once the balances, which
      // Refresh promised, are on screen.
      for (const account of connection.selectedAccounts) {
        void queryClient.invalidateQueries({ queryKey: [...TRANSACTIONS_KEY, account.iban] });
      }
      await queryClient.invalidateQueries({ queryKey: OVERVIEW_KEY });
      onRefreshed(connection);
    } catch (reason) {
      failure = toCommandError(reason);
      if (failure.code === "consent_required") {
        onConsentEnded(connection);
      }
    } finally {
      running.current.delete(bankId);
      update(bankId, (earlier) => ({ ...earlier, refreshing: false, failure }));
      void queryClient.invalidateQueries({ queryKey: CONNECTION_STATUS_KEY });
    }
  };

  return {
    /** Rust's automatic refresh of the bank failed: said as a refresh's failure would be. */
    failedOnItsOwn: (connection: BankConnection, failure: CommandError) => {
      update(connection.bank.id, (earlier) => ({ ...earlier, failure }));
      if (failure.code === "consent_required") {
        onConsentEnded(connection);
      }
    },
    /** How the bank's refreshes went so far. */
    of: (bankId: string): BankRefresh => refreshes.get(bankId) ?? NEVER_REFRESHED,
    refresh,
    /** Refreshes every bank side by side, all of each bank's accounts. */
    refreshAll: (connections: readonly BankConnection[]) => {
      for (const connection of connections) {
        void refresh(connection, false);
      }
    },
  };
}
