//! The crate's one error type.

/// What can go wrong when starting, running or steering the sandbox bank (steering: the
/// `admin` feature's variants).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A configuration value (or a command-line flag) is out of range or malformed.
    #[error("invalid configuration: {0}")]
    InvalidConfig(String),
    /// The loopback port could not be bound.
    #[error("cannot listen on 127.0.0.1:{port}")]
    Bind {
        port: u16,
        #[source]
        source: std::io::Error,
    },
    /// The HTTP server stopped with an I/O error.
    #[error("the server stopped with an error")]
    Serve(#[source] std::io::Error),
    /// The binary could not write to the terminal or wait for Ctrl-C.
    #[error("terminal I/O failed")]
    Terminal(#[source] std::io::Error),
    /// The state file (`Config::state_file`) could not be read, set aside or written.
    #[error("the state file {} cannot be read or written", path.display())]
    StateFile {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A TLS file (the test CA's folder, a client CA file, a client identity written out)
    /// could not be read or written.
    #[cfg(feature = "admin")]
    #[error("the TLS file {} cannot be read or written", path.display())]
    TlsFile {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Certificates could not be made or used: a CA folder whose files do not belong together,
    /// a client CA file without a certificate, a refused TLS setting.
    #[cfg(feature = "admin")]
    #[error("TLS: {problem}")]
    Tls {
        problem: String,
        #[source]
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    },
    /// A background task of the server panicked or was cancelled.
    #[error("a server task failed")]
    Task(#[from] tokio::task::JoinError),
    /// No account of this bank has the IBAN.
    #[cfg(feature = "admin")]
    #[error("no account has the IBAN {0}")]
    UnknownAccount(String),
    /// No pending entry has the entry reference.
    #[cfg(feature = "admin")]
    #[error("no pending entry has the reference {0}")]
    UnknownPendingEntry(String),
    /// An admin request to add a transaction was not acceptable.
    #[cfg(feature = "admin")]
    #[error("invalid transaction: {0}")]
    InvalidTransaction(String),
    /// The consent pages did not go as a person's browser would see them go.
    #[cfg(feature = "admin")]
    #[error("consent page: {0}")]
    ConsentPage(String),
    /// An admin request named something that does not exist or cannot be done.
    #[cfg(feature = "admin")]
    #[error("invalid admin request: {0}")]
    InvalidAdminRequest(String),
}

/// The crate's result type.
pub type Result<T> = std::result::Result<T, Error>;
