import { useIntl } from "react-intl";
import { groupedIban } from "../../format/iban";
import type { MessageId } from "../../i18n/catalogs";
import type { AccountChoice, AccountOverview, BalanceKind } from "../../ipc";
import { formatMoney } from "../money/formatMoney";
import { shortIban } from "./format";
import { formatUpdated } from "./freshness";
import { useAccountTitle } from "./useAccountTitle";

/** One account in the sidebar: a button that shows its history, with its balances and how
 * fresh they are. `overview` is undefined until the stored balances are read, null when none
 * is stored for the account. */
export function AccountItem({
  account,
  overview,
  selected,
  now,
  onSelect,
}: {
  account: AccountChoice;
  overview: AccountOverview | null | undefined;
  selected: boolean;
  now: number;
  onSelect: () => void;
}) {
  const intl = useIntl();
  const title = useAccountTitle();
  return (
    <button
      type="button"
      className="account-item"
      data-testid="account-item"
      data-iban={account.iban}
      aria-current={selected ? "true" : undefined}
      onClick={onSelect}
    >
      <span className="account-item-name">
        <span className="account-title">{title(account)}</span>
        <span className="iban" title={groupedIban(account.iban)}>
          {shortIban(account.iban)}
        </span>
      </span>
      <span className="account-balances">
        <Balance label="accounts.item.booked" kind="booked" overview={overview} />
        <Balance label="accounts.item.available" kind="available" overview={overview} />
      </span>
      <span className="account-updated">
        {overview === undefined
          ? intl.formatMessage({ id: "accounts.item.loading" })
          : formatUpdated(intl, overview?.balancesFetchedAt ?? null, now)}
      </span>
      {overview?.noLongerConsented && (
        <span className="account-not-updated">
          {intl.formatMessage({ id: "accounts.item.noLongerConsented" })}
        </span>
      )}
    </button>
  );
}

function Balance({
  label,
  kind,
  overview,
}: {
  label: MessageId;
  kind: Exclude<BalanceKind, "other">;
  overview: AccountOverview | null | undefined;
}) {
  const intl = useIntl();
  const { locale } = intl;
  const balance = overview?.balances.find((candidate) => candidate.kind === kind);
  const creditLine =
    balance?.creditLine != null
      ? intl.formatMessage(
          { id: "accounts.item.creditLine" },
          { amount: formatMoney(balance.creditLine, balance.currency, { locale }) },
        )
      : undefined;
  return (
    <span className="balance">
      <span className="balance-label">{intl.formatMessage({ id: label })}</span>
      <span className="balance-amount" data-testid={`balance-${kind}`} title={creditLine}>
        {balance ? formatMoney(balance.amount, balance.currency, { locale }) : "—"}
      </span>
    </span>
  );
}
