import type { AccountChoice } from "../../ipc";
import { coverage, initialSelection, toggled } from "./accountSelection";

const account = (iban: string): AccountChoice => ({
  iban,
  name: null,
  currency: "EUR",
  product: null,
});
const [a, b, c] = [account("A"), account("B"), account("C")];

describe("initialSelection", () => {
  it("ticks nothing among several accounts, so the user decides", () => {
    expect([...initialSelection([a, b], [])]).toEqual([]);
  });

  it("ticks a single account", () => {
    expect([...initialSelection([a], [])]).toEqual(["A"]);
  });

  it("keeps the accounts shown today that are still offered", () => {
    expect([...initialSelection([a, b, c], [b, account("gone")])]).toEqual(["B"]);
  });
});

describe("toggled and coverage", () => {
  it("tick and untick, and say how much is ticked", () => {
    const one = toggled(new Set(), "A");
    expect(coverage([a, b], one)).toBe("some");
    expect(coverage([a, b], toggled(one, "B"))).toBe("all");
    expect(coverage([a, b], toggled(one, "A"))).toBe("none");
  });
});
