// biome-ignore-all lint/a11y/useSemanticElements: the history is a virtualized ARIA grid of absolutely positioned rows; table elements would need their table layout undone, and their semantics come from the explicit roles either way.
import { useVirtualizer } from "@tanstack/react-virtual";
import {
  type ReactNode,
  useCallback,
  useEffect,
  useEffectEvent,
  useLayoutEffect,
  useMemo,
  useRef,
} from "react";
import { useIntl } from "react-intl";
import { Spinner } from "../../components/Spinner";
import { FAILURE_ACTION_MESSAGE } from "../../errors/errorText";
import { useGridKeyboard } from "../../hooks/useGridKeyboard";
import { useNow } from "../../hooks/useNow";
import { useT } from "../../i18n/useT";
import { type CommandError, toCommandError } from "../../ipc";
import { markMilestone } from "../../startup/milestones";
import { SyncFailureNotice } from "../connection/SyncFailureNotice";
import { DateHeader } from "./DateHeader";
import { dayLabel } from "./dayLabel";
import type { GridRowProps } from "./gridRow";
import { groupTransactions, type ListItem } from "./grouping";
import { type FooterState, footerAction, HistoryFooter } from "./HistoryFooter";
import { TransactionRow } from "./TransactionRow";
import { useKeepRowInPlace } from "./useKeepRowInPlace";
import { useLoadNewerNearStart } from "./useLoadNewerNearStart";
import { useLoadOlderNearEnd } from "./useLoadOlderNearEnd";
import { FOOTER_KEY, rowElement, tabStopRow, useRowFocus } from "./useRowFocus";
import { useTransactionHistory } from "./useTransactionHistory";

// Fixed heights: nothing is measured while scrolling, so tens of thousands of rows scroll as
// smoothly as ten. The styles keep each kind's content inside its height.
const HEADER_HEIGHT = 36;
const ROW_HEIGHT = 64;
const FOOTER_HEIGHT = 64;
/** Rows rendered beyond the visible ones, so a fast scroll does not show blank space. */
const OVERSCAN = 12;

/** An account's whole history in one scrolling grid, loaded page by page as it is scrolled.
 *
 * Each day's header, each transaction and the footer (loading, failed, start of history) is a row
 * of an ARIA grid, and one row at a time takes the focus: the arrows, Page Up/Down, Home and End
 * move it, scrolling the list with it; Enter or Space does what the focused row offers. */
export function TransactionList({
  iban,
  onConsentEnded,
  onReconnect,
}: {
  iban: string;
  /** The bank said its consent has ended: told once per failure, for the window to show. */
  onConsentEnded: () => void;
  /** The user asked to reconnect the bank, from the failure's notice or the footer. */
  onReconnect: () => void;
}) {
  const t = useT();
  const { locale } = useIntl();
  const history = useTransactionHistory(iban);
  const failure = useMemo(
    () => (history.error ? toCommandError(history.error) : null),
    [history.error],
  );
  useReportEndedConsent(failure, onConsentEnded);

  const pages = history.data?.pages;
  const items = useMemo(() => groupTransactions(pages ?? []), [pages]);
  useEffect(() => {
    if (items.length > 0) {
      markMilestone("transactions");
    }
  }, [items.length]);
  const today = new Date(useNow(60_000));
  const dayNames = { today: t("transactions.today"), yesterday: t("transactions.yesterday") };
  const scroller = useRef<HTMLDivElement>(null);

  // The footer is the one row past the transactions.
  const rowCount = pages ? items.length + 1 : 0;
  const focus = useRowFocus(items, scroller);

  const footer = footerState(history, failure);
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scroller.current,
    estimateSize: useCallback((index: number) => itemHeight(items[index]), [items]),
    getItemKey: useCallback((index: number) => items[index]?.key ?? FOOTER_KEY, [items]),
    overscan: OVERSCAN,
    rangeExtractor: focus.rangeExtractor,
  });
  const virtualItems = virtualizer.getVirtualItems();
  // The rows on screen, without the overscan and the focused row kept rendered far from them.
  const visible = virtualizer.range;
  const firstRendered = visible ? Math.max(visible.startIndex - OVERSCAN, 0) : -1;
  const lastRendered = visible ? Math.min(visible.endIndex + OVERSCAN, rowCount - 1) : -1;

  useKeepRowInPlace(items, scroller, itemHeightOf);
  useLoadNewerNearStart({
    firstRenderedIndex: firstRendered,
    hasPreviousPage: history.hasPreviousPage,
    isFetching: history.isFetching,
    isError: history.isError,
    fetchPreviousPage: history.fetchPreviousPage,
  });
  useLoadOlderNearEnd({
    lastRenderedIndex: lastRendered,
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

  const tabStop = tabStopRow(focus, visible, rowCount);
  useLayoutEffect(() => focus.focusPending(tabStop));
  const onKeyDown = useGridKeyboard({
    rowCount,
    tabStopRow: tabStop,
    pageRows: () => {
      const range = virtualizer.range;
      return range ? range.endIndex - range.startIndex : 1;
    },
    moveTo: (index: number) => {
      virtualizer.scrollToIndex(index, { align: "auto" });
      focus.moveTo(index);
    },
    activate: (index: number) => {
      // A transaction row offers nothing yet; the footer offers its failure's way forward.
      if (index !== items.length) {
        return;
      }
      const action = footerAction(footer);
      if (action === "retry") {
        retry();
      } else if (action === "reconnect") {
        onReconnect();
      }
    },
  });

  const label = t("transactions.label");
  if (!pages || (items.length === 0 && footer.kind === "end")) {
    let content: ReactNode;
    if (!pages) {
      content = failure ? (
        <div className="history-state">
          <SyncFailureNotice failure={failure} task="loadHistory" onReconnect={onReconnect} />
          <button type="button" className="button" onClick={retry}>
            {t(FAILURE_ACTION_MESSAGE.retry)}
          </button>
        </div>
      ) : (
        <div className="history-footer" data-testid="history-loading" role="status">
          <Spinner />
          {t("transactions.loading")}
        </div>
      );
    } else {
      content = (
        <div className="history-state history-empty" data-testid="history-empty">
          <p className="history-empty-title">{t("transactions.empty.title")}</p>
          <p className="history-empty-text">{t("transactions.empty.text")}</p>
        </div>
      );
    }
    // No rows to move through: a plain region, nothing in it to scroll. The same element as
    // the grid's, so the virtualizer keeps its scroll container when the rows come.
    return (
      <div
        ref={scroller}
        role="region"
        className="transaction-list"
        data-testid="transaction-list"
        aria-label={label}
      >
        {content}
      </div>
    );
  }

  const rowProps = (index: number, style: GridRowProps["style"]): GridRowProps => ({
    "aria-rowindex": index + 1,
    tabIndex: index === tabStop ? 0 : -1,
    style,
  });
  return (
    <div
      ref={scroller}
      role="grid"
      className="transaction-list"
      data-testid="transaction-list"
      aria-label={label}
      // Every row is a row of the grid, day headers and the footer too. While older or newer
      // pages may still come, the total is unknown: -1 (ARIA 1.2), not a count that grows.
      aria-rowcount={history.hasNextPage || history.hasPreviousPage ? -1 : rowCount}
      // Focusable from a script or a click, never a tab stop: one row is (see useRowFocus).
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        focus.onFocus(event);
        if (event.target === event.currentTarget) {
          // The grid itself took the focus (a click beside the rows, a script): its tab stop row
          // takes it on.
          rowElement(scroller.current, tabStop)?.focus();
        }
      }}
      onBlur={focus.onBlur}
    >
      <div role="rowgroup" className="virtual-space" style={{ height: virtualizer.getTotalSize() }}>
        {virtualItems.map((virtual) => {
          const row = rowProps(virtual.index, {
            height: virtual.size,
            transform: `translateY(${virtual.start}px)`,
          });
          const item = items[virtual.index];
          if (!item) {
            return (
              <HistoryFooter
                key={virtual.key}
                state={footer}
                row={row}
                onRetry={retry}
                onReconnect={onReconnect}
              />
            );
          }
          return item.kind === "header" ? (
            <DateHeader
              key={virtual.key}
              label={dayLabel(item.group, today, locale, dayNames)}
              row={row}
            />
          ) : (
            <TransactionRow key={virtual.key} transaction={item.transaction} row={row} />
          );
        })}
      </div>
    </div>
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
function useReportEndedConsent(failure: CommandError | null, onConsentEnded: () => void) {
  const report = useEffectEvent(onConsentEnded);
  useEffect(() => {
    if (failure?.code === "consent_required") {
      report();
    }
  }, [failure]);
}
