import { useIntl } from "react-intl";
import { useT } from "../../i18n/useT";
import { type SearchCoverage, toCommandError } from "../../ipc";
import { SyncFailureNotice } from "../connection/SyncFailureNotice";
import { coverageText } from "./summaryText";
import type { WholeHistoryFetch } from "./useWholeHistoryFetch";
import { WholeHistoryProgress } from "./WholeHistoryProgress";

/** How far back the search looked, and while the stored history is not whole, the way to fetch
 * the rest (`iban`: the searched account, null: every shown account): its progress, Cancel, and
 * how it ended. */
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
      {running ? (
        <WholeHistoryProgress onCancel={fetch.cancel} />
      ) : (
        !coverage.complete && (
          <button type="button" className="button small" onClick={() => fetch.start(iban)}>
            {t("search.wholeHistory.fetch")}
          </button>
        )
      )}
      {failure && !running && (
        <SyncFailureNotice failure={toCommandError(failure)} task="fetchWholeHistory" />
      )}
    </div>
  );
}
