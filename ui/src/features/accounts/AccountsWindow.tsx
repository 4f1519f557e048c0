import { useEffect, useId, useMemo, useState } from "react";
import { useNow } from "../../hooks/useNow";
import { useT } from "../../i18n/useT";
import { type AccountChoice, type BankChoice, toCommandError } from "../../ipc";
import { markMilestone } from "../../startup/milestones";
import { useBankName } from "../connection/bankName";
import { DisconnectDialog } from "../connection/DisconnectDialog";
import { TransactionList } from "../transactions/TransactionList";
import { AccountsSidebar } from "./AccountsSidebar";
import { AppHeader } from "./AppHeader";
import { formatIban } from "./format";
import { useAccountsOverview } from "./useAccountsOverview";
import { useAccountTitle } from "./useAccountTitle";
import { useAutoRefresh } from "./useAutoRefresh";
import { useRefreshAccounts } from "./useRefreshAccounts";
import { useScheduledRetry } from "./useScheduledRetry";

/** The main window of a connected bank: the chosen accounts with their balances on the left, the
 * selected one's history on the right. `onReconnect` opens the bank's consent again; whatever is
 * on screen stays while it is open. */
export function AccountsWindow({
  bank,
  consentExpiresAt,
  accounts,
  onChangeAccounts,
  onReconnect,
  onOpenSettings,
}: {
  bank: BankChoice;
  consentExpiresAt: string | null;
  accounts: AccountChoice[];
  onChangeAccounts: () => void;
  onReconnect: () => void;
  onOpenSettings: () => void;
}) {
  const t = useT();
  const title = useAccountTitle();
  const bankName = useBankName()(bank);
  const [confirmingDisconnect, setConfirmingDisconnect] = useState(false);
  const [chosenIban, setChosenIban] = useState<string | null>(null);
  const now = useNow(30_000);
  const historyTitleId = useId();

  const overview = useAccountsOverview(accounts);
  const refresh = useRefreshAccounts(onReconnect);
  const startRefresh = (onlyStale: boolean) => {
    if (!refresh.isPending) {
      refresh.mutate(onlyStale);
    }
  };
  useEffect(() => {
    if (overview.data?.some((account) => account.balances.length > 0)) {
      markMilestone("accounts");
    }
  }, [overview.data]);
  useAutoRefresh({
    overviews: overview.data,
    consentExpiresAt,
    refresh: () => startRefresh(true),
  });

  // The first account until the user picks another, and again if the picked one is removed.
  const selected = accounts.find((account) => account.iban === chosenIban) ?? accounts[0] ?? null;
  const overviewFailure = useMemo(
    () => (overview.error ? toCommandError(overview.error) : null),
    [overview.error],
  );
  const refreshFailure = useMemo(
    () => (refresh.error ? toCommandError(refresh.error) : null),
    [refresh.error],
  );
  // The bank said when to come back: come back then, as the failed refresh asked.
  const retryAt = useScheduledRetry(refreshFailure, () => startRefresh(refresh.variables ?? true));

  return (
    <div className="app-shell">
      <AppHeader
        bankName={bankName}
        consentExpiresAt={consentExpiresAt}
        onChangeAccounts={onChangeAccounts}
        onDisconnect={() => setConfirmingDisconnect(true)}
        onOpenSettings={onOpenSettings}
      />
      {selected ? (
        <div className="main-window">
          <AccountsSidebar
            accounts={accounts}
            overviews={overview.data}
            overviewFailure={overviewFailure}
            selectedIban={selected.iban}
            onSelect={setChosenIban}
            now={now}
            refreshing={refresh.isPending}
            refreshFailure={refreshFailure}
            retryAt={retryAt}
            onRefresh={() => startRefresh(false)}
            onReconnect={onReconnect}
          />
          <main className="history-pane" aria-labelledby={historyTitleId}>
            <div className="history-head">
              <h1 id={historyTitleId}>{title(selected)}</h1>
              <span className="iban">{formatIban(selected.iban)}</span>
            </div>
            {/* Keyed by account: another account's list starts at its top, with its own pages. */}
            <TransactionList
              key={selected.iban}
              iban={selected.iban}
              onConsentRequired={onReconnect}
            />
          </main>
        </div>
      ) : (
        <main className="accounts-page">
          <p className="accounts-empty">{t("accounts.window.noneShown")}</p>
        </main>
      )}
      <DisconnectDialog
        open={confirmingDisconnect}
        bankName={bankName}
        onClose={() => setConfirmingDisconnect(false)}
      />
    </div>
  );
}
