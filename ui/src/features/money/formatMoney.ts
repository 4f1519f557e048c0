// Money arrives from Rust as decimal text ("-1520.35") and stays text until Intl formats it:
// Intl.NumberFormat formats a decimal string exactly (ECMA-402 "NumberFormat v3"), so no amount
// ever becomes a JS number and loses digits on the way to the screen.

/** Plain decimal text as Rust sends it: an optional sign, digits, an optional fraction. */
const DECIMAL_TEXT = /^[+-]?\d+(?:\.\d+)?$/;

/** Which way money moved; a zero (even "-0.00") moved neither way. */
export type Direction = "credit" | "debit" | "zero";

export type MoneyFormat = {
  /** A BCP 47 tag; the user's own locale when left out. */
  locale?: string | undefined;
  /** "always": a "+" on credits too, as a list of movements shows them; "auto": a minus only;
   * "never": the size alone, for words that say the direction. */
  sign?: "auto" | "always" | "never";
};

/** The typographic minus (U+2212): wider and clearer than the hyphen many locales use. */
const MINUS = "\u2212";

/** The most fraction digits every engine accepts (older ones stop at 20; newer allow 100). */
const MAX_FRACTION_DIGITS = 20;

export function isDecimalText(text: string): text is Intl.StringNumericLiteral {
  return DECIMAL_TEXT.test(text);
}

export function direction(amount: string): Direction {
  const text = amount.trim();
  if (/^[+-]?0*(?:\.0*)?$/.test(text)) {
    return "zero";
  }
  return text.startsWith("-") ? "debit" : "credit";
}

/** "−€1,520.35" for "-1520.35" EUR: the currency's own digits, more when the bank sent more,
 * so a figure is never rounded. Text that is not a decimal is shown as it came, never as NaN. */
export function formatMoney(amount: string, currency: string, format: MoneyFormat = {}): string {
  const text = amount.trim();
  if (!isDecimalText(text)) {
    return `${amount} ${currency}`.trim();
  }
  const { formatter, suffix } = moneyFormatter(currency, significantFractionDigits(text), format);
  const figure = formatter
    .formatToParts(text)
    .map((part) => (part.type === "minusSign" ? MINUS : part.value))
    .join("");
  return figure + suffix;
}

/** Fraction digits that carry value: "1.500" has one, "0.005" has three. */
function significantFractionDigits(text: string): number {
  const fraction = text.split(".")[1] ?? "";
  return fraction.replace(/0+$/, "").length;
}

/** A formatter, and what follows its figure: the code of a currency Intl cannot format. */
type MoneyFormatter = { formatter: Intl.NumberFormat; suffix: string };

const formatters = new Map<string, MoneyFormatter>();

/** Formatters are costly to build and a list formats hundreds of amounts: each is kept. */
function moneyFormatter(
  currency: string,
  fractionDigits: number,
  { locale, sign = "auto" }: MoneyFormat,
): MoneyFormatter {
  const key = `${locale ?? ""}|${currency}|${sign}|${fractionDigits}`;
  let entry = formatters.get(key);
  if (!entry) {
    entry = buildFormatter(currency, fractionDigits, locale, sign);
    formatters.set(key, entry);
  }
  return entry;
}

function buildFormatter(
  currency: string,
  fractionDigits: number,
  locale: string | undefined,
  sign: "auto" | "always" | "never",
): MoneyFormatter {
  const signDisplay = sign === "always" ? "exceptZero" : sign;
  const known = isCurrencyCode(currency);
  const base: Intl.NumberFormatOptions = known
    ? { style: "currency", currency, signDisplay }
    : { style: "decimal", minimumFractionDigits: 2, signDisplay };
  const usual = new Intl.NumberFormat(locale, base).resolvedOptions().maximumFractionDigits ?? 2;
  // Counts of digits, not amounts: the precision grows to show every digit the bank sent.
  const maximumFractionDigits = Math.min(Math.max(usual, fractionDigits), MAX_FRACTION_DIGITS);
  return {
    formatter: new Intl.NumberFormat(locale, { ...base, maximumFractionDigits }),
    suffix: known ? "" : ` ${currency}`.trimEnd(),
  };
}

/** Intl refuses a malformed code ("EURO", ""); the figure must still show. */
function isCurrencyCode(currency: string): boolean {
  return /^[A-Za-z]{3}$/.test(currency);
}
