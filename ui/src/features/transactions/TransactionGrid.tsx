// biome-ignore-all lint/a11y/useSemanticElements: the history is a virtualized ARIA grid of absolutely positioned rows; table elements would need their table layout undone, and their semantics come from the explicit roles either way.
import { useVirtualizer } from "@tanstack/react-virtual";
import { type ReactNode, useCallback, useId, useLayoutEffect, useMemo, useRef } from "react";
import { useIntl } from "react-intl";
import { Spinner } from "../../components/Spinner";
import { FAILURE_ACTION_MESSAGE, type SyncTask } from "../../errors/errorText";
import { useGridKeyboard } from "../../hooks/useGridKeyboard";
import { useNow } from "../../hooks/useNow";
import { useT } from "../../i18n/useT";
import { type CommandError, toCommandError } from "../../ipc";
import { useCategoriesById } from "../categories/useCategories";
import { SyncFailureNotice } from "../connection/SyncFailureNotice";
import { DateHeader } from "./DateHeader";
import { dayLabel } from "./dayLabel";
import { gridRowProps, type RowPlace } from "./gridRow";
import type { ListItem, TransactionItem } from "./grouping";
import { type FooterState, footerAction, HistoryFooter } from "./HistoryFooter";
import type { PagedSource } from "./pagedSource";
import { TransactionRow } from "./TransactionRow";
import { useKeepRowInPlace } from "./useKeepRowInPlace";
import { useLoadNewerNearStart } from "./useLoadNewerNearStart";
import { useLoadOlderNearEnd } from "./useLoadOlderNearEnd";
import { FOOTER_KEY, rowElement, tabStopRow, useRowFocus } from "./useRowFocus";

// Fixed heights: nothing is measured while scrolling, so tens of thousands of rows scroll as
// smoothly as ten. The styles keep each kind's content inside its height.
const HEADER_HEIGHT = 36;
const ROW_HEIGHT = 64;
const FOOTER_HEIGHT = 64;
/** Rows rendered beyond the visible ones, so a fast scroll does not show blank space. */
const OVERSCAN = 12;

export type TransactionGridProps = {
  /** The pages behind the rows: the history's or a search's. */
  source: PagedSource;
  /** The loaded rows, grouped by day; null until the first page is in. */
  items: readonly ListItem[] | null;
  /** The grid's accessible name. */
  label: string;
  /** Said while the first page loads. */
  loadingText: string;
  /** The footer's words when nothing more will come. */
  endText: string;
  /** Shown instead of the grid when the first page came back empty. */
  empty: ReactNode;
  /** What was being loaded, for a failure's headline: the first page, the ones after it. */
  failureTasks: { first: SyncTask; more: SyncTask };
  /** The user asked to reconnect the bank, from a failure's notice or the footer. */
  onReconnect: () => void;
  /** A transaction row was clicked, or Enter or Space pressed on it. */
  onOpen?: ((item: TransactionItem, row: HTMLElement) => void) | undefined;
  /** The account a row belongs to, in words, for rows that carry one (a search across
   * accounts); none: no account shown. */
  accountLabel?: ((iban: string) => string) | undefined;
  /** Rows of an earlier load stay on screen while the next one comes. */
  busy?: boolean;
};

/** Paged transactions in one scrolling grid, loaded page by page as it is scrolled.
 *
 * Each day's header, each transaction and the footer (loading, failed, the end) is a row of an
 * ARIA grid, and one row at a time takes the focus: the arrows, Page Up/Down, Home and End move
 * it, scrolling the list with it; Enter or Space does what the focused row offers. */
export function TransactionGrid({
  source,
  items: loaded,
  label,
  loadingText,
  endText,
  empty,
  failureTasks,
  onReconnect,
  onOpen,
  accountLabel,
  busy = false,
}: TransactionGridProps) {
  const t = useT();
  const { locale } = useIntl();
  const failure = useMemo(
    () => (source.error ? toCommandError(source.error) : null),
    [source.error],
  );
  const items = loaded ?? NO_ITEMS;
  const today = new Date(useNow(60_000));
  const dayNames = { today: t("transactions.today"), yesterday: t("transactions.yesterday") };
  const scroller = useRef<HTMLDivElement>(null);
  const categories = useCategoriesById();
  // Describes each row that opens: the row takes the focus, and ARIA 1.2 gives a row no
  // aria-haspopup (a gridcell has it, but the cells are never focused here).
  const openHintId = useId();
  // One function for every row and every render, so the memoized rows are not rendered again
  // for a new closure; it calls the latest `onOpen`.
  const latestOnOpen = useRef(onOpen);
  useLayoutEffect(() => {
    latestOnOpen.current = onOpen;
  });
  const openRow = useCallback(
    (item: TransactionItem, row: HTMLElement) => latestOnOpen.current?.(item, row),
    [],
  );

  // The footer is the one row past the transactions.
  const rowCount = loaded ? items.length + 1 : 0;
  const focus = useRowFocus(items, scroller);

  const footer = footerState(source, failure, endText, failureTasks.more);
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
    hasPreviousPage: source.hasPreviousPage,
    isFetching: source.isFetching,
    isError: source.isError,
    fetchPreviousPage: source.fetchPreviousPage,
  });
  useLoadOlderNearEnd({
    lastRenderedIndex: lastRendered,
    loadedCount: items.length,
    hasNextPage: source.hasNextPage,
    isFetching: source.isFetching,
    isError: source.isError,
    fetchNextPage: source.fetchNextPage,
  });

  const retry = () => {
    if (source.isFetchNextPageError) {
      void source.fetchNextPage();
    } else if (source.isFetchPreviousPageError) {
      void source.fetchPreviousPage();
    } else {
      void source.refetch();
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
      const item = items[index];
      if (item) {
        // A transaction opens; a day's header offers nothing.
        const row = rowElement(scroller.current, index);
        if (item.kind === "transaction" && row) {
          openRow(item, row);
        }
        return;
      }
      // The footer offers its failure's way forward.
      const action = footerAction(footer);
      if (action === "retry") {
        retry();
      } else if (action === "reconnect") {
        onReconnect();
      }
    },
  });

  if (!loaded || (items.length === 0 && footer.kind === "end")) {
    let content: ReactNode;
    if (!loaded) {
      content = failure ? (
        <div className="history-state">
          <SyncFailureNotice
            failure={failure}
            task={failureTasks.first}
            onReconnect={onReconnect}
          />
          <button type="button" className="button" onClick={retry}>
            {t(FAILURE_ACTION_MESSAGE.retry)}
          </button>
        </div>
      ) : (
        <div className="history-footer" data-testid="history-loading" role="status">
          <Spinner />
          {loadingText}
        </div>
      );
    } else {
      content = empty;
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
        aria-busy={busy || undefined}
      >
        {content}
      </div>
    );
  }

  return (
    <>
      <div
        ref={scroller}
        role="grid"
        className="transaction-list"
        data-testid="transaction-list"
        aria-label={label}
        aria-busy={busy || undefined}
        // Every row is a row of the grid, day headers and the footer too. While older or newer
        // pages may still come, the total is unknown: -1 (ARIA 1.2), not a count that grows.
        aria-rowcount={source.hasNextPage || source.hasPreviousPage ? -1 : rowCount}
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
        <div
          role="rowgroup"
          className="virtual-space"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {virtualItems.map((virtual) => {
            const place: RowPlace = {
              index: virtual.index,
              start: virtual.start,
              height: virtual.size,
              tabStop: virtual.index === tabStop,
            };
            const item = items[virtual.index];
            if (!item) {
              return (
                <HistoryFooter
                  key={virtual.key}
                  state={footer}
                  row={gridRowProps(place)}
                  onRetry={retry}
                  onReconnect={onReconnect}
                />
              );
            }
            if (item.kind === "header") {
              return (
                <DateHeader
                  key={virtual.key}
                  label={dayLabel(item.group, today, locale, dayNames)}
                  {...place}
                />
              );
            }
            return (
              <TransactionRow
                key={virtual.key}
                item={item}
                category={
                  item.transaction.categoryId === null
                    ? undefined
                    : categories.get(item.transaction.categoryId)
                }
                account={item.iban !== null && accountLabel ? accountLabel(item.iban) : null}
                onOpen={onOpen ? openRow : undefined}
                openHintId={openHintId}
                {...place}
              />
            );
          })}
        </div>
      </div>
      {/* After the grid, so that the grid stays the element the region before it was. */}
      {onOpen && (
        <span id={openHintId} hidden>
          {t("transactions.openHint")}
        </span>
      )}
    </>
  );
}

const NO_ITEMS: readonly ListItem[] = [];

function itemHeight(item: ListItem | undefined): number {
  return item ? itemHeightOf(item) : FOOTER_HEIGHT;
}

function itemHeightOf(item: ListItem): number {
  return item.kind === "header" ? HEADER_HEIGHT : ROW_HEIGHT;
}

function footerState(
  source: PagedSource,
  failure: CommandError | null,
  endText: string,
  task: SyncTask,
): FooterState {
  if (source.isFetchingNextPage) {
    return { kind: "loading" };
  }
  if (failure) {
    return { kind: "failed", failure, task };
  }
  if (source.hasNextPage) {
    return { kind: "loading" };
  }
  return { kind: "end", text: endText };
}
