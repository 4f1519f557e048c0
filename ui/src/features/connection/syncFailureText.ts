import type { CommandError } from "../../ipc";
import { formatRetryAfter } from "../onboarding/failureText";

/** A failure to bring data from the bank (a refresh, an older page), in the user's words. */
export type SyncFailureText = {
  headline: string;
  /** When to try again, when the bank said. */
  retryHint: string | null;
  /** Rust's own message, for someone fixing their system or reporting a problem. */
  detail: string | null;
  /** The consent has ended: only connecting again helps, not trying again. */
  reconnect: boolean;
};

/** "14:32" or "2:32 PM", as the user's locale writes a time of day. */
function formatClockTime(at: Date): string {
  return at.toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit" });
}

/** `whatFailed` heads failures without a better explanation ("The balances couldn't be
 * refreshed."). */
export function describeSyncFailure(
  failure: CommandError,
  whatFailed: string,
  retryAt: Date | null = null,
): SyncFailureText {
  const text: SyncFailureText = {
    headline: whatFailed,
    retryHint:
      retryAt !== null
        ? `Bankbook will try again at ${formatClockTime(retryAt)}.`
        : failure.retryAfterSeconds === null
          ? null
          : formatRetryAfter(failure.retryAfterSeconds),
    detail: failure.message.trim() || null,
    reconnect: false,
  };
  switch (failure.code) {
    case "consent_required":
      return { ...text, headline: "Bankbook's access to your bank has ended.", reconnect: true };
    case "rate_limited":
      return {
        ...text,
        headline: "Your bank has had too many requests from Bankbook for now.",
        retryHint: text.retryHint ?? "Try again later",
      };
    case "bank_unavailable":
      return { ...text, headline: "Your bank can't be reached right now." };
    case "network":
      return {
        ...text,
        headline: "Your bank can't be reached. Check that this computer is online.",
      };
    case "keychain_unavailable":
      return { ...text, headline: "Bankbook can't use your system keychain." };
    case "storage_unavailable":
      return {
        ...text,
        headline:
          "Bankbook can't save to its data folder: the disk may be full. What's shown is kept.",
      };
    default:
      return text;
  }
}
