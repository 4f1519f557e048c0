import type { AccountChoice, AccountOverview, BalanceKind } from "../../ipc";
import { formatMoney } from "../money/formatMoney";
import { accountTitle, formatIban, shortIban } from "./format";
import { formatUpdated } from "./freshness";

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
        <span className="account-title">{accountTitle(account)}</span>
        <span className="iban" title={formatIban(account.iban)}>
          {shortIban(account.iban)}
        </span>
      </span>
      <span className="account-balances">
        <Balance label="Booked" kind="booked" overview={overview} />
        <Balance label="Available" kind="available" overview={overview} />
      </span>
      <span className="account-updated">
        {overview === undefined
          ? "Loading balances…"
          : formatUpdated(overview?.balancesFetchedAt ?? null, now)}
      </span>
    </button>
  );
}

function Balance({
  label,
  kind,
  overview,
}: {
  label: string;
  kind: Exclude<BalanceKind, "other">;
  overview: AccountOverview | null | undefined;
}) {
  const balance = overview?.balances.find((candidate) => candidate.kind === kind);
  const creditLine =
    balance?.creditLine != null
      ? `Includes a credit line of ${formatMoney(balance.creditLine, balance.currency)}`
      : undefined;
  return (
    <span className="balance">
      <span className="balance-label">{label}</span>
      <span className="balance-amount" data-testid={`balance-${kind}`} title={creditLine}>
        {balance ? formatMoney(balance.amount, balance.currency) : "—"}
      </span>
    </span>
  );
}
