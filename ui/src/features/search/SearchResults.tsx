import { useEffect, useMemo } from "react";
import { useT } from "../../i18n/useT";
import { type SearchQuery, toCommandError } from "../../ipc";
import { groupFoundTransactions, type TransactionItem } from "../transactions/grouping";
import { TransactionGrid } from "../transactions/TransactionGrid";
import { HistoryCoverage } from "./HistoryCoverage";
import type { SearchAccount } from "./SearchFilters";
import { SearchSummaryBar } from "./SearchSummaryBar";
import { useSearchResults, useSearchSummary } from "./useSearchResults";
import type { WholeHistoryFetch } from "./useWholeHistoryFetch";

/** What `query` matches: the summary above, then the matches in the history's own grid (day
 * headers, keyboard, paging as it scrolls), each row naming its account when several accounts
 * were searched. The count is announced politely as it changes. */
export function SearchResults({
  query,
  accounts,
  fetch,
  onClear,
  onOpen,
}: {
  query: SearchQuery;
  /** The shown accounts, to name a match's account. */
  accounts: readonly SearchAccount[];
  fetch: WholeHistoryFetch;
  onClear: () => void;
  onOpen: (iban: string, id: string, row: HTMLElement) => void;
}) {
  const t = useT();
  const results = useSearchResults(query, true);
  const summary = useSearchSummary(query, true);
  const pages = results.data?.pages;
  const items = useMemo(() => (pages ? groupFoundTransactions(pages) : null), [pages]);
  const names = useMemo(
    () => new Map(accounts.map((account) => [account.iban, account.name])),
    [accounts],
  );
  const several = query.iban === null && accounts.length > 1;
  const nothingFound =
    items !== null && items.length === 0 && !results.hasNextPage && !results.isError;
  const queryKey = JSON.stringify(query);

  // How the last fetch ended is about the search it was started from.
  const { forget } = fetch;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new query is the trigger, not read.
  useEffect(() => forget(), [queryKey, forget]);

  const settled = summary.data && !summary.isPlaceholderData ? summary.data : null;
  return (
    <>
      <SearchSummaryBar
        summary={summary.data}
        failure={summary.error ? toCommandError(summary.error) : null}
        iban={query.iban}
        fetch={fetch}
        empty={nothingFound}
      />
      <p className="visually-hidden" role="status" data-testid="search-announcement">
        {settled ? t("search.summary.count", { count: settled.count }) : null}
      </p>
      <TransactionGrid
        // A new search starts at its top, not where the last one was scrolled to.
        key={queryKey}
        source={results}
        items={items}
        busy={results.isPlaceholderData}
        label={t("search.results.label")}
        loadingText={t("search.summary.searching")}
        endText={t("search.results.end")}
        empty={
          <div className="history-state search-empty" data-testid="search-empty">
            <p className="history-empty-title">{t("search.empty.title")}</p>
            <p className="history-empty-text">{t("search.empty.text")}</p>
            {summary.data && (
              <HistoryCoverage coverage={summary.data.coverage} iban={query.iban} fetch={fetch} />
            )}
            <button type="button" className="button" onClick={onClear}>
              {t("search.clear")}
            </button>
          </div>
        }
        failureTasks={{ first: "search", more: "search" }}
        // The store answers a search: no bank whose consent could have ended.
        onReconnect={noReconnect}
        onOpen={(item: TransactionItem, row: HTMLElement) =>
          onOpen(item.iban ?? query.iban ?? "", item.transaction.id, row)
        }
        accountLabel={several ? (iban: string) => names.get(iban) ?? iban : undefined}
      />
    </>
  );
}

function noReconnect() {}
