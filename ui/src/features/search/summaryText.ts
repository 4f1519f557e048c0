// The words above a search's results: how many matched and their sums, what the search did not
// read as typed, and how much of the history it looked through. Money stays decimal text until
// formatMoney formats it.

import type { IntlShape } from "react-intl";
import { formatCalendarDay } from "../../format/calendarDay";
import type { MessageId } from "../../i18n/catalogs";
import type { QueryNote, QueryNoteKind, SearchCoverage, SearchSummary } from "../../ipc";
import { formatMoney } from "../money/formatMoney";

/** "128 transactions", then per currency "In +1 234,50 €" and "Out −987,65 €" (a side with no
 * entries is left out): the parts of the summary line, in order. */
export function summaryParts(intl: IntlShape, summary: SearchSummary): string[] {
  const parts = [intl.formatMessage({ id: "search.summary.count" }, { count: summary.count })];
  const money = (amount: string, currency: string) =>
    formatMoney(amount, currency, { locale: intl.locale, sign: "always" });
  for (const totals of summary.totals) {
    if (totals.incomingCount > 0) {
      parts.push(
        intl.formatMessage(
          { id: "search.summary.in" },
          { amount: money(totals.incoming, totals.currency) },
        ),
      );
    }
    if (totals.outgoingCount > 0) {
      parts.push(
        intl.formatMessage(
          { id: "search.summary.out" },
          { amount: money(totals.outgoing, totals.currency) },
        ),
      );
    }
  }
  return parts;
}

// Every kind Rust sends has its words; `noteText` leaves out a kind from a newer Rust.
const NOTE: Record<QueryNoteKind, MessageId> = {
  notAnAmount: "search.note.notAnAmount",
  tooLong: "search.note.tooLong",
  tooManyWords: "search.note.tooManyWords",
  ignoredWords: "search.note.ignoredWords",
  extraAmount: "search.note.extraAmount",
  badDateRange: "search.note.badDateRange",
};

/** A note in the person's words; null for a kind this UI does not know (a newer Rust), which is
 * left out rather than shown as its id. A limit (too long, too many words) comes as its number
 * in text and is shown in the locale's digits. */
export function noteText(intl: IntlShape, note: QueryNote): string | null {
  const id = Object.hasOwn(NOTE, note.kind) ? NOTE[note.kind] : null;
  if (id === null) {
    return null;
  }
  return intl.formatMessage({ id }, { text: note.text, limit: localNumber(intl, note.text) });
}

function localNumber(intl: IntlShape, text: string): string {
  // A count, not money: a JS number is exact for it.
  return /^\d+$/.test(text) ? intl.formatNumber(Number(text)) : text;
}

/** "Searched history stored since 3 March 2026", or that it was all of it. */
export function coverageText(intl: IntlShape, coverage: SearchCoverage): string {
  if (coverage.complete) {
    return intl.formatMessage({ id: "search.coverage.complete" });
  }
  if (coverage.storedSince === null) {
    return intl.formatMessage({ id: "search.coverage.nothing" });
  }
  const date = formatCalendarDay(coverage.storedSince, intl.locale);
  return intl.formatMessage({ id: "search.coverage.since" }, { date });
}
