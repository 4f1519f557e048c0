import { compactIban, groupedIban } from "../../format/iban";
import type { AccountChoice } from "../../ipc";

/** What an account is called: the name the user gave it at the bank, else its product; null
 * when it has neither (useAccountTitle then says "Account" in the active language). */
export function accountTitle(account: AccountChoice): string | null {
  return account.name?.trim() || account.product?.trim() || null;
}

/** The product, when the title is the account's own name and so does not already say it. */
export function accountProduct(account: AccountChoice): string | null {
  const product = account.product?.trim();
  return product && product !== accountTitle(account) ? product : null;
}

/** "SK31 1100 … 4433": enough of an IBAN to tell accounts apart in a narrow column. */
export function shortIban(iban: string): string {
  const compact = compactIban(iban);
  if (compact.length <= 12) {
    return groupedIban(compact);
  }
  return `${compact.slice(0, 4)} ${compact.slice(4, 8)} … ${compact.slice(-4)}`;
}
