// The one seam between the UI and Rust: the only module that imports @tauri-apps/api.
// Types come from Rust (ts-rs, in ./bindings); tests mock this module, never Tauri.

import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import type { AccountChoice } from "./bindings/AccountChoice";
import type { AccountOverview } from "./bindings/AccountOverview";
import type { BalanceKind } from "./bindings/BalanceKind";
import type { BalanceView } from "./bindings/BalanceView";
import type { BankChoice } from "./bindings/BankChoice";
import type { ConnectionStatus } from "./bindings/ConnectionStatus";
import type { ConsentOutcome } from "./bindings/ConsentOutcome";
import type { EntryStatus } from "./bindings/EntryStatus";
import type { ErrorCode } from "./bindings/ErrorCode";
import type { IpcError } from "./bindings/IpcError";
import type { Milestone } from "./bindings/Milestone";
import type { PageDirection } from "./bindings/PageDirection";
import type { TransactionsPage } from "./bindings/TransactionsPage";
import type { TransactionView } from "./bindings/TransactionView";

export type {
  AccountChoice,
  AccountOverview,
  BalanceKind,
  BalanceView,
  BankChoice,
  ConnectionStatus,
  ConsentOutcome,
  EntryStatus,
  ErrorCode,
  IpcError,
  Milestone,
  PageDirection,
  TransactionsPage,
  TransactionView,
};

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

/** A command's failure, as Rust reported it. */
export class CommandError extends Error {
  readonly code: FailureCode;
  /** When Rust knows it (rate limits, a bank's maintenance window): how long to wait. */
  readonly retryAfterSeconds: number | null;

  constructor({
    code,
    message,
    retryAfterSeconds = null,
  }: {
    code: FailureCode;
    message: string;
    retryAfterSeconds?: number | null;
  }) {
    super(message);
    this.name = "CommandError";
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Anything a call rejects with becomes a CommandError, so callers branch on `code`. */
export function toCommandError(reason: unknown): CommandError {
  if (reason instanceof CommandError) {
    return reason;
  }
  if (isIpcError(reason)) {
    const { code, message, retryAfterSeconds } = reason;
    return new CommandError({ code, message, retryAfterSeconds: validSeconds(retryAfterSeconds) });
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

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw toCommandError(reason);
  }
}

/** The banks the user can connect; the Demo Bank when none is configured. */
export const listBanks = (): Promise<BankChoice[]> => call("list_banks");

/** Tells Rust a moment of start-up is on screen, for the start-up times in the log. */
export const reportMilestone = (milestone: Milestone): Promise<void> =>
  call("ui_painted", { milestone });

/** Which bank is connected (`bank` null: none), until when, and the accounts the user picked. */
export const connectionStatus = (): Promise<ConnectionStatus> => call("connection_status");

/** Opens the bank's consent page in the system browser; the answer comes as `consent-finished`. */
export const startConsent = (bankId: string): Promise<void> => call("start_consent", { bankId });

/** Opens the pending consent's page in the browser again. */
export const reopenConsentPage = (): Promise<void> => call("reopen_consent_page");

/** Forgets the pending consent: a late answer from the bank is then refused. */
export const cancelConsent = (): Promise<void> => call("cancel_consent");

/** The accounts the user allowed at the bank, to pick from. */
export const consentedAccounts = (): Promise<AccountChoice[]> => call("consented_accounts");

/** Stores which consented accounts Bankbook shows. */
export const selectAccounts = (ibans: string[]): Promise<ConnectionStatus> =>
  call("select_accounts", { ibans });

/** Removes the bank's tokens from the keychain; `keepData` keeps what was already downloaded. */
export const disconnect = (keepData: boolean): Promise<void> => call("disconnect", { keepData });

/** The chosen accounts with their balances as stored, at once; `stale` ones want a refresh. */
export const accountsOverview = (): Promise<AccountOverview[]> => call("accounts_overview");

/** Fetches the chosen accounts' balances and newest transactions from the bank; `onlyStale` (the
 * app refreshing on its own) fetches only what is out of date. */
export const refreshAccounts = (onlyStale: boolean): Promise<AccountOverview[]> =>
  call("refresh_accounts", { onlyStale });

/** A page of an account's history, newest first, next to `cursor` (null: the top): `older`
 * goes on with a page's `nextCursor`, `newer` comes back up with its `previousCursor`. */
export const transactionsPage = (
  iban: string,
  cursor: string | null,
  limit: number,
  direction: PageDirection,
): Promise<TransactionsPage> => call("transactions_page", { iban, cursor, limit, direction });

/** The event Rust emits when the bank's answer to a consent arrived and was handled. */
export const CONSENT_FINISHED = "consent-finished";

/** Calls `handler` with each consent's outcome; resolves to the function that stops listening. */
export function onConsentFinished(handler: (outcome: ConsentOutcome) => void): Promise<() => void> {
  return listen<ConsentOutcome>(CONSENT_FINISHED, (event) => handler(event.payload));
}
