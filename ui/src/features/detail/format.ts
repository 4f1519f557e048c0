// How the detail panel writes what it shows and what it copies. IBANs are grouped as
// features/accounts/format.ts groups them; that module is not imported, as the accounts window
// mounts this panel and the two folders must not import each other.

/** An IBAN as people read it: upper case, in groups of four. */
export function groupedIban(iban: string): string {
  return (
    compactIban(iban)
      .match(/.{1,4}/g)
      ?.join(" ") ?? ""
  );
}

/** An IBAN as forms and banking apps take it when pasted: no spaces. */
export function compactIban(iban: string): string {
  return iban.replace(/\s+/g, "").toUpperCase();
}

/** "20 November 2026" for "2026-11-20": a calendar day with no time or zone, formatted in UTC so
 * it can never slip to its neighbour; text that is not such a day is shown as it came. */
export function formatCalendarDay(date: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) {
    return date;
  }
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(
    Date.UTC(year, month - 1, day),
  );
}
