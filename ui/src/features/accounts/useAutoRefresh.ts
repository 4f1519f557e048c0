import { useEffect, useEffectEvent, useRef } from "react";
import type { AccountOverview } from "../../ipc";

/** Refreshes without being asked: when the stored balances turn stale (on opening, or as they
 * age while the window stays open; once each time they turn, so a refresh that fails is not
 * repeated in a loop), and once after a new consent, which shows as a new end date (the user
 * reconnected, most likely because a refresh failed). */
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
    if (!anyStale) {
      // Fresh again: the next time they turn stale is worth a refresh.
      refreshedFor.current = null;
    } else if (accountsKey !== null && refreshedFor.current !== accountsKey) {
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
