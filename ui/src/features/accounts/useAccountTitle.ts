import { useT } from "../../i18n/useT";
import type { AccountChoice } from "../../ipc";
import { accountTitle } from "./format";

/** What an account is called, "Account" ("Účet") when the bank gave it neither name nor
 * product. */
export function useAccountTitle(): (account: AccountChoice) => string {
  const t = useT();
  return (account) => accountTitle(account) ?? t("accounts.unnamed");
}
