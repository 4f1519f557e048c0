/** "Access until 5 June 2026" for a consent's end (RFC 3339), or null when there is none. */
export function formatAccessUntil(consentExpiresAt: string | null, locale?: string): string | null {
  if (consentExpiresAt === null) {
    return null;
  }
  const end = new Date(consentExpiresAt);
  if (Number.isNaN(end.getTime())) {
    return null;
  }
  return `Access until ${new Intl.DateTimeFormat(locale, { dateStyle: "long" }).format(end)}`;
}
