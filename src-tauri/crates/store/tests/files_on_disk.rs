//! The store's files as they are on disk: who may read them, and what is left in them after
//! the user removes their data.
#![allow(
    clippy::unwrap_used,
    reason = "clippy.toml allows them in tests, but not in a test file's helper functions"
)]

use std::path::{Path, PathBuf};
use std::str::FromStr;

use rust_decimal::Decimal;
use store::{EntryRecord, OlderPage, SavedConnection, SelectedAccount, Store, StoreKey};
use time::macros::date;

const STORE_FILE: &str = "bankbook.sqlite3";
/// The key of every store here.
static KEY: std::sync::LazyLock<StoreKey> = std::sync::LazyLock::new(StoreKey::generate);
const ACCOUNT_IBAN: &str = "SK3111000000002611223344";
const ACCOUNT_NAME: &str = "Jarmila's Erasable Savings";
const COUNTERPARTY: &str = "Quokka Rare Teas Bratislava";
const COUNTERPARTY_IBAN: &str = "SK6807200002891987426353";

fn companion(database: &Path, suffix: &str) -> PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn wal(database: &Path) -> PathBuf {
    companion(database, "-wal")
}

fn shm(database: &Path) -> PathBuf {
    companion(database, "-shm")
}

fn connect(store: &mut Store) {
    store
        .save_connection(&SavedConnection {
            bank_id: "demo".to_owned(),
            consent_expires_at: 1_800_000_000,
        })
        .unwrap();
    let account = SelectedAccount {
        iban: ACCOUNT_IBAN.to_owned(),
        name: Some(ACCOUNT_NAME.to_owned()),
        currency: "EUR".to_owned(),
        product: None,
    };
    store.select_accounts("demo", &[account]).unwrap();
}

/// `count` entries paid to the distinctive counterparty, references from `first` on.
fn payments(first: u32, count: u32) -> Vec<EntryRecord> {
    (first..first + count)
        .map(|n| EntryRecord {
            entry_reference: format!("ref-{n}"),
            pending: false,
            date: date!(2026 - 11 - 20),
            amount: Decimal::from_str("-4.80").unwrap(),
            currency: "EUR".to_owned(),
            booking_date: Some(date!(2026 - 11 - 20)),
            value_date: None,
            counterparty_name: Some(format!("{COUNTERPARTY} {n}")),
            counterparty_iban: Some(COUNTERPARTY_IBAN.to_owned()),
            description: Some("Sencha and a teapot".to_owned()),
            bank_note: None,
            variable_symbol: None,
            specific_symbol: None,
            constant_symbol: None,
            end_to_end_reference: None,
            bank_transaction_code: None,
            raw: None,
        })
        .collect()
}

/// Where a page of older entries says the history goes on.
const MORE: Option<OlderPage> = Some(OlderPage {
    number: 2,
    up_to: None,
});

/// The bytes of `path`, empty when it is not there.
fn bytes(path: &Path) -> Vec<u8> {
    match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(error) => panic!("{}: {error}", path.display()),
    }
}

/// Another connection to the encrypted store at `path`.
fn second_connection(path: &Path) -> rusqlite::Connection {
    let connection = rusqlite::Connection::open(path).unwrap();
    connection
        .execute_batch(&format!("PRAGMA key = \"x'{}'\";", KEY.to_hex()))
        .unwrap();
    connection
}

fn free_pages(path: &Path) -> u32 {
    second_connection(path)
        .query_row("PRAGMA freelist_count", [], |row| row.get(0))
        .unwrap()
}

fn holds(path: &Path, text: &str) -> bool {
    bytes(path)
        .windows(text.len())
        .any(|window| window == text.as_bytes())
}

#[test]
fn removing_the_data_leaves_none_of_it_in_the_database_or_its_log() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join(STORE_FILE);
    let mut store = Store::open(&path, &KEY).unwrap();
    connect(&mut store);
    store
        .append_older(ACCOUNT_IBAN, &payments(0, 300), MORE)
        .unwrap();
    // Closing copies the log into the database file, which is encrypted.
    drop(store);
    assert!(!holds(&path, COUNTERPARTY));
    assert!(!holds(&path, ACCOUNT_NAME));

    // More of it only in the log.
    let mut store = Store::open(&path, &KEY).unwrap();
    store
        .append_older(ACCOUNT_IBAN, &payments(300, 50), MORE)
        .unwrap();
    assert!(
        bytes(&wal(&path)).len() > 50 * 100,
        "the new entries are in the log"
    );

    store.forget_connection("demo", false).unwrap();

    for file in [path.clone(), wal(&path), shm(&path)] {
        for text in [COUNTERPARTY, COUNTERPARTY_IBAN, ACCOUNT_NAME, ACCOUNT_IBAN] {
            assert!(!holds(&file, text), "{text} is in {}", file.display());
        }
    }
    let log = std::fs::metadata(wal(&path)).map_or(0, |metadata| metadata.len());
    assert_eq!(log, 0, "the log is truncated");
    assert_eq!(free_pages(&path), 0, "no free page keeps what was removed");

    // The store goes on working, and the erasing keeps nothing it should not have removed.
    assert_eq!(store.connections().unwrap(), []);
    assert!(store.selected_accounts("demo").unwrap().is_empty());
    assert_eq!(store.entry_count(ACCOUNT_IBAN).unwrap(), 0);
    connect(&mut store);
    drop(store);
    let store = Store::open(&path, &KEY).unwrap();
    assert_eq!(store.selected_accounts("demo").unwrap().len(), 1);
}

/// Rows an earlier version deleted without overwriting them stay in the file's free pages,
/// which a later deletion does not touch.
#[test]
fn data_deleted_before_deletions_were_overwritten_is_erased_too() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join(STORE_FILE);
    let mut store = Store::open(&path, &KEY).unwrap();
    connect(&mut store);
    store
        .append_older(ACCOUNT_IBAN, &payments(0, 300), MORE)
        .unwrap();
    drop(store);
    let earlier = second_connection(&path);
    earlier
        .execute_batch("PRAGMA secure_delete = OFF; DELETE FROM entry;")
        .unwrap();
    drop(earlier);
    assert!(free_pages(&path) > 0, "the deleted rows are in free pages");

    let mut store = Store::open(&path, &KEY).unwrap();
    store.forget_connection("demo", false).unwrap();
    assert_eq!(free_pages(&path), 0, "the file was rebuilt without them");
    for file in [path.clone(), wal(&path)] {
        assert!(!holds(&file, COUNTERPARTY), "{}", file.display());
    }
}

/// Another program reading the database keeps the log from being emptied: that is an error
/// the user can act on, and removing the data again once it has finished erases it.
#[test]
fn a_reader_that_keeps_removed_data_in_the_log_is_an_error_until_it_finishes() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join(STORE_FILE);
    let mut store = Store::open(&path, &KEY).unwrap();
    connect(&mut store);
    store
        .append_older(ACCOUNT_IBAN, &payments(0, 20), MORE)
        .unwrap();
    let reader = second_connection(&path);
    reader
        .execute_batch("BEGIN; SELECT count(*) FROM entry;")
        .unwrap();

    let error = store.forget_connection("demo", false).unwrap_err();
    assert!(matches!(error, store::Error::NotErased), "{error:?}");
    assert!(error.is_storage_failure());
    assert_eq!(store.connections().unwrap(), []);

    reader.execute_batch("COMMIT").unwrap();
    store.forget_connection("demo", false).unwrap();
    for file in [path.clone(), wal(&path)] {
        assert!(!holds(&file, COUNTERPARTY), "{}", file.display());
    }
}

#[test]
fn keeping_the_data_keeps_it() {
    let folder = tempfile::tempdir().unwrap();
    let mut store = Store::open(&folder.path().join(STORE_FILE), &KEY).unwrap();
    connect(&mut store);
    store
        .append_older(ACCOUNT_IBAN, &payments(0, 3), None)
        .unwrap();
    store.forget_connection("demo", true).unwrap();
    assert_eq!(store.connections().unwrap(), []);
    assert_eq!(store.entry_count(ACCOUNT_IBAN).unwrap(), 3);
}

#[cfg(unix)]
mod permissions {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path)
            .unwrap_or_else(|error| panic!("{}: {error}", path.display()))
            .permissions()
            .mode()
            & 0o777
    }

    fn set_mode(path: &Path, mode: u32) {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    }

    fn assert_private_files(database: &Path) {
        for file in [database.to_owned(), wal(database), shm(database)] {
            assert_eq!(mode(&file), 0o600, "{}", file.display());
        }
    }

    #[test]
    fn a_new_data_folder_and_its_store_are_private_to_the_user() {
        let root = tempfile::tempdir().unwrap();
        let data = root.path().join("share").join("Bankbook");
        store::prepare_data_folder(&data).unwrap();
        assert_eq!(mode(&data), 0o700);
        store::prepare_data_folder(&data).unwrap();

        let path = data.join(STORE_FILE);
        let mut store = Store::open(&path, &KEY).unwrap();
        connect(&mut store);
        assert_private_files(&path);
    }

    #[test]
    fn an_install_from_before_is_made_private_when_it_opens() {
        let root = tempfile::tempdir().unwrap();
        let data = root.path().join("Bankbook");
        std::fs::create_dir(&data).unwrap();
        set_mode(&data, 0o755);
        let path = data.join(STORE_FILE);
        // An earlier version's store, left open (a crash): the log and index are there too.
        let mut earlier = Store::open(&path, &KEY).unwrap();
        connect(&mut earlier);
        for file in [path.clone(), wal(&path), shm(&path)] {
            set_mode(&file, 0o644);
        }

        store::prepare_data_folder(&data).unwrap();
        let store = Store::open(&path, &KEY).unwrap();
        assert_eq!(mode(&data), 0o700);
        assert_private_files(&path);
        assert!(!store.connections().unwrap().is_empty());
        drop(earlier);
    }

    /// The app creates the file itself first, to learn the system's reason when it cannot.
    #[test]
    fn a_database_file_created_readable_by_others_is_made_private() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join(STORE_FILE);
        std::fs::write(&path, b"").unwrap();
        set_mode(&path, 0o644);
        let mut store = Store::open(&path, &KEY).unwrap();
        connect(&mut store);
        assert_private_files(&path);
    }

    /// What keeps a log and index that come later private: SQLite creates them with the
    /// database file's mode, whatever the umask. 0660 is a mode no umask makes of SQLite's
    /// default 0644.
    #[test]
    fn sqlite_gives_the_log_and_index_the_database_file_permissions() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("plain.sqlite3");
        std::fs::write(&path, b"").unwrap();
        set_mode(&path, 0o660);
        let connection = rusqlite::Connection::open(&path).unwrap();
        connection
            .pragma_update(None, "journal_mode", "WAL")
            .unwrap();
        connection
            .execute_batch("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('x');")
            .unwrap();
        assert_eq!(mode(&wal(&path)), 0o660);
        assert_eq!(mode(&shm(&path)), 0o660);
    }

    /// The log is deleted when the store closes and made again by the next writer, which
    /// need not be the store: it is private all the same.
    #[test]
    fn a_log_made_after_the_store_closed_is_private() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join(STORE_FILE);
        let mut store = Store::open(&path, &KEY).unwrap();
        connect(&mut store);
        drop(store);
        assert!(!wal(&path).exists(), "closing removes the log");

        let connection = second_connection(&path);
        connection
            .execute("DELETE FROM bank_connection", [])
            .unwrap();
        assert_private_files(&path);
    }
}
