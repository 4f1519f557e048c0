import { useRustEvent } from "../../hooks/useRustEvent";
import { type ConsentOutcome, onConsentFinished } from "../../ipc";

/** Calls `handler` with each consent outcome Rust reports while the caller is mounted. */
export function useConsentFinished(handler: (outcome: ConsentOutcome) => void) {
  useRustEvent(onConsentFinished, handler, "consent-finished");
}
