//! The IPC surface, made from its one list (`surface.rs`): each command a one-line
//! `#[tauri::command]` into the app core, each event a typed emitter.

// Tauri hands `State` and arguments to commands by value. Every command is `async`: Tauri runs
// those off the main thread, so a long write never freezes the window.
#![allow(clippy::needless_pass_by_value)]

#[cfg(test)]
mod typescript;

use app::{
    AccountCharts, AccountChoice, AccountOverview, AccountReconciliation, AccountToOpen,
    BackupOutcome, BankCheck, BankForm, BankList, BankProfileView, BankSettings, CategorySettings,
    ConnectionStatus, ConsentOutcome, ExportFormat, ExportOutcome, HistoryFetched, Milestone,
    MonthSpending, NotificationSettings, PageDirection, PreferenceChoice, Preferences,
    RefreshedOnItsOwn, RuleConditions, RulePreview, RuleSaved, SearchPage, SearchQuery,
    SearchSummary, StartedAgain, TaskKind, TaskProgress, TransactionDetail, TransactionsPage,
};
use tauri::Emitter;

macro_rules! commands {
    ($( $(#[doc = $doc:literal])* $name:ident ( $( $arg:ident : $ty:ty ),* ) -> $ret:ty ; )*) => {
        $(
            $(#[doc = $doc])*
            #[tauri::command]
            pub async fn $name(
                core: tauri::State<'_, app::Core>,
                $( $arg: $ty ),*
            ) -> Result<$ret, app::Error> {
                core.$name($( $arg ),*).await.map_err(|error| core.with_data_folder(error))
            }
        )*

        /// Hands each call from the webview to its command.
        pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$( $name ),*]
        }

        #[cfg(test)]
        fn commands() -> Vec<typescript::Command> {
            vec![$(
                typescript::Command {
                    name: stringify!($name),
                    docs: &[$( $doc ),*],
                    arguments: vec![$( typescript::Argument::of::<$ty>(stringify!($arg)) ),*],
                    result: typescript::Type::of::<$ret>(),
                }
            ),*]
        }
    };
}

macro_rules! events {
    ($( $(#[doc = $doc:literal])* $name:ident : $payload:ty ; )*) => {
        $(
            $(#[doc = $doc])*
            pub fn $name(app: &tauri::AppHandle, payload: &$payload) {
                emit(app, stringify!($name), payload);
            }
        )*

        #[cfg(test)]
        fn events() -> Vec<typescript::Event> {
            vec![$(
                typescript::Event {
                    name: event_name(stringify!($name)),
                    docs: &[$( $doc ),*],
                    payload: typescript::Type::of::<$payload>(),
                }
            ),*]
        }
    };
}

include!("surface.rs");

/// An event's name on the wire: `consent_finished` is heard as `consent-finished`.
fn event_name(name: &str) -> String {
    name.replace('_', "-")
}

fn emit(app: &tauri::AppHandle, name: &str, payload: &impl serde::Serialize) {
    if let Err(error) = app.emit(&event_name(name), payload) {
        tracing::error!(%error, event = name, "could not tell the window");
    }
}
