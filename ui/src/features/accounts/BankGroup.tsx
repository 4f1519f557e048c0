import { useId } from "react";
import { useIntl } from "react-intl";
import { useT } from "../../i18n/useT";
import type { AccountOverview, BankConnection } from "../../ipc";
import { renewalDue } from "../connection/accessUntil";
import { useBankName } from "../connection/bankName";
import { RenewalNotice } from "../connection/RenewalNotice";
import { SyncFailureNotice } from "../connection/SyncFailureNotice";
import { TokensUnsavedNotice } from "../connection/TokensUnsavedNotice";
import { AccountItem } from "./AccountItem";
import { automaticRefreshText } from "./automaticRefreshText";
import { BankGroupHead } from "./BankGroupHead";
import { useAutoRefresh } from "./useAutoRefresh";
import type { BankRefresh } from "./useBankRefresh";
import { useScheduledRetry } from "./useScheduledRetry";

/** One connected bank in the sidebar: its state and actions, what went wrong with it, and its
 * chosen accounts with their balances. It refreshes itself when its balances turn stale or its
 * consent is renewed, and again when the bank said when to come back. */
export function BankGroup({
  connection,
  overviews,
  refresh,
  consentEnded,
  selectedIban,
  now,
  onSelect,
  onRefresh,
  onReconnect,
  onChooseAccounts,
  onDisconnect,
}: {
  connection: BankConnection;
  /** Every bank's stored balances; undefined until they are read. */
  overviews: readonly AccountOverview[] | undefined;
  refresh: BankRefresh;
  consentEnded: boolean;
  selectedIban: string | null;
  now: number;
  onSelect: (iban: string) => void;
  onRefresh: (onlyStale: boolean) => void;
  onReconnect: () => void;
  onChooseAccounts: () => void;
  onDisconnect: () => void;
}) {
  const t = useT();
  const intl = useIntl();
  const titleId = useId();
  const bankName = useBankName()(connection.bank);
  const { bank, selectedAccounts, consentExpiresAt } = connection;
  const ownOverviews = overviews?.filter((overview) => overview.bankId === bank.id);
  const automatic = automaticRefreshText(intl, connection.automaticRefresh, now);
  const byIban = new Map(ownOverviews?.map((overview) => [overview.account.iban, overview]));

  useAutoRefresh({
    bankId: bank.id,
    overviews: ownOverviews,
    // An ended consent is refreshed by reconnecting, not by asking the bank in vain.
    refresh: () => {
      if (!consentEnded) {
        onRefresh(true);
      }
    },
    refreshAfterConsent: () => onRefresh(true),
  });
  // The bank said when to come back: come back then, asking what the failed refresh asked.
  const retryAt = useScheduledRetry(refresh.failure, () => onRefresh(refresh.onlyStale));

  return (
    <section className="bank-group" aria-labelledby={titleId} aria-busy={refresh.refreshing}>
      <BankGroupHead
        titleId={titleId}
        bankName={bankName}
        consentExpiresAt={consentExpiresAt}
        consentEnded={consentEnded}
        now={now}
        automaticRefresh={consentEnded ? null : automatic}
        refreshing={refresh.refreshing}
        onReconnect={onReconnect}
        onChooseAccounts={onChooseAccounts}
        onDisconnect={onDisconnect}
      />
      {!consentEnded && renewalDue(consentExpiresAt, now) && (
        <RenewalNotice
          bankName={bankName}
          consentExpiresAt={consentExpiresAt}
          now={now}
          onRenew={onReconnect}
        />
      )}
      {connection.tokensUnsaved && <TokensUnsavedNotice bankName={bankName} />}
      {/* Put away while the next refresh runs: its outcome replaces it. The group's head offers
          Reconnect when the consent has ended. */}
      {refresh.failure && !refresh.refreshing && (
        <SyncFailureNotice
          className="sidebar-notice"
          failure={refresh.failure}
          task="refresh"
          retryAt={retryAt}
        />
      )}
      {selectedAccounts.length === 0 ? (
        <p className="bank-group-empty">{t("accounts.group.noAccounts")}</p>
      ) : (
        <ul className="sidebar-accounts" aria-labelledby={titleId}>
          {selectedAccounts.map((account) => (
            <li key={account.iban}>
              <AccountItem
                account={account}
                overview={ownOverviews && (byIban.get(account.iban) ?? null)}
                selected={account.iban === selectedIban}
                now={now}
                onSelect={() => onSelect(account.iban)}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
