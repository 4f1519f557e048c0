// How an IBAN is written, wherever one shows or is copied: the accounts window and the detail.

/** An IBAN as forms and banking apps take it when pasted: upper case, no spaces. */
export function compactIban(iban: string): string {
  return iban.replace(/\s+/g, "").toUpperCase();
}

/** An IBAN as people read and type it: upper case, in groups of four. */
export function groupedIban(iban: string): string {
  return (
    compactIban(iban)
      .match(/.{1,4}/g)
      ?.join(" ") ?? ""
  );
}
