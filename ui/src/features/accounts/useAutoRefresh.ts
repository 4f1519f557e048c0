import { useEffect, useEffectEvent, useRef } from "react";
import type { AccountOverview } from "../../ipc";

/** Refreshes with the person there, without their click: once when the window opens on stale
 * balances (or shows new accounts that are), and once after a new consent, which shows as a new
 * end date (the person renewed or reconnected). While the window stays open, the refreshes
 * made on their own are Rust's, within the bank's four a day (`refresh_on_its_own`). */
export function useAutoRefresh({
  overviews,
  consentExpiresAt,
  refresh,
}: {
  overviews: readonly AccountOverview[] | undefined;
  consentExpiresAt: string | null;
  refresh: () => void;
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

  const consentSeen = useRef(consentExpiresAt);
  useEffect(() => {
    if (consentSeen.current !== consentExpiresAt) {
      consentSeen.current = consentExpiresAt;
      if (consentExpiresAt !== null) {
        startRefresh();
      }
    }
  }, [consentExpiresAt]);
}
