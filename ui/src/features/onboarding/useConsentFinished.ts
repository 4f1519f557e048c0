import { useEffect, useRef } from "react";
import { type ConsentOutcome, onConsentFinished } from "../../ipc";

/** Calls `handler` with each consent outcome Rust reports while the caller is mounted. */
export function useConsentFinished(handler: (outcome: ConsentOutcome) => void) {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });

  useEffect(() => {
    let stopped = false;
    let unlisten: (() => void) | undefined;
    onConsentFinished((outcome) => {
      if (!stopped) {
        latest.current(outcome);
      }
    }).then(
      (stop) => {
        // Unmounted before listening began: stop at once.
        if (stopped) {
          stop();
        } else {
          unlisten = stop;
        }
      },
      (error: unknown) => console.warn("consent-finished not subscribed", error),
    );
    return () => {
      stopped = true;
      unlisten?.();
    };
  }, []);
}
