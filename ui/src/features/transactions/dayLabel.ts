// The list's date headers. Dates are calendar days ("2026-11-20") with no time or zone, so they
// are compared as text and formatted in UTC, where that day can never slip to its neighbour.

/** The words for the two days said by name, in the active language. */
export type DayNames = { today: string; yesterday: string };

/** "Today", "Yesterday", else the full date in the locale ("Friday, 20 November 2026",
 * "Piatok 20. novembra 2026"): a header, so it starts with a capital letter even where the
 * language writes its day names in lower case. `today` is passed in, so the labels are the same
 * in every test, on every day. */
export function dayLabel(date: string, today: Date, locale: string, names: DayNames): string {
  if (date === calendarDay(today)) {
    return names.today;
  }
  if (date === calendarDay(dayBefore(today))) {
    return names.yesterday;
  }
  const day = parseCalendarDay(date);
  return day === null ? date : capitalized(fullDateFormat(locale).format(day), locale);
}

function capitalized(text: string, locale: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) {
    return text;
  }
  const head = String.fromCodePoint(first);
  return head.toLocaleUpperCase(locale) + text.slice(head.length);
}

/** The local calendar day of a moment, as "YYYY-MM-DD". */
export function calendarDay(moment: Date): string {
  const year = String(moment.getFullYear()).padStart(4, "0");
  const month = String(moment.getMonth() + 1).padStart(2, "0");
  const day = String(moment.getDate()).padStart(2, "0");
  return `${year}-${month}-${day}`;
}

function dayBefore(moment: Date): Date {
  return new Date(moment.getFullYear(), moment.getMonth(), moment.getDate() - 1);
}

/** Midnight UTC of a "YYYY-MM-DD", or null when the text is not a real day. */
function parseCalendarDay(date: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) {
    return null;
  }
  const [, year, month, day] = match.map(Number);
  if (year === undefined || month === undefined || day === undefined) {
    return null;
  }
  const moment = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31 April over to 1 May; such a date is shown as it came instead.
  return moment.getUTCMonth() === month - 1 && moment.getUTCDate() === day ? moment : null;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function fullDateFormat(locale: string): Intl.DateTimeFormat {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: "full", timeZone: "UTC" });
    formats.set(locale, format);
  }
  return format;
}
