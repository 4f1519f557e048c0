//! The store's files on disk: a data folder only its user can enter (0700), and a database,
//! write-ahead log and shared-memory index only its user can read (0600). An install from
//! before this rule is fixed when it is next opened.
//!
//! SQLite creates the `-wal` and `-shm` files with the permissions of the database file,
//! whatever the umask, so a private database keeps them private when they come and go; they
//! are restricted again whenever the store opens all the same.
//!
//! Unix only: on Windows the data folder is in the user's profile (`%APPDATA%`), whose access
//! list already admits only that user (and SYSTEM and administrators), so nothing is changed
//! there.

use std::path::{Path, PathBuf};

use crate::{Error, Result};

#[cfg(unix)]
const FOLDER_MODE: u32 = 0o700;
#[cfg(unix)]
const FILE_MODE: u32 = 0o600;

/// Creates the data folder, with any missing parents, and makes it its user's alone (0700),
/// also when it already existed with wider permissions. Call it before [`crate::Store::open`]
/// on a file in the folder.
pub fn prepare_data_folder(path: &Path) -> Result<()> {
    create_folder(path).map_err(|error| Error::io(path, error))?;
    // Windows: nothing to change (module docs).
    #[cfg(unix)]
    restrict(path, FOLDER_MODE)?;
    Ok(())
}

/// Creates the database file empty and private if it is missing, and makes the database file,
/// its write-ahead log and its shared-memory index private where they exist.
pub(crate) fn make_private(database: &Path) -> Result<()> {
    create_private_file(database).map_err(|error| Error::io(database, error))?;
    // Windows: nothing to change (module docs).
    #[cfg(unix)]
    for path in [
        database.to_owned(),
        companion(database, "-wal"),
        companion(database, "-shm"),
    ] {
        restrict(&path, FILE_MODE)?;
    }
    Ok(())
}

/// Moves the database and its write-ahead log and shared-memory index aside, within its folder,
/// as `<stem> <label>.<extension>` (`bankbook unreadable.sqlite3`), numbered when that is taken
/// (`bankbook unreadable 2.sqlite3`); returns the database's new path. Nothing is deleted.
///
/// The log and index move first: a log left behind beside a new database of the old name
/// would be read into it. A move interrupted after them leaves the database where it was, and
/// the next call picks the same free name, joining it to its log again.
pub fn set_aside(database: &Path, label: &str) -> Result<PathBuf> {
    let target = free_name(database, label);
    move_log_and_index(database, &target)?;
    std::fs::rename(database, &target).map_err(|error| Error::io(database, error))?;
    Ok(target)
}

/// Gives the database a second name aside (as [`set_aside`] names it) and moves its log and
/// index there, leaving the database under its own name until a rename replaces it: until
/// then both names are the same file (a hard link; a copy where the file system has none).
/// Returns the name aside. Call it on a closed store.
pub fn keep_aside(database: &Path, label: &str) -> Result<PathBuf> {
    let target = free_name(database, label);
    move_log_and_index(database, &target)?;
    if std::fs::hard_link(database, &target).is_err() {
        std::fs::copy(database, &target).map_err(|error| Error::io(&target, error))?;
        std::fs::File::open(&target)
            .and_then(|copy| copy.sync_all())
            .map_err(|error| Error::io(&target, error))?;
    }
    Ok(target)
}

/// Moves the database's write-ahead log and shared-memory index, where they exist, to the
/// names they have beside `target`.
fn move_log_and_index(database: &Path, target: &Path) -> Result<()> {
    for suffix in ["-wal", "-shm"] {
        let from = companion(database, suffix);
        if from.exists() {
            std::fs::rename(&from, companion(target, suffix))
                .map_err(|error| Error::io(&from, error))?;
        }
    }
    Ok(())
}

/// The first `<stem> <label>[ n].<extension>` beside `database` with no database there yet.
fn free_name(database: &Path, label: &str) -> PathBuf {
    let stem = database
        .file_stem()
        .map_or_else(String::new, |stem| stem.to_string_lossy().into_owned());
    let extension = database.extension().map_or_else(String::new, |extension| {
        format!(".{}", extension.to_string_lossy())
    });
    let mut n = 1_u32;
    loop {
        let number = if n == 1 {
            String::new()
        } else {
            format!(" {n}")
        };
        let candidate = database.with_file_name(format!("{stem} {label}{number}{extension}"));
        if !candidate.exists() {
            return candidate;
        }
        n += 1;
    }
}

/// `<database>-wal` or `<database>-shm`, as SQLite names them.
pub(crate) fn companion(database: &Path, suffix: &str) -> PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push(suffix);
    name.into()
}

#[cfg(unix)]
fn create_folder(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(FOLDER_MODE)
        .create(path)
}

#[cfg(not(unix))]
fn create_folder(path: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(path)
}

/// Creates the file with no permissions for anyone else from the start, or opens the one
/// there for writing, changing nothing in it. SQLite says only "unable to open database file";
/// this gets the system's reason ("Read-only file system", "Permission denied").
fn create_private_file(path: &Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.append(true).create(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, FILE_MODE);
    options.open(path).map(drop)
}

/// Sets the mode when it differs, so a store that is already private is not written to (a
/// read-only disk refuses even a change to the same mode). What is missing is skipped.
#[cfg(unix)]
fn restrict(path: &Path, mode: u32) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(error) => return Err(Error::io(path, error)),
    };
    if metadata.permissions().mode() & 0o777 == mode {
        return Ok(());
    }
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .map_err(|error| Error::io(path, error))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_and_index_are_named_as_sqlite_names_them() {
        let database = Path::new("/data/bankbook.sqlite3");
        assert_eq!(
            companion(database, "-wal"),
            Path::new("/data/bankbook.sqlite3-wal")
        );
        assert_eq!(
            companion(database, "-shm"),
            Path::new("/data/bankbook.sqlite3-shm")
        );
    }

    #[test]
    fn set_aside_moves_the_database_with_its_log_under_a_free_name() {
        let folder = tempfile::tempdir().unwrap();
        let database = folder.path().join("bankbook.sqlite3");
        for (path, bytes) in [
            (database.clone(), &b"database"[..]),
            (companion(&database, "-wal"), b"log"),
            (companion(&database, "-shm"), b"index"),
        ] {
            std::fs::write(path, bytes).unwrap();
        }

        let first = set_aside(&database, "unreadable").unwrap();

        assert_eq!(first, folder.path().join("bankbook unreadable.sqlite3"));
        assert_eq!(std::fs::read(&first).unwrap(), b"database");
        assert_eq!(std::fs::read(companion(&first, "-wal")).unwrap(), b"log");
        assert_eq!(std::fs::read(companion(&first, "-shm")).unwrap(), b"index");
        assert!(!database.exists() && !companion(&database, "-wal").exists());

        std::fs::write(&database, b"second").unwrap();
        let second = set_aside(&database, "unreadable").unwrap();
        assert_eq!(second, folder.path().join("bankbook unreadable 2.sqlite3"));
        assert_eq!(std::fs::read(&first).unwrap(), b"database");
        assert_eq!(std::fs::read(&second).unwrap(), b"second");
    }

    #[test]
    fn keep_aside_gives_the_database_a_second_name_and_moves_its_log() {
        let folder = tempfile::tempdir().unwrap();
        let database = folder.path().join("bankbook.sqlite3");
        std::fs::write(&database, b"database").unwrap();
        std::fs::write(companion(&database, "-wal"), b"log").unwrap();

        let aside = keep_aside(&database, "before restore").unwrap();

        assert_eq!(aside, folder.path().join("bankbook before restore.sqlite3"));
        assert_eq!(std::fs::read(&aside).unwrap(), b"database");
        assert_eq!(std::fs::read(&database).unwrap(), b"database");
        assert_eq!(std::fs::read(companion(&aside, "-wal")).unwrap(), b"log");
        assert!(!companion(&database, "-wal").exists());
    }

    #[test]
    fn a_move_interrupted_after_the_log_joins_the_log_again() {
        let folder = tempfile::tempdir().unwrap();
        let database = folder.path().join("bankbook.sqlite3");
        std::fs::write(&database, b"database").unwrap();
        // As an interrupted move left it: the log is aside, the database is not.
        let aside = folder.path().join("bankbook unreadable.sqlite3");
        std::fs::write(companion(&aside, "-wal"), b"log").unwrap();

        assert_eq!(set_aside(&database, "unreadable").unwrap(), aside);
        assert_eq!(std::fs::read(companion(&aside, "-wal")).unwrap(), b"log");
    }

    #[test]
    fn a_folder_that_cannot_be_created_is_a_storage_failure() {
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("a-file");
        std::fs::write(&file, b"").unwrap();
        let error = prepare_data_folder(&file.join("data")).unwrap_err();
        assert!(matches!(error, Error::Io { .. }), "{error:?}");
        assert!(error.is_storage_failure(), "{error:?}");
    }
}
