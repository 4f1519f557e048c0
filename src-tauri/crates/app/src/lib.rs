//! Bankbook's app core, without Tauri: what the app holds while it runs ([`Core`]), every use
//! case the window asks for (one `impl Core` block per domain), the views it is sent (with
//! their TypeScript bindings, by ts-rs) and the mapping of every crate's error to the IPC's
//! `{code, message, detail}`. The Tauri shell (`src-tauri/src`) only wires these to commands.

// Every use case is `async`, also those with nothing to await yet: the shell's one-line
// commands await each one alike, and one that starts to wait needs no change there.
#![allow(clippy::unused_async)]

mod accounts;
mod automatic_refresh;
mod backup;
mod bank_form;
mod bank_settings;
mod banks;
mod blocking;
mod browser;
mod categories;
mod charts;
mod clock;
mod connection;
mod consent;
mod core;
mod detail;
mod error;
mod export;
mod file_dialog;
mod history;
mod indented_json;
mod locale;
mod log_path;
mod notification_settings;
mod notification_text;
mod notifications;
mod open;
mod opened;
mod preferences;
mod reconciliation;
mod restore;
mod retry_later;
mod search;
mod start_again;
mod startup;
mod store_key;
mod tasks;
mod watched;
mod whole_history;

pub use self::export::{ExportFormat, ExportOutcome};
pub use accounts::{AccountOverview, BalanceKind, BalanceView};
pub use automatic_refresh::{
    Arrived, AutomaticRefresh, BankFailure, RefreshedOnItsOwn, UNATTENDED_READS_PER_DAY,
};
pub use backup::{BackupOutcome, MIN_PASSPHRASE_CHARS};
pub use bank_form::{BankField, BankFormProblem};
pub use bank_settings::{
    BankCheck, BankForm, BankPreset, BankProfileView, BankSettings, PresetEnvironment,
};
pub use banks::{BankChoice, BankList};
pub use browser::Browser;
pub use categories::{
    Category, CategoryRule, CategorySettings, PreviewedChange, RuleConditions, RulePreview,
    RuleSaved,
};
pub use charts::{
    AccountCharts, AxisTick, CategorySpent, ChartAxis, DayBalance, MonthFlow, MonthSpending,
};
pub use clock::{Clock, SystemClock};
pub use connection::{AccountChoice, BankConnection, ConnectionStatus};
pub use consent::ConsentOutcome;
pub use core::{Core, Folders};
pub use detail::TransactionDetail;
pub use error::{
    BackupProblem, BankSetupProblem, Cause, Error, ErrorCode, ErrorDetail, IoReason, IpcError,
    KeychainReason, Result,
};
pub use file_dialog::{BACKUP_EXTENSION, FileAnswer, FileDialog, FileKind, NoFileDialog};
pub use history::{EntryStatus, PageDirection, TransactionView, TransactionsPage};
pub use notification_settings::NotificationSettings;
pub use notifications::{AccountToOpen, NoNotifier, Notification, Notifier};
pub use preferences::{
    LanguageChoice, LoginItem, NoLoginItem, NoTrayMenu, PreferenceChoice, Preferences, ThemeChoice,
    TrayMenu, UnreadablePreferences,
};
pub use reconciliation::{AccountReconciliation, HistoryBreak};
pub use search::{
    CurrencyTotals, Direction, FoundTransaction, QueryNote, QueryNoteKind, SearchCoverage,
    SearchPage, SearchQuery, SearchSummary,
};
pub use start_again::StartedAgain;
pub use startup::Milestone;
pub use tasks::{NoProgress, ProgressSink, TaskKind, TaskProgress};
pub use whole_history::HistoryFetched;
