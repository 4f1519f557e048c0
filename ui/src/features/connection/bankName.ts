import { useT } from "../../i18n/useT";
import type { BankChoice } from "../../ipc";

/** A bank's name as the user reads it: the built-in Demo Bank is named in the active language
 * ("Demo banka"); a configured bank keeps the name it was given. */
export function useBankName(): (bank: BankChoice) => string {
  const t = useT();
  return (bank) => (bank.isDemo ? t("common.demoBank") : bank.name);
}
