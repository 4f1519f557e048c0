// Every failure the UI shows, worded from its code in the active language: the one module that
// turns a FailureCode into the user's words. Each table below is keyed by code (or by task, or by
// action) and holds message ids, so every sentence has a stable key in the catalogs, and the type
// check fails when Rust adds a code a table lacks. The functions take the active `IntlShape`
// (`useIntl()`) and return plain text.
//
// Rust's `message` is never shown: it is for the log. What on the user's own computer is out of
// reach (the data folder and why, the keychain and why, the line of banks.toml) comes as the
// error's structured `detail`, worded here as small print.

import type { IntlShape } from "react-intl";
import type { MessageId } from "../i18n/catalogs";
import type {
  BackupProblem,
  BankSetupProblem,
  CommandError,
  ErrorDetail,
  FailureCode,
  IoReason,
  KeychainReason,
  TaskKind,
} from "../ipc";
import { MIN_PASSPHRASE_CHARS } from "./limits";

/** What the user can do about a failure: the button's label is the message
 * FAILURE_ACTION_MESSAGE[action], and the code that handles the click branches on the action,
 * never on the label. */
export type FailureAction = "retry" | "restart" | "reconnect";

export const FAILURE_ACTION_MESSAGE: Record<FailureAction, MessageId> = {
  retry: "errors.action.retry",
  restart: "errors.action.restart",
  reconnect: "errors.action.reconnect",
};

/** A refusal is the user's own choice, not a fault: it is shown calmly. */
export type FailureTone = "neutral" | "problem";

/** The small print of a failure, from Rust's structured detail; null without one. */
export function describeDetail(intl: IntlShape, detail: ErrorDetail | null): string | null {
  if (detail === null) {
    return null;
  }
  switch (detail.kind) {
    case "folder":
      return intl.formatMessage({ id: FOLDER_REASON[detail.reason] }, { path: detail.path });
    case "keychain":
    case "lockedData":
      return intl.formatMessage({ id: KEYCHAIN_REASON[detail.reason] });
    case "banksFile":
      return detail.line === null
        ? intl.formatMessage({ id: "errors.detail.banksFile.noLine" }, { path: detail.path })
        : intl.formatMessage(
            { id: "errors.detail.banksFile.line" },
            { path: detail.path, line: detail.line },
          );
    case "bankSetup":
      return intl.formatMessage({ id: BANK_SETUP[detail.problem] });
    case "bankForm":
      // Not small print: the Banks form says it next to the field it is about.
      return null;
    case "missingBalance":
      return intl.formatMessage({ id: "export.failure.refreshBalances" });
    case "taskRunning":
      // Not small print: the headline says it (taskRunningHeadline).
      return null;
    case "backup":
      return intl.formatMessage(
        { id: BACKUP_PROBLEM[detail.problem] },
        { count: MIN_PASSPHRASE_CHARS },
      );
  }
}

const BACKUP_PROBLEM: Record<BackupProblem, MessageId> = {
  wrongPassphrase: "data.problem.wrongPassphrase",
  damaged: "data.problem.damaged",
  notABackup: "data.problem.notABackup",
  newerVersion: "data.problem.newerVersion",
  weakPassphrase: "data.problem.weakPassphrase",
  dataInUse: "data.problem.dataInUse",
  dataBusy: "data.problem.dataBusy",
};

/** A second long task of a kind while one runs: said as such, not as a failure of the task. */
const TASK_RUNNING: Record<TaskKind, MessageId> = {
  history: "search.failure.alreadyFetching",
  export: "export.failure.alreadyRunning",
  categorise: "categories.failure.alreadyRunning",
};

/** The headline when the failure is only that a task of its kind already runs. */
function taskRunningHeadline(intl: IntlShape, failure: CommandError): string | null {
  return failure.detail?.kind === "taskRunning"
    ? intl.formatMessage({ id: TASK_RUNNING[failure.detail.task] })
    : null;
}

const BANK_SETUP: Record<BankSetupProblem, MessageId> = {
  clientSecret: "errors.detail.bankSetup.clientSecret",
  clientKey: "errors.detail.bankSetup.clientKey",
  clientCertificate: "errors.detail.bankSetup.clientCertificate",
};

const FOLDER_REASON: Record<IoReason, MessageId> = {
  noSpace: "errors.detail.folder.noSpace",
  permissionDenied: "errors.detail.folder.permissionDenied",
  readOnly: "errors.detail.folder.readOnly",
  notFound: "errors.detail.folder.notFound",
  other: "errors.detail.folder.other",
};

const KEYCHAIN_REASON: Record<KeychainReason, MessageId> = {
  locked: "errors.detail.keychain.locked",
  noService: "errors.detail.keychain.noService",
  other: "errors.detail.keychain.other",
  storeKeyMissing: "errors.detail.keychain.storeKeyMissing",
};

// --- The connect dialog: starting a consent, the bank's answer, the consented accounts. ---

/** What the connect dialog offers after a failure. */
export type ConnectAction = Extract<FailureAction, "retry" | "restart">;

type ConnectWords = {
  headline: MessageId;
  explanation: MessageId | null;
  action: ConnectAction;
  tone: FailureTone;
};

const CONNECT_SOMETHING_WRONG: ConnectWords = {
  headline: "errors.connect.somethingWrong",
  explanation: null,
  action: "retry",
  tone: "problem",
};

const CONNECT: Record<FailureCode, ConnectWords> = {
  consent_denied: {
    headline: "errors.connect.denied",
    explanation: null,
    action: "retry",
    tone: "neutral",
  },
  consent_invalid: {
    headline: "errors.connect.invalid",
    explanation: null,
    action: "restart",
    tone: "problem",
  },
  consent_required: {
    headline: "errors.accessEnded",
    explanation: "errors.connect.approveAgain",
    action: "restart",
    tone: "problem",
  },
  bank_unavailable: {
    headline: "errors.bankUnreachable",
    explanation: null,
    action: "retry",
    tone: "problem",
  },
  network: {
    headline: "errors.bankUnreachable",
    explanation: "errors.connect.offline",
    action: "retry",
    tone: "problem",
  },
  rate_limited: {
    headline: "errors.tooManyRequests",
    explanation: null,
    action: "retry",
    tone: "problem",
  },
  keychain_unavailable: {
    headline: "errors.noKeychain",
    explanation: "errors.help.keychain",
    action: "retry",
    tone: "problem",
  },
  storage_unavailable: {
    headline: "errors.connect.storage",
    explanation: "errors.help.storage",
    action: "retry",
    tone: "problem",
  },
  internal: CONNECT_SOMETHING_WRONG,
  invalid_input: CONNECT_SOMETHING_WRONG,
  unexpected: CONNECT_SOMETHING_WRONG,
};

/** What the connect dialog offers for `failure`: the button, before any wording. */
export function connectAction(failure: CommandError): ConnectAction {
  return CONNECT[failure.code].action;
}

/** A failure in the connect dialog: what happened, what to do, and the way forward. */
export type ConnectFailureText = {
  headline: string;
  explanation: string | null;
  action: ConnectAction;
  tone: FailureTone;
  /** When to try again, when the bank said. */
  retryHint: string | null;
  /** What on this computer is out of reach, when Rust said. */
  detail: string | null;
};

export function describeConnectFailure(intl: IntlShape, failure: CommandError): ConnectFailureText {
  const words = CONNECT[failure.code];
  return {
    headline: intl.formatMessage({ id: words.headline }),
    explanation: words.explanation && intl.formatMessage({ id: words.explanation }),
    action: words.action,
    tone: words.tone,
    retryHint:
      failure.retryAfterSeconds === null ? null : formatRetryAfter(intl, failure.retryAfterSeconds),
    detail: describeDetail(intl, failure.detail),
  };
}

// --- Bringing data from the bank or the store: a refresh, the stored balances, the history. ---

/** What was being brought when it failed; heads the failures without a better explanation. */
export type SyncTask =
  | "refresh"
  | "readBalances"
  | "loadHistory"
  | "loadOlderHistory"
  | "search"
  | "fetchWholeHistory"
  | "checkHistory"
  | "fetchPeriodAgain"
  | "charts";

const SYNC_TASK: Record<SyncTask, MessageId> = {
  refresh: "errors.sync.refresh",
  readBalances: "errors.sync.readBalances",
  loadHistory: "errors.sync.loadHistory",
  loadOlderHistory: "errors.sync.loadOlderHistory",
  search: "search.failure.search",
  fetchWholeHistory: "search.failure.fetchWholeHistory",
  checkHistory: "transactions.reconciliation.failure",
  fetchPeriodAgain: "transactions.reconciliation.fetchFailure",
  charts: "transactions.charts.failure",
};

/** The headline by code; null: the task's own sentence says it. */
const SYNC: Record<FailureCode, MessageId | null> = {
  consent_required: "errors.accessEnded",
  rate_limited: "errors.tooManyRequests",
  bank_unavailable: "errors.bankUnreachable",
  network: "errors.sync.offline",
  keychain_unavailable: "errors.noKeychain",
  storage_unavailable: "errors.sync.storage",
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
  /** What on this computer is out of reach, when Rust said. */
  detail: string | null;
  /** The consent has ended: only connecting again helps, not trying again. */
  reconnect: boolean;
};

/** `retryAt`: when the app tries again by itself. */
export function describeSyncFailure(
  intl: IntlShape,
  failure: CommandError,
  task: SyncTask,
  retryAt: Date | null = null,
): SyncFailureText {
  const retryHint =
    retryAt !== null
      ? intl.formatMessage(
          { id: "errors.sync.willRetryAt" },
          { time: intl.formatTime(retryAt, { hour: "numeric", minute: "2-digit" }) },
        )
      : failure.retryAfterSeconds === null
        ? null
        : formatRetryAfter(intl, failure.retryAfterSeconds);
  return {
    headline:
      taskRunningHeadline(intl, failure) ??
      intl.formatMessage({ id: SYNC[failure.code] ?? SYNC_TASK[task] }),
    // A rate limit always says to wait, even when the bank gave no time.
    retryHint:
      failure.code === "rate_limited"
        ? (retryHint ?? intl.formatMessage({ id: "errors.retry.later" }))
        : retryHint,
    detail: describeDetail(intl, failure.detail),
    reconnect: syncNeedsReconnect(failure),
  };
}

/** The consent has ended: only connecting again helps a failed sync, not trying again. */
export function syncNeedsReconnect(failure: CommandError): boolean {
  return failure.code === "consent_required";
}

// --- The connection status could not be read: the screen shown instead of the main window. ---

const CHECK_FAILED = {
  title: "errors.status.checkFailed",
  explanation: "errors.status.checkAgain",
} as const satisfies { title: MessageId; explanation: MessageId };

const STATUS: Record<FailureCode, { title: MessageId; explanation: MessageId }> = {
  storage_unavailable: { title: "errors.status.cannotOpen", explanation: "errors.help.storage" },
  // The key to the data is in the keychain: without it, the data stays closed.
  keychain_unavailable: { title: "errors.status.cannotOpen", explanation: "errors.help.keychain" },
  invalid_input: CHECK_FAILED,
  internal: CHECK_FAILED,
  consent_denied: CHECK_FAILED,
  consent_invalid: CHECK_FAILED,
  consent_required: CHECK_FAILED,
  bank_unavailable: CHECK_FAILED,
  rate_limited: CHECK_FAILED,
  network: CHECK_FAILED,
  unexpected: CHECK_FAILED,
};

export type StatusFailureText = {
  title: string;
  explanation: string;
  /** What on this computer is out of reach, when Rust said. */
  detail: string | null;
};

export function describeStatusFailure(intl: IntlShape, failure: CommandError): StatusFailureText {
  const words = STATUS[failure.code];
  return {
    title: intl.formatMessage({ id: words.title }),
    explanation: intl.formatMessage({ id: words.explanation }),
    detail: describeDetail(intl, failure.detail),
  };
}

// --- A single action that failed in place: the bank list, reopening the page, disconnecting,
// saving the preferences, the Banks screen's load, save, check and removal. ---

export type ActionTask =
  | "listBanks"
  | "reopenConsentPage"
  | "disconnect"
  | "savePreferences"
  | "loadBanks"
  | "saveBank"
  | "checkBank"
  | "removeBank"
  | "startAgain"
  | "backUp"
  | "restoreBackup"
  | "chooseCategory"
  | "editCategories"
  | "previewRule"
  | "saveRule";

const ACTION_TASK: Record<ActionTask, MessageId> = {
  listBanks: "errors.task.listBanks",
  reopenConsentPage: "errors.task.reopenConsentPage",
  disconnect: "errors.task.disconnect",
  savePreferences: "errors.task.savePreferences",
  loadBanks: "banks.failure.load",
  saveBank: "banks.failure.save",
  checkBank: "banks.failure.check",
  removeBank: "banks.failure.remove",
  startAgain: "data.startAgain.failure",
  backUp: "data.backup.failure",
  restoreBackup: "data.restore.failure",
  chooseCategory: "categories.failure.choose",
  editCategories: "categories.failure.edit",
  previewRule: "categories.failure.preview",
  saveRule: "categories.failure.save",
};

export type ActionFailureText = {
  headline: string;
  /** What on this computer is out of reach (a broken banks.toml names its line), when Rust
   * said. */
  detail: string | null;
};

export function describeActionFailure(
  intl: IntlShape,
  failure: CommandError,
  task: ActionTask,
): ActionFailureText {
  return {
    headline: intl.formatMessage({ id: ACTION_TASK[task] }),
    detail: describeDetail(intl, failure.detail),
  };
}

// --- Waits. ---

/** "Try again in 3 minutes": whole minutes, rounded up, at least one; hours for long waits. */
export function formatRetryAfter(intl: IntlShape, seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  if (minutes > 90) {
    return intl.formatMessage({ id: "errors.retry.inHours" }, { hours: Math.ceil(minutes / 60) });
  }
  return intl.formatMessage({ id: "errors.retry.inMinutes" }, { minutes });
}

// --- One transaction's detail read from the store, and an export written to a file. ---

/** The headline of a detail that could not be read, by code. */
const DETAIL: Record<FailureCode, MessageId> = {
  // Rust answers so for an entry it no longer has (removed with its bank, or replaced).
  invalid_input: "detail.failure.notFound",
  storage_unavailable: "detail.failure.storage",
  keychain_unavailable: "errors.noKeychain",
  internal: "detail.failure.load",
  unexpected: "detail.failure.load",
  consent_denied: "detail.failure.load",
  consent_invalid: "detail.failure.load",
  consent_required: "detail.failure.load",
  bank_unavailable: "detail.failure.load",
  rate_limited: "detail.failure.load",
  network: "detail.failure.load",
};

export function describeDetailFailure(intl: IntlShape, failure: CommandError): ActionFailureText {
  return {
    headline: intl.formatMessage({ id: DETAIL[failure.code] }),
    detail: describeDetail(intl, failure.detail),
  };
}

/** The headline of an export that failed, by code; each says no file was left behind. */
const EXPORT: Record<FailureCode, MessageId> = {
  // The disk is full or the chosen folder cannot be written: the small print says which.
  storage_unavailable: "export.failure.storage",
  keychain_unavailable: "errors.noKeychain",
  invalid_input: "export.failure.other",
  internal: "export.failure.other",
  unexpected: "export.failure.other",
  consent_denied: "export.failure.other",
  consent_invalid: "export.failure.other",
  consent_required: "export.failure.other",
  bank_unavailable: "export.failure.other",
  rate_limited: "export.failure.other",
  network: "export.failure.other",
};

export function describeExportFailure(intl: IntlShape, failure: CommandError): ActionFailureText {
  const headline =
    failure.detail?.kind === "missingBalance"
      ? "export.failure.missingBalance"
      : EXPORT[failure.code];
  return {
    headline: taskRunningHeadline(intl, failure) ?? intl.formatMessage({ id: headline }),
    detail: describeDetail(intl, failure.detail),
  };
}
