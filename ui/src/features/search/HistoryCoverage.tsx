import { useIntl } from "react-intl";
import { useT } from "../../i18n/useT";
import { type SearchCoverage, toCommandError } from "../../ipc";
import { SyncFailureNotice } from "../connection/SyncFailureNotice";
import { coverageText } from "./summaryText";
import type { WholeHistoryFetch } from "./useWholeHistoryFetch";

/** How far back the search looked, and while the stored history is not whole, the way to fetch
 * the rest (`iban`: the searched account, null: every shown account) and how it ended. A running
 * fetch's progress and Cancel are above the list (SearchableHistory), searching or not. */
export function HistoryCoverage({
  coverage,
  iban,
  fetch,
}: {
  coverage: SearchCoverage;
  iban: string | null;
  fetch: WholeHistoryFetch;
}) {
  const t = useT();
  const intl = useIntl();
  const { outcome, failure, running } = fetch;
  return (
    <div className="search-coverage" data-testid="search-coverage">
      <p className="search-coverage-text">
        {coverageText(intl, coverage)}
        {outcome && !outcome.cancelled && !outcome.complete && (
          <> {t("search.wholeHistory.bankLimit")}</>
        )}
      </p>
      {!running && !coverage.complete && (
        <button type="button" className="button small" onClick={() => fetch.start(iban)}>
          {t("search.wholeHistory.fetch")}
        </button>
      )}
      {failure && !running && (
        <SyncFailureNotice failure={toCommandError(failure)} task="fetchWholeHistory" />
      )}
    </div>
  );
}
