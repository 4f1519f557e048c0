import { useEffect, useRef } from "react";
import { onRefreshedOnItsOwn, type RefreshedOnItsOwn } from "../../ipc";

/** Calls `handler` with each round of Rust's automatic refreshes that changed anything, while
 * the caller is mounted. */
export function useRefreshedOnItsOwn(handler: (outcome: RefreshedOnItsOwn) => void) {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });

  useEffect(() => {
    let stopped = false;
    let unlisten: (() => void) | undefined;
    onRefreshedOnItsOwn((outcome) => {
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
      (error: unknown) => console.warn("refreshed-on-its-own not subscribed", error),
    );
    return () => {
      stopped = true;
      unlisten?.();
    };
  }, []);
}
