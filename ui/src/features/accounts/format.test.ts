import type { AccountChoice } from "../../ipc";
import { accountProduct, accountTitle, formatIban, shortIban } from "./format";

describe("formatIban", () => {
  it("groups the characters in fours, the last group shorter", () => {
    expect(formatIban("DE89370400440532013000")).toBe("DE89 3704 0044 0532 0130 00");
    expect(formatIban("NL91ABNA0417164300")).toBe("NL91 ABNA 0417 1643 00");
  });

  it("regroups spaced input and upper-cases it", () => {
    expect(formatIban(" gb29 nwbk6016 1331 9268 19 ")).toBe("GB29 NWBK 6016 1331 9268 19");
  });

  it("keeps short and empty input", () => {
    expect(formatIban("AT61")).toBe("AT61");
    expect(formatIban("")).toBe("");
  });
});

describe("shortIban", () => {
  it("keeps the country, the bank and the last four characters", () => {
    expect(shortIban("SK3111000000002944134433")).toBe("SK31 1100 … 4433");
    expect(shortIban("de89 3704 0044 0532 0130 00")).toBe("DE89 3704 … 3000");
  });

  it("keeps an IBAN too short to shorten", () => {
    expect(shortIban("NO9386011117")).toBe("NO93 8601 1117");
  });
});

describe("account naming", () => {
  const account = (name: string | null, product: string | null): AccountChoice => ({
    iban: "DE89370400440532013000",
    currency: "EUR",
    name,
    product,
  });

  it("prefers the name, then the product", () => {
    expect(accountTitle(account("Household", "Girokonto"))).toBe("Household");
    expect(accountTitle(account(null, "Girokonto"))).toBe("Girokonto");
    expect(accountTitle(account("  ", null))).toBeNull();
  });

  it("shows the product beside a name, never twice", () => {
    expect(accountProduct(account("Household", "Girokonto"))).toBe("Girokonto");
    expect(accountProduct(account(null, "Girokonto"))).toBeNull();
    expect(accountProduct(account("Savings", null))).toBeNull();
  });
});
