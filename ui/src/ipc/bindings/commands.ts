// Generated from src-tauri/src/ipc/surface.rs by `cargo test -p bankbook`: do not edit.
// Every command the webview can call and every event it can hear; ../index.ts re-exports them.

import { call, listenTo } from "../call";
import type { AccountCharts } from "./AccountCharts";
import type { AccountChoice } from "./AccountChoice";
import type { AccountOverview } from "./AccountOverview";
import type { AccountReconciliation } from "./AccountReconciliation";
import type { AccountToOpen } from "./AccountToOpen";
import type { BackupOutcome } from "./BackupOutcome";
import type { BankCheck } from "./BankCheck";
import type { BankForm } from "./BankForm";
import type { BankList } from "./BankList";
import type { BankProfileView } from "./BankProfileView";
import type { BankSettings } from "./BankSettings";
import type { CategorySettings } from "./CategorySettings";
import type { ConnectionStatus } from "./ConnectionStatus";
import type { ConsentOutcome } from "./ConsentOutcome";
import type { ExportFormat } from "./ExportFormat";
import type { ExportOutcome } from "./ExportOutcome";
import type { HistoryFetched } from "./HistoryFetched";
import type { Milestone } from "./Milestone";
import type { MonthSpending } from "./MonthSpending";
import type { NotificationSettings } from "./NotificationSettings";
import type { PageDirection } from "./PageDirection";
import type { PreferenceChoice } from "./PreferenceChoice";
import type { Preferences } from "./Preferences";
import type { RefreshedOnItsOwn } from "./RefreshedOnItsOwn";
import type { RuleConditions } from "./RuleConditions";
import type { RulePreview } from "./RulePreview";
import type { RuleSaved } from "./RuleSaved";
import type { SearchPage } from "./SearchPage";
import type { SearchQuery } from "./SearchQuery";
import type { SearchSummary } from "./SearchSummary";
import type { StartedAgain } from "./StartedAgain";
import type { TaskKind } from "./TaskKind";
import type { TaskProgress } from "./TaskProgress";
import type { TransactionDetail } from "./TransactionDetail";
import type { TransactionsPage } from "./TransactionsPage";

/** The banks the user can connect, the Demo Bank last; `problem` says why a broken
 * `banks.toml` left only the Demo Bank. */
export const listBanks = (): Promise<BankList> =>
  call("list_banks");

/** Every bank Bankbook is connected to (none: an empty list), until when, and the
 * accounts the user picked at each. Tries again to open the app's data when that failed
 * before. */
export const connectionStatus = (): Promise<ConnectionStatus> =>
  call("connection_status");

/** Moves the data whose key the keychain no longer has aside (the person confirmed it),
 * and starts with none; data that opens, or waits for its keychain, is not touched. */
export const startAgain = (): Promise<StartedAgain> =>
  call("start_again");

/** Asks where to save in the system's dialog, then writes the whole store there, sealed
 * with `passphrase` (at least 8 characters). */
export const backUp = (passphrase: string): Promise<BackupOutcome> =>
  call("back_up", { passphrase });

/** Asks which backup to restore in the system's dialog; its file name, or null when the
 * dialog was closed. */
export const chooseBackup = (): Promise<string | null> =>
  call("choose_backup");

/** Restores the backup `chooseBackup` picked, with its `passphrase`, in place of data with
 * no bank connected (that data is moved aside); a wrong passphrase or a damaged file
 * changes nothing. */
export const restoreBackup = (passphrase: string): Promise<ConnectionStatus> =>
  call("restore_backup", { passphrase });

/** Opens the bank's consent page in the system browser; the answer comes as
 * `consent-finished`. Replaces a consent of that bank still waiting. */
export const startConsent = (bankId: string): Promise<void> =>
  call("start_consent", { bankId });

/** Opens the bank's pending consent page in the browser again. */
export const reopenConsentPage = (bankId: string): Promise<void> =>
  call("reopen_consent_page", { bankId });

/** Forgets the bank's pending consent: a late answer from the bank is then refused. */
export const cancelConsent = (bankId: string): Promise<void> =>
  call("cancel_consent", { bankId });

/** The accounts the user allowed at the bank, to pick from. */
export const consentedAccounts = (bankId: string): Promise<Array<AccountChoice>> =>
  call("consented_accounts", { bankId });

/** Stores which of the bank's consented accounts Bankbook shows. */
export const selectAccounts = (bankId: string, ibans: Array<string>): Promise<ConnectionStatus> =>
  call("select_accounts", { bankId, ibans });

/** Removes the bank's tokens from the keychain; `keepData` keeps what was already
 * downloaded from it. Other banks stay connected. */
export const disconnect = (bankId: string, keepData: boolean): Promise<void> =>
  call("disconnect", { bankId, keepData });

/** Every bank's chosen accounts with their balances as stored, at once; `stale` ones want
 * a refresh. */
export const accountsOverview = (): Promise<Array<AccountOverview>> =>
  call("accounts_overview");

/** Fetches the bank's chosen accounts' balances and newest transactions; `onlyStale` (the
 * app refreshing on its own) fetches only what is out of date. One call per bank, so one
 * that fails does not hold up the others. */
export const refreshBank = (bankId: string, onlyStale: boolean): Promise<Array<AccountOverview>> =>
  call("refresh_bank", { bankId, onlyStale });

/** A page of an account's history, newest first, next to `cursor` (null: the top): `older`
 * goes on with a page's `nextCursor`, `newer` comes back up with its `previousCursor`. */
export const transactionsPage = (iban: string, cursor: string | null, limit: number, direction: PageDirection): Promise<TransactionsPage> =>
  call("transactions_page", { iban, cursor, limit, direction });

/** A page of the stored entries of the shown accounts that match `query`, newest first,
 * next to `cursor` (null: the first page): `older` goes on with a page's `nextCursor`,
 * `newer` comes back up with its `previousCursor`. */
export const searchTransactions = (query: SearchQuery, cursor: string | null, limit: number, direction: PageDirection): Promise<SearchPage> =>
  call("search_transactions", { query, cursor, limit, direction });

/** The count and the sums per currency of everything that matches `query`, how far back the
 * searched history goes, and what in the query was not understood. */
export const searchSummary = (query: SearchQuery): Promise<SearchSummary> =>
  call("search_summary", { query });

/** Everything stored of one entry, the bank's own JSON of it included. */
export const transactionDetail = (iban: string, id: string): Promise<TransactionDetail> =>
  call("transaction_detail", { iban, id });

/** Pages the bank back as far as it serves for the account (null: every shown account), so
 * that search covers the whole history; progress comes as `task-progress`. */
export const fetchWholeHistory = (iban: string | null): Promise<HistoryFetched> =>
  call("fetch_whole_history", { iban });

/** Whether the account's stored history adds up to the booked balances its bank reported
 * at each refresh, and where it does not. */
export const reconciliation = (iban: string): Promise<AccountReconciliation> =>
  call("reconciliation", { iban });

/** Fetches the account's entries dated `from` to `to` (`YYYY-MM-DD`, a break's days) again,
 * stores those missing, and checks again. */
export const fetchPeriodAgain = (iban: string, from: string, to: string): Promise<AccountReconciliation> =>
  call("fetch_period_again", { iban, from, to });

/** The account's money in and out per month over the last twelve, and its balance at the
 * end of each day since, rebuilt from the booked balance (a day without stored history
 * has none). */
export const charts = (iban: string): Promise<AccountCharts> =>
  call("charts", { iban });

/** What the account's booked entries spent per category in `month` (`YYYY-MM`), largest
 * first; transfers between own accounts are not spending. */
export const monthSpending = (iban: string, month: string): Promise<MonthSpending> =>
  call("month_spending", { iban, month });

/** Every category, named in the reading language, and the person's rules. */
export const categorySettings = (): Promise<CategorySettings> =>
  call("category_settings");

/** Adds the person's category (`colour` is `#rrggbb`). */
export const addCategory = (name: string, colour: string): Promise<CategorySettings> =>
  call("add_category", { name, colour });

/** Renames and recolours a category; an empty name gives the app's category its name back. */
export const updateCategory = (id: number, name: string, colour: string): Promise<CategorySettings> =>
  call("update_category", { id, name, colour });

/** Removes the person's category; its transactions are categorised by the rules again. */
export const removeCategory = (id: number): Promise<CategorySettings> =>
  call("remove_category", { id });

/** The person's category for a transaction, kept through refreshes and booking; null
 * leaves it to the rules again. */
export const chooseCategory = (iban: string, id: string, categoryId: number | null): Promise<void> =>
  call("choose_category", { iban, id, categoryId });

/** Which stored transactions saving the rule would change; progress comes as
 * `task-progress` of `categorise`. */
export const previewRule = (categoryId: number, conditions: RuleConditions): Promise<RulePreview> =>
  call("preview_rule", { categoryId, conditions });

/** Saves the rule for new transactions and, with `apply`, gives its category to the
 * stored ones its preview listed; progress as for the preview, and it can be cancelled. */
export const saveRule = (categoryId: number, conditions: RuleConditions, apply: boolean): Promise<RuleSaved> =>
  call("save_rule", { categoryId, conditions, apply });

/** Removes a rule. What it categorised keeps its category until the bank sends the
 * transaction changed or booked, when the remaining rules decide. */
export const removeRule = (id: number): Promise<CategorySettings> =>
  call("remove_rule", { id });

/** Stops the running task of that kind at its next step; what it finished stays. */
export const cancelTask = (task: TaskKind): Promise<void> =>
  call("cancel_task", { task });

/** Asks where to save in the system's dialog, then writes everything that matches `query`;
 * progress comes as `task-progress`, a cancelled export leaves no file. */
export const exportTransactions = (query: SearchQuery, format: ExportFormat): Promise<ExportOutcome> =>
  call("export_transactions", { query, format });

/** The real banks' profiles (never their secrets: only whether one is saved) and the
 * presets; a broken `banks.toml` fails with its line in `detail`. */
export const bankSettings = (): Promise<BankSettings> =>
  call("bank_settings");

/** Saves a bank's profile to `banks.toml` and its client secret and private key to the
 * keychain; a field that cannot work fails with `detail.bankForm`. */
export const saveBank = (form: BankForm): Promise<BankProfileView> =>
  call("save_bank", { form });

/** Asks the bank whether it knows the client id and secret, with no consent; TLS and mutual
 * TLS are tried on the way. */
export const checkBank = (bankId: string): Promise<BankCheck> =>
  call("check_bank", { bankId });

/** Disconnects the bank, removes its keychain entries and its profile. */
export const removeBank = (bankId: string): Promise<void> =>
  call("remove_bank", { bankId });

/** The language and theme the person chose, and the system's locale (`unreadable`: the
 * preferences file is broken and the defaults are used). */
export const preferences = (): Promise<Preferences> =>
  call("preferences");

/** Remembers the language and theme for the next start; a broken file is kept aside. */
export const savePreferences = (choice: PreferenceChoice): Promise<Preferences> =>
  call("save_preferences", { choice });

/** Which shown accounts announce their new entries, whether with amounts, and the quiet
 * hours (`HH:MM`, local time). */
export const notificationSettings = (): Promise<NotificationSettings> =>
  call("notification_settings");

/** Saves the notification settings; an account not shown or a time not `HH:MM` is refused. */
export const saveNotificationSettings = (settings: NotificationSettings): Promise<NotificationSettings> =>
  call("save_notification_settings", { settings });

/** Tells Rust a moment of start-up is on screen, for the start-up times in the log. */
export const uiPainted = (milestone: Milestone): Promise<void> =>
  call("ui_painted", { milestone });

/** The bank's answer to a consent arrived and was handled. */
export const onConsentFinished = (handler: (payload: ConsentOutcome) => void): Promise<() => void> =>
  listenTo("consent-finished", handler);

/** How far a long task (the whole history, an export) got. */
export const onTaskProgress = (handler: (payload: TaskProgress) => void): Promise<() => void> =>
  listenTo("task-progress", handler);

/** Bankbook refreshed accounts on its own (within the bank's four a day), or failed to. */
export const onRefreshedOnItsOwn = (handler: (payload: RefreshedOnItsOwn) => void): Promise<() => void> =>
  listenTo("refreshed-on-its-own", handler);

/** A notification about an account was clicked: the window shows that account. */
export const onOpenAccount = (handler: (payload: AccountToOpen) => void): Promise<() => void> =>
  listenTo("open-account", handler);

/** The person chose Refresh now in the tray: the window refreshes every bank. */
export const onRefreshRequested = (handler: (payload: void) => void): Promise<() => void> =>
  listenTo("refresh-requested", handler);
