import type { CommandError } from "../../ipc";

/** What the user can do about a failure; the button says exactly this. */
export type FailureAction = "Try again" | "Start again";

/** A failure put in the user's words: what happened, what to do, and Rust's own message when
 * it helps someone fix their system or report a problem. */
export type FailureText = {
  headline: string;
  explanation: string | null;
  retryHint: string | null;
  detail: string | null;
  action: FailureAction;
  /** A refusal is the user's own choice, not a fault: it is shown calmly. */
  tone: "neutral" | "problem";
};

export const KEYCHAIN_HELP =
  "Bankbook keeps your bank's access tokens in the system keychain, such as GNOME Keyring or " +
  "KWallet. Make sure one is installed and unlocked (it usually unlocks when you sign in), " +
  "then try again.";

export const STORAGE_HELP =
  "Bankbook keeps your accounts and their history in its data folder, and can't write there. " +
  "Free some space on the disk, or check that the folder can be written, then try again. " +
  "Nothing already saved is lost.";

export function describeFailure(failure: CommandError): FailureText {
  const text: FailureText = {
    headline: "",
    explanation: null,
    retryHint: null,
    detail: null,
    action: "Try again",
    tone: "problem",
  };
  switch (failure.code) {
    case "consent_denied":
      return {
        ...text,
        headline: "You declined access at your bank. Nothing was shared.",
        tone: "neutral",
      };
    case "consent_invalid":
      return {
        ...text,
        headline:
          "That answer didn't match a connection Bankbook started (it may be old or from another window). Start again.",
        action: "Start again",
      };
    case "consent_required":
      return {
        ...text,
        headline: "Bankbook's access to your bank has ended.",
        explanation: "Approve access at your bank again to continue.",
        action: "Start again",
      };
    case "bank_unavailable":
    case "network":
      return {
        ...text,
        headline: "Your bank can't be reached right now.",
        explanation:
          failure.code === "network" ? "Check that this computer is online, then try again." : null,
        retryHint: retryHint(failure.retryAfterSeconds),
        detail: failure.message,
      };
    case "rate_limited":
      return {
        ...text,
        headline: "Your bank has had too many requests from Bankbook for now.",
        retryHint: retryHint(failure.retryAfterSeconds),
        detail: failure.message,
      };
    case "keychain_unavailable":
      return {
        ...text,
        headline: "Bankbook can't use your system keychain.",
        explanation: KEYCHAIN_HELP,
        detail: failure.message,
      };
    case "storage_unavailable":
      return {
        ...text,
        headline: "Bankbook can't save to its data folder.",
        explanation: STORAGE_HELP,
        detail: failure.message,
      };
    default:
      return {
        ...text,
        headline: "Something went wrong while connecting your bank.",
        explanation: failure.message,
      };
  }
}

function retryHint(seconds: number | null): string | null {
  return seconds === null ? null : formatRetryAfter(seconds);
}

/** "Try again in 3 minutes": whole minutes, rounded up, at least one. */
export function formatRetryAfter(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  if (minutes > 90) {
    const hours = Math.ceil(minutes / 60);
    return `Try again in ${hours} hours`;
  }
  return `Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
}
