import { describe, expect, it } from "vitest";
import { monthDates } from "./monthDates";

describe("monthDates", () => {
  it("spans the whole month, leap years included", () => {
    expect(monthDates("2026-03")).toEqual({ dateFrom: "2026-03-01", dateTo: "2026-03-31" });
    expect(monthDates("2028-02")).toEqual({ dateFrom: "2028-02-01", dateTo: "2028-02-29" });
    expect(monthDates("2026-11")).toEqual({ dateFrom: "2026-11-01", dateTo: "2026-11-30" });
  });
});
