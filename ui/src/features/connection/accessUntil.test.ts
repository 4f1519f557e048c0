import { formatAccessUntil } from "./accessUntil";

describe("formatAccessUntil", () => {
  it("says until which day the bank allows access", () => {
    expect(formatAccessUntil("2026-06-05T10:00:00Z", "en-GB")).toBe("Access until 5 June 2026");
  });

  it("says nothing without a valid date", () => {
    expect(formatAccessUntil(null)).toBeNull();
    expect(formatAccessUntil("soon")).toBeNull();
  });
});
