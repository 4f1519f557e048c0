import { formatUpdated } from "./freshness";

const NOW = Date.parse("2026-11-20T12:00:00Z");
const ago = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();

describe("formatUpdated", () => {
  it("says when the balances were fetched, in the largest whole unit", () => {
    expect(formatUpdated(ago(0.5), NOW)).toBe("Updated just now");
    expect(formatUpdated(ago(1), NOW)).toBe("Updated 1 minute ago");
    expect(formatUpdated(ago(59), NOW)).toBe("Updated 59 minutes ago");
    expect(formatUpdated(ago(60), NOW)).toBe("Updated 1 hour ago");
    expect(formatUpdated(ago(60 * 23 + 59), NOW)).toBe("Updated 23 hours ago");
    expect(formatUpdated(ago(60 * 24 * 3), NOW)).toBe("Updated 3 days ago");
  });

  it("says so when there is nothing fetched yet", () => {
    expect(formatUpdated(null, NOW)).toBe("Not updated yet");
    expect(formatUpdated("yesterday", NOW)).toBe("Not updated yet");
  });

  it("treats a fetch stamped slightly in the future as just now", () => {
    expect(formatUpdated(ago(-2), NOW)).toBe("Updated just now");
  });
});
