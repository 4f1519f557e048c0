import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useMemo, useState } from "react";
import { groupedIban } from "../../format/iban";
import { useNow } from "../../hooks/useNow";
import { useRustEvent } from "../../hooks/useRustEvent";
import { useT } from "../../i18n/useT";
import {
  type BankChoice,
  type BankConnection,
  onOpenAccount,
  onRefreshedOnItsOwn,
  onRefreshRequested,
  toCommandError,
} from "../../ipc";
import { SEARCH_KEY, TRANSACTIONS_KEY } from "../../queries/keys";
import { markMilestone } from "../../startup/milestones";
import { AccountChartsPanel } from "../charts/AccountChartsPanel";
import { useBankName } from "../connection/bankName";
import { DisconnectDialog } from "../connection/DisconnectDialog";
import { CONNECTION_STATUS_KEY } from "../connection/useConnectionStatus";
import { ReconciliationStatus } from "../reconciliation/ReconciliationStatus";
import { reconciliationKey } from "../reconciliation/useReconciliation";
import { SearchableHistory, type SearchRequest } from "../search/SearchableHistory";
import { AccountsSidebar } from "./AccountsSidebar";
import { AppHeader } from "./AppHeader";
import { BankGroup } from "./BankGroup";
import { accountTitle, shortIban } from "./format";
import { OVERVIEW_KEY, useAccountsOverview } from "./useAccountsOverview";
import { useAccountTitle } from "./useAccountTitle";
import { useBankRefresh } from "./useBankRefresh";
import { useEndedConsents } from "./useEndedConsents";

/** The main window once a bank is connected: every connected bank's chosen accounts with their
 * balances on the left, grouped by bank, the selected account's history on the right. What
 * happens at one bank (a failure, an ended consent) shows in its group and leaves the others
 * alone; whatever is on screen stays while a bank is reconnected. */
export function AccountsWindow({
  connections,
  onConnectAnother,
  onOpenBanks,
  onOpenSettings,
  onChooseAccounts,
  onReconnect,
}: {
  connections: readonly BankConnection[];
  onConnectAnother: () => void;
  onOpenBanks: () => void;
  onOpenSettings: () => void;
  onChooseAccounts: (bank: BankChoice) => void;
  /** Opens the bank's consent again. */
  onReconnect: (bank: BankChoice) => void;
}) {
  const t = useT();
  const title = useAccountTitle();
  const bankName = useBankName();
  const [disconnecting, setDisconnecting] = useState<BankChoice | null>(null);
  const [chosenIban, setChosenIban] = useState<string | null>(null);
  const now = useNow(30_000);
  const historyTitleId = useId();
  const chartsId = useId();
  const [chartsShown, setChartsShown] = useState(false);
  const [searchRequest, setSearchRequest] = useState<SearchRequest | null>(null);

  const accounts = connections.flatMap((connection) => connection.selectedAccounts);
  const overview = useAccountsOverview(accounts);
  const endedConsents = useEndedConsents(now);
  const queryClient = useQueryClient();
  const refreshes = useBankRefresh({
    onConsentEnded: endedConsents.report,
    onRefreshed: (connection) => {
      endedConsents.clear(connection);
      // What a search matches may have changed with the new entries.
      void queryClient.invalidateQueries({ queryKey: SEARCH_KEY });
    },
  });
  // Rust refreshed on its own: read again what it changed, and say what failed where.
  useRustEvent(
    onRefreshedOnItsOwn,
    (outcome) => {
      for (const arrived of outcome.arrived) {
        void queryClient.invalidateQueries({ queryKey: [...TRANSACTIONS_KEY, arrived.iban] });
      }
      void queryClient.invalidateQueries({ queryKey: OVERVIEW_KEY });
      void queryClient.invalidateQueries({ queryKey: CONNECTION_STATUS_KEY });
      // A new balance, with or without new entries, for each history's check to add up to.
      for (const account of accounts) {
        void queryClient.invalidateQueries({ queryKey: reconciliationKey(account.iban) });
      }
      if (outcome.arrived.length > 0) {
        void queryClient.invalidateQueries({ queryKey: SEARCH_KEY });
      }
      for (const failed of outcome.failures) {
        const connection = connections.find((each) => each.bank.id === failed.bankId);
        if (connection) {
          refreshes.failedOnItsOwn(connection, toCommandError(failed.error));
        }
      }
    },
    "refreshed-on-its-own",
  );
  // A notification about an account was clicked: show it.
  useRustEvent(onOpenAccount, ({ iban }) => setChosenIban(iban), "open-account");
  // Refresh now, chosen in the tray: as the Refresh button.
  useRustEvent(onRefreshRequested, () => refreshes.refreshAll(refreshable), "refresh-requested");
  useEffect(() => {
    if (overview.data?.some((account) => account.balances.length > 0)) {
      markMilestone("accounts");
    }
  }, [overview.data]);
  const overviewFailure = useMemo(
    () => (overview.error ? toCommandError(overview.error) : null),
    [overview.error],
  );
  // A bank whose consent has ended would only refuse: Reconnect is its way forward.
  const refreshable = connections.filter((connection) => !endedConsents.hasEnded(connection));
  const refreshing = refreshable.map((connection) => refreshes.of(connection.bank.id).refreshing);

  // The first account until the user picks another, and again if the picked one is removed.
  const selected = accounts.find((account) => account.iban === chosenIban) ?? accounts[0] ?? null;
  const selectedConnection = connections.find((connection) =>
    connection.selectedAccounts.some((account) => account.iban === selected?.iban),
  );
  // A search's rows and its account filter name each account: its own name, else a short IBAN.
  const searchAccounts = accounts.map((account) => ({
    iban: account.iban,
    name: accountTitle(account) ?? shortIban(account.iban),
    shortIban: shortIban(account.iban),
  }));

  return (
    <div className="app-shell">
      <AppHeader
        onConnectAnother={onConnectAnother}
        onOpenBanks={onOpenBanks}
        onOpenSettings={onOpenSettings}
      />
      <div className="main-window">
        <AccountsSidebar
          refreshing={refreshing.some(Boolean)}
          everyBankRefreshing={refreshing.every(Boolean)}
          overviewFailure={overviewFailure}
          onRefresh={() => refreshes.refreshAll(refreshable)}
        >
          {connections.map((connection) => (
            <BankGroup
              key={connection.bank.id}
              connection={connection}
              overviews={overview.data}
              refresh={refreshes.of(connection.bank.id)}
              consentEnded={endedConsents.hasEnded(connection)}
              selectedIban={selected?.iban ?? null}
              now={now}
              onSelect={setChosenIban}
              onRefresh={(onlyStale) => void refreshes.refresh(connection, onlyStale)}
              onReconnect={() => onReconnect(connection.bank)}
              onChooseAccounts={() => onChooseAccounts(connection.bank)}
              onDisconnect={() => setDisconnecting(connection.bank)}
            />
          ))}
        </AccountsSidebar>
        {selected && selectedConnection ? (
          <main className="history-pane" aria-labelledby={historyTitleId}>
            <div className="history-head">
              <h1 id={historyTitleId}>{title(selected)}</h1>
              <span className="history-bank">{bankName(selectedConnection.bank)}</span>
              <span className="iban">{groupedIban(selected.iban)}</span>
              <button
                type="button"
                className="button small history-charts-toggle"
                aria-expanded={chartsShown}
                aria-controls={chartsShown ? chartsId : undefined}
                onClick={() => setChartsShown((shown) => !shown)}
              >
                {t("transactions.charts.show")}
              </button>
            </div>
            <ReconciliationStatus key={selected.iban} iban={selected.iban} />
            {chartsShown && (
              <AccountChartsPanel
                key={selected.iban}
                iban={selected.iban}
                id={chartsId}
                onShow={(query) => {
                  // The charts make way for the list of those transactions.
                  setChartsShown(false);
                  setSearchRequest({ query: { ...query, iban: selected.iban } });
                }}
              />
            )}
            {/* An ended consent marks the account's bank for Reconnect; nothing opens unasked. */}
            <SearchableHistory
              iban={selected.iban}
              accounts={searchAccounts}
              onConsentEnded={() => endedConsents.report(selectedConnection)}
              onReconnect={() => onReconnect(selectedConnection.bank)}
              request={searchRequest}
            />
          </main>
        ) : (
          <main className="history-pane accounts-page">
            <p className="accounts-empty">{t("accounts.window.noneShown")}</p>
          </main>
        )}
      </div>
      <DisconnectDialog bank={disconnecting} onClose={() => setDisconnecting(null)} />
    </div>
  );
}
