import type { IntlShape } from "react-intl";

/** "Access until 5 June 2026" ("Prístup do 5. júna 2026") for a consent's end (RFC 3339), in
 * the active language and locale, or null when there is none. */
export function formatAccessUntil(intl: IntlShape, consentExpiresAt: string | null): string | null {
  if (consentExpiresAt === null) {
    return null;
  }
  const end = new Date(consentExpiresAt);
  if (Number.isNaN(end.getTime())) {
    return null;
  }
  const date = intl.formatDate(end, { dateStyle: "long" });
  return intl.formatMessage({ id: "connection.accessUntil" }, { date });
}
