import { testIntl } from "../../test/intl";
import { formatAccessUntil } from "./accessUntil";

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
