//! Bankbook's local store: what the UI pages through, kept in SQLite.

mod amounts;
mod balances;
mod categories;
mod checkpoints;
mod codec;
mod connection;
mod connection_open;
mod detail;
mod encryption;
mod error;
mod files;
mod history;
mod migrations;
mod notifications;
mod reads;
mod search;
#[cfg(any(test, feature = "test-support"))]
pub mod test_support;

use std::path::Path;

use rusqlite::Connection;

pub use balances::{BalanceRecord, StoredBalances};
pub use categories::{CategoryRecord, CategorySpending, EntryFacts, RuleConditions, RuleRecord};
pub use checkpoints::{BalanceCheckpoint, BookedAmount, DayTotals};
pub use connection::{SavedConnection, SelectedAccount};
pub use encryption::sync_folder;
pub use encryption::{StoreFile, StoreKey};
pub use error::{Error, Result, StorageFailure};
pub use files::{keep_aside, prepare_data_folder, set_aside};
pub use history::{EntryRecord, HistorySync, ListPosition, OlderPage, StoredEntry};
pub use reads::AccountRead;
pub use search::{
    AmountRange, Coverage, CurrencyTotals, Direction, FoundEntry, SearchFilter, SearchPosition,
    SearchTotals,
};

/// An open store with its schema up to date.
#[derive(Debug)]
pub struct Store {
    connection: Connection,
}

impl Store {
    /// Opens (or creates) the store at `path`, encrypted with `key`, in WAL mode, and migrates
    /// it; a store from before encryption is encrypted first. The database file, its
    /// write-ahead log and its shared-memory index are made private to the user (0600 on Unix),
    /// including files an earlier version left readable; the folder is
    /// [`prepare_data_folder`]'s.
    pub fn open(path: &Path, key: &StoreKey) -> Result<Self> {
        // Created private before SQLite opens it: SQLite gives the log and index it creates
        // later the database file's permissions.
        files::make_private(path)?;
        if StoreFile::at(path)? == StoreFile::Plaintext {
            encryption::encrypt_in_place(path, key, &mut |_| {})?;
        }
        let connection = connection_open::open(path)?;
        encryption::unlock(&connection, key)?;
        // WAL: readers never block the writer, and a crash loses at most the open transaction.
        connection.pragma_update(None, "journal_mode", "WAL")?;
        // In WAL mode NORMAL survives a crash of the app intact; only a power cut may undo the
        // last pages fetched, which the next scroll fetches again. FULL would sync every page.
        connection.pragma_update(None, "synchronous", "NORMAL")?;
        // 32 MiB of pages in memory rather than SQLite's 2 MiB: a search's totals read every
        // row it finds, all over the file. With 100,000 entries stored, the totals of 6,249
        // matches took 60 ms at 16 MiB and 4 ms at 32 (`cargo bench -p store --bench search`);
        // 64 MiB was no faster, and the cache, which fills as the history is scrolled, kept
        // 32 MiB more of the person's memory.
        connection.pragma_update(None, "cache_size", -32_768)?;
        let store = Self::prepare(connection)?;
        // The log and index exist now: checked again, whoever created them.
        files::make_private(path)?;
        Ok(store)
    }

    /// A store that lives in memory only, for tests.
    pub fn open_in_memory() -> Result<Self> {
        Self::prepare(connection_open::open_in_memory()?)
    }

    fn prepare(mut connection: Connection) -> Result<Self> {
        connection.pragma_update(None, "foreign_keys", "ON")?;
        // Deleted rows are overwritten with zeros, in their pages and in freed pages, rather
        // than left in the file's free space: what the user removes is gone from the file.
        connection.pragma_update(None, "secure_delete", "ON")?;
        migrations::apply(&mut connection)?;
        search::register(&connection)?;
        Ok(Self { connection })
    }

    /// Erases what was deleted from the files themselves: the database is rebuilt without
    /// free space (`VACUUM`: content deleted before `secure_delete` was on is dropped too),
    /// then the write-ahead log, which still holds earlier versions of the pages, is copied
    /// into the database and truncated to nothing. Deleted data may still be in blocks the
    /// file system has freed; the disk's own encryption is what covers those.
    fn erase_deleted(&self) -> Result<()> {
        self.connection.execute_batch("VACUUM")?;
        // One row: whether another connection kept the checkpoint from finishing, then frame
        // counts (-1 for a store that is not in WAL mode, such as one in memory).
        let blocked: i64 =
            self.connection
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |row| row.get(0))?;
        if blocked != 0 {
            return Err(Error::NotErased);
        }
        Ok(())
    }

    /// Writes the whole store to a new file at `copy`, encrypted with `key`, and checks the
    /// copy table by table: the content of a backup, and of a restored store. What was written
    /// by the time of an error is left for the caller to remove.
    pub fn copy_to(&self, copy: &Path, key: &StoreKey) -> Result<()> {
        encryption::export_into(&self.connection, copy, key)
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
        let key = StoreKey::generate();
        let first = Store::open(&path, &key).unwrap().schema_version().unwrap();
        let again = Store::open(&path, &key).unwrap();
        assert_eq!(again.schema_version().unwrap(), first);
        let mode: String = again
            .connection
            .pragma_query_value(None, "journal_mode", |row| row.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
    }
}
