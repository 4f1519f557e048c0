//! One entry with everything kept of it, for the detail panel.

use rusqlite::{OptionalExtension, params};

use crate::history::{ENTRY_COLUMNS, read_entry};
use crate::{Result, Store, StoredEntry};

impl Store {
    /// The entry `entry_reference` of `iban`, with the transaction as the bank sent it
    /// (`record.raw`); `None` when it is not stored (any more).
    pub fn entry(&self, iban: &str, entry_reference: &str) -> Result<Option<StoredEntry>> {
        let mut statement = self.connection.prepare_cached(&format!(
            "SELECT {ENTRY_COLUMNS}, raw FROM entry WHERE iban = ?1 AND entry_reference = ?2"
        ))?;
        let raw_column = ENTRY_COLUMNS.split(',').count();
        Ok(statement
            .query_row(params![iban, entry_reference], |row| {
                let mut stored = read_entry(row)?;
                stored.record.raw = row.get(raw_column)?;
                Ok(stored)
            })
            .optional()?)
    }
}
