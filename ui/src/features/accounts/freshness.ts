import type { IntlShape } from "react-intl";

/** "Updated 5 minutes ago" ("Aktualizované pred 5 minútami"), "Updated yesterday", for a
 * balance fetched at `fetchedAt` (RFC 3339), seen at `now`, in the active language. */
export function formatUpdated(intl: IntlShape, fetchedAt: string | null, now: number): string {
  const fetched = fetchedAt === null ? Number.NaN : Date.parse(fetchedAt);
  if (Number.isNaN(fetched)) {
    return intl.formatMessage({ id: "accounts.freshness.never" });
  }
  // A clock that runs a little behind the one that stamped the fetch still says "just now".
  const minutes = Math.floor(Math.max(0, now - fetched) / 60_000);
  if (minutes < 1) {
    return intl.formatMessage({ id: "accounts.freshness.justNow" });
  }
  const hours = Math.floor(minutes / 60);
  const [amount, unit]: [number, Intl.RelativeTimeFormatUnit] =
    minutes < 60
      ? [minutes, "minute"]
      : hours < 24
        ? [hours, "hour"]
        : [Math.floor(hours / 24), "day"];
  // "auto": a day ago is "yesterday" ("včera"), as people say it, not "1 day ago".
  const ago = intl.formatRelativeTime(-amount, unit, { numeric: "auto" });
  return intl.formatMessage({ id: "accounts.freshness.ago" }, { ago });
}
