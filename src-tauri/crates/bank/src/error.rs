use std::path::PathBuf;
use std::time::Duration;

use crate::api::BankErrorBody;

/// Everything that can go wrong talking to a bank.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A bank answer that does not fit the contract; names the endpoint and what was wrong,
    /// never the data.
    #[error("the bank's answer from {endpoint} could not be read: {reason}")]
    Malformed {
        endpoint: &'static str,
        reason: String,
    },
    /// The access token was refused (HTTP 401). The session refreshes once and retries.
    #[error("the bank refused the access token at {endpoint}")]
    Unauthorized { endpoint: &'static str },
    /// The consent is gone (expired, revoked, or its refresh token refused): the user must
    /// give it again.
    #[error("the bank needs your consent again: {0}")]
    ConsentRequired(&'static str),
    /// HTTP 429; `retry_after` is when the bank said to come back.
    #[error("the bank asks to slow down at {endpoint}")]
    RateLimited {
        endpoint: &'static str,
        retry_after: Option<Duration>,
    },
    /// 5xx after the retries: down, overloaded, or in its nightly technical break.
    #[error("the bank is unavailable (HTTP {status} at {endpoint})")]
    BankUnavailable {
        endpoint: &'static str,
        status: u16,
        retry_after: Option<Duration>,
    },
    /// No answer: refused connection, failed TLS, cut-off body. The cause is in the log.
    #[error("{reason} ({endpoint})")]
    Network {
        endpoint: &'static str,
        reason: &'static str,
    },
    /// The bank did not answer in time. Not retried: each try already waited the whole timeout.
    #[error("the bank did not answer in time ({endpoint})")]
    Timeout { endpoint: &'static str },
    /// Any other refusal (4xx), with what the bank said.
    #[error("the bank refused the request at {endpoint} (HTTP {status}{})", describe(.said.as_ref()))]
    Rejected {
        endpoint: &'static str,
        status: u16,
        said: Option<BankErrorBody>,
    },
    /// The token endpoint refused (RFC 6749 error code), other than a dead grant.
    #[error("the bank refused the token request: {code}")]
    TokenRefused { code: String },
    /// A request this client would not send (page size out of range...).
    #[error("invalid request: {0}")]
    InvalidRequest(String),
    /// A deep link that is not a well-formed answer to our consent request; it is dropped.
    #[error("deep link rejected: {0}")]
    CallbackRejected(&'static str),
    /// A bank profile that cannot work (bad URL, plain http, unreadable certificate).
    #[error("bank profile: {0}")]
    InvalidProfile(String),
    /// The profiles file (`banks.toml`) cannot be read, or a profile in it cannot work: the
    /// person fixes the file at `line` (from 1) when it is known.
    #[error("{}{}: {reason}", path.display(), at_line(*.line))]
    ProfilesFile {
        path: PathBuf,
        line: Option<u32>,
        reason: String,
    },
    /// The keychain failed while reading or saving tokens.
    #[error(transparent)]
    Vault(#[from] vault::Error),
}

fn at_line(line: Option<u32>) -> String {
    line.map(|line| format!(", line {line}"))
        .unwrap_or_default()
}

fn describe(said: Option<&BankErrorBody>) -> String {
    match said {
        Some(BankErrorBody {
            code,
            description: Some(description),
        }) => format!(": {code}, {description}"),
        Some(BankErrorBody { code, .. }) => format!(": {code}"),
        None => String::new(),
    }
}

impl Error {
    pub(crate) fn malformed(endpoint: &'static str, reason: impl Into<String>) -> Self {
        Self::Malformed {
            endpoint,
            reason: reason.into(),
        }
    }

    /// How long the bank asked us to wait, when it said.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Self::RateLimited { retry_after, .. } | Self::BankUnavailable { retry_after, .. } => {
                *retry_after
            }
            _ => None,
        }
    }
}

pub type Result<T> = std::result::Result<T, Error>;
