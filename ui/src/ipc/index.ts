// The one seam between the UI and Rust: the only module that imports @tauri-apps/api.
// Types come from Rust (ts-rs, in ./bindings); tests mock this module, never Tauri.

import { invoke } from "@tauri-apps/api/core";
import type { BankChoice } from "./bindings/BankChoice";
import type { ErrorCode } from "./bindings/ErrorCode";
import type { IpcError } from "./bindings/IpcError";

export type { BankChoice, ErrorCode, IpcError };

/** A code from Rust, or `unexpected` when the call failed before reaching a command's logic
 * (a command not allowed, arguments that did not deserialize). */
export type FailureCode = ErrorCode | "unexpected";

// A Record over ErrorCode: the type check fails when Rust adds a code this list lacks.
const ERROR_CODES: Record<ErrorCode, true> = { invalid_input: true, internal: true };

/** A command's failure, as Rust reported it. */
export class CommandError extends Error {
  readonly code: FailureCode;

  constructor({ code, message }: { code: FailureCode; message: string }) {
    super(message);
    this.name = "CommandError";
    this.code = code;
  }
}

/** Anything a call rejects with becomes a CommandError, so callers branch on `code`. */
export function toCommandError(reason: unknown): CommandError {
  if (isIpcError(reason)) {
    return new CommandError(reason);
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

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw toCommandError(reason);
  }
}

/** The banks the user can connect; the Demo Bank when none is configured. */
export const listBanks = (): Promise<BankChoice[]> => call("list_banks");

/** Tells Rust the first frame is on screen, for the start-up time in the log. */
export const reportFirstPaint = (): Promise<void> => call("ui_painted");
