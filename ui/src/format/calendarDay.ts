// A calendar day ("2026-11-20": no time, no zone), as the bank and the store give it.

/** "20 November 2026" for "2026-11-20", in `locale`: formatted in UTC, so the day can never slip
 * to its neighbour; text that is not such a day (not the shape, or no such date) is shown as it
 * came rather than dropped. */
export function formatCalendarDay(text: string, locale: string): string {
  const day = calendarDay(text);
  if (day === null) {
    return text;
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(day);
}

/** Midnight UTC of a "YYYY-MM-DD"; null if it is not a day ("2026-02-30" included). */
export function calendarDay(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) {
    return null;
  }
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const moment = new Date(Date.UTC(year, month - 1, day));
  return moment.getUTCMonth() === month - 1 && moment.getUTCDate() === day ? moment : null;
}
