import { useEffect, useId, useRef, useState } from "react";
import { useT } from "../../i18n/useT";
import type { SearchQuery } from "../../ipc";
import { DetailPanel } from "../detail/DetailPanel";
import { TransactionList } from "../transactions/TransactionList";
import { SearchBar } from "./SearchBar";
import { type SearchAccount, SearchFilters } from "./SearchFilters";
import { SearchResults } from "./SearchResults";
import { EMPTY_QUERY, exportQuery } from "./searchQuery";
import { useSearchShortcuts } from "./useSearchShortcuts";
import { useSearchState } from "./useSearchState";
import { useWholeHistoryFetch } from "./useWholeHistoryFetch";
import { WholeHistoryProgress } from "./WholeHistoryProgress";

/** A search asked for from outside the search bar; each ask is a new object. */
export type SearchRequest = { query: Partial<SearchQuery> };

/** The entry open in the detail panel, and the row the focus goes back to when it closes. */
type Opened = { iban: string; id: string; row: HTMLElement };

/** The right side of the window: the search bar over the selected account's history, or over
 * what a search matches once something is typed or set; the detail of the entry clicked (or
 * opened with Enter) in a dialog over them, which Escape closes, the focus back on its row.
 * A fetch of the whole history, once started from a search, shows its progress and Cancel above
 * the list until it ends, whatever is searched meanwhile; how it ended is announced. */
export function SearchableHistory({
  iban,
  accounts,
  onConsentEnded,
  onReconnect,
  request = null,
}: {
  /** The selected account, whose history shows while nothing is searched. */
  iban: string;
  /** Every shown account, for the account filter and the rows' account names. */
  accounts: readonly SearchAccount[];
  onConsentEnded: () => void;
  onReconnect: () => void;
  /** A search asked for from outside (a chart's category), new on each ask. */
  request?: SearchRequest | null;
}) {
  const t = useT();
  const search = useSearchState();
  const fetch = useWholeHistoryFetch();
  const { outcome } = fetch;
  const field = useRef<HTMLInputElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const filtersId = useId();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [opened, setOpened] = useState<Opened | null>(null);
  useSearchShortcuts(field);
  // An account no longer shown (its bank disconnected, another choice of accounts) cannot be
  // searched: the filter goes back to every account.
  const { change } = search;
  const unknownAccount =
    search.draft.iban !== null && !accounts.some((account) => account.iban === search.draft.iban);
  useEffect(() => {
    if (unknownAccount) {
      change({ iban: null });
    }
  }, [unknownAccount, change]);
  // A chart's row asks for its transactions: the search becomes exactly that, its filters shown.
  useEffect(() => {
    if (request) {
      change({ ...EMPTY_QUERY, ...request.query });
      setFiltersOpen(true);
      // What asked (a chart's row) has gone: the focus goes where the search is.
      field.current?.focus();
    }
  }, [request, change]);

  const open = (entryIban: string, id: string, row: HTMLElement) =>
    setOpened({ iban: entryIban, id, row });
  const close = () => {
    const row = opened?.row;
    setOpened(null);
    // The row may have been let go meanwhile (scrolled far, a new search): the list's tab stop
    // row takes the focus instead.
    if (row?.isConnected) {
      row.focus({ preventScroll: true });
    } else {
      body.current?.querySelector<HTMLElement>('[data-testid="transaction-list"]')?.focus();
    }
  };
  const clear = () => {
    search.clear();
    field.current?.focus();
  };

  return (
    <>
      <SearchBar
        field={field}
        draft={search.draft}
        filtersOpen={filtersOpen}
        filtersId={filtersId}
        exportQuery={exportQuery(search.query, iban)}
        onText={(text) => search.change({ text })}
        onToggleFilters={() => setFiltersOpen((shown) => !shown)}
        onClear={clear}
      />
      {filtersOpen && (
        <SearchFilters
          id={filtersId}
          draft={search.draft}
          accounts={accounts}
          onChange={search.change}
        />
      )}
      <div className="history-body" ref={body}>
        {fetch.running && (
          <div className="history-task" data-testid="whole-history-progress">
            <WholeHistoryProgress progress={fetch.progress} onCancel={fetch.cancel} />
          </div>
        )}
        <p className="visually-hidden" role="status">
          {outcome
            ? t(outcome.cancelled ? "search.wholeHistory.stopped" : "search.wholeHistory.done", {
                count: outcome.added,
              })
            : null}
        </p>
        <div className="history-list">
          {search.searching ? (
            <SearchResults
              query={search.query}
              accounts={accounts}
              fetch={fetch}
              onClear={clear}
              onOpen={open}
            />
          ) : (
            // Keyed by account: another account's list starts at its top, with its own pages.
            <TransactionList
              key={iban}
              iban={iban}
              onConsentEnded={onConsentEnded}
              onReconnect={onReconnect}
              onOpen={open}
            />
          )}
        </div>
      </div>
      {opened && <DetailPanel iban={opened.iban} id={opened.id} onClose={close} />}
    </>
  );
}
