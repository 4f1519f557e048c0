import { testIntl } from "../../test/intl";
import {
  consentHasEnded,
  daysLeft,
  formatAccessState,
  formatAccessUntil,
  renewalDue,
} from "./accessUntil";

describe("formatAccessUntil", () => {
  it("says until which day the bank allows access", () => {
    expect(formatAccessUntil(testIntl("en"), "2026-06-05T10:00:00Z")).toBe(
      "Access until 5 June 2026",
    );
    expect(formatAccessUntil(testIntl("sk"), "2026-06-05T10:00:00Z")).toBe(
      "Prístup do 5. júna 2026",
    );
  });

  it("says nothing without a valid date", () => {
    expect(formatAccessUntil(testIntl(), null)).toBeNull();
    expect(formatAccessUntil(testIntl(), "soon")).toBeNull();
  });
});

describe("consentHasEnded", () => {
  const now = Date.parse("2026-06-05T10:00:00Z");

  it("is over from the moment it ends", () => {
    expect(consentHasEnded("2026-06-05T09:59:59Z", now)).toBe(true);
    expect(consentHasEnded("2026-06-05T10:00:00Z", now)).toBe(true);
    expect(consentHasEnded("2026-06-05T10:00:01Z", now)).toBe(false);
  });

  it("is not over without a known end", () => {
    expect(consentHasEnded(null, now)).toBe(false);
    expect(consentHasEnded("soon", now)).toBe(false);
  });
});

describe("formatAccessState", () => {
  // Local times: days are counted as the person's calendar counts them.
  const now = new Date(2027, 1, 16, 10, 0).getTime();
  const local = (day: number, hours: number) => new Date(2027, 1, day, hours, 0).toISOString();

  it("says in how many days access ends, and on which day, or that it has ended", () => {
    expect(formatAccessState(testIntl("en"), local(28, 9), false, now)).toBe(
      "Access ends in 12 days (28 February 2027)",
    );
    expect(formatAccessState(testIntl("en"), local(17, 1), false, now)).toBe(
      "Access ends in 1 day (17 February 2027)",
    );
    expect(formatAccessState(testIntl("en"), local(16, 18), false, now)).toBe(
      "Access ends today (16 February 2027)",
    );
    expect(formatAccessState(testIntl("en"), local(28, 9), true, now)).toBe("Access ended");
    expect(formatAccessState(testIntl("sk"), null, true, now)).toBe("Prístup skončil");
    expect(formatAccessState(testIntl("en"), null, false, now)).toBeNull();
  });

  it("counts the days in Slovak's plural forms", () => {
    const sk = testIntl("sk");
    expect(formatAccessState(sk, local(17, 9), false, now)).toBe(
      "Prístup skončí o 1 deň (17. februára 2027)",
    );
    expect(formatAccessState(sk, local(19, 9), false, now)).toBe(
      "Prístup skončí o 3 dni (19. februára 2027)",
    );
    expect(formatAccessState(sk, local(28, 9), false, now)).toBe(
      "Prístup skončí o 12 dní (28. februára 2027)",
    );
    expect(formatAccessState(sk, local(16, 23), false, now)).toBe(
      "Prístup skončí dnes (16. februára 2027)",
    );
  });
});

describe("daysLeft and renewalDue", () => {
  const now = new Date(2027, 1, 16, 10, 0).getTime();
  const local = (day: number, hours: number, seconds = 0) =>
    new Date(2027, 1, day, hours, 0, seconds).toISOString();

  it("counts calendar days, whatever the hour", () => {
    // 90 days after a consent, a few seconds either side, is 90 days.
    expect(daysLeft(new Date(now + 90 * 86_400_000 + 20_000).toISOString(), now)).toBe(90);
    expect(daysLeft(new Date(now + 90 * 86_400_000 - 20_000).toISOString(), now)).toBe(90);
    expect(daysLeft(local(16, 10, 1), now)).toBe(0);
    expect(daysLeft(local(16, 10), now)).toBeNull();
  });

  it("asks to renew from seven days before the end, never after it", () => {
    expect(renewalDue(local(24, 0), now)).toBe(false);
    expect(renewalDue(local(23, 23), now)).toBe(true);
    expect(renewalDue(local(16, 10, 1), now)).toBe(true);
    expect(renewalDue(local(16, 10), now)).toBe(false);
    expect(renewalDue(null, now)).toBe(false);
  });
});
