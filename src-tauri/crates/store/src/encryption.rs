//! The store is encrypted: SQLCipher 4 with its default settings (AES-256 in CBC mode, an
//! HMAC-SHA512 on every page, 4 KiB pages), keyed with a raw 256-bit key. The key is random, made
//! on the first run and kept in the keychain by the app; no passphrase is derived, so SQLCipher's
//! key derivation is skipped (`x'…'` keys).
//!
//! A store from before encryption is encrypted once, in place ([`encrypt_in_place`]): exported
//! to a new encrypted file beside it, which is synced and then renamed over the old one. Killed
//! at any point, either the old file or the new one is the store, whole.

use std::fmt;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension};
use zeroize::Zeroize;

use crate::files::companion;
use crate::{Error, Result};

/// What a plaintext SQLite file starts with; an encrypted one starts with random salt.
const PLAINTEXT_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// The store's key: 32 random bytes. `Debug` prints a placeholder, and the bytes are zeroed
/// when it is dropped.
#[derive(Clone, PartialEq, Eq)]
pub struct StoreKey([u8; 32]);

impl StoreKey {
    /// A new random key, from the operating system's random source.
    #[must_use]
    pub fn generate() -> Self {
        Self(rand::random())
    }

    /// The key as the keychain keeps it: 64 hexadecimal digits.
    #[must_use]
    pub fn to_hex(&self) -> String {
        use std::fmt::Write as _;
        self.0
            .iter()
            .fold(String::with_capacity(64), |mut text, byte| {
                // Writing to a String cannot fail.
                let _ = write!(text, "{byte:02x}");
                text
            })
    }

    /// The key from [`Self::to_hex`]'s text; `None` for anything else.
    #[must_use]
    pub fn from_hex(text: &str) -> Option<Self> {
        if text.len() != 64 || !text.is_ascii() {
            return None;
        }
        let mut bytes = [0; 32];
        for (byte, pair) in bytes.iter_mut().zip(text.as_bytes().chunks(2)) {
            let pair = std::str::from_utf8(pair).ok()?;
            *byte = u8::from_str_radix(pair, 16).ok()?;
        }
        Some(Self(bytes))
    }

    /// SQLCipher's text for a raw key.
    fn sql_literal(&self) -> String {
        format!("x'{}'", self.to_hex())
    }
}

impl fmt::Debug for StoreKey {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("StoreKey(<redacted>)")
    }
}

impl Drop for StoreKey {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

/// What the store's file holds, read from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreFile {
    /// No file, or an empty one: a store not yet written.
    New,
    /// A store from before encryption.
    Plaintext,
    /// An encrypted store (or something that is not a store at all: only its key can tell).
    Encrypted,
}

impl StoreFile {
    /// Reads the start of the file at `path`.
    pub fn at(path: &Path) -> Result<Self> {
        let file = match File::open(path) {
            Ok(file) => file,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Self::New),
            Err(error) => return Err(Error::io(path, error)),
        };
        let mut start = Vec::with_capacity(PLAINTEXT_HEADER.len());
        file.take(PLAINTEXT_HEADER.len() as u64)
            .read_to_end(&mut start)
            .map_err(|error| Error::io(path, error))?;
        Ok(if start.is_empty() {
            Self::New
        } else if start == PLAINTEXT_HEADER {
            Self::Plaintext
        } else {
            Self::Encrypted
        })
    }
}

/// Keys `connection` with `key` and reads the schema, so that a wrong key or a damaged file is
/// found now rather than at the first query.
pub(crate) fn unlock(connection: &Connection, key: &StoreKey) -> Result<()> {
    // SQLCipher 4's settings, also under a later SQLCipher with other defaults.
    connection.execute_batch(&format!(
        "PRAGMA key = \"{}\"; PRAGMA cipher_compatibility = 4;",
        key.sql_literal()
    ))?;
    require_sqlcipher(connection)?;
    let read = connection.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()));
    match read {
        Err(rusqlite::Error::SqliteFailure(failure, _))
            if failure.code == rusqlite::ErrorCode::NotADatabase =>
        {
            Err(Error::WrongKey)
        }
        other => Ok(other?),
    }
}

/// Plain SQLite ignores `PRAGMA key` without a word: a build without SQLCipher would write the
/// store in plain text.
fn require_sqlcipher(connection: &Connection) -> Result<()> {
    let version: Option<String> = connection
        .query_row("PRAGMA cipher_version", [], |row| row.get(0))
        .optional()?;
    match version {
        Some(_) => Ok(()),
        None => Err(Error::EncryptionFailed(
            "this build's SQLite cannot encrypt",
        )),
    }
}

/// The steps of [`encrypt_in_place`], for the tests that kill it between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    /// The encrypted copy is written, not yet synced.
    Exported,
    /// The copy is on disk; the old store is still in place.
    Synced,
    /// The copy has replaced the old store, which is not yet overwritten.
    Renamed,
}

/// Encrypts the plaintext store at `path` with `key`, in place; `at_step` is called after each
/// [`Step`].
pub(crate) fn encrypt_in_place(
    path: &Path,
    key: &StoreKey,
    at_step: &mut dyn FnMut(Step),
) -> Result<()> {
    let copy = encrypting_copy(path);
    // Left by an interrupted run: the old store is still the store, so start again.
    remove_if_present(&copy)?;
    remove_if_present(&companion(&copy, "-journal"))?;
    // Private from the start, as the store is; the rename keeps its permissions.
    crate::files::make_private(&copy)?;
    export(path, &copy, key)?;
    at_step(Step::Exported);
    // Opened for writing: Windows flushes only a handle that may write.
    std::fs::OpenOptions::new()
        .write(true)
        .open(&copy)
        .and_then(|file| file.sync_all())
        .map_err(|error| Error::io(&copy, error))?;
    at_step(Step::Synced);
    // Closing the old store's last connection folded its log into it and removed the log: a
    // log left now would be read into the encrypted store, so nothing is renamed.
    let log = companion(path, "-wal");
    if log.exists() {
        return Err(Error::StoreInUse);
    }
    remove_if_present(&companion(path, "-shm"))?;
    // Unix: held across the rename, to overwrite the plaintext once it is no longer the store.
    // Windows refuses to rename over an open file, so there the old bytes are only unlinked.
    #[cfg(unix)]
    let old = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(|error| Error::io(path, error))?;
    std::fs::rename(&copy, path).map_err(|error| Error::io(path, error))?;
    // From here the encrypted store is the store: what fails now is said in the log, and the
    // store opens all the same.
    if let Err(error) = sync_folder(path) {
        tracing::warn!(%error, "the encrypted store's rename may not be on disk yet");
    }
    at_step(Step::Renamed);
    #[cfg(unix)]
    if let Err(error) = overwrite(old) {
        tracing::warn!(%error, "the plaintext store was replaced but not overwritten");
    }
    Ok(())
}

/// `<store>.encrypting`: the encrypted copy while it is written.
fn encrypting_copy(path: &Path) -> PathBuf {
    companion(path, ".encrypting")
}

/// Exports every table, index, trigger and the schema version into a new encrypted file, and
/// checks the copy before anything replaces the store.
fn export(path: &Path, copy: &Path, key: &StoreKey) -> Result<()> {
    let plaintext = crate::connection_open::open(path)?;
    require_sqlcipher(&plaintext)?;
    export_into(&plaintext, copy, key)?;
    plaintext.close().map_err(|(_, error)| Error::Sqlite(error))
}

/// Exports what `connection` holds (its `main` database) into a new file at `copy`, encrypted
/// with `key`, with its schema version, and checks the copy.
pub(crate) fn export_into(connection: &Connection, copy: &Path, key: &StoreKey) -> Result<()> {
    // A path that is not UTF-8 would reach SQLite altered: refused rather than written elsewhere.
    let copy_name = copy.to_str().ok_or(Error::EncryptionFailed(
        "the data folder's path is not UTF-8",
    ))?;
    connection.execute_batch("PRAGMA cipher_default_compatibility = 4")?;
    connection.execute(
        "ATTACH DATABASE ?1 AS encrypted KEY ?2",
        [copy_name, key.sql_literal().as_str()],
    )?;
    let exported = export_attached(connection);
    // Detached whatever happened: the connection goes on serving the store. The export's own
    // failure, if any, is the one told.
    let detached = connection.execute_batch("DETACH DATABASE encrypted");
    exported?;
    Ok(detached?)
}

fn export_attached(connection: &Connection) -> Result<()> {
    connection.query_row("SELECT sqlcipher_export('encrypted')", [], |_| Ok(()))?;
    // `sqlcipher_export` copies the content, not the header's schema version.
    let version: u32 = connection.pragma_query_value(None, "user_version", |row| row.get(0))?;
    connection.pragma_update(Some("encrypted"), "user_version", version)?;
    check_copy(connection)
}

/// The attached copy reads back whole and holds as many rows as the store in every table.
fn check_copy(plaintext: &Connection) -> Result<()> {
    let check: String =
        plaintext.query_row("PRAGMA encrypted.quick_check", [], |row| row.get(0))?;
    if check != "ok" {
        return Err(Error::EncryptionFailed(
            "the encrypted copy does not read back whole",
        ));
    }
    let tables: Vec<String> = plaintext
        .prepare(
            "SELECT name FROM main.sqlite_schema \
             WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'",
        )?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for table in tables {
        let quoted = table.replace('"', "\"\"");
        let same: bool = plaintext.query_row(
            &format!(
                "SELECT (SELECT count(*) FROM main.\"{quoted}\") \
                      = (SELECT count(*) FROM encrypted.\"{quoted}\")"
            ),
            [],
            |row| row.get(0),
        )?;
        if !same {
            return Err(Error::EncryptionFailed("the encrypted copy lacks rows"));
        }
    }
    Ok(())
}

/// Writes zeros over the old plaintext file (already unlinked), so that its bytes do not stay
/// on a disk that overwrites in place. Copy-on-write file systems and SSDs may keep them all the
/// same; disk encryption is what covers those.
#[cfg(unix)]
fn overwrite(mut old: File) -> std::io::Result<()> {
    let length = old.metadata()?.len();
    std::io::copy(&mut std::io::repeat(0).take(length), &mut old)?;
    old.sync_all()
}

fn remove_if_present(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(Error::io(path, error)),
        _ => Ok(()),
    }
}

/// Makes a rename to `path` durable: on Unix, by syncing its folder's entry. Windows has no
/// folder handle to sync from std; NTFS's journal keeps the rename whole, if not yet on disk.
pub fn sync_folder(path: &Path) -> Result<()> {
    #[cfg(unix)]
    if let Some(folder) = path.parent() {
        File::open(folder)
            .and_then(|folder| folder.sync_all())
            .map_err(|error| Error::io(folder, error))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::process::Command;

    use super::*;
    use crate::Store;

    const ROWS: i64 = 2_000;
    const IBAN: &str = "SK3111000000002611223344";
    /// Set for the child process of the kill test: the store to encrypt, the key, the step to
    /// die at.
    const CHILD_STORE: &str = "BANKBOOK_TEST_ENCRYPT_STORE";
    const CHILD_KEY: &str = "BANKBOOK_TEST_ENCRYPT_KEY";
    const CHILD_DIE_AT: &str = "BANKBOOK_TEST_ENCRYPT_DIE_AT";

    /// A store as the release before encryption left it when it crashed: plaintext, at the
    /// current schema, with `ROWS` entries (and their search index) and `ROWS` rows in a table
    /// of its own, the last of them only in the write-ahead log.
    fn plaintext_store(folder: &Path) -> PathBuf {
        let live = folder.join("live.sqlite3");
        let connection = Connection::open(&live).unwrap();
        connection
            .pragma_update(None, "journal_mode", "WAL")
            .unwrap();
        let mut store = Store::prepare(connection).unwrap();
        store
            .save_connection(&crate::SavedConnection {
                bank_id: "demo".to_owned(),
                consent_expires_at: 1_800_000_000,
            })
            .unwrap();
        let account = crate::SelectedAccount {
            iban: IBAN.to_owned(),
            name: Some("Jana Novakova".to_owned()),
            currency: "EUR".to_owned(),
            product: None,
        };
        store.select_accounts("demo", &[account]).unwrap();
        let entries: Vec<_> = (0..ROWS)
            .map(|n| {
                crate::history::tests::entry(
                    &format!("ref-{n}"),
                    time::macros::date!(2026 - 11 - 20),
                )
            })
            .collect();
        store.append_older(IBAN, &entries, None).unwrap();
        store
            .connection
            .execute_batch("CREATE TABLE kept (n INTEGER PRIMARY KEY, text TEXT NOT NULL)")
            .unwrap();
        for n in 0..ROWS {
            store
                .connection
                .execute(
                    "INSERT INTO kept (n, text) VALUES (?1, ?2)",
                    rusqlite::params![n, format!("Jana Novakova SK31 1200 {n:010}")],
                )
                .unwrap();
        }
        // Copied while the store is open, as a crash leaves it: the log not yet folded in.
        let path = folder.join("bankbook.sqlite3");
        std::fs::copy(&live, &path).unwrap();
        std::fs::copy(companion(&live, "-wal"), companion(&path, "-wal")).unwrap();
        drop(store);
        assert!(std::fs::metadata(companion(&path, "-wal")).unwrap().len() > 0);
        assert_eq!(StoreFile::at(&path).unwrap(), StoreFile::Plaintext);
        path
    }

    /// The entries, found through the search index too, and the index whole.
    fn assert_entries_searchable(store: &Store) {
        let found: i64 = store
            .connection
            .query_row(
                "SELECT count(*) FROM entry_search WHERE entry_search MATCH 'kaufland'",
                [],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(found, ROWS);
        store
            .connection
            .execute_batch("INSERT INTO entry_search (entry_search) VALUES ('integrity-check')")
            .unwrap();
    }

    fn kept_rows(store: &Store) -> i64 {
        store
            .connection
            .query_row("SELECT count(*) FROM kept", [], |row| row.get(0))
            .unwrap()
    }

    fn start_of(path: &Path) -> Vec<u8> {
        std::fs::read(path).unwrap()[..16].to_vec()
    }

    #[test]
    fn a_new_store_is_encrypted_and_opens_with_its_key_only() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("bankbook.sqlite3");
        let key = StoreKey::generate();
        let version = Store::open(&path, &key).unwrap().schema_version().unwrap();

        assert_eq!(StoreFile::at(&path).unwrap(), StoreFile::Encrypted);
        assert_ne!(start_of(&path), PLAINTEXT_HEADER);
        let other = StoreKey::generate();
        assert!(matches!(Store::open(&path, &other), Err(Error::WrongKey)));
        assert_eq!(
            Store::open(&path, &key).unwrap().schema_version().unwrap(),
            version
        );
    }

    #[test]
    fn a_plaintext_store_is_encrypted_in_place_with_every_row_and_its_schema_version() {
        let folder = tempfile::tempdir().unwrap();
        let path = plaintext_store(folder.path());
        // From the store the copy was taken of: opening the copy would fold its log in.
        let version: u32 = Connection::open(folder.path().join("live.sqlite3"))
            .unwrap()
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .unwrap();
        let key = StoreKey::generate();

        let store = Store::open(&path, &key).unwrap();

        assert_eq!(kept_rows(&store), ROWS);
        assert_entries_searchable(&store);
        assert!(version > 0);
        assert_eq!(store.schema_version().unwrap(), version);
        assert_eq!(StoreFile::at(&path).unwrap(), StoreFile::Encrypted);
        let bytes = std::fs::read(&path).unwrap();
        let needle = b"Jana Novakova";
        assert!(!bytes.windows(needle.len()).any(|window| window == needle));
        assert!(!encrypting_copy(&path).exists());
    }

    #[test]
    fn a_copy_left_half_written_is_replaced() {
        let folder = tempfile::tempdir().unwrap();
        let path = plaintext_store(folder.path());
        std::fs::write(encrypting_copy(&path), b"half an export").unwrap();
        let key = StoreKey::generate();

        assert_eq!(kept_rows(&Store::open(&path, &key).unwrap()), ROWS);
    }

    #[test]
    fn an_encryption_killed_after_any_step_loses_nothing() {
        for step in ["exported", "synced", "renamed"] {
            let folder = tempfile::tempdir().unwrap();
            let path = plaintext_store(folder.path());
            let key = StoreKey::generate();

            let status = Command::new(std::env::current_exe().unwrap())
                .args(["--exact", "encryption::tests::encrypt_and_die", "--ignored"])
                .env(CHILD_STORE, &path)
                .env(CHILD_KEY, key.to_hex())
                .env(CHILD_DIE_AT, step)
                .status()
                .unwrap();
            // Aborted (SIGABRT), not failed some other way.
            #[cfg(unix)]
            assert_eq!(
                std::os::unix::process::ExitStatusExt::signal(&status),
                Some(6),
                "the child was to die after {step}: {status}"
            );
            assert!(!status.success(), "the child was to die after {step}");

            let store = Store::open(&path, &key).unwrap();
            assert_eq!(kept_rows(&store), ROWS, "killed after {step}");
            assert_entries_searchable(&store);
            assert_eq!(StoreFile::at(&path).unwrap(), StoreFile::Encrypted);
        }
    }

    /// The child of the kill test: encrypts the store it is given and aborts after the step it
    /// is given, as a kill would stop it. Does nothing when run on its own.
    #[test]
    #[ignore = "run by an_encryption_killed_after_any_step_loses_nothing"]
    fn encrypt_and_die() {
        let (Some(path), Some(key), Ok(die_at)) = (
            std::env::var_os(CHILD_STORE),
            std::env::var(CHILD_KEY)
                .ok()
                .and_then(|hex| StoreKey::from_hex(&hex)),
            std::env::var(CHILD_DIE_AT),
        ) else {
            return;
        };
        encrypt_in_place(Path::new(&path), &key, &mut |step| {
            if format!("{step:?}").eq_ignore_ascii_case(&die_at) {
                std::process::abort();
            }
        })
        .unwrap();
    }

    #[test]
    fn the_key_reads_back_from_its_text_and_never_prints() {
        let key = StoreKey::generate();
        let text = key.to_hex();
        assert_eq!(StoreKey::from_hex(&text), Some(key.clone()));
        assert_eq!(StoreKey::from_hex(&text[1..]), None);
        assert_eq!(StoreKey::from_hex(&"g".repeat(64)), None);
        let printed = format!("{key:?}");
        assert!(!printed.contains(&text[..8]));
        assert!(printed.contains("redacted"));
    }
}
