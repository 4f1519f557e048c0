use std::path::{Path, PathBuf};

/// Everything that can go wrong with the local store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("local database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The file was written by a newer Bankbook; opening it could lose data.
    #[error("the local database is from a newer Bankbook (schema {found}, this app knows {known})")]
    TooNew { found: u32, known: u32 },
    /// The data folder or a file of the store could not be created or made private.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Removed data is still in the write-ahead log because another program has the database
    /// open; removing the data again once it is closed erases it.
    #[error(
        "the removed data could not be erased from the local database's log: another program \
         has the database open"
    )]
    NotErased,
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        Self::Io {
            path: path.to_owned(),
            source,
        }
    }

    /// The disk or the folder is the problem (full, read-only, not allowed, unreadable, held
    /// by another program), not the data: the user can fix it, and trying again afterwards
    /// works.
    pub fn is_storage_failure(&self) -> bool {
        match self {
            Self::Io { .. } | Self::NotErased => true,
            Self::Sqlite(rusqlite::Error::SqliteFailure(failure, _)) => matches!(
                failure.code,
                rusqlite::ErrorCode::DiskFull
                    | rusqlite::ErrorCode::ReadOnly
                    | rusqlite::ErrorCode::CannotOpen
                    | rusqlite::ErrorCode::PermissionDenied
                    | rusqlite::ErrorCode::SystemIoFailure
            ),
            Self::Sqlite(_) | Self::TooNew { .. } => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use super::*;

    #[test]
    fn a_full_disk_and_a_read_only_file_are_storage_failures() {
        let connection = Connection::open_in_memory().unwrap();
        // A page limit fails writes with SQLITE_FULL, exactly as a full disk does.
        connection
            .execute_batch("PRAGMA max_page_count = 2; CREATE TABLE t (x TEXT);")
            .unwrap();
        let full = (0..100)
            .find_map(|_| {
                connection
                    .execute("INSERT INTO t VALUES (?1)", ["x".repeat(4096)])
                    .err()
            })
            .unwrap();
        assert!(Error::from(full).is_storage_failure());

        connection.execute_batch("PRAGMA query_only = 1").unwrap();
        let read_only = connection.execute("DELETE FROM t", []).unwrap_err();
        assert!(Error::from(read_only).is_storage_failure());
    }

    #[test]
    fn bad_data_is_not_a_storage_failure() {
        let connection = Connection::open_in_memory().unwrap();
        let wrong = connection
            .execute("INSERT INTO missing VALUES (1)", [])
            .unwrap_err();
        assert!(!Error::from(wrong).is_storage_failure());
        let too_new = Error::TooNew { found: 9, known: 2 };
        assert!(!too_new.is_storage_failure());
    }
}
