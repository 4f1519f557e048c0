// Everything the webview can call and hear: the one place a command or an event is named.
// `ipc/mod.rs` makes each command a one-line `#[tauri::command]` into the app core and each
// event a typed emitter; `build.rs` makes the allow-list and the capability's permission set;
// a test writes the TypeScript functions (`ui/src/ipc/bindings/commands.ts`).
// A command's arguments and result are the app core's method's, its docs the UI's.

commands! {
    /// The banks the user can connect, the Demo Bank last; `problem` says why a broken
    /// `banks.toml` left only the Demo Bank.
    list_banks() -> BankList;
    /// Every bank Bankbook is connected to (none: an empty list), until when, and the
    /// accounts the user picked at each. Tries again to open the app's data when that failed
    /// before.
    connection_status() -> ConnectionStatus;
    /// Moves the data whose key the keychain no longer has aside (the person confirmed it),
    /// and starts with none; data that opens, or waits for its keychain, is not touched.
    start_again() -> StartedAgain;
    /// Asks where to save in the system's dialog, then writes the whole store there, sealed
    /// with `passphrase` (at least 8 characters).
    back_up(passphrase: String) -> BackupOutcome;
    /// Asks which backup to restore in the system's dialog; its file name, or null when the
    /// dialog was closed.
    choose_backup() -> Option<String>;
    /// Restores the backup `chooseBackup` picked, with its `passphrase`, in place of data with
    /// no bank connected (that data is moved aside); a wrong passphrase or a damaged file
    /// changes nothing.
    restore_backup(passphrase: String) -> ConnectionStatus;
    /// Opens the bank's consent page in the system browser; the answer comes as
    /// `consent-finished`. Replaces a consent of that bank still waiting.
    start_consent(bank_id: String) -> ();
    /// Opens the bank's pending consent page in the browser again.
    reopen_consent_page(bank_id: String) -> ();
    /// Forgets the bank's pending consent: a late answer from the bank is then refused.
    cancel_consent(bank_id: String) -> ();
    /// The accounts the user allowed at the bank, to pick from.
    consented_accounts(bank_id: String) -> Vec<AccountChoice>;
    /// Stores which of the bank's consented accounts Bankbook shows.
    select_accounts(bank_id: String, ibans: Vec<String>) -> ConnectionStatus;
    /// Removes the bank's tokens from the keychain; `keepData` keeps what was already
    /// downloaded from it. Other banks stay connected.
    disconnect(bank_id: String, keep_data: bool) -> ();
    /// Every bank's chosen accounts with their balances as stored, at once; `stale` ones want
    /// a refresh.
    accounts_overview() -> Vec<AccountOverview>;
    /// Fetches the bank's chosen accounts' balances and newest transactions; `onlyStale` (the
    /// app refreshing on its own) fetches only what is out of date. One call per bank, so one
    /// that fails does not hold up the others.
    refresh_bank(bank_id: String, only_stale: bool) -> Vec<AccountOverview>;
    /// A page of an account's history, newest first, next to `cursor` (null: the top): `older`
    /// goes on with a page's `nextCursor`, `newer` comes back up with its `previousCursor`.
    transactions_page(iban: String, cursor: Option<String>, limit: u32, direction: PageDirection) -> TransactionsPage;
    /// A page of the stored entries of the shown accounts that match `query`, newest first,
    /// next to `cursor` (null: the first page): `older` goes on with a page's `nextCursor`,
    /// `newer` comes back up with its `previousCursor`.
    search_transactions(query: SearchQuery, cursor: Option<String>, limit: u32, direction: PageDirection) -> SearchPage;
    /// The count and the sums per currency of everything that matches `query`, how far back the
    /// searched history goes, and what in the query was not understood.
    search_summary(query: SearchQuery) -> SearchSummary;
    /// Everything stored of one entry, the bank's own JSON of it included.
    transaction_detail(iban: String, id: String) -> TransactionDetail;
    /// Pages the bank back as far as it serves for the account (null: every shown account), so
    /// that search covers the whole history; progress comes as `task-progress`.
    fetch_whole_history(iban: Option<String>) -> HistoryFetched;
    /// Whether the account's stored history adds up to the booked balances its bank reported
    /// at each refresh, and where it does not.
    reconciliation(iban: String) -> AccountReconciliation;
    /// Fetches the account's entries dated `from` to `to` (`YYYY-MM-DD`, a break's days) again,
    /// stores those missing, and checks again.
    fetch_period_again(iban: String, from: String, to: String) -> AccountReconciliation;
    /// The account's money in and out per month over the last twelve, and its balance at the
    /// end of each day since, rebuilt from the booked balance (a day without stored history
    /// has none).
    charts(iban: String) -> AccountCharts;
    /// What the account's booked entries spent per category in `month` (`YYYY-MM`), largest
    /// first; transfers between own accounts are not spending.
    month_spending(iban: String, month: String) -> MonthSpending;
    /// Every category, named in the reading language, and the person's rules.
    category_settings() -> CategorySettings;
    /// Adds the person's category (`colour` is `#rrggbb`).
    add_category(name: String, colour: String) -> CategorySettings;
    /// Renames and recolours a category; an empty name gives the app's category its name back.
    update_category(id: u32, name: String, colour: String) -> CategorySettings;
    /// Removes the person's category; its transactions are categorised by the rules again.
    remove_category(id: u32) -> CategorySettings;
    /// The person's category for a transaction, kept through refreshes and booking; null
    /// leaves it to the rules again.
    choose_category(iban: String, id: String, category_id: Option<u32>) -> ();
    /// Which stored transactions saving the rule would change; progress comes as
    /// `task-progress` of `categorise`.
    preview_rule(category_id: u32, conditions: RuleConditions) -> RulePreview;
    /// Saves the rule for new transactions and, with `apply`, gives its category to the
    /// stored ones its preview listed; progress as for the preview, and it can be cancelled.
    save_rule(category_id: u32, conditions: RuleConditions, apply: bool) -> RuleSaved;
    /// Removes a rule. What it categorised keeps its category until the bank sends the
    /// transaction changed or booked, when the remaining rules decide.
    remove_rule(id: u32) -> CategorySettings;
    /// Stops the running task of that kind at its next step; what it finished stays.
    cancel_task(task: TaskKind) -> ();
    /// Asks where to save in the system's dialog, then writes everything that matches `query`;
    /// progress comes as `task-progress`, a cancelled export leaves no file.
    export_transactions(query: SearchQuery, format: ExportFormat) -> ExportOutcome;
    /// The real banks' profiles (never their secrets: only whether one is saved) and the
    /// presets; a broken `banks.toml` fails with its line in `detail`.
    bank_settings() -> BankSettings;
    /// Saves a bank's profile to `banks.toml` and its client secret and private key to the
    /// keychain; a field that cannot work fails with `detail.bankForm`.
    save_bank(form: BankForm) -> BankProfileView;
    /// Asks the bank whether it knows the client id and secret, with no consent; TLS and mutual
    /// TLS are tried on the way.
    check_bank(bank_id: String) -> BankCheck;
    /// Disconnects the bank, removes its keychain entries and its profile.
    remove_bank(bank_id: String) -> ();
    /// The language and theme the person chose, and the system's locale (`unreadable`: the
    /// preferences file is broken and the defaults are used).
    preferences() -> Preferences;
    /// Remembers the language and theme for the next start; a broken file is kept aside.
    save_preferences(choice: PreferenceChoice) -> Preferences;
    /// Which shown accounts announce their new entries, whether with amounts, and the quiet
    /// hours (`HH:MM`, local time).
    notification_settings() -> NotificationSettings;
    /// Saves the notification settings; an account not shown or a time not `HH:MM` is refused.
    save_notification_settings(settings: NotificationSettings) -> NotificationSettings;
    /// Tells Rust a moment of start-up is on screen, for the start-up times in the log.
    ui_painted(milestone: Milestone) -> ();
}

events! {
    /// The bank's answer to a consent arrived and was handled.
    consent_finished: ConsentOutcome;
    /// How far a long task (the whole history, an export) got.
    task_progress: TaskProgress;
    /// Bankbook refreshed accounts on its own (within the bank's four a day), or failed to.
    refreshed_on_its_own: RefreshedOnItsOwn;
    /// A notification about an account was clicked: the window shows that account.
    open_account: AccountToOpen;
    /// The person chose Refresh now in the tray: the window refreshes every bank.
    refresh_requested: ();
}
