// The one seam between the UI and Rust. Everything here comes from Rust: the types (ts-rs) and
// the commands and events (./bindings/commands.ts, written from src-tauri/src/ipc/surface.rs).
// Tests mock this module, never Tauri.

export type { AccountChoice } from "./bindings/AccountChoice";
export type { AccountOverview } from "./bindings/AccountOverview";
export type { BalanceKind } from "./bindings/BalanceKind";
export type { BalanceView } from "./bindings/BalanceView";
export type { BankCheck } from "./bindings/BankCheck";
export type { BankChoice } from "./bindings/BankChoice";
export type { BankConnection } from "./bindings/BankConnection";
export type { BankField } from "./bindings/BankField";
export type { BankForm } from "./bindings/BankForm";
export type { BankFormProblem } from "./bindings/BankFormProblem";
export type { BankList } from "./bindings/BankList";
export type { BankPreset } from "./bindings/BankPreset";
export type { BankProfileView } from "./bindings/BankProfileView";
export type { BankSettings } from "./bindings/BankSettings";
export type { BankSetupProblem } from "./bindings/BankSetupProblem";
export type { ConnectionStatus } from "./bindings/ConnectionStatus";
export type { ConsentOutcome } from "./bindings/ConsentOutcome";
export * from "./bindings/commands";
export type { EntryStatus } from "./bindings/EntryStatus";
export type { ErrorCode } from "./bindings/ErrorCode";
export type { ErrorDetail } from "./bindings/ErrorDetail";
export type { IoReason } from "./bindings/IoReason";
export type { IpcError } from "./bindings/IpcError";
export type { KeychainReason } from "./bindings/KeychainReason";
export type { LanguageChoice } from "./bindings/LanguageChoice";
export type { Milestone } from "./bindings/Milestone";
export type { PageDirection } from "./bindings/PageDirection";
export type { PreferenceChoice } from "./bindings/PreferenceChoice";
export type { Preferences } from "./bindings/Preferences";
export type { PresetEnvironment } from "./bindings/PresetEnvironment";
export type { ThemeChoice } from "./bindings/ThemeChoice";
export type { TransactionsPage } from "./bindings/TransactionsPage";
export type { TransactionView } from "./bindings/TransactionView";
export { CommandError, FAILURE_CODES, type FailureCode, toCommandError } from "./call";
