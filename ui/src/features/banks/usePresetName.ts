import { useCallback } from "react";
import { useT } from "../../i18n/useT";
import type { BankPreset } from "../../ipc";

/** A preset as the person reads it, and the display name it fills in: the bank's own name, with
 * the sandbox said in the active language ("Tatra banka (sandbox)"), so the sandbox and the live
 * bank can be told apart, in the list and once both are added. */
export function usePresetName(): (preset: BankPreset) => string {
  const t = useT();
  return useCallback(
    (preset) =>
      preset.environment === "sandbox"
        ? t("banks.preset.sandbox", { name: preset.name })
        : preset.name,
    [t],
  );
}
