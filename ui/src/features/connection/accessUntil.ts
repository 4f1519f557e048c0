import type { IntlShape } from "react-intl";

/** The consent's end (RFC 3339) as a moment, or null when there is none or it is not a date. */
function consentEnd(consentExpiresAt: string | null): Date | null {
  if (consentExpiresAt === null) {
    return null;
  }
  const end = new Date(consentExpiresAt);
  return Number.isNaN(end.getTime()) ? null : end;
}

/** The bank's consent ran out by `now`: its data can only be had again by reconnecting. */
export function consentHasEnded(consentExpiresAt: string | null, now: number): boolean {
  const end = consentEnd(consentExpiresAt);
  return end !== null && end.getTime() <= now;
}

/** "Access until 5 June 2026" ("Prístup do 5. júna 2026") for a consent's end (RFC 3339), in
 * the active language and locale, or null when there is none. */
export function formatAccessUntil(intl: IntlShape, consentExpiresAt: string | null): string | null {
  const end = consentEnd(consentExpiresAt);
  if (end === null) {
    return null;
  }
  const date = intl.formatDate(end, { dateStyle: "long" });
  return intl.formatMessage({ id: "connection.accessUntil" }, { date });
}

/** A connection's state as its bank's group says it: until when Bankbook may read the bank, or
 * that it may no longer (the end date passed, or the bank said so); null when nothing is known. */
export function formatAccessState(
  intl: IntlShape,
  consentExpiresAt: string | null,
  ended: boolean,
): string | null {
  return ended
    ? intl.formatMessage({ id: "connection.accessEnded" })
    : formatAccessUntil(intl, consentExpiresAt);
}
