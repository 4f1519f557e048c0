import { testIntl } from "../../test/intl";
import { consentHasEnded, formatAccessState, formatAccessUntil } from "./accessUntil";

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
  it("says until when, or that access has ended", () => {
    expect(formatAccessState(testIntl("en"), "2027-02-28T09:00:00Z", false)).toBe(
      "Access until 28 February 2027",
    );
    expect(formatAccessState(testIntl("en"), "2027-02-28T09:00:00Z", true)).toBe("Access ended");
    expect(formatAccessState(testIntl("sk"), null, true)).toBe("Prístup skončil");
    expect(formatAccessState(testIntl("en"), null, false)).toBeNull();
  });
});
