import { calendarDay, dayLabel as labelWith } from "./dayLabel";

const ENGLISH = { today: "Today", yesterday: "Yesterday" };
const dayLabel = (date: string, today: Date, locale: string) =>
  labelWith(date, today, locale, ENGLISH);

// Local time, as the user's clock reads it: late evening, where UTC may already be tomorrow.
const TODAY = new Date(2026, 10, 22, 23, 30);

describe("dayLabel", () => {
  it("names today and yesterday", () => {
    expect(dayLabel("2026-11-22", TODAY, "en-GB")).toBe("Today");
    expect(dayLabel("2026-11-21", TODAY, "en-GB")).toBe("Yesterday");
  });

  it("writes other days out in full, in the user's locale", () => {
    expect(dayLabel("2026-11-20", TODAY, "en-GB")).toBe("Friday, 20 November 2026");
    expect(dayLabel("2026-11-20", TODAY, "en-US")).toBe("Friday, November 20, 2026");
    expect(dayLabel("2026-11-20", TODAY, "de-DE")).toBe("Freitag, 20. November 2026");
  });

  it("starts a header with a capital letter where the language's day names are lower case", () => {
    const slovak = { today: "Dnes", yesterday: "Včera" };
    expect(labelWith("2026-11-20", TODAY, "sk-SK", slovak)).toBe("Piatok 20. novembra 2026");
    expect(labelWith("2026-11-22", TODAY, "sk-SK", slovak)).toBe("Dnes");
    expect(labelWith("2026-11-21", TODAY, "sk-SK", slovak)).toBe("Včera");
  });

  it("finds yesterday across a month and a year", () => {
    expect(dayLabel("2026-02-28", new Date(2026, 2, 1, 8), "en-GB")).toBe("Yesterday");
    expect(dayLabel("2025-12-31", new Date(2026, 0, 1, 0, 5), "en-GB")).toBe("Yesterday");
  });

  it("shows a date it cannot read as it came", () => {
    expect(dayLabel("2026-04-31", TODAY, "en-GB")).toBe("2026-04-31");
    expect(dayLabel("soon", TODAY, "en-GB")).toBe("soon");
  });
});

describe("calendarDay", () => {
  it("is the local day, zero-padded", () => {
    expect(calendarDay(new Date(2026, 0, 5, 0, 1))).toBe("2026-01-05");
    expect(calendarDay(TODAY)).toBe("2026-11-22");
  });
});
