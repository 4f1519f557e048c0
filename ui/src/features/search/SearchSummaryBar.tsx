import type { ReactNode } from "react";
import { useIntl } from "react-intl";
import { useT } from "../../i18n/useT";
import type { CommandError, SearchSummary } from "../../ipc";
import { SyncFailureNotice } from "../connection/SyncFailureNotice";
import { HistoryCoverage } from "./HistoryCoverage";
import { noteText, summaryParts } from "./summaryText";
import type { WholeHistoryFetch } from "./useWholeHistoryFetch";

/** Above the results: the count and sums of everything matched (not only what is loaded), what
 * the search did not read as typed, and how far back it looked. With nothing matched
 * (`empty`), the notes alone: the empty state says the rest. */
export function SearchSummaryBar({
  summary,
  failure,
  iban,
  fetch,
  empty,
}: {
  /** Undefined until the first summary comes. */
  summary: SearchSummary | undefined;
  failure: CommandError | null;
  /** The searched account; null: every shown account. */
  iban: string | null;
  fetch: WholeHistoryFetch;
  empty: boolean;
}) {
  const t = useT();
  const intl = useIntl();
  let totals: ReactNode = null;
  if (failure) {
    totals = <SyncFailureNotice failure={failure} task="search" />;
  } else if (!summary) {
    totals = <p className="search-totals">{t("search.summary.searching")}</p>;
  } else if (!empty) {
    totals = (
      <p className="search-totals" data-testid="search-totals">
        {summaryParts(intl, summary).map((part, index) => (
          // The parts of one line, in a fixed order: their place is their identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above.
          <span key={index} className="search-total">
            {part}
          </span>
        ))}
      </p>
    );
  }
  const notes = (summary?.notes ?? []).flatMap((note) => {
    const text = noteText(intl, note);
    return text === null ? [] : [{ key: `${note.kind}:${note.text}`, text }];
  });
  return (
    <section
      className="search-summary"
      aria-label={t("search.summary.label")}
      data-testid="search-summary"
    >
      {totals}
      {notes.length > 0 && (
        <ul className="search-notes" data-testid="search-notes">
          {notes.map((note) => (
            <li key={note.key}>{note.text}</li>
          ))}
        </ul>
      )}
      {summary && !empty && !failure && (
        <HistoryCoverage coverage={summary.coverage} iban={iban} fetch={fetch} />
      )}
    </section>
  );
}
