//! The app's error and its shape across IPC: `{ code, message, retryAfterSeconds, detail }`
//! with a closed set of codes. The one place where every crate's error gets its code.
//!
//! The UI words every failure itself, in the person's language: `message` is English for the
//! log, never shown. What the UI needs beyond the code comes as `detail`, in data: which folder
//! and why, why the keychain, which line of `banks.toml`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;
use ts_rs::TS;

use crate::bank_form::{BankField, BankFormProblem};
use crate::log_path::hide_home;
use crate::tasks::TaskKind;

/// What the UI branches on. Add a code only when the UI does something different with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    /// The request itself was wrong; retrying it unchanged will fail again.
    InvalidInput,
    /// Something the user cannot fix from the UI; the message (in the log) says what happened.
    Internal,
    /// The user declined at the bank.
    ConsentDenied,
    /// A callback that matches no consent in progress: stale, reused or forged.
    ConsentInvalid,
    /// The consent is over: the user must connect again.
    ConsentRequired,
    /// The bank answered with an outage (5xx, the nightly break) or not in time.
    BankUnavailable,
    /// The bank asks to slow down; `retryAfterSeconds` says when to come back.
    RateLimited,
    /// No answer from the bank.
    Network,
    /// No system keychain reachable, or it is locked.
    KeychainUnavailable,
    /// The data folder can't be read or written: a full disk, a read-only folder.
    StorageUnavailable,
}

/// Every command error as the webview receives it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IpcError {
    pub code: ErrorCode,
    /// English, for the log and diagnostics: never shown, the UI words the failure itself.
    pub message: String,
    /// When the bank said to come back, in seconds.
    pub retry_after_seconds: Option<u32>,
    /// What the person can act on, for the UI to say in its own words; null when the code
    /// says it all.
    pub detail: Option<ErrorDetail>,
}

/// What on the person's own computer is in the way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[ts(export)]
pub enum ErrorDetail {
    /// The data or config folder, or a file in it, could not be used (`storage_unavailable`).
    Folder { path: String, reason: IoReason },
    /// The system keychain could not be used (`keychain_unavailable`).
    Keychain { reason: KeychainReason },
    /// The person's data is on this computer, encrypted, and the keychain cannot give its key
    /// (`keychain_unavailable`): locked, not running, or without the key for good
    /// (`storeKeyMissing`). Nothing was created over it.
    LockedData { reason: KeychainReason },
    /// `banks.toml` could not be read or understood: the file, and the line (from 1) to fix
    /// when known.
    BanksFile { path: String, line: Option<u32> },
    /// A bank's profile lacks what connecting needs (`invalid_input`): the Banks screen is where
    /// the person adds it.
    BankSetup { problem: BankSetupProblem },
    /// A field of the Banks form cannot work as filled in (`invalid_input`).
    BankForm {
        field: BankField,
        problem: BankFormProblem,
    },
    /// A camt.053 statement needs the booked balance of an account that has matches, and none
    /// is stored (`invalid_input`): refreshing the account's balances fixes it.
    MissingBalance,
    /// A task of this kind is already running (`invalid_input`): the window waits for it to
    /// end, or cancels it.
    TaskRunning { task: TaskKind },
    /// A backup could not be made or restored as asked (`invalid_input`).
    Backup { problem: BackupProblem },
}

/// Why a backup could not be made or restored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum BackupProblem {
    /// The passphrase does not open the backup.
    WrongPassphrase,
    /// The file is damaged: cut short, or changed.
    Damaged,
    /// The file is no Bankbook backup.
    NotABackup,
    /// The backup was made by a newer Bankbook.
    NewerVersion,
    /// The passphrase is too short.
    WeakPassphrase,
    /// A bank is connected: a restore would replace its data.
    DataInUse,
    /// Another task (an export, a backup) is using the data: try again when it is done.
    DataBusy,
}

/// What a bank's profile lacks for connecting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum BankSetupProblem {
    /// No client secret is saved in the keychain.
    ClientSecret,
    /// The client certificate's private key is not in the keychain.
    ClientKey,
    /// The client certificate file cannot be read or used.
    ClientCertificate,
}

/// Why a folder or a file could not be used, as the system said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum IoReason {
    /// The disk (or the user's quota) is full.
    NoSpace,
    /// The system does not let this user in.
    PermissionDenied,
    /// The disk or the file cannot be written.
    ReadOnly,
    /// A folder on the way is missing.
    NotFound,
    Other,
}

/// Why the keychain could not be used, as far as the system tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum KeychainReason {
    /// It is there but locked (or the person dismissed its unlock prompt).
    Locked,
    /// It answers, but without the key of the person's encrypted data, or with one that does
    /// not open it: the data is kept, unread.
    StoreKeyMissing,
    /// No keychain service could be reached: none installed, or not running.
    NoService,
    Other,
}

/// Everything a use case of the app can fail with; serialized for the webview as [`IpcError`].
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Connection(#[from] connection::Error),
    #[error(transparent)]
    Bank(#[from] bank::Error),
    #[error(transparent)]
    Store(#[from] store::Error),
    #[error(transparent)]
    Ledger(#[from] ledger::Error),
    /// The keychain, reached for a bank's secrets from the Banks screen.
    #[error(transparent)]
    Vault(#[from] vault::Error),
    /// The store is encrypted and the keychain has no key that opens it (removed, or another
    /// keychain): nothing is created over it.
    #[error(
        "the local database is encrypted and the keychain has no key that opens it; it is kept \
         as it is"
    )]
    StoreKeyMissing,
    /// The store is encrypted and the keychain that holds its key cannot be used (locked, not
    /// running): the data opens once it can.
    #[error("the local database is encrypted and the keychain with its key cannot be used: {0}")]
    DataLocked(#[source] vault::Error),
    /// A backup could not be opened: a wrong passphrase, a damaged or foreign file, or one
    /// from a newer Bankbook.
    #[error("the backup: {0}")]
    Backup(#[source] backup::Error),
    /// The backup file the person chose could not be read or written.
    #[error("the backup file {} could not be used: {source}", path.display())]
    BackupFile {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A passphrase too short to guard a backup.
    #[error(
        "a backup's passphrase needs at least {} characters",
        crate::backup::MIN_PASSPHRASE_CHARS
    )]
    WeakPassphrase,
    /// A restore while a bank is connected.
    #[error("a bank is connected; a backup is restored only where none is")]
    DataInUse,
    /// A restore while another use case holds the data (an export, a backup).
    #[error("another task is using the data")]
    DataBusy,
    /// Work stopped before its end: the app is closing, or memory ran out.
    #[error("stopped: {0}")]
    Interrupted(String),
    /// The app's own folders (config, data) could not be found.
    #[error("the app's folders: {0}")]
    Folders(#[source] Cause),
    /// The data folder can't be made, or the store in it can't be opened, read or written: a
    /// read-only or full disk, missing permissions.
    #[error("Bankbook can't use its data folder {}: {}", path.display(), without_path(source))]
    DataFolder {
        path: PathBuf,
        #[source]
        source: store::Error,
    },
    /// The preferences could not be saved in the config folder: a read-only or full disk,
    /// missing permissions.
    #[error("Bankbook can't save its preferences in {}: {source}", path.display())]
    ConfigFolder {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The export could not be written to the file the person chose (the folder is not
    /// writable, the disk is full), or its data cannot be written in the format.
    #[error("the export could not be written to {}: {source}", path.display())]
    ExportFile {
        path: PathBuf,
        #[source]
        source: export::Error,
    },
    #[error("the bank's page could not be opened in the browser: {0}")]
    Browser(#[source] Cause),
    /// The system would not take a desktop notification (no notification service).
    #[error("the desktop notification could not be shown: {0}")]
    Notifier(#[source] Cause),
    /// The system's autostart entry could not be written or removed.
    #[error("starting at login could not be changed: {0}")]
    LoginItem(#[source] Cause),
    /// The tray icon's menu could not be made again.
    #[error("the tray's menu could not be changed: {0}")]
    TrayMenu(#[source] Cause),
    #[error("{0}")]
    InvalidInput(String),
    #[error("Bankbook is not connected to a bank")]
    NotConnected,
    /// An account with matches has no booked balance stored, which its camt.053 statement
    /// needs. Names no account: the log must not hold an IBAN.
    #[error("a camt.053 statement needs an account's booked balance, and none is stored")]
    MissingBalance,
    /// One task of a kind runs at a time.
    #[error("a task of kind {0:?} is already running")]
    TaskRunning(TaskKind),
    #[error("you declined access at your bank")]
    ConsentDenied,
    /// A field of the Banks form cannot work as filled in.
    #[error("the bank's {field:?} field: {problem:?}")]
    BankForm {
        field: BankField,
        problem: BankFormProblem,
    },
}

pub type Result<T> = std::result::Result<T, Error>;

/// What another layer's failure was (the system's browser opener, Tauri's path resolver),
/// kept as the cause of this crate's error.
pub type Cause = Arc<dyn std::error::Error + Send + Sync>;

impl Error {
    /// The person's browser could not open a page.
    pub fn browser(cause: impl std::error::Error + Send + Sync + 'static) -> Self {
        Self::Browser(Arc::new(cause))
    }

    /// The system would not take a desktop notification.
    pub fn notifier(cause: impl std::error::Error + Send + Sync + 'static) -> Self {
        Self::Notifier(Arc::new(cause))
    }

    /// The tray icon's menu could not be made again.
    pub fn tray_menu(cause: impl std::error::Error + Send + Sync + 'static) -> Self {
        Self::TrayMenu(Arc::new(cause))
    }

    /// The system's autostart entry could not be changed.
    pub fn login_item(cause: impl std::error::Error + Send + Sync + 'static) -> Self {
        Self::LoginItem(Arc::new(cause))
    }

    /// A failure of the backup crate: an I/O error of the backup file (`backup_failed`: its
    /// side of the stream failed) names that file; one of the other side, the store's copy in
    /// the data folder at `data_path`; running out of memory is neither. The rest is a problem
    /// of the backup itself.
    pub(crate) fn from_backup(
        error: backup::Error,
        backup_path: &Path,
        backup_failed: bool,
        data_path: &Path,
    ) -> Self {
        match error {
            backup::Error::Io(source) if backup_failed => Self::BackupFile {
                path: backup_path.to_owned(),
                source,
            },
            backup::Error::Io(source) if source.kind() == std::io::ErrorKind::OutOfMemory => {
                Self::Interrupted(source.to_string())
            }
            backup::Error::Io(source) => Self::Store(store::Error::io(data_path, source)),
            other => Self::Backup(other),
        }
    }

    /// A failure of the store, which does not know where it is, as a failure of the data
    /// folder `path`, so that the person is told which folder; any other error as it is.
    pub(crate) fn in_data_folder(self, path: &Path) -> Self {
        match self {
            Self::Store(source) | Self::Ledger(ledger::Error::Store(source))
                if source.is_storage_failure() =>
            {
                Self::DataFolder {
                    path: path.to_owned(),
                    source,
                }
            }
            other => other,
        }
    }

    /// The error as the log writes it: the home folder in any path as `~` (a login is often
    /// the person's name).
    pub fn for_log(&self) -> String {
        hide_home(&self.to_string())
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            Self::InvalidInput(_)
            | Self::Backup(_)
            | Self::WeakPassphrase
            | Self::DataInUse
            | Self::DataBusy
            | Self::BankForm { .. }
            | Self::MissingBalance
            | Self::TaskRunning(_) => ErrorCode::InvalidInput,
            Self::ConsentDenied => ErrorCode::ConsentDenied,
            Self::NotConnected => ErrorCode::ConsentRequired,
            Self::Connection(error) => connection_code(error),
            Self::Bank(error) => bank_code(error),
            Self::Ledger(error) => ledger_code(error),
            Self::StoreKeyMissing | Self::Store(store::Error::WrongKey) | Self::DataLocked(_) => {
                ErrorCode::KeychainUnavailable
            }
            Self::Store(error) => store_code(error),
            Self::Vault(error) => vault_code(error),
            Self::DataFolder { .. } | Self::ConfigFolder { .. } | Self::BackupFile { .. } => {
                ErrorCode::StorageUnavailable
            }
            Self::ExportFile { source, .. } => export_code(source),
            Self::Folders(_)
            | Self::Browser(_)
            | Self::Notifier(_)
            | Self::LoginItem(_)
            | Self::TrayMenu(_)
            | Self::Interrupted(_) => ErrorCode::Internal,
        }
    }

    fn retry_after_seconds(&self) -> Option<u32> {
        self.bank_error()?
            .retry_after()
            .map(|wait| u32::try_from(wait.as_secs()).unwrap_or(u32::MAX))
    }

    /// The bank's error, however the use case reached it.
    fn bank_error(&self) -> Option<&bank::Error> {
        match self {
            Self::Bank(error)
            | Self::Connection(connection::Error::Bank(error))
            | Self::Ledger(ledger::Error::Bank(error)) => Some(error),
            _ => None,
        }
    }
}

/// The store's reason without the file's path: the message names the folder already.
fn without_path(error: &store::Error) -> String {
    match error {
        store::Error::Io { source, .. } => source.to_string(),
        other => other.to_string(),
    }
}

fn connection_code(error: &connection::Error) -> ErrorCode {
    match error {
        connection::Error::Unmatched(_) => ErrorCode::ConsentInvalid,
        connection::Error::Bank(error) => bank_code(error),
        connection::Error::Vault(error) => vault_code(error),
        connection::Error::UnknownBank(_) => ErrorCode::InvalidInput,
        connection::Error::NoClientSecret(_) | connection::Error::NoClientKey(_) => {
            ErrorCode::InvalidInput
        }
        connection::Error::DemoBank(_) => ErrorCode::Internal,
    }
}

fn export_code(error: &export::Error) -> ErrorCode {
    match error {
        export::Error::Io(_) => ErrorCode::StorageUnavailable,
        // A cancel ends as an outcome and the store's failures are handed on as the ledger's,
        // so neither comes here; data the format cannot carry is not the person's to fix.
        export::Error::Cancelled
        | export::Error::Source(_)
        | export::Error::Unrepresentable { .. }
        | export::Error::UnknownAccount
        | export::Error::NoAccounts => ErrorCode::Internal,
    }
}

fn ledger_code(error: &ledger::Error) -> ErrorCode {
    match error {
        ledger::Error::UnknownAccount
        | ledger::Error::UnknownEntry
        | ledger::Error::InvalidCursor
        | ledger::Error::InvalidLimit
        | ledger::Error::EmptyRule => ErrorCode::InvalidInput,
        // A preview or a rule stopped ends as an outcome (`stopped`), never as this error.
        ledger::Error::Cancelled => ErrorCode::Internal,
        ledger::Error::Bank(error) => bank_code(error),
        ledger::Error::Store(error) => store_code(error),
    }
}

fn store_code(error: &store::Error) -> ErrorCode {
    if matches!(
        error,
        store::Error::UnknownCategory | store::Error::UnknownEntry
    ) {
        ErrorCode::InvalidInput
    } else if error.is_storage_failure() {
        ErrorCode::StorageUnavailable
    } else {
        ErrorCode::Internal
    }
}

fn bank_code(error: &bank::Error) -> ErrorCode {
    match error {
        bank::Error::ConsentRequired(_) => ErrorCode::ConsentRequired,
        bank::Error::RateLimited { .. } => ErrorCode::RateLimited,
        // A timeout: the bank took the request and did not answer, so the bank is the problem,
        // not this computer's connection.
        bank::Error::BankUnavailable { .. } | bank::Error::Timeout { .. } => {
            ErrorCode::BankUnavailable
        }
        bank::Error::Network { .. } => ErrorCode::Network,
        // A deep link that is not an answer is dropped before this; one refused here answered
        // a consent of ours from elsewhere (its `iss` named another bank).
        bank::Error::TokenRefused { .. } | bank::Error::CallbackRejected(_) => {
            ErrorCode::ConsentInvalid
        }
        bank::Error::Vault(error) => vault_code(error),
        // A certificate that cannot be used is the bank's setup, which the Banks screen fixes.
        bank::Error::InvalidRequest(_)
        | bank::Error::InvalidField { .. }
        | bank::Error::UnknownBank { .. }
        | bank::Error::ClientIdentity { .. } => ErrorCode::InvalidInput,
        bank::Error::Malformed { .. }
        | bank::Error::Unauthorized { .. }
        | bank::Error::Rejected { .. }
        | bank::Error::InvalidProfile(_)
        | bank::Error::ProfilesFile { .. } => ErrorCode::Internal,
    }
}

fn vault_code(error: &vault::Error) -> ErrorCode {
    match error {
        vault::Error::KeychainUnavailable { .. } => ErrorCode::KeychainUnavailable,
        _ => ErrorCode::Internal,
    }
}

impl Error {
    /// What the UI needs to word this failure beyond its code.
    fn detail(&self) -> Option<ErrorDetail> {
        match self {
            Self::DataFolder { path, source } => Some(ErrorDetail::Folder {
                path: path.display().to_string(),
                reason: source
                    .storage_failure()
                    .map_or(IoReason::Other, IoReason::from),
            }),
            Self::ConfigFolder { path, source } => Some(ErrorDetail::Folder {
                path: path.display().to_string(),
                reason: store::StorageFailure::of_io(source).into(),
            }),
            // The folder of the file the person chose in a dialog.
            Self::ExportFile {
                path,
                source: export::Error::Io(source),
            }
            | Self::BackupFile { path, source } => Some(ErrorDetail::Folder {
                path: path.parent().unwrap_or(path).display().to_string(),
                reason: store::StorageFailure::of_io(source).into(),
            }),
            Self::Connection(connection::Error::Vault(error)) | Self::Vault(error) => {
                vault_detail(error)
            }
            Self::StoreKeyMissing | Self::Store(store::Error::WrongKey) => {
                Some(ErrorDetail::LockedData {
                    reason: KeychainReason::StoreKeyMissing,
                })
            }
            Self::DataLocked(error) => Some(ErrorDetail::LockedData {
                reason: keychain_reason(error).unwrap_or(KeychainReason::Other),
            }),
            Self::Connection(connection::Error::NoClientSecret(_)) => {
                Some(ErrorDetail::BankSetup {
                    problem: BankSetupProblem::ClientSecret,
                })
            }
            Self::Connection(connection::Error::NoClientKey(_)) => Some(ErrorDetail::BankSetup {
                problem: BankSetupProblem::ClientKey,
            }),
            Self::BankForm { field, problem } => Some(ErrorDetail::BankForm {
                field: *field,
                problem: *problem,
            }),
            Self::MissingBalance => Some(ErrorDetail::MissingBalance),
            Self::Backup(error) => Some(ErrorDetail::Backup {
                problem: backup_problem(error),
            }),
            Self::WeakPassphrase => Some(ErrorDetail::Backup {
                problem: BackupProblem::WeakPassphrase,
            }),
            Self::DataInUse => Some(ErrorDetail::Backup {
                problem: BackupProblem::DataInUse,
            }),
            Self::DataBusy => Some(ErrorDetail::Backup {
                problem: BackupProblem::DataBusy,
            }),

            Self::TaskRunning(task) => Some(ErrorDetail::TaskRunning { task: *task }),
            _ => self.bank_error().and_then(bank_detail),
        }
    }
}

fn backup_problem(error: &backup::Error) -> BackupProblem {
    match error {
        backup::Error::WrongPassphrase => BackupProblem::WrongPassphrase,
        backup::Error::NotABackup => BackupProblem::NotABackup,
        backup::Error::NewerVersion(_) => BackupProblem::NewerVersion,
        backup::Error::Damaged(_) | backup::Error::ParamsOutOfBounds | backup::Error::Io(_) => {
            BackupProblem::Damaged
        }
    }
}

fn bank_detail(error: &bank::Error) -> Option<ErrorDetail> {
    match error {
        bank::Error::ProfilesFile { path, line, .. } => Some(ErrorDetail::BanksFile {
            path: path.display().to_string(),
            line: *line,
        }),
        bank::Error::Vault(error) => vault_detail(error),
        bank::Error::ClientIdentity { .. } => Some(ErrorDetail::BankSetup {
            problem: BankSetupProblem::ClientCertificate,
        }),
        _ => None,
    }
}

fn vault_detail(error: &vault::Error) -> Option<ErrorDetail> {
    keychain_reason(error).map(|reason| ErrorDetail::Keychain { reason })
}

/// Why the keychain could not be used, when that is what `error` is.
fn keychain_reason(error: &vault::Error) -> Option<KeychainReason> {
    let vault::Error::KeychainUnavailable { reason, .. } = error else {
        return None;
    };
    Some(match reason {
        vault::Unavailability::Locked => KeychainReason::Locked,
        vault::Unavailability::NoService => KeychainReason::NoService,
        // A failure the keychain reported, a call that never came back (an unlock prompt may
        // be open, or not): the system does not say which the person can fix.
        vault::Unavailability::Failed
        | vault::Unavailability::NoAnswer
        | vault::Unavailability::Crashed => KeychainReason::Other,
    })
}

impl From<store::StorageFailure> for IoReason {
    fn from(failure: store::StorageFailure) -> Self {
        match failure {
            store::StorageFailure::NoSpace => Self::NoSpace,
            store::StorageFailure::PermissionDenied => Self::PermissionDenied,
            store::StorageFailure::ReadOnly => Self::ReadOnly,
            store::StorageFailure::NotFound => Self::NotFound,
            store::StorageFailure::Other => Self::Other,
        }
    }
}

impl From<&Error> for IpcError {
    fn from(error: &Error) -> Self {
        Self {
            code: error.code(),
            message: error.to_string(),
            retry_after_seconds: error.retry_after_seconds(),
            detail: error.detail(),
        }
    }
}

/// A command's error is serialized once, as it leaves for the webview: the one place where
/// every failure the user sees is also written to the log.
impl Serialize for Error {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        let error = IpcError::from(self);
        // The window gets the whole path (in `detail`); the log, the home folder as `~`.
        tracing::warn!(code = ?error.code, message = %hide_home(&error.message), "a command failed");
        error.serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn serializes_as_code_message_retry_time_and_detail() {
        let json = serde_json::to_value(Error::Bank(bank::Error::CallbackRejected("unknown path")))
            .unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "consent_invalid", "message": "deep link rejected: unknown path", "retryAfterSeconds": null, "detail": null})
        );
        let field = serde_json::to_value(Error::BankForm {
            field: BankField::ClientKeyFile,
            problem: BankFormProblem::ReadableByOthers,
        })
        .unwrap();
        assert_eq!(
            field["detail"],
            serde_json::json!({"kind": "bankForm", "field": "clientKeyFile", "problem": "readableByOthers"})
        );
        let throttled = Error::Bank(bank::Error::RateLimited {
            endpoint: "accounts",
            retry_after: Some(Duration::from_secs(90)),
        });
        let json = serde_json::to_value(&throttled).unwrap();
        assert_eq!(json["code"], "rate_limited");
        assert_eq!(json["retryAfterSeconds"], 90);
    }

    #[test]
    fn a_missing_balance_and_a_running_task_are_told_apart() {
        let missing = serde_json::to_value(Error::MissingBalance).unwrap();
        assert_eq!(missing["code"], "invalid_input");
        assert_eq!(
            missing["detail"],
            serde_json::json!({"kind": "missingBalance"})
        );
        let running = serde_json::to_value(Error::TaskRunning(TaskKind::Export)).unwrap();
        assert_eq!(running["code"], "invalid_input");
        assert_eq!(
            running["detail"],
            serde_json::json!({"kind": "taskRunning", "task": "export"})
        );
    }

    #[test]
    fn the_ui_can_tell_what_to_offer() {
        let unmatched = Error::Connection(connection::Error::Unmatched(bank::Unmatched::Expired));
        assert_eq!(unmatched.code(), ErrorCode::ConsentInvalid);
        let over = Error::Bank(bank::Error::ConsentRequired("revoked"));
        assert_eq!(over.code(), ErrorCode::ConsentRequired);
        let slow = Error::Bank(bank::Error::Timeout { endpoint: "token" });
        assert_eq!(slow.code(), ErrorCode::BankUnavailable);
        let offline = Error::Bank(bank::Error::Network {
            endpoint: "token",
            reason: "could not connect",
        });
        assert_eq!(offline.code(), ErrorCode::Network);
        for refused in [
            ledger::Error::InvalidCursor,
            ledger::Error::InvalidLimit,
            ledger::Error::UnknownAccount,
        ] {
            assert_eq!(Error::Ledger(refused).code(), ErrorCode::InvalidInput);
        }
        let revoked = Error::Ledger(ledger::Error::Bank(bank::Error::ConsentRequired("revoked")));
        assert_eq!(revoked.code(), ErrorCode::ConsentRequired);
        let throttled = Error::Ledger(ledger::Error::Bank(bank::Error::RateLimited {
            endpoint: "accounts/transactions",
            retry_after: Some(Duration::from_secs(30)),
        }));
        assert_eq!(throttled.retry_after_seconds(), Some(30));
    }

    const DATA: &str = "/home/jana/.local/share/app.bankbook.desktop";

    /// An error as the webview receives it, after the shell has named the data folder.
    fn sent(error: Error) -> serde_json::Value {
        serde_json::to_value(error.in_data_folder(Path::new(DATA))).unwrap()
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_full_disk_is_said_as_no_space_in_the_folder() {
        const ENOSPC: i32 = 28;
        let config = "/home/jana/.config/app.bankbook.desktop";
        let full = Error::ConfigFolder {
            path: PathBuf::from(config),
            source: std::io::Error::from_raw_os_error(ENOSPC),
        };
        let json = sent(full);
        assert_eq!(json["code"], "storage_unavailable");
        assert_eq!(
            json["detail"],
            serde_json::json!({"kind": "folder", "path": config, "reason": "noSpace"})
        );
    }

    #[test]
    fn a_read_only_store_names_the_data_folder() {
        let connection = rusqlite::Connection::open_in_memory().unwrap();
        connection
            .execute_batch("CREATE TABLE t (x TEXT); PRAGMA query_only = 1;")
            .unwrap();
        let refused = connection.execute("DELETE FROM t", []).unwrap_err();
        // As the ledger hands it on from a refresh.
        let error = Error::Ledger(ledger::Error::Store(store::Error::from(refused)));

        let json = sent(error);

        assert_eq!(json["code"], "storage_unavailable");
        assert_eq!(
            json["detail"],
            serde_json::json!({"kind": "folder", "path": DATA, "reason": "readOnly"})
        );
        let message = json["message"].as_str().unwrap();
        assert!(message.contains(DATA), "{message}");
    }

    #[test]
    fn a_data_folder_that_cannot_be_made_says_why() {
        let folder = tempfile::tempdir().unwrap();
        let missing = folder.path().join("gone").join("data");
        let source = store::Error::Io {
            path: missing.clone(),
            source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        };
        let error = Error::DataFolder {
            path: missing.clone(),
            source,
        };
        assert_eq!(
            error.detail(),
            Some(ErrorDetail::Folder {
                path: missing.display().to_string(),
                reason: IoReason::PermissionDenied
            })
        );
    }

    #[test]
    fn a_failure_that_is_not_the_disk_stays_as_it_is() {
        let connection = rusqlite::Connection::open_in_memory().unwrap();
        let wrong = connection
            .execute("INSERT INTO missing VALUES (1)", [])
            .unwrap_err();
        let error = Error::Store(store::Error::from(wrong));
        let json = sent(error);
        assert_eq!(json["code"], "internal");
        assert_eq!(json["detail"], serde_json::Value::Null);
    }

    #[test]
    fn a_broken_banks_file_names_its_line() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join(bank::PROFILES_FILE);
        std::fs::write(&path, "[[bank]]\nid = \"tatra\"\nname = \n").unwrap();
        let error = Error::from(bank::BankProfile::load_all(folder.path()).unwrap_err());

        let json = sent(error);

        assert_eq!(json["code"], "internal");
        assert_eq!(
            json["detail"],
            serde_json::json!({"kind": "banksFile", "path": path.display().to_string(), "line": 3})
        );
    }

    #[test]
    fn a_keychain_says_what_it_could_tell() {
        let unavailable = |reason| {
            Error::Connection(connection::Error::Vault(
                vault::Error::KeychainUnavailable {
                    reason,
                    cause: Box::new(std::io::Error::other("no reply")),
                },
            ))
        };
        for (reason, said) in [
            (vault::Unavailability::Locked, KeychainReason::Locked),
            (vault::Unavailability::NoService, KeychainReason::NoService),
            (vault::Unavailability::Failed, KeychainReason::Other),
            (vault::Unavailability::NoAnswer, KeychainReason::Other),
            (vault::Unavailability::Crashed, KeychainReason::Other),
        ] {
            let error = unavailable(reason);
            assert_eq!(error.code(), ErrorCode::KeychainUnavailable);
            assert_eq!(
                error.detail(),
                Some(ErrorDetail::Keychain { reason: said }),
                "{reason:?}"
            );
        }
        let json = sent(unavailable(vault::Unavailability::NoService));
        assert_eq!(
            json["detail"],
            serde_json::json!({"kind": "keychain", "reason": "noService"})
        );
        // From a bank's session, refreshing its tokens.
        let locked = Error::Bank(bank::Error::Vault(vault::Error::KeychainUnavailable {
            reason: vault::Unavailability::Locked,
            cause: Box::new(std::io::Error::other("locked")),
        }));
        assert_eq!(
            locked.detail(),
            Some(ErrorDetail::Keychain {
                reason: KeychainReason::Locked
            })
        );
    }
}
