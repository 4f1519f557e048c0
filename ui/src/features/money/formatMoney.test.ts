import { direction, formatMoney, isDecimalText } from "./formatMoney";

const MINUS = "\u2212";

describe("formatMoney", () => {
  it("keeps every digit of an amount too large for a float", () => {
    expect(formatMoney("12345678901234567.1", "EUR", { locale: "en-GB" })).toBe(
      "€12,345,678,901,234,567.10",
    );
    expect(formatMoney("-98765432109876543.21", "EUR", { locale: "en-GB" })).toBe(
      `${MINUS}€98,765,432,109,876,543.21`,
    );
  });

  it("formats for the currency and the locale", () => {
    expect(formatMoney("-1520.35", "EUR", { locale: "en-GB" })).toBe(`${MINUS}€1,520.35`);
    expect(formatMoney("1520.3", "USD", { locale: "en-US" })).toBe("$1,520.30");
    expect(formatMoney("1520", "JPY", { locale: "en-GB" })).toBe("JP¥1,520");
    expect(formatMoney("-1520.35", "EUR", { locale: "sk-SK" })).toBe(
      `${MINUS}1\u00a0520,35\u00a0€`,
    );
  });

  it("writes Slovak amounts as Slovakia does: spaces between thousands, the euro after", () => {
    expect(formatMoney("1234.56", "EUR", { locale: "sk-SK" })).toBe("1\u00a0234,56\u00a0€");
  });

  it("shows the digits a bank sent beyond the currency's usual ones, never rounding them", () => {
    expect(formatMoney("0.005", "EUR", { locale: "en-GB" })).toBe("€0.005");
    expect(formatMoney("1.500", "EUR", { locale: "en-GB" })).toBe("€1.50");
  });

  it("signs movements both ways when asked, and a zero neither way", () => {
    const signed = { locale: "en-GB", sign: "always" } as const;
    expect(formatMoney("42.10", "EUR", signed)).toBe("+€42.10");
    expect(formatMoney("-42.10", "EUR", signed)).toBe(`${MINUS}€42.10`);
    expect(formatMoney("-0.00", "EUR", signed)).toBe("€0.00");
    expect(formatMoney("42.10", "EUR", { locale: "en-GB" })).toBe("€42.10");
  });

  it("shows what it cannot format as it came, never NaN", () => {
    expect(formatMoney("n/a", "EUR", { locale: "en-GB" })).toBe("n/a EUR");
    expect(formatMoney("1e3", "EUR", { locale: "en-GB" })).toBe("1e3 EUR");
    expect(formatMoney("12.5", "EURO", { locale: "en-GB" })).toBe("12.50 EURO");
  });
});

describe("direction", () => {
  it("reads the sign of the text", () => {
    expect(direction("-0.01")).toBe("debit");
    expect(direction("0.01")).toBe("credit");
    expect(direction("+7")).toBe("credit");
    expect(direction("-0.00")).toBe("zero");
    expect(direction("0")).toBe("zero");
  });
});

describe("isDecimalText", () => {
  it("accepts plain decimals only", () => {
    expect(isDecimalText("-1520.35")).toBe(true);
    expect(isDecimalText("7")).toBe(true);
    expect(isDecimalText("1.")).toBe(false);
    expect(isDecimalText("1,5")).toBe(false);
    expect(isDecimalText("Infinity")).toBe(false);
  });
});
