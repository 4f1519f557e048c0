import { useEffectEvent, useLayoutEffect, useRef, useState } from "react";
import type { CommandError } from "../../ipc";

/** Waits longer than this are not kept for: the user may well have left by then. */
export const LONGEST_SCHEDULED_WAIT_SECONDS = 2 * 60 * 60;
/** However soon the bank says, no sooner than this: never a tight loop of refreshes. */
const SHORTEST_WAIT_SECONDS = 5;
/** Retries in a row without a success: after these the user decides, with Refresh. */
export const MOST_RETRIES_IN_A_ROW = 3;

/** When the bank said when to come back (a rate limit, its nightly break), tries again then,
 * once for each failure and at most three times in a row, and returns when; null when nothing
 * is scheduled. A success (no failure) starts the count again. */
export function useScheduledRetry(failure: CommandError | null, retry: () => void): Date | null {
  const startRetry = useEffectEvent(retry);
  const [retryAt, setRetryAt] = useState<Date | null>(null);
  const retriesInARow = useRef(0);
  // A new failure (a new object) schedules afresh, even with the same wait. Decided before the
  // failure is painted (a layout effect): its alert never shows, nor is read out with, the
  // bank's own wait for a moment before saying when Bankbook will try again.
  useLayoutEffect(() => {
    const waitSeconds = scheduledWait(failure);
    if (failure === null) {
      retriesInARow.current = 0;
    }
    if (waitSeconds === null || retriesInARow.current >= MOST_RETRIES_IN_A_ROW) {
      setRetryAt(null);
      return;
    }
    retriesInARow.current += 1;
    setRetryAt(new Date(Date.now() + waitSeconds * 1000));
    const timer = setTimeout(() => startRetry(), waitSeconds * 1000);
    return () => clearTimeout(timer);
  }, [failure]);
  return retryAt;
}

function scheduledWait(failure: CommandError | null): number | null {
  const seconds = failure?.retryAfterSeconds ?? null;
  if (seconds === null || seconds > LONGEST_SCHEDULED_WAIT_SECONDS) {
    return null;
  }
  return Math.max(seconds, SHORTEST_WAIT_SECONDS);
}
