use std::path::PathBuf;

/// Why an end-to-end step failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0} is not set: run the end-to-end tests with `make e2e`")]
    MissingEnv(&'static str),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("not found in time: {0}")]
    NotFound(String),
    #[error("tauri-driver did not come up on port {0}")]
    DriverNotReady(u16),
    #[error("could not start a WebDriver session: {0}")]
    NewSession(#[from] fantoccini::error::NewSessionError),
    #[error("the Demo Bank's admin interface: {0}")]
    Admin(String),
    /// The test could not arrange what it needs (a disk to fill, a folder to mount).
    #[error("test set-up: {0}")]
    Setup(String),
    /// axe-core's browser build is not where the UI's dev dependencies go.
    #[error(
        "axe-core: {}: {source}: it is the UI's dev dependency: run `npm --prefix ui install`",
        path.display()
    )]
    AxeMissing {
        path: PathBuf,
        source: std::io::Error,
    },
    /// axe-core could not run in the page.
    #[error("axe-core: {0}")]
    Axe(String),
    /// Serious or critical accessibility violations, a line each.
    #[error("accessibility violations:\n{0}")]
    Accessibility(String),
    #[error("WebDriver: {0}")]
    WebDriver(#[from] fantoccini::error::CmdError),
}

impl Error {
    /// A failed file or process operation on `path`.
    pub fn io(path: &std::path::Path, source: std::io::Error) -> Self {
        Self::Io {
            path: path.to_owned(),
            source,
        }
    }
}

pub type Result<T> = std::result::Result<T, Error>;
