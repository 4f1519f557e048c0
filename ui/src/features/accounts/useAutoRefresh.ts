import { useEffect, useEffectEvent, useRef } from "react";
import { useRustEvent } from "../../hooks/useRustEvent";
import { type AccountOverview, onConsentFinished } from "../../ipc";

/** Refreshes with the person there, without their click: once when the window opens on stale
 * balances (or shows new accounts that are), and once when a consent at the bank was just given
 * (the person renewed or reconnected it). While the window stays open, the refreshes made on
 * their own are Rust's, within the bank's four a day (`refresh_on_its_own`). */
export function useAutoRefresh({
  bankId,
  overviews,
  refresh,
  refreshAfterConsent,
}: {
  bankId: string;
  overviews: readonly AccountOverview[] | undefined;
  refresh: () => void;
  /** A consent just given: refreshes even a bank whose earlier consent was seen to end. */
  refreshAfterConsent: () => void;
}) {
  const startRefresh = useEffectEvent(refresh);

  const refreshedFor = useRef<string | null>(null);
  const accountsKey = overviews?.map((overview) => overview.account.iban).join(" ") ?? null;
  const anyStale = overviews?.some((overview) => overview.stale) ?? false;
  useEffect(() => {
    if (anyStale && accountsKey !== null && refreshedFor.current !== accountsKey) {
      refreshedFor.current = accountsKey;
      startRefresh();
    }
  }, [anyStale, accountsKey]);

  useRustEvent(
    onConsentFinished,
    (outcome) => {
      if (outcome.ok && outcome.bankId === bankId) {
        refreshAfterConsent();
      }
    },
    "consent-finished",
  );
}
