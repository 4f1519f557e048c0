import { testIntl } from "../../test/intl";
import { formatUpdated } from "./freshness";

const NOW = Date.parse("2026-11-20T12:00:00Z");
const ago = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();
const en = testIntl("en");
const sk = testIntl("sk");

describe("formatUpdated", () => {
  it("says when the balances were fetched, in the largest whole unit", () => {
    expect(formatUpdated(en, ago(0.5), NOW)).toBe("Updated just now");
    expect(formatUpdated(en, ago(1), NOW)).toBe("Updated 1 minute ago");
    expect(formatUpdated(en, ago(59), NOW)).toBe("Updated 59 minutes ago");
    expect(formatUpdated(en, ago(60), NOW)).toBe("Updated 1 hour ago");
    expect(formatUpdated(en, ago(60 * 23 + 59), NOW)).toBe("Updated 23 hours ago");
    expect(formatUpdated(en, ago(60 * 24), NOW)).toBe("Updated yesterday");
    expect(formatUpdated(en, ago(60 * 24 * 3), NOW)).toBe("Updated 3 days ago");
  });

  it("says it in Slovak, each count in its own case", () => {
    expect(formatUpdated(sk, ago(0.5), NOW)).toBe("Aktualizované práve teraz");
    expect(formatUpdated(sk, ago(1), NOW)).toBe("Aktualizované pred 1 minútou");
    expect(formatUpdated(sk, ago(5), NOW)).toBe("Aktualizované pred 5 minútami");
    expect(formatUpdated(sk, ago(120), NOW)).toBe("Aktualizované pred 2 hodinami");
    expect(formatUpdated(sk, ago(60 * 24), NOW)).toBe("Aktualizované včera");
    expect(formatUpdated(sk, ago(60 * 24 * 2), NOW)).toBe("Aktualizované predvčerom");
    expect(formatUpdated(sk, ago(60 * 24 * 3), NOW)).toBe("Aktualizované pred 3 dňami");
    expect(formatUpdated(sk, null, NOW)).toBe("Zatiaľ neaktualizované");
  });

  it("says so when there is nothing fetched yet", () => {
    expect(formatUpdated(en, null, NOW)).toBe("Not updated yet");
    expect(formatUpdated(en, "yesterday", NOW)).toBe("Not updated yet");
  });

  it("treats a fetch stamped slightly in the future as just now", () => {
    expect(formatUpdated(en, ago(-2), NOW)).toBe("Updated just now");
  });
});
