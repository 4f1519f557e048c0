import { transaction } from "../../test/fixtures";
import { transactionText } from "./transactionText";

describe("transactionText", () => {
  it("names the counterparty, with the message and the bank's note below", () => {
    const text = transactionText(
      transaction("a", {
        counterpartyName: "Kaufland",
        description: "Groceries",
        bankNote: "Card payment",
      }),
    );
    expect(text).toEqual({
      title: "Kaufland",
      details: "Groceries · Card payment",
      symbols: null,
    });
  });

  it("falls back to the bank's note, then the message", () => {
    expect(
      transactionText(transaction("a", { counterpartyName: null, bankNote: "ATM withdrawal" })),
    ).toMatchObject({ title: "ATM withdrawal", details: null });
    expect(
      transactionText(
        transaction("a", { counterpartyName: " ", bankNote: null, description: "Interest" }),
      ),
    ).toMatchObject({ title: "Interest", details: null });
    expect(
      transactionText(transaction("a", { counterpartyName: null, bankNote: null })).title,
    ).toBeNull();
  });

  it("lists the payment symbols that are present", () => {
    expect(
      transactionText(
        transaction("a", {
          variableSymbol: "2026001",
          specificSymbol: null,
          constantSymbol: "0308",
        }),
      ).symbols,
    ).toBe("VS 2026001 · KS 0308");
    expect(transactionText(transaction("a", { specificSymbol: "77" })).symbols).toBe("SS 77");
  });
});
