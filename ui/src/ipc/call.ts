// How every generated command reaches Rust and every event reaches the UI: the only module
// that imports @tauri-apps/api. A failure becomes a CommandError that callers branch on by code.

import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import type { BackupProblem } from "./bindings/BackupProblem";
import type { BankField } from "./bindings/BankField";
import type { BankFormProblem } from "./bindings/BankFormProblem";
import type { BankSetupProblem } from "./bindings/BankSetupProblem";
import type { ErrorCode } from "./bindings/ErrorCode";
import type { ErrorDetail } from "./bindings/ErrorDetail";
import type { IoReason } from "./bindings/IoReason";
import type { IpcError } from "./bindings/IpcError";
import type { KeychainReason } from "./bindings/KeychainReason";
import type { TaskKind } from "./bindings/TaskKind";

/** A code from Rust, or `unexpected` when the call failed before reaching a command's logic
 * (a command not allowed, arguments that did not deserialize). */
export type FailureCode = ErrorCode | "unexpected";

// A Record over ErrorCode: the type check fails when Rust adds a code this list lacks.
const ERROR_CODES: Record<ErrorCode, true> = {
  invalid_input: true,
  internal: true,
  consent_denied: true,
  consent_invalid: true,
  consent_required: true,
  bank_unavailable: true,
  rate_limited: true,
  network: true,
  keychain_unavailable: true,
  storage_unavailable: true,
};

/** Every code a failure can have, Rust's and `unexpected`. */
export const FAILURE_CODES: readonly FailureCode[] = [
  ...(Object.keys(ERROR_CODES) as ErrorCode[]),
  "unexpected",
];

/** A command's failure, as Rust reported it. */
export class CommandError extends Error {
  readonly code: FailureCode;
  /** When Rust knows it (rate limits, a bank's maintenance window): how long to wait. */
  readonly retryAfterSeconds: number | null;
  /** What on the user's computer is out of reach (a folder, the keychain, banks.toml), for the
   * small print, or which field of the Banks form is wrong and how. Rust's `message` is for the
   * log: the UI never shows it. */
  readonly detail: ErrorDetail | null;

  constructor({
    code,
    message,
    retryAfterSeconds = null,
    detail = null,
  }: {
    code: FailureCode;
    message: string;
    retryAfterSeconds?: number | null;
    detail?: ErrorDetail | null;
  }) {
    super(message);
    this.name = "CommandError";
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
    this.detail = detail;
  }
}

/** Anything a call rejects with becomes a CommandError, so callers branch on `code`. */
export function toCommandError(reason: unknown): CommandError {
  if (reason instanceof CommandError) {
    return reason;
  }
  if (isIpcError(reason)) {
    const { code, message, retryAfterSeconds } = reason;
    return new CommandError({
      code,
      message,
      retryAfterSeconds: validSeconds(retryAfterSeconds),
      detail: validDetail(reason.detail),
    });
  }
  const message = reason instanceof Error ? reason.message : String(reason);
  return new CommandError({ code: "unexpected", message });
}

function isIpcError(value: unknown): value is IpcError {
  if (typeof value !== "object" || value === null) {
    return false;
  }
  const { code, message } = value as Record<string, unknown>;
  return (
    typeof code === "string" && Object.hasOwn(ERROR_CODES, code) && typeof message === "string"
  );
}

function validSeconds(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : null;
}

// Records over Rust's reasons: the type check fails when Rust adds one this list lacks.
const FOLDER_REASONS: Record<IoReason, true> = {
  noSpace: true,
  permissionDenied: true,
  readOnly: true,
  notFound: true,
  other: true,
};
const KEYCHAIN_REASONS: Record<KeychainReason, true> = {
  locked: true,
  noService: true,
  other: true,
  storeKeyMissing: true,
};
const BACKUP_PROBLEMS: Record<BackupProblem, true> = {
  wrongPassphrase: true,
  damaged: true,
  notABackup: true,
  newerVersion: true,
  weakPassphrase: true,
  dataInUse: true,
  dataBusy: true,
};
const TASK_KINDS: Record<TaskKind, true> = {
  history: true,
  export: true,
  categorise: true,
};
const BANK_FIELDS: Record<BankField, true> = {
  name: true,
  baseUrl: true,
  clientId: true,
  clientSecret: true,
  clientCertificate: true,
  clientKeyFile: true,
};
const BANK_FORM_PROBLEMS: Record<BankFormProblem, true> = {
  missing: true,
  notHttps: true,
  notAUrl: true,
  readableByOthers: true,
  notAKey: true,
  notACertificate: true,
  keyDoesNotMatch: true,
  unreadable: true,
  tooLong: true,
};

const BANK_SETUP_PROBLEMS: Record<BankSetupProblem, true> = {
  clientSecret: true,
  clientKey: true,
  clientCertificate: true,
};

/** A detail the UI knows how to word, else none: the small print is left out, not garbled. */
function validDetail(value: unknown): ErrorDetail | null {
  if (typeof value !== "object" || value === null) {
    return null;
  }
  const detail = value as Record<string, unknown>;
  switch (detail.kind) {
    case "folder":
      return typeof detail.path === "string" && Object.hasOwn(FOLDER_REASONS, String(detail.reason))
        ? (detail as ErrorDetail)
        : null;
    case "keychain":
    case "lockedData":
      return Object.hasOwn(KEYCHAIN_REASONS, String(detail.reason))
        ? (detail as ErrorDetail)
        : null;
    case "banksFile":
      return typeof detail.path === "string" &&
        (detail.line === null || typeof detail.line === "number")
        ? (detail as ErrorDetail)
        : null;
    case "bankSetup":
      return Object.hasOwn(BANK_SETUP_PROBLEMS, String(detail.problem))
        ? (detail as ErrorDetail)
        : null;
    case "bankForm":
      return Object.hasOwn(BANK_FIELDS, String(detail.field)) &&
        Object.hasOwn(BANK_FORM_PROBLEMS, String(detail.problem))
        ? (detail as ErrorDetail)
        : null;
    case "missingBalance":
      return { kind: "missingBalance" };
    case "taskRunning":
      return Object.hasOwn(TASK_KINDS, String(detail.task)) ? (detail as ErrorDetail) : null;
    case "backup":
      return Object.hasOwn(BACKUP_PROBLEMS, String(detail.problem))
        ? (detail as ErrorDetail)
        : null;
    default:
      return null;
  }
}

export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw toCommandError(reason);
  }
}

/** Calls `handler` with each payload of `event`; resolves to the function that stops listening. */
export function listenTo<T>(event: string, handler: (payload: T) => void): Promise<() => void> {
  return listen<T>(event, (message) => handler(message.payload));
}
