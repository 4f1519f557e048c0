//! The app's error and its shape across IPC: `{ code, message, retryAfterSeconds }` with a
//! closed set of codes. The one place where every crate's error gets its code.

use std::path::PathBuf;
use std::sync::Arc;

use serde::Serialize;
use ts_rs::TS;

/// What the UI branches on. Add a code only when the UI does something different with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    /// The request itself was wrong; retrying it unchanged will fail again.
    InvalidInput,
    /// Something the user cannot fix from the UI; the message says what happened.
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
    pub message: String,
    /// When the bank said to come back, in seconds.
    pub retry_after_seconds: Option<u32>,
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
    /// The app's own folders (config, data) could not be found.
    #[error("the app's folders: {0}")]
    Folders(#[source] Cause),
    /// The data folder can't be made, or the store in it can't be opened: a read-only or
    /// full disk, missing permissions.
    #[error("Bankbook can't use its data folder {path}: {reason}")]
    DataFolder { path: String, reason: String },
    /// The preferences could not be saved in the config folder: a read-only or full disk,
    /// missing permissions.
    #[error("Bankbook can't save its preferences in {}: {source}", path.display())]
    ConfigFolder {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the bank's page could not be opened in the browser: {0}")]
    Browser(#[source] Cause),
    #[error("{0}")]
    InvalidInput(String),
    #[error("Bankbook is not connected to a bank")]
    NotConnected,
    #[error("you declined access at your bank")]
    ConsentDenied,
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

    pub fn code(&self) -> ErrorCode {
        match self {
            Self::InvalidInput(_) => ErrorCode::InvalidInput,
            Self::ConsentDenied => ErrorCode::ConsentDenied,
            Self::NotConnected => ErrorCode::ConsentRequired,
            Self::Connection(error) => connection_code(error),
            Self::Bank(error) => bank_code(error),
            Self::Ledger(error) => ledger_code(error),
            Self::Store(error) => store_code(error),
            Self::DataFolder { .. } | Self::ConfigFolder { .. } => ErrorCode::StorageUnavailable,
            Self::Folders(_) | Self::Browser(_) => ErrorCode::Internal,
        }
    }

    fn retry_after_seconds(&self) -> Option<u32> {
        let (Self::Bank(bank_error)
        | Self::Connection(connection::Error::Bank(bank_error))
        | Self::Ledger(ledger::Error::Bank(bank_error))) = self
        else {
            return None;
        };
        bank_error
            .retry_after()
            .map(|wait| u32::try_from(wait.as_secs()).unwrap_or(u32::MAX))
    }
}

fn connection_code(error: &connection::Error) -> ErrorCode {
    match error {
        connection::Error::Unmatched(_) => ErrorCode::ConsentInvalid,
        connection::Error::Bank(error) => bank_code(error),
        connection::Error::Vault(error) => vault_code(error),
        connection::Error::UnknownBank(_) => ErrorCode::InvalidInput,
        connection::Error::NoClientSecret(_)
        | connection::Error::Certificate { .. }
        | connection::Error::DemoBank(_) => ErrorCode::Internal,
    }
}

fn ledger_code(error: &ledger::Error) -> ErrorCode {
    match error {
        ledger::Error::UnknownAccount
        | ledger::Error::InvalidCursor
        | ledger::Error::InvalidLimit => ErrorCode::InvalidInput,
        ledger::Error::Bank(error) => bank_code(error),
        ledger::Error::Store(error) => store_code(error),
    }
}

fn store_code(error: &store::Error) -> ErrorCode {
    if error.is_storage_failure() {
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
        bank::Error::TokenRefused { .. } => ErrorCode::ConsentInvalid,
        bank::Error::Vault(error) => vault_code(error),
        bank::Error::InvalidRequest(_) | bank::Error::CallbackRejected(_) => {
            ErrorCode::InvalidInput
        }
        bank::Error::Malformed { .. }
        | bank::Error::Unauthorized { .. }
        | bank::Error::Rejected { .. }
        | bank::Error::InvalidProfile(_) => ErrorCode::Internal,
    }
}

fn vault_code(error: &vault::Error) -> ErrorCode {
    match error {
        vault::Error::KeychainUnavailable { .. } => ErrorCode::KeychainUnavailable,
        _ => ErrorCode::Internal,
    }
}

impl From<&Error> for IpcError {
    fn from(error: &Error) -> Self {
        Self {
            code: error.code(),
            message: error.to_string(),
            retry_after_seconds: error.retry_after_seconds(),
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
        tracing::warn!(code = ?error.code, message = error.message, "a command failed");
        error.serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn serializes_as_code_message_and_retry_time() {
        let json = serde_json::to_value(Error::Bank(bank::Error::CallbackRejected("unknown path")))
            .unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "invalid_input", "message": "deep link rejected: unknown path", "retryAfterSeconds": null})
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
}
