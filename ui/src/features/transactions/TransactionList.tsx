import { useVirtualizer } from "@tanstack/react-virtual";
import { type ReactNode, useCallback, useEffect, useEffectEvent, useMemo, useRef } from "react";
import { Spinner } from "../../components/Spinner";
import { FAILURE_ACTION_LABEL } from "../../errors/errorText";
import { useNow } from "../../hooks/useNow";
import { type CommandError, toCommandError } from "../../ipc";
import { markMilestone } from "../../startup/milestones";
import { SyncFailureNotice } from "../connection/SyncFailureNotice";
import { DateHeader } from "./DateHeader";
import { dayLabel } from "./dayLabel";
import { groupTransactions, type ListItem } from "./grouping";
import { type FooterState, HistoryFooter } from "./HistoryFooter";
import { TransactionRow } from "./TransactionRow";
import { useKeepRowInPlace } from "./useKeepRowInPlace";
import { useLoadNewerNearStart } from "./useLoadNewerNearStart";
import { useLoadOlderNearEnd } from "./useLoadOlderNearEnd";
import { useTransactionHistory } from "./useTransactionHistory";

// Fixed heights: nothing is measured while scrolling, so tens of thousands of rows scroll as
// smoothly as ten. The styles keep each kind's content inside its height.
const HEADER_HEIGHT = 36;
const ROW_HEIGHT = 64;
const FOOTER_HEIGHT = 64;
/** Rows rendered beyond the visible ones, so a fast scroll does not show blank space. */
const OVERSCAN = 12;

/** An account's whole history in one scrolling list, loaded page by page as it is scrolled. */
export function TransactionList({
  iban,
  onConsentRequired,
}: {
  iban: string;
  onConsentRequired: () => void;
}) {
  const history = useTransactionHistory(iban);
  const failure = useMemo(
    () => (history.error ? toCommandError(history.error) : null),
    [history.error],
  );
  useReportEndedConsent(failure, onConsentRequired);

  const pages = history.data?.pages;
  const items = useMemo(() => groupTransactions(pages ?? []), [pages]);
  useEffect(() => {
    if (items.length > 0) {
      markMilestone("transactions");
    }
  }, [items.length]);
  const today = new Date(useNow(60_000));
  const scroller = useRef<HTMLElement>(null);

  const footer = footerState(history, failure);
  const virtualizer = useVirtualizer({
    // The footer is the one item past the transactions.
    count: pages ? items.length + 1 : 0,
    getScrollElement: () => scroller.current,
    estimateSize: useCallback((index: number) => itemHeight(items[index]), [items]),
    getItemKey: useCallback((index: number) => items[index]?.key ?? "footer", [items]),
    overscan: OVERSCAN,
  });
  const virtualItems = virtualizer.getVirtualItems();

  useKeepRowInPlace(items, scroller, itemHeightOf);
  useLoadNewerNearStart({
    firstRenderedIndex: virtualItems[0]?.index ?? -1,
    hasPreviousPage: history.hasPreviousPage,
    isFetching: history.isFetching,
    isError: history.isError,
    fetchPreviousPage: history.fetchPreviousPage,
  });
  useLoadOlderNearEnd({
    lastRenderedIndex: virtualItems.at(-1)?.index ?? -1,
    loadedCount: items.length,
    hasNextPage: history.hasNextPage,
    isFetching: history.isFetching,
    isError: history.isError,
    fetchNextPage: history.fetchNextPage,
  });

  const retry = () => {
    if (history.isFetchNextPageError) {
      void history.fetchNextPage();
    } else if (history.isFetchPreviousPageError) {
      void history.fetchPreviousPage();
    } else {
      void history.refetch();
    }
  };

  let content: ReactNode;
  if (!pages) {
    content = failure ? (
      <div className="history-state">
        <SyncFailureNotice failure={failure} task="loadHistory" onReconnect={onConsentRequired} />
        <button type="button" className="button" onClick={retry}>
          {FAILURE_ACTION_LABEL.retry}
        </button>
      </div>
    ) : (
      <div className="history-footer" data-testid="history-loading" role="status">
        <Spinner /> Loading transactions…
      </div>
    );
  } else if (items.length === 0 && footer.kind === "end") {
    content = (
      <div className="history-state history-empty" data-testid="history-empty">
        <p className="history-empty-title">No transactions yet</p>
        <p className="history-empty-text">
          Money paid into or out of this account will be listed here.
        </p>
      </div>
    );
  } else {
    content = (
      <div className="virtual-space" style={{ height: virtualizer.getTotalSize() }}>
        {virtualItems.map((virtual) => {
          const style = { height: virtual.size, transform: `translateY(${virtual.start}px)` };
          const item = items[virtual.index];
          if (!item) {
            return (
              <HistoryFooter
                key={virtual.key}
                state={footer}
                style={style}
                onRetry={retry}
                onReconnect={onConsentRequired}
              />
            );
          }
          return item.kind === "header" ? (
            <DateHeader key={virtual.key} label={dayLabel(item.group, today)} style={style} />
          ) : (
            <TransactionRow key={virtual.key} transaction={item.transaction} style={style} />
          );
        })}
      </div>
    );
  }

  // A focusable scroll container: arrows, Page Up/Down, Home and End scroll it natively.
  return (
    <section
      ref={scroller}
      className="transaction-list"
      data-testid="transaction-list"
      aria-label="Transactions"
      aria-busy={history.isFetching}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1).
      tabIndex={0}
    >
      {content}
    </section>
  );
}

function itemHeight(item: ListItem | undefined): number {
  return item ? itemHeightOf(item) : FOOTER_HEIGHT;
}

function itemHeightOf(item: ListItem): number {
  return item.kind === "header" ? HEADER_HEIGHT : ROW_HEIGHT;
}

function footerState(
  history: ReturnType<typeof useTransactionHistory>,
  failure: CommandError | null,
): FooterState {
  if (history.isFetchingNextPage) {
    return { kind: "loading" };
  }
  if (failure) {
    return { kind: "failed", failure };
  }
  if (history.hasNextPage) {
    return { kind: "loading" };
  }
  return { kind: "end", complete: history.data?.pages.at(-1)?.complete ?? false };
}

/** An ended consent is the window's to handle (it offers to reconnect): told once per failure. */
function useReportEndedConsent(failure: CommandError | null, onConsentRequired: () => void) {
  const report = useEffectEvent(onConsentRequired);
  useEffect(() => {
    if (failure?.code === "consent_required") {
      report();
    }
  }, [failure]);
}
