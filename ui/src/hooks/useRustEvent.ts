import { useEffect, useRef } from "react";

/** Calls `handler` with each payload of the Rust event `subscribe` listens to, while the caller
 * is mounted. */
export function useRustEvent<T>(
  subscribe: (handler: (payload: T) => void) => Promise<() => void>,
  handler: (payload: T) => void,
  name: string,
) {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });

  useEffect(() => {
    let stopped = false;
    let unlisten: (() => void) | undefined;
    subscribe((payload) => {
      if (!stopped) {
        latest.current(payload);
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
      (error: unknown) => console.warn(`${name} not subscribed`, error),
    );
    return () => {
      stopped = true;
      unlisten?.();
    };
  }, [subscribe, name]);
}
