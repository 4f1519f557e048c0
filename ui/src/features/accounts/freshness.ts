/** "Updated 5 minutes ago" for a balance fetched at `fetchedAt` (RFC 3339), seen at `now`. */
export function formatUpdated(fetchedAt: string | null, now: number): string {
  if (fetchedAt === null) {
    return "Not updated yet";
  }
  const fetched = Date.parse(fetchedAt);
  if (Number.isNaN(fetched)) {
    return "Not updated yet";
  }
  // A clock that runs a little behind the one that stamped the fetch still says "just now".
  const minutes = Math.floor(Math.max(0, now - fetched) / 60_000);
  if (minutes < 1) {
    return "Updated just now";
  }
  if (minutes < 60) {
    return `Updated ${count(minutes, "minute")} ago`;
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    return `Updated ${count(hours, "hour")} ago`;
  }
  return `Updated ${count(Math.floor(hours / 24), "day")} ago`;
}

function count(amount: number, unit: string): string {
  return `${amount} ${unit}${amount === 1 ? "" : "s"}`;
}
