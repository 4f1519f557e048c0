import { useEffect, useState } from "react";

/** The current time, updated every `intervalMs`: for texts like "Updated 5 minutes ago" that
 * must age while the window stays open. */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
