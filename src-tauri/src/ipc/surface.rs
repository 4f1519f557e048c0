// Everything the webview can call and hear: the one place a command or an event is named.
// `ipc/mod.rs` makes each command a one-line `#[tauri::command]` into the app core and each
// event a typed emitter; `build.rs` makes the allow-list and the capability's permission set;
// a test writes the TypeScript functions (`ui/src/ipc/bindings/commands.ts`).
// A command's arguments and result are the app core's method's, its docs the UI's.

commands! {
    /// The banks the user can connect; the Demo Bank when none is configured.
    list_banks() -> Vec<BankChoice>;
    /// Which bank is connected (`bank` null: none), until when, and the accounts the user
    /// picked. Tries again to open the app's data when that failed before.
    connection_status() -> ConnectionStatus;
    /// Opens the bank's consent page in the system browser; the answer comes as
    /// `consent-finished`.
    start_consent(bank_id: String) -> ();
    /// Opens the pending consent's page in the browser again.
    reopen_consent_page() -> ();
    /// Forgets the pending consent: a late answer from the bank is then refused.
    cancel_consent() -> ();
    /// The accounts the user allowed at the bank, to pick from.
    consented_accounts() -> Vec<AccountChoice>;
    /// Stores which consented accounts Bankbook shows.
    select_accounts(ibans: Vec<String>) -> ConnectionStatus;
    /// Removes the bank's tokens from the keychain; `keepData` keeps what was already
    /// downloaded.
    disconnect(keep_data: bool) -> ();
    /// The chosen accounts with their balances as stored, at once; `stale` ones want a refresh.
    accounts_overview() -> Vec<AccountOverview>;
    /// Fetches the chosen accounts' balances and newest transactions from the bank;
    /// `onlyStale` (the app refreshing on its own) fetches only what is out of date.
    refresh_accounts(only_stale: bool) -> Vec<AccountOverview>;
    /// A page of an account's history, newest first, next to `cursor` (null: the top): `older`
    /// goes on with a page's `nextCursor`, `newer` comes back up with its `previousCursor`.
    transactions_page(iban: String, cursor: Option<String>, limit: u32, direction: PageDirection) -> TransactionsPage;
    /// The language and theme the person chose, and the system's locale (`unreadable`: the
    /// preferences file is broken and the defaults are used).
    preferences() -> Preferences;
    /// Remembers the language and theme for the next start; a broken file is kept aside.
    save_preferences(choice: PreferenceChoice) -> Preferences;
    /// Tells Rust a moment of start-up is on screen, for the start-up times in the log.
    ui_painted(milestone: Milestone) -> ();
}

events! {
    /// The bank's answer to a consent arrived and was handled.
    consent_finished: ConsentOutcome;
}
