import { type ReactNode, useId } from "react";
import { Spinner } from "../../components/Spinner";
import { useT } from "../../i18n/useT";
import type { CommandError } from "../../ipc";
import { SyncFailureNotice } from "../connection/SyncFailureNotice";

/** The window's left column: Refresh for every bank, what went wrong reading the stored
 * balances, and each bank's group (`children`) with its accounts. */
export function AccountsSidebar({
  refreshing,
  everyBankRefreshing,
  overviewFailure,
  onRefresh,
  children,
}: {
  /** Some bank is being refreshed. */
  refreshing: boolean;
  /** Every bank that can be is being refreshed: Refresh has nothing left to start. */
  everyBankRefreshing: boolean;
  overviewFailure: CommandError | null;
  onRefresh: () => void;
  children: ReactNode;
}) {
  const t = useT();
  const titleId = useId();
  return (
    <aside className="sidebar" aria-labelledby={titleId}>
      <div className="sidebar-head">
        <h2 id={titleId}>{t("accounts.sidebar.title")}</h2>
        <button
          type="button"
          className="button small"
          onClick={onRefresh}
          disabled={everyBankRefreshing}
          aria-busy={refreshing}
        >
          {refreshing && <Spinner />}
          {t("accounts.sidebar.refresh")}
        </button>
      </div>
      <p className="visually-hidden" role="status">
        {refreshing ? t("accounts.sidebar.refreshing") : null}
      </p>
      {overviewFailure && (
        <SyncFailureNotice
          className="sidebar-notice"
          failure={overviewFailure}
          task="readBalances"
        />
      )}
      {children}
    </aside>
  );
}
