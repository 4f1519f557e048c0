//! The app's error and its shape across IPC: `{ code, message }` with a closed set of codes.

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
}

/// Every command error as the webview receives it.
#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct IpcError {
    pub code: ErrorCode,
    pub message: String,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("deep link rejected: {0}")]
    DeepLinkRejected(&'static str),
    #[error(transparent)]
    Bank(#[from] bank::Error),
    /// The app's own folders (config, data) could not be found.
    #[error("the app's folders: {0}")]
    Folders(tauri::Error),
}

impl Error {
    fn code(&self) -> ErrorCode {
        match self {
            Self::DeepLinkRejected(_) => ErrorCode::InvalidInput,
            Self::Bank(_) | Self::Folders(_) => ErrorCode::Internal,
        }
    }
}

impl Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        IpcError {
            code: self.code(),
            message: self.to_string(),
        }
        .serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_code_and_message() {
        let json = serde_json::to_value(Error::DeepLinkRejected("unknown path")).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "invalid_input", "message": "deep link rejected: unknown path"})
        );
    }
}
