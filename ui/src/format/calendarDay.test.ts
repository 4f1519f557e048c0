import { calendarDay, formatCalendarDay } from "./calendarDay";

describe("formatCalendarDay", () => {
  it("writes the day in the locale, never slipping to its neighbour", () => {
    expect(formatCalendarDay("2026-03-01", "en-GB")).toBe("1 March 2026");
    expect(formatCalendarDay("2026-12-31", "sk-SK")).toBe("31. decembra 2026");
  });

  it("shows what is not a calendar day as it came", () => {
    expect(formatCalendarDay("yesterday", "en-GB")).toBe("yesterday");
    expect(formatCalendarDay("2026-02-30", "en-GB")).toBe("2026-02-30");
  });
});

describe("calendarDay", () => {
  it("is midnight UTC of the day", () => {
    expect(calendarDay("2026-03-03")?.toISOString()).toBe("2026-03-03T00:00:00.000Z");
  });

  it("is null for no such day", () => {
    expect(calendarDay("2026-02-29")).toBeNull();
    expect(calendarDay("2026-13-01")).toBeNull();
    expect(calendarDay("2026-00-10")).toBeNull();
    expect(calendarDay("2026-3-3")).toBeNull();
  });
});
