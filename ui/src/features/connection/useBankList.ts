import { useQuery } from "@tanstack/react-query";
import { listBanks } from "../../ipc";

/** The query key of the banks the user can connect; invalidate it when a bank is added, renamed
 * or removed. */
export const BANK_LIST_KEY = ["banks"] as const;

/** The banks the user can connect: the configured ones and the Demo Bank, and what is wrong with
 * `banks.toml` when only the Demo Bank could be listed. */
export function useBankList() {
  return useQuery({ queryKey: BANK_LIST_KEY, queryFn: listBanks });
}
