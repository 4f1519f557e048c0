import type { IntlShape } from "react-intl";

/** From this many days before the consent ends, its bank's group asks to renew it. */
export const RENEWAL_NOTICE_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

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

/** Days until the consent ends, counted as the calendar counts them in the person's time zone
 * (0: it ends today); null when its end is not known or has passed. Calendar days, not spans
 * of 24 hours: the end the bank says comes a few seconds either side of a whole number of days
 * after a consent. */
export function daysLeft(consentExpiresAt: string | null, now: number): number | null {
  const end = consentEnd(consentExpiresAt);
  if (end === null || end.getTime() <= now) {
    return null;
  }
  // Rounded: a day with a summer-time change lasts 23 or 25 hours.
  return Math.round((startOfDay(end.getTime()) - startOfDay(now)) / DAY_MS);
}

function startOfDay(moment: number): number {
  const day = new Date(moment);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

/** Whether the consent ends within the renewal notice's days: time to ask for a new one. */
export function renewalDue(consentExpiresAt: string | null, now: number): boolean {
  const days = daysLeft(consentExpiresAt, now);
  return days !== null && days <= RENEWAL_NOTICE_DAYS;
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

/** A connection's state as its bank's group says it: "Access ends in 12 days (5 June 2026)",
 * or that Bankbook may no longer read the bank (the end date passed, or the bank said so); null
 * when nothing is known. */
export function formatAccessState(
  intl: IntlShape,
  consentExpiresAt: string | null,
  ended: boolean,
  now: number,
): string | null {
  if (ended) {
    return intl.formatMessage({ id: "connection.accessEnded" });
  }
  const end = consentEnd(consentExpiresAt);
  const days = daysLeft(consentExpiresAt, now);
  if (end === null || days === null) {
    return formatAccessUntil(intl, consentExpiresAt);
  }
  const date = intl.formatDate(end, { dateStyle: "long" });
  return intl.formatMessage({ id: "connection.accessEndsIn" }, { days, date });
}
