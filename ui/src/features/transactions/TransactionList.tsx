import { useEffect, useEffectEvent, useMemo } from "react";
import { useT } from "../../i18n/useT";
import { type CommandError, toCommandError } from "../../ipc";
import { markMilestone } from "../../startup/milestones";
import { groupTransactions, type TransactionItem } from "./grouping";
import { TransactionGrid } from "./TransactionGrid";
import { useTransactionHistory } from "./useTransactionHistory";

/** An account's whole history in one scrolling grid (TransactionGrid), loaded page by page as it
 * is scrolled. */
export function TransactionList({
  iban,
  onConsentEnded,
  onReconnect,
  onOpen,
}: {
  iban: string;
  /** The bank said its consent has ended: told once per failure, for the window to show. */
  onConsentEnded: () => void;
  /** The user asked to reconnect the bank, from the failure's notice or the footer. */
  onReconnect: () => void;
  /** A transaction was clicked, or Enter pressed on it: its account, its id and its row. */
  onOpen?: ((iban: string, id: string, row: HTMLElement) => void) | undefined;
}) {
  const t = useT();
  const history = useTransactionHistory(iban);
  const failure = useMemo(
    () => (history.error ? toCommandError(history.error) : null),
    [history.error],
  );
  useReportEndedConsent(failure, onConsentEnded);

  const pages = history.data?.pages;
  const items = useMemo(() => (pages ? groupTransactions(pages) : null), [pages]);
  useEffect(() => {
    if (items && items.length > 0) {
      markMilestone("transactions");
    }
  }, [items]);
  const complete = pages?.at(-1)?.complete ?? false;

  return (
    <TransactionGrid
      source={history}
      items={items}
      label={t("transactions.label")}
      loadingText={t("transactions.loading")}
      endText={complete ? t("transactions.end.complete") : t("transactions.end.incomplete")}
      empty={
        <div className="history-state history-empty" data-testid="history-empty">
          <p className="history-empty-title">{t("transactions.empty.title")}</p>
          <p className="history-empty-text">{t("transactions.empty.text")}</p>
        </div>
      }
      failureTasks={{ first: "loadHistory", more: "loadOlderHistory" }}
      onReconnect={onReconnect}
      onOpen={
        onOpen &&
        ((item: TransactionItem, row: HTMLElement) => onOpen(iban, item.transaction.id, row))
      }
    />
  );
}

/** An ended consent is the window's to handle (it offers to reconnect): told once per failure. */
function useReportEndedConsent(failure: CommandError | null, onConsentEnded: () => void) {
  const report = useEffectEvent(onConsentEnded);
  useEffect(() => {
    if (failure?.code === "consent_required") {
      report();
    }
  }, [failure]);
}
