//! Everything the bank sent for one entry, for the detail panel.

use serde::Serialize;
use ts_rs::TS;

use crate::core::Core;
use crate::error::Result;
use crate::history::TransactionView;
use crate::indented_json::indented;

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
    /// The person chose the category (`transaction.categoryId`) by hand.
    pub category_chosen: bool,
}

impl Core {
    /// The entry `id` of account `iban`, with everything stored of it.
    /// An account not shown, or an entry not stored, is `invalid_input`.
    pub async fn transaction_detail(&self, iban: String, id: String) -> Result<TransactionDetail> {
        let data = &*self.data().await?;
        data.shown_accounts(Some(&iban))?;
        let mut stored = data.ledger.entry(&iban, &id)?;
        let raw = stored.record.raw.take().map(|raw| indented(&raw));
        let end_to_end_reference = stored.record.end_to_end_reference.clone();
        let bank_transaction_code = stored.record.bank_transaction_code.clone();
        let category_chosen = data.ledger.chosen_category(&iban, &id)?.is_some();
        Ok(TransactionDetail {
            iban,
            transaction: TransactionView::from(stored),
            end_to_end_reference,
            bank_transaction_code,
            raw,
            category_chosen,
        })
    }
}
