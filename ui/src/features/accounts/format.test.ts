import type { AccountChoice } from "../../ipc";
import { accountProduct, accountTitle, shortIban } from "./format";

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
