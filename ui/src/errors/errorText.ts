// Every failure the UI shows, worded from its code: the one module that turns a FailureCode into
// the user's words. Each table below is keyed by code (or by task, or by action), so every
// sentence has a stable key, and the type check fails when Rust adds a code a table lacks.
//
// Rust's `message` is never the wording. It is shown only as small print (`detail`) for the codes
// in SHOWS_RUST_DETAIL, where it names what on the user's own computer is out of reach: the data
// folder's path and the system's reason, the keychain and why. Every other failure is said in
// full here; Rust writes its message to the log, as it does for every failed command.

import type { CommandError, FailureCode } from "../ipc";

/** What the user can do about a failure: the button's label is FAILURE_ACTION_LABEL[action], and
 * the code that handles the click branches on the action, never on the label. */
export type FailureAction = "retry" | "restart" | "reconnect";

export const FAILURE_ACTION_LABEL: Record<FailureAction, string> = {
  retry: "Try again",
  restart: "Start again",
  reconnect: "Reconnect",
};

/** A refusal is the user's own choice, not a fault: it is shown calmly. */
export type FailureTone = "neutral" | "problem";

const KEYCHAIN_HELP =
  "Bankbook keeps your bank's access tokens in the system keychain, such as GNOME Keyring or " +
  "KWallet. Make sure one is installed and unlocked (it usually unlocks when you sign in), " +
  "then try again.";

const STORAGE_HELP =
  "Bankbook keeps your accounts and their history in its data folder, and can't write there. " +
  "Free some space on the disk, or check that the folder can be written, then try again. " +
  "Nothing already saved is lost.";

const ACCESS_ENDED = "Bankbook's access to your bank has ended.";
const BANK_UNREACHABLE = "Your bank can't be reached right now.";
const TOO_MANY_REQUESTS = "Your bank has had too many requests from Bankbook for now.";
const NO_KEYCHAIN = "Bankbook can't use your system keychain.";

/** Whose Rust message is worth showing, in small print: see the top of this file. */
const SHOWS_RUST_DETAIL: Record<FailureCode, boolean> = {
  storage_unavailable: true,
  keychain_unavailable: true,
  invalid_input: false,
  internal: false,
  consent_denied: false,
  consent_invalid: false,
  consent_required: false,
  bank_unavailable: false,
  rate_limited: false,
  network: false,
  unexpected: false,
};

function detailOf(failure: CommandError): string | null {
  return SHOWS_RUST_DETAIL[failure.code] ? failure.message.trim() || null : null;
}

// --- The connect dialog: starting a consent, the bank's answer, the consented accounts. ---

/** What the connect dialog offers after a failure. */
export type ConnectAction = Extract<FailureAction, "retry" | "restart">;

type ConnectWords = {
  headline: string;
  explanation: string | null;
  action: ConnectAction;
  tone: FailureTone;
};

const CONNECT_SOMETHING_WRONG: ConnectWords = {
  headline: "Something went wrong while connecting your bank.",
  explanation: null,
  action: "retry",
  tone: "problem",
};

const CONNECT: Record<FailureCode, ConnectWords> = {
  consent_denied: {
    headline: "You declined access at your bank. Nothing was shared.",
    explanation: null,
    action: "retry",
    tone: "neutral",
  },
  consent_invalid: {
    headline:
      "That answer didn't match a connection Bankbook started (it may be old or from another window). Start again.",
    explanation: null,
    action: "restart",
    tone: "problem",
  },
  consent_required: {
    headline: ACCESS_ENDED,
    explanation: "Approve access at your bank again to continue.",
    action: "restart",
    tone: "problem",
  },
  bank_unavailable: {
    headline: BANK_UNREACHABLE,
    explanation: null,
    action: "retry",
    tone: "problem",
  },
  network: {
    headline: BANK_UNREACHABLE,
    explanation: "Check that this computer is online, then try again.",
    action: "retry",
    tone: "problem",
  },
  rate_limited: {
    headline: TOO_MANY_REQUESTS,
    explanation: null,
    action: "retry",
    tone: "problem",
  },
  keychain_unavailable: {
    headline: NO_KEYCHAIN,
    explanation: KEYCHAIN_HELP,
    action: "retry",
    tone: "problem",
  },
  storage_unavailable: {
    headline: "Bankbook can't save to its data folder.",
    explanation: STORAGE_HELP,
    action: "retry",
    tone: "problem",
  },
  internal: CONNECT_SOMETHING_WRONG,
  invalid_input: CONNECT_SOMETHING_WRONG,
  unexpected: CONNECT_SOMETHING_WRONG,
};

/** A failure in the connect dialog: what happened, what to do, and the way forward. */
export type ConnectFailureText = ConnectWords & {
  /** When to try again, when the bank said. */
  retryHint: string | null;
  /** Rust's message, for the codes that show it. */
  detail: string | null;
};

export function describeConnectFailure(failure: CommandError): ConnectFailureText {
  const retryHint =
    failure.retryAfterSeconds === null ? null : formatRetryAfter(failure.retryAfterSeconds);
  return { ...CONNECT[failure.code], retryHint, detail: detailOf(failure) };
}

// --- Bringing data from the bank or the store: a refresh, the stored balances, the history. ---

/** What was being brought when it failed; heads the failures without a better explanation. */
export type SyncTask = "refresh" | "readBalances" | "loadHistory" | "loadOlderHistory";

const SYNC_TASK: Record<SyncTask, string> = {
  refresh: "The accounts couldn't be refreshed.",
  readBalances: "The stored balances couldn't be read.",
  loadHistory: "The transactions couldn't be loaded.",
  loadOlderHistory: "Older transactions couldn't be loaded.",
};

/** The headline by code; null: the task's own sentence says it. */
const SYNC: Record<FailureCode, string | null> = {
  consent_required: ACCESS_ENDED,
  rate_limited: TOO_MANY_REQUESTS,
  bank_unavailable: BANK_UNREACHABLE,
  network: "Your bank can't be reached. Check that this computer is online.",
  keychain_unavailable: NO_KEYCHAIN,
  storage_unavailable:
    "Bankbook can't save to its data folder: the disk may be full. What's shown is kept.",
  consent_denied: null,
  consent_invalid: null,
  internal: null,
  invalid_input: null,
  unexpected: null,
};

/** A failure to bring data, in the user's words. */
export type SyncFailureText = {
  headline: string;
  /** When to try again: when Bankbook will by itself, or when the bank said the user may. */
  retryHint: string | null;
  /** Rust's message, for the codes that show it. */
  detail: string | null;
  /** The consent has ended: only connecting again helps, not trying again. */
  reconnect: boolean;
};

/** `retryAt`: when the app tries again by itself. */
export function describeSyncFailure(
  failure: CommandError,
  task: SyncTask,
  retryAt: Date | null = null,
): SyncFailureText {
  const retryHint =
    retryAt !== null
      ? `Bankbook will try again at ${formatClockTime(retryAt)}.`
      : failure.retryAfterSeconds === null
        ? null
        : formatRetryAfter(failure.retryAfterSeconds);
  return {
    headline: SYNC[failure.code] ?? SYNC_TASK[task],
    // A rate limit always says to wait, even when the bank gave no time.
    retryHint: failure.code === "rate_limited" ? (retryHint ?? "Try again later") : retryHint,
    detail: detailOf(failure),
    reconnect: failure.code === "consent_required",
  };
}

// --- The connection status could not be read: the screen shown instead of the main window. ---

const CHECK_FAILED = "Bankbook couldn't check your bank connection";
const CHECK_AGAIN =
  "Something unexpected stopped it. Try again; if it keeps happening, restart Bankbook.";

const STATUS: Record<FailureCode, { title: string; explanation: string }> = {
  storage_unavailable: { title: "Bankbook can't open its data", explanation: STORAGE_HELP },
  keychain_unavailable: { title: CHECK_FAILED, explanation: KEYCHAIN_HELP },
  invalid_input: { title: CHECK_FAILED, explanation: CHECK_AGAIN },
  internal: { title: CHECK_FAILED, explanation: CHECK_AGAIN },
  consent_denied: { title: CHECK_FAILED, explanation: CHECK_AGAIN },
  consent_invalid: { title: CHECK_FAILED, explanation: CHECK_AGAIN },
  consent_required: { title: CHECK_FAILED, explanation: CHECK_AGAIN },
  bank_unavailable: { title: CHECK_FAILED, explanation: CHECK_AGAIN },
  rate_limited: { title: CHECK_FAILED, explanation: CHECK_AGAIN },
  network: { title: CHECK_FAILED, explanation: CHECK_AGAIN },
  unexpected: { title: CHECK_FAILED, explanation: CHECK_AGAIN },
};

export type StatusFailureText = {
  title: string;
  explanation: string;
  /** Rust's message, for the codes that show it. */
  detail: string | null;
};

export function describeStatusFailure(failure: CommandError): StatusFailureText {
  return { ...STATUS[failure.code], detail: detailOf(failure) };
}

// --- A single action that failed in place: the bank list, reopening the page, disconnecting. ---

export type ActionTask = "listBanks" | "reopenConsentPage" | "disconnect";

const ACTION_TASK: Record<ActionTask, string> = {
  listBanks: "The list of banks could not be loaded.",
  reopenConsentPage: "The page could not be opened.",
  disconnect: "Bankbook could not disconnect.",
};

export type ActionFailureText = {
  headline: string;
  /** Rust's message, for the codes that show it. */
  detail: string | null;
};

export function describeActionFailure(failure: CommandError, task: ActionTask): ActionFailureText {
  // A bank list that can't be read is a broken banks.toml: Rust's message names the file and
  // the line to fix.
  const detail = task === "listBanks" ? failure.message.trim() || null : detailOf(failure);
  return { headline: ACTION_TASK[task], detail };
}

// --- Waits. ---

/** "Try again in 3 minutes": whole minutes, rounded up, at least one. */
export function formatRetryAfter(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  if (minutes > 90) {
    const hours = Math.ceil(minutes / 60);
    return `Try again in ${hours} hours`;
  }
  return `Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
}

/** "14:32" or "2:32 PM", as the user's locale writes a time of day. */
function formatClockTime(at: Date): string {
  return at.toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit" });
}
