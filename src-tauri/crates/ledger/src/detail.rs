//! One stored entry with everything kept of it, for the detail panel.

use store::StoredEntry;

use crate::{Error, Ledger, Result};

impl Ledger {
    /// Entry `entry_reference` of `iban`, with everything stored of it (the transaction as
    /// the bank sent it included); `UnknownEntry` when it is not stored.
    pub fn entry(&self, iban: &str, entry_reference: &str) -> Result<StoredEntry> {
        self.store()
            .entry(iban, entry_reference)?
            .ok_or(Error::UnknownEntry)
    }
}
