// biome-ignore-all lint/a11y/useSemanticElements: the history is a virtualized ARIA grid of absolutely positioned rows; table elements would need their table layout undone, and their semantics come from the explicit roles either way.
// biome-ignore-all lint/a11y/useFocusableInteractive: rows take the focus in this grid (one tab stop, roving tabindex on the rows), so its cells are not focusable by design.
import { useIntl } from "react-intl";
import { useT } from "../../i18n/useT";
import type { TransactionView } from "../../ipc";
import { direction, formatMoney } from "../money/formatMoney";
import type { GridRowProps } from "./gridRow";
import { transactionText } from "./transactionText";

/** One entry of the history: who, what, the symbols, and the signed amount on the right. The
 * amount is read by its direction and size ("outgoing, €10.70"), which the eye takes from its
 * sign and colour: the word says the sign, so the spoken figure has none. */
export function TransactionRow({
  transaction,
  row,
}: {
  transaction: TransactionView;
  row: GridRowProps;
}) {
  const t = useT();
  const { locale } = useIntl();
  const { title, details, symbols } = transactionText(transaction);
  const pending = transaction.status === "pending";
  const moved = direction(transaction.amount);
  const amount = formatMoney(transaction.amount, transaction.currency, { locale, sign: "always" });
  const size = formatMoney(transaction.amount, transaction.currency, { locale, sign: "never" });
  const spoken =
    moved === "debit"
      ? t("transactions.amount.outgoing", { amount: size })
      : moved === "credit"
        ? t("transactions.amount.incoming", { amount: size })
        : null;
  return (
    <div
      role="row"
      className={pending ? "transaction-row pending" : "transaction-row"}
      data-testid="transaction-row"
      data-id={transaction.id}
      {...row}
    >
      <div role="gridcell" className="transaction-main">
        <div className="transaction-title">
          <span className="transaction-counterparty">{title ?? t("transactions.untitled")}</span>
          {pending && <span className="badge-pending">{t("transactions.pending")}</span>}
        </div>
        {(details || symbols) && (
          <div className="transaction-details">
            {details && <span className="transaction-description">{details}</span>}
            {symbols && <span className="transaction-symbols">{symbols}</span>}
          </div>
        )}
      </div>
      <div role="gridcell" className="transaction-amount-cell">
        {spoken && <span className="visually-hidden">{spoken}</span>}
        <span className={`transaction-amount ${moved}`} aria-hidden={spoken ? true : undefined}>
          {amount}
        </span>
      </div>
    </div>
  );
}
