/// Everything that can stop an export. Messages name no account, person or amount.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be written: see [`Error::is_disk_full`].
    #[error("the export file could not be written: {0}")]
    Io(#[from] std::io::Error),
    /// The cancel flag was raised; nothing was written.
    #[error("the export was cancelled")]
    Cancelled,
    /// The rows to export could not be read (the caller's own error, boxed: downcast it).
    #[error("the rows to export could not be read: {0}")]
    Source(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// A value the format cannot carry: an amount with more digits than it allows, a currency
    /// that is not three capital letters, a date it cannot write.
    #[error("a transaction's {field} cannot be written in {format}")]
    Unrepresentable {
        field: &'static str,
        format: &'static str,
    },
    /// A row of an account that the camt.053 writer was not given (it needs its balance).
    #[error("a transaction belongs to an account the statement was not started with")]
    UnknownAccount,
    /// A camt.053 file holds at least one statement, so it needs at least one account.
    #[error("a camt.053 statement needs at least one account")]
    NoAccounts,
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// The disk, or the person's quota on it, is full: freeing space and trying again works.
    pub fn is_disk_full(&self) -> bool {
        use std::io::ErrorKind;
        matches!(self, Self::Io(error)
            if matches!(error.kind(), ErrorKind::StorageFull | ErrorKind::QuotaExceeded))
    }

    /// A value the camt.053 format cannot carry.
    pub(crate) fn camt(field: &'static str) -> Self {
        Self::Unrepresentable {
            field,
            format: "camt.053",
        }
    }
}

/// The csv crate's errors while writing are its writer's I/O errors.
impl From<csv::Error> for Error {
    fn from(error: csv::Error) -> Self {
        match error.into_kind() {
            csv::ErrorKind::Io(error) => Self::Io(error),
            other => Self::Io(std::io::Error::other(format!("{other:?}"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io;

    use super::*;

    #[test]
    fn a_full_disk_is_told_apart() {
        assert!(Error::from(io::Error::from(io::ErrorKind::StorageFull)).is_disk_full());
        assert!(Error::from(io::Error::from(io::ErrorKind::QuotaExceeded)).is_disk_full());
        assert!(!Error::from(io::Error::from(io::ErrorKind::PermissionDenied)).is_disk_full());
        assert!(!Error::Cancelled.is_disk_full());
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_systems_no_space_is_a_full_disk() {
        const ENOSPC: i32 = 28;
        assert!(Error::from(io::Error::from_raw_os_error(ENOSPC)).is_disk_full());
    }
}
