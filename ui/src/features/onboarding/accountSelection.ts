import type { AccountChoice } from "../../ipc";

/** The ticks the account list starts with: the accounts shown today, when there are any; else
 * the only account, when there is just one; else none, so the user decides. */
export function initialSelection(
  accounts: AccountChoice[],
  shownToday: AccountChoice[],
): ReadonlySet<string> {
  const offered = new Set(accounts.map((account) => account.iban));
  const kept = shownToday.map((account) => account.iban).filter((iban) => offered.has(iban));
  if (kept.length > 0) {
    return new Set(kept);
  }
  const [only] = accounts;
  return accounts.length === 1 && only ? new Set([only.iban]) : new Set();
}

export function toggled(selection: ReadonlySet<string>, iban: string): ReadonlySet<string> {
  const next = new Set(selection);
  if (!next.delete(iban)) {
    next.add(iban);
  }
  return next;
}

/** How much of the list is ticked, for the "Select all" box. */
export function coverage(
  accounts: AccountChoice[],
  selection: ReadonlySet<string>,
): "none" | "some" | "all" {
  const ticked = accounts.filter((account) => selection.has(account.iban)).length;
  if (ticked === 0) {
    return "none";
  }
  return ticked === accounts.length ? "all" : "some";
}
