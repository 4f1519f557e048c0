import { useEffect, useEffectEvent, useMemo } from "react";
import type { CommandError } from "../../ipc";

/** Waits longer than this are not kept for: the user may well have left by then. */
export const LONGEST_SCHEDULED_WAIT_SECONDS = 2 * 60 * 60;
/** However soon the bank says, no sooner than this: never a tight loop of refreshes. */
const SHORTEST_WAIT_SECONDS = 5;

/** When the bank said when to come back (a rate limit, its nightly break), tries again then,
 * once for each failure, and returns when; null when nothing is scheduled. */
export function useScheduledRetry(failure: CommandError | null, retry: () => void): Date | null {
  const startRetry = useEffectEvent(retry);
  const waitSeconds = scheduledWait(failure);
  // A new failure (a new object) schedules afresh, even with the same wait.
  const retryAt = useMemo(
    () => (failure && waitSeconds !== null ? new Date(Date.now() + waitSeconds * 1000) : null),
    [failure, waitSeconds],
  );
  useEffect(() => {
    if (retryAt === null) {
      return;
    }
    const timer = setTimeout(() => startRetry(), retryAt.getTime() - Date.now());
    return () => clearTimeout(timer);
  }, [retryAt]);
  return retryAt;
}

function scheduledWait(failure: CommandError | null): number | null {
  const seconds = failure?.retryAfterSeconds ?? null;
  if (seconds === null || seconds > LONGEST_SCHEDULED_WAIT_SECONDS) {
    return null;
  }
  return Math.max(seconds, SHORTEST_WAIT_SECONDS);
}
