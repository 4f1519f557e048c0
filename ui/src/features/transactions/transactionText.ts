import type { TransactionView } from "../../ipc";

/** What a row says about an entry: who (or, for a card payment without a name, what), the
 * message, and the payment symbols Slovak transfers carry. Only the bank's own text: the row
 * words an entry with none in the active language. The symbols keep their Slovak abbreviations
 * (VS, SS, KS), as every Slovak payment order and statement prints them. */
export type TransactionText = {
  /** Null when the bank named nothing: no counterparty, note or message. */
  title: string | null;
  details: string | null;
  /** "VS 1234 · SS 56 · KS 0308": variable, specific and constant symbol, those present. */
  symbols: string | null;
};

export function transactionText(transaction: TransactionView): TransactionText {
  const name = present(transaction.counterpartyName);
  const note = present(transaction.bankNote);
  const description = present(transaction.description);
  const title = name ?? note ?? description;
  // The note says what kind of payment it was; it is only worth a line when it is not the title.
  const details = [description, name ? note : null].filter(
    (part): part is string => part !== null && part !== title,
  );
  const symbols = [
    symbol("VS", transaction.variableSymbol),
    symbol("SS", transaction.specificSymbol),
    symbol("KS", transaction.constantSymbol),
  ].filter((part): part is string => part !== null);
  return {
    title,
    details: details.length > 0 ? details.join(" · ") : null,
    symbols: symbols.length > 0 ? symbols.join(" · ") : null,
  };
}

function present(text: string | null): string | null {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
}

function symbol(label: string, value: string | null): string | null {
  const text = present(value);
  return text === null ? null : `${label} ${text}`;
}
