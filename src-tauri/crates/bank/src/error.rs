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
    /// A part of a bank profile that cannot work: from the Banks screen (the app shows it at
    /// that field) or, inside [`Error::ProfilesFile`], from the file.
    #[error("{}", field_problem(*.field, *.problem))]
    InvalidField {
        field: ProfileField,
        problem: FieldProblem,
    },
    /// No real bank with this id in the profiles file (the Demo Bank is built in, not there).
    #[error("there is no bank {id:?} in the profiles file")]
    UnknownBank { id: String },
    /// A client certificate or private key for mutual TLS that cannot be used; `path` is the
    /// file it came from, when it came from one. Never carries key material.
    #[error("{}{problem}", path.as_ref().map(|path| format!("{}: ", path.display())).unwrap_or_default())]
    ClientIdentity {
        path: Option<PathBuf>,
        problem: IdentityProblem,
    },
    /// The keychain failed while reading or saving tokens.
    #[error(transparent)]
    Vault(#[from] vault::Error),
}

/// The parts of a real bank's profile that the person fills in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileField {
    Name,
    BaseUrl,
    ClientId,
    ClientCertificate,
}

/// What is wrong with a [`ProfileField`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldProblem {
    Missing,
    NotAUrl,
    /// Real banks are reached over https only; plain http is the built-in Demo Bank's alone.
    NotHttps,
    TooLong,
}

fn field_problem(field: ProfileField, problem: FieldProblem) -> String {
    use crate::profile::{MAX_CLIENT_ID_LEN, MAX_NAME_LEN, MAX_URL_LEN};
    let (name, longest) = match field {
        ProfileField::Name => ("the bank's name", format!("{MAX_NAME_LEN} characters")),
        ProfileField::BaseUrl => ("the base URL", format!("{MAX_URL_LEN} bytes")),
        ProfileField::ClientId => ("the client id", format!("{MAX_CLIENT_ID_LEN} bytes")),
        ProfileField::ClientCertificate => ("the client certificate's path", String::new()),
    };
    match problem {
        FieldProblem::Missing => format!("{name} is empty"),
        FieldProblem::NotAUrl => format!("{name} is not a web address"),
        FieldProblem::NotHttps => format!(
            "{name} must start with https:// (plain http is only for the built-in Demo Bank)"
        ),
        FieldProblem::TooLong => format!("{name} is longer than {longest}"),
    }
}

/// Why a client certificate or private key for mutual TLS cannot be used. Each says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdentityProblem {
    /// A private key file that other users of this computer can read (Unix mode bits).
    #[error(
        "other users of this computer can open this private key file (mode {mode:04o}); make \
         it yours alone with `chmod 600` on the file, then choose it again"
    )]
    ReadableByOthers { mode: u32 },
    /// Not an unencrypted PEM PKCS#8 private key; `reason` says what it is and how to convert.
    #[error("{reason}")]
    NotAKey { reason: &'static str },
    #[error("this is not a PEM certificate (-----BEGIN CERTIFICATE-----)")]
    NotACertificate,
    #[error("the private key does not belong to the client certificate")]
    KeyDoesNotMatch,
    #[error("the file cannot be read: {reason}")]
    Unreadable { reason: String },
    /// Larger than any certificate chain or key: not the file meant.
    #[error("the file is larger than {limit} bytes: not a certificate or key file")]
    TooLarge { limit: u64 },
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
