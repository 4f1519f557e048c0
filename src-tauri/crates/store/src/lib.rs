//! Bankbook's local store: what the UI pages through, kept in SQLite.

mod balances;
mod codec;
mod connection;
mod error;
mod history;
mod migrations;

use std::path::Path;

use rusqlite::Connection;

pub use balances::{BalanceRecord, StoredBalances};
pub use connection::{SavedConnection, SelectedAccount};
pub use error::{Error, Result};
pub use history::{EntryRecord, HistorySync, ListPosition, OlderPage, StoredEntry};

/// An open store with its schema up to date.
#[derive(Debug)]
pub struct Store {
    connection: Connection,
}

impl Store {
    /// Opens (or creates) the store at `path`, in WAL mode, and migrates it.
    pub fn open(path: &Path) -> Result<Self> {
        let connection = Connection::open(path)?;
        // WAL: readers never block the writer, and a crash loses at most the open transaction.
        connection.pragma_update(None, "journal_mode", "WAL")?;
        // In WAL mode NORMAL survives a crash of the app intact; only a power cut may undo the
        // last pages fetched, which the next scroll fetches again. FULL would sync every page.
        connection.pragma_update(None, "synchronous", "NORMAL")?;
        Self::prepare(connection)
    }

    /// A store that lives in memory only, for tests.
    pub fn open_in_memory() -> Result<Self> {
        Self::prepare(Connection::open_in_memory()?)
    }

    fn prepare(mut connection: Connection) -> Result<Self> {
        connection.pragma_update(None, "foreign_keys", "ON")?;
        migrations::apply(&mut connection)?;
        Ok(Self { connection })
    }

    /// The schema version the store is at.
    pub fn schema_version(&self) -> Result<u32> {
        Ok(self
            .connection
            .pragma_query_value(None, "user_version", |row| row.get(0))?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_store_on_disk_opens_again_at_the_same_version() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("bankbook.sqlite3");
        let first = Store::open(&path).unwrap().schema_version().unwrap();
        let again = Store::open(&path).unwrap();
        assert_eq!(again.schema_version().unwrap(), first);
        let mode: String = again
            .connection
            .pragma_query_value(None, "journal_mode", |row| row.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
    }
}
