import { useId } from "react";
import { Spinner } from "../../components/Spinner";
import { useT } from "../../i18n/useT";
import type { AccountChoice, AccountOverview, CommandError } from "../../ipc";
import { SyncFailureNotice } from "../connection/SyncFailureNotice";
import { AccountItem } from "./AccountItem";

/** The window's left column: the chosen accounts with their balances, which one's history is
 * shown, and Refresh with what went wrong the last time. */
export function AccountsSidebar({
  accounts,
  overviews,
  overviewFailure,
  selectedIban,
  onSelect,
  now,
  refreshing,
  refreshFailure,
  retryAt,
  onRefresh,
  onReconnect,
}: {
  accounts: readonly AccountChoice[];
  overviews: readonly AccountOverview[] | undefined;
  overviewFailure: CommandError | null;
  selectedIban: string | null;
  onSelect: (iban: string) => void;
  now: number;
  refreshing: boolean;
  refreshFailure: CommandError | null;
  /** When Bankbook refreshes again by itself, as the bank asked. */
  retryAt: Date | null;
  onRefresh: () => void;
  onReconnect: () => void;
}) {
  const t = useT();
  const titleId = useId();
  const byIban = new Map(overviews?.map((overview) => [overview.account.iban, overview]));
  return (
    <aside className="sidebar" aria-labelledby={titleId}>
      <div className="sidebar-head">
        <h2 id={titleId}>{t("accounts.sidebar.title")}</h2>
        <button
          type="button"
          className="button small"
          onClick={onRefresh}
          disabled={refreshing}
          aria-busy={refreshing}
        >
          {refreshing && <Spinner />}
          {t("accounts.sidebar.refresh")}
        </button>
      </div>
      <p className="visually-hidden" role="status">
        {refreshing ? t("accounts.sidebar.refreshing") : null}
      </p>
      {refreshFailure && (
        <SyncFailureNotice
          className="sidebar-notice"
          failure={refreshFailure}
          task="refresh"
          retryAt={retryAt}
          onReconnect={onReconnect}
        />
      )}
      {overviewFailure && (
        <SyncFailureNotice
          className="sidebar-notice"
          failure={overviewFailure}
          task="readBalances"
          onReconnect={onReconnect}
        />
      )}
      <ul className="sidebar-accounts" aria-labelledby={titleId}>
        {accounts.map((account) => (
          <li key={account.iban}>
            <AccountItem
              account={account}
              overview={overviews && (byIban.get(account.iban) ?? null)}
              selected={account.iban === selectedIban}
              now={now}
              onSelect={() => onSelect(account.iban)}
            />
          </li>
        ))}
      </ul>
    </aside>
  );
}
