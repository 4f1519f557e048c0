import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type BankForm,
  type BankProfileView,
  type BankSettings,
  bankSettings,
  checkBank,
  removeBank,
  saveBank,
} from "../../ipc";
import { BANK_LIST_KEY } from "../connection/useBankList";
import { CONNECTION_STATUS_KEY } from "../connection/useConnectionStatus";

/** The query key of the bank profiles and presets this screen edits. */
export const BANK_SETTINGS_KEY = ["bankSettings"] as const;

/** The bank profiles (never a secret) and the presets the form offers. */
export function useBankSettings() {
  return useQuery({ queryKey: BANK_SETTINGS_KEY, queryFn: bankSettings });
}

/** Saves a bank; the saved profile replaces (or joins) the listed ones at once, and whatever
 * names or lists banks elsewhere reads them again. */
export function useSaveBank() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (form: BankForm) => saveBank(form),
    // The form it was called with holds the typed secret: dropped from the mutation cache as soon
    // as the form is gone, not kept for the cache's usual five minutes.
    gcTime: 0,
    onSuccess: (saved) => {
      queryClient.setQueryData<BankSettings>(BANK_SETTINGS_KEY, (settings) =>
        settings ? { ...settings, banks: withProfile(settings.banks, saved) } : settings,
      );
    },
    // A failure may come after the file was written (the keychain refused the secret): what is
    // listed is read again either way.
    onSettled: () => {
      void banksChanged(queryClient);
    },
  });
}

function withProfile(banks: BankProfileView[], saved: BankProfileView): BankProfileView[] {
  return banks.some((bank) => bank.id === saved.id)
    ? banks.map((bank) => (bank.id === saved.id ? saved : bank))
    : [...banks, saved];
}

/** Asks the bank whether it accepts the saved client settings. */
export function useCheckBank() {
  return useMutation({ mutationFn: (bankId: string) => checkBank(bankId) });
}

/** Removes a bank, its connection and its keychain entries; it leaves the list at once, and
 * `onRemoved` is told first (the row that asked is gone after). A failure may come after part of
 * it was done (disconnected, secret gone): everything is read again either way. */
export function useRemoveBank(onRemoved: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (bankId: string) => removeBank(bankId),
    onSuccess: (_, bankId) => {
      onRemoved();
      queryClient.setQueryData<BankSettings>(BANK_SETTINGS_KEY, (settings) =>
        settings
          ? { ...settings, banks: settings.banks.filter((bank) => bank.id !== bankId) }
          : settings,
      );
    },
    onSettled: () => {
      void banksChanged(queryClient);
    },
  });
}

/** The banks changed: this screen, the onboarding dialog's bank list and the connections (names,
 * a removed bank's connection) are read again. */
function banksChanged(queryClient: QueryClient) {
  return Promise.all(
    [BANK_SETTINGS_KEY, BANK_LIST_KEY, CONNECTION_STATUS_KEY].map((queryKey) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  );
}
