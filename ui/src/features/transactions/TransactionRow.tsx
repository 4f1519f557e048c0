import type { CSSProperties } from "react";
import type { TransactionView } from "../../ipc";
import { direction, formatMoney } from "../money/formatMoney";
import { transactionText } from "./transactionText";

/** One entry of the history: who, what, the symbols, and the signed amount on the right. */
export function TransactionRow({
  transaction,
  style,
}: {
  transaction: TransactionView;
  style: CSSProperties;
}) {
  const { title, details, symbols } = transactionText(transaction);
  const pending = transaction.status === "pending";
  return (
    <div
      className={pending ? "transaction-row pending" : "transaction-row"}
      data-testid="transaction-row"
      data-id={transaction.id}
      style={style}
    >
      <div className="transaction-main">
        <div className="transaction-title">
          <span className="transaction-counterparty">{title}</span>
          {pending && <span className="badge-pending">Pending</span>}
        </div>
        {(details || symbols) && (
          <div className="transaction-details">
            {details && <span className="transaction-description">{details}</span>}
            {symbols && <span className="transaction-symbols">{symbols}</span>}
          </div>
        )}
      </div>
      <div className={`transaction-amount ${direction(transaction.amount)}`}>
        {formatMoney(transaction.amount, transaction.currency, { sign: "always" })}
      </div>
    </div>
  );
}
