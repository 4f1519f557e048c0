import { compactIban, formatCalendarDay, groupedIban } from "./format";

describe("IBANs", () => {
  it("are shown in groups of four and copied without spaces", () => {
    expect(groupedIban("sk89 75000000000012345671")).toBe("SK89 7500 0000 0000 1234 5671");
    expect(compactIban("SK89 7500 0000 0000 1234 5671")).toBe("SK8975000000000012345671");
  });
});

describe("formatCalendarDay", () => {
  it("writes the day in the locale, never slipping to its neighbour", () => {
    expect(formatCalendarDay("2026-03-01", "en-GB")).toBe("1 March 2026");
    expect(formatCalendarDay("2026-12-31", "sk-SK")).toBe("31. decembra 2026");
  });

  it("shows what is not a calendar day as it came", () => {
    expect(formatCalendarDay("yesterday", "en-GB")).toBe("yesterday");
  });
});
