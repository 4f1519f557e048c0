import { testIntl } from "../../test/intl";
import { automaticRefreshText } from "./automaticRefreshText";

// Local times: the line speaks the person's clock. Monday 30 November 2026, 9:15.
const NOW = new Date(2026, 10, 30, 9, 15).getTime();
const at = (day: number, hours: number, minutes: number) =>
  new Date(2026, 10, day, hours, minutes).toISOString();

describe("automaticRefreshText", () => {
  it("says how many are left today and around when the next one runs", () => {
    const text = automaticRefreshText(
      testIntl("en"),
      { left: 2, perDay: 4, nextAt: at(30, 14, 30) },
      NOW,
    );
    expect(text).toBe("2 of 4 automatic refreshes left today; next around 14:30");
  });

  it("names the day when the next one is not today", () => {
    const text = automaticRefreshText(
      testIntl("en"),
      { left: 0, perDay: 4, nextAt: new Date(2026, 11, 1, 8, 10).toISOString() },
      NOW,
    );
    expect(text).toBe("No automatic refreshes left today; next around Tue 08:10");
  });

  it("speaks Slovak, its plurals included", () => {
    const sk = testIntl("sk");
    expect(automaticRefreshText(sk, { left: 1, perDay: 4, nextAt: at(30, 14, 30) }, NOW)).toBe(
      "Dnes zostáva 1 zo 4 automatických obnovení; ďalšie okolo 14:30",
    );
    expect(automaticRefreshText(sk, { left: 3, perDay: 4, nextAt: at(30, 14, 30) }, NOW)).toBe(
      "Dnes zostávajú 3 zo 4 automatických obnovení; ďalšie okolo 14:30",
    );
  });

  it("says nothing when none is planned", () => {
    expect(automaticRefreshText(testIntl("en"), { left: 4, perDay: 4, nextAt: null }, NOW)).toBe(
      null,
    );
  });
});
