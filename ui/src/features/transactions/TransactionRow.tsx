// biome-ignore-all lint/a11y/useSemanticElements: the history is a virtualized ARIA grid of absolutely positioned rows; table elements would need their table layout undone, and their semantics come from the explicit roles either way.
// biome-ignore-all lint/a11y/useFocusableInteractive: rows take the focus in this grid (one tab stop, roving tabindex on the rows), so its cells are not focusable by design.
import { memo } from "react";
import { useIntl } from "react-intl";
import { useT } from "../../i18n/useT";
import type { Category } from "../../ipc";
import { CategoryChip } from "../categories/CategoryChip";
import { direction, formatMoney } from "../money/formatMoney";
import { gridRowProps, type RowPlace } from "./gridRow";
import type { TransactionItem } from "./grouping";
import { transactionText } from "./transactionText";

/** One entry of the history: who, what, the symbols, and the signed amount on the right. The
 * amount is read by its direction and size ("outgoing, €10.70"), which the eye takes from its
 * sign and colour: the word says the sign, so the spoken figure has none. A search across
 * accounts names the entry's `account` beside its title. A click opens the entry (`onOpen`,
 * with the row, where the focus returns); Enter and Space are the grid's (useGridKeyboard). A row
 * that opens is described by `openHintId` ("Enter opens the details").
 *
 * Memoized: every prop is a plain value or kept the same across renders (the item, as long as
 * its page is; the category, as long as the settings are; `onOpen`, by the grid), so a scroll
 * renders only the rows it brings into view, and a row subscribes to nothing of its own. */
export const TransactionRow = memo(function TransactionRow({
  item,
  category,
  account = null,
  index,
  start,
  height,
  tabStop,
  onOpen,
  openHintId,
}: {
  item: TransactionItem;
  /** The entry's category, from the list's one lookup (none: not categorised, or still loading). */
  category: Category | undefined;
  account?: string | null;
  onOpen?: ((item: TransactionItem, row: HTMLElement) => void) | undefined;
  /** The id of the words that say how a row opens; used only when it does. */
  openHintId?: string | undefined;
} & RowPlace) {
  const { transaction } = item;
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
  const classes = ["transaction-row", pending && "pending", onOpen && "openable"];
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the grid's keyboard opens the focused row (Enter, Space), as a click on it does.
    <div
      role="row"
      className={classes.filter(Boolean).join(" ")}
      data-testid="transaction-row"
      data-id={transaction.id}
      onClick={onOpen ? (event) => onOpen(item, event.currentTarget) : undefined}
      aria-describedby={onOpen ? openHintId : undefined}
      {...gridRowProps({ index, start, height, tabStop })}
    >
      <div role="gridcell" className="transaction-main">
        <div className="transaction-title">
          <span className="transaction-counterparty">{title ?? t("transactions.untitled")}</span>
          {pending && <span className="badge-pending">{t("transactions.pending")}</span>}
          {category && <CategoryChip category={category} />}
          {account && (
            <span className="transaction-account" data-testid="transaction-account">
              {account}
            </span>
          )}
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
});
