//! The log of reads of each account at its bank (balances and newest entries together), kept
//! for a day and a little more: what PSD2's four unattended reads a day are counted from.

use rusqlite::params;

use crate::{Result, Store};

/// A read of an account's balances and newest entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccountRead {
    /// Unix seconds.
    pub at: i64,
    /// The app read on its own; otherwise the person asked.
    pub unattended: bool,
}

/// Reads older than this are of no more use, and are removed as new ones come.
const KEPT_FOR_SECONDS: i64 = 2 * 24 * 3600;

impl Store {
    /// Logs a read of `iban`, and forgets the reads of every account too old to count.
    pub fn record_read(&self, iban: &str, read: AccountRead) -> Result<()> {
        self.connection.execute(
            "INSERT INTO account_read (iban, at, unattended) VALUES (?1, ?2, ?3)",
            params![iban, read.at, read.unattended],
        )?;
        self.connection.execute(
            "DELETE FROM account_read WHERE at < ?1",
            params![read.at - KEPT_FOR_SECONDS],
        )?;
        Ok(())
    }

    /// `iban`'s reads at or after `since` (Unix seconds), oldest first.
    pub fn reads_since(&self, iban: &str, since: i64) -> Result<Vec<AccountRead>> {
        let mut statement = self.connection.prepare_cached(
            "SELECT at, unattended FROM account_read WHERE iban = ?1 AND at >= ?2
             ORDER BY at, rowid",
        )?;
        let rows = statement.query_map(params![iban, since], |row| {
            Ok(AccountRead {
                at: row.get(0)?,
                unattended: row.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::StoreKey;

    #[test]
    fn reads_are_given_back_in_order_and_old_ones_are_forgotten() {
        let folder = tempfile::tempdir().unwrap();
        let store = Store::open(&folder.path().join("s.sqlite3"), &StoreKey::generate()).unwrap();
        let day = 24 * 3600;
        let read = |at, unattended| AccountRead { at, unattended };
        store.record_read("SK1", read(1_000, true)).unwrap();
        store.record_read("SK2", read(1_500, false)).unwrap();
        store.record_read("SK1", read(2_000, false)).unwrap();
        assert_eq!(
            store.reads_since("SK1", 0).unwrap(),
            vec![read(1_000, true), read(2_000, false)]
        );
        assert_eq!(
            store.reads_since("SK1", 1_001).unwrap(),
            vec![read(2_000, false)]
        );
        store
            .record_read("SK1", read(1_000 + 2 * day + 1, true))
            .unwrap();
        assert_eq!(
            store.reads_since("SK1", 0).unwrap().len(),
            2,
            "the oldest went"
        );
        assert_eq!(
            store.reads_since("SK2", 0).unwrap(),
            vec![read(1_500, false)]
        );
    }
}
