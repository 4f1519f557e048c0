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
    /// The store is encrypted with another key than the one given, or its file is damaged:
    /// SQLCipher cannot tell the two apart.
    #[error("the local database can't be read with this key: another key, or a damaged file")]
    WrongKey,
    /// A store from before encryption was not encrypted, and is kept as it was: this build cannot
    /// encrypt, or the encrypted copy did not match it.
    #[error("the local database could not be encrypted ({0}); it is kept as it was")]
    EncryptionFailed(&'static str),
    /// Encrypting a store from before encryption found its log still open: another program
    /// (or a second Bankbook) has the database open.
    #[error("the local database could not be encrypted: another program has it open")]
    StoreInUse,
    /// SQLite could not read a search's MATCH expression. The `query` crate quotes every term,
    /// so this is a bug there, never the person's typing; says what FTS5 refused, without the
    /// words it quoted (what the person typed, maybe a name).
    #[error("the search could not be read: FTS5 found {0} in its MATCH expression")]
    UnreadableSearch(&'static str),
    /// A category that is not stored (any more), or one of the app's own to be removed.
    #[error("no such category of the person's")]
    UnknownCategory,
    /// An entry that is not stored (any more).
    #[error("no such entry is stored")]
    UnknownEntry,
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// A file of the store's, or one beside it, that could not be used.
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        Self::Io {
            path: path.to_owned(),
            source,
        }
    }

    /// The disk or the folder is the problem (full, read-only, not allowed, unreadable, held
    /// by another program), not the data: the user can fix it, and trying again afterwards
    /// works.
    pub fn is_storage_failure(&self) -> bool {
        self.storage_failure().is_some()
    }

    /// Why the disk or the folder refused, as far as the system or SQLite says; `None` when
    /// the disk is not the problem.
    pub fn storage_failure(&self) -> Option<StorageFailure> {
        match self {
            Self::Io { source, .. } => Some(StorageFailure::of_io(source)),
            Self::NotErased | Self::StoreInUse => Some(StorageFailure::Other),
            Self::Sqlite(rusqlite::Error::SqliteFailure(failure, _)) => match failure.code {
                rusqlite::ErrorCode::DiskFull => Some(StorageFailure::NoSpace),
                rusqlite::ErrorCode::ReadOnly => Some(StorageFailure::ReadOnly),
                rusqlite::ErrorCode::PermissionDenied => Some(StorageFailure::PermissionDenied),
                // SQLite does not pass on the system's reason for these.
                rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::SystemIoFailure => {
                    Some(StorageFailure::Other)
                }
                _ => None,
            },
            Self::Sqlite(_)
            | Self::TooNew { .. }
            | Self::WrongKey
            | Self::UnknownCategory
            | Self::UnknownEntry
            | Self::EncryptionFailed(_)
            | Self::UnreadableSearch(_) => None,
        }
    }
}

/// Why a file or a folder could not be used, in the words a person can act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageFailure {
    /// The disk is full, or the user's quota is.
    NoSpace,
    /// The file system, or the file, cannot be written.
    ReadOnly,
    /// The system does not let this user in.
    PermissionDenied,
    /// A folder on the way is missing.
    NotFound,
    /// Anything else: the message in the log says what.
    Other,
}

impl StorageFailure {
    /// What a failed file operation says. The standard library reads the system's own codes
    /// (ENOSPC, EDQUOT, EROFS, EACCES and EPERM, ENOENT; their Windows counterparts) into
    /// these kinds.
    pub fn of_io(error: &std::io::Error) -> Self {
        use std::io::ErrorKind;
        match error.kind() {
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded => Self::NoSpace,
            ErrorKind::ReadOnlyFilesystem => Self::ReadOnly,
            ErrorKind::PermissionDenied => Self::PermissionDenied,
            ErrorKind::NotFound => Self::NotFound,
            _ => Self::Other,
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
        assert_eq!(
            Error::from(full).storage_failure(),
            Some(StorageFailure::NoSpace)
        );

        connection.execute_batch("PRAGMA query_only = 1").unwrap();
        let read_only = connection.execute("DELETE FROM t", []).unwrap_err();
        assert_eq!(
            Error::from(read_only).storage_failure(),
            Some(StorageFailure::ReadOnly)
        );
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

    /// The system's own codes, as Linux numbers them.
    #[cfg(target_os = "linux")]
    #[test]
    fn the_systems_reason_says_what_to_do() {
        const ENOSPC: i32 = 28;
        const EDQUOT: i32 = 122;
        const EROFS: i32 = 30;
        const EACCES: i32 = 13;
        const EPERM: i32 = 1;
        const ENOENT: i32 = 2;
        const EIO: i32 = 5;
        for (code, failure) in [
            (ENOSPC, StorageFailure::NoSpace),
            (EDQUOT, StorageFailure::NoSpace),
            (EROFS, StorageFailure::ReadOnly),
            (EACCES, StorageFailure::PermissionDenied),
            (EPERM, StorageFailure::PermissionDenied),
            (ENOENT, StorageFailure::NotFound),
            (EIO, StorageFailure::Other),
        ] {
            let error = Error::io(
                Path::new("/data/bankbook.sqlite3"),
                std::io::Error::from_raw_os_error(code),
            );
            assert_eq!(error.storage_failure(), Some(failure), "errno {code}");
        }
    }
}
