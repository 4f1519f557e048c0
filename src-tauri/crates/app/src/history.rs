//! The transaction history, paged from the store, which fetches older bank pages as the user
//! scrolls.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::core::Core;
use crate::error::Result;

/// Whether an entry is booked or still pending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum EntryStatus {
    Booked,
    Pending,
}

/// One entry of an account's history. The amount is a signed decimal string, never a float.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TransactionView {
    /// The bank's entry reference: unique within the account.
    pub id: String,
    pub status: EntryStatus,
    /// Negative for money leaving the account.
    pub amount: String,
    pub currency: String,
    /// `YYYY-MM-DD`: the booking date, else the value date. What the list groups by.
    pub date: String,
    pub booking_date: Option<String>,
    pub value_date: Option<String>,
    pub counterparty_name: Option<String>,
    pub counterparty_iban: Option<String>,
    /// The payer's message.
    pub description: Option<String>,
    /// The bank's own note ("Card payment").
    pub bank_note: Option<String>,
    pub variable_symbol: Option<String>,
    pub specific_symbol: Option<String>,
    pub constant_symbol: Option<String>,
    /// The entry's category: the person's choice, else what the rules said.
    pub category_id: Option<u32>,
}

/// A page of history, newest first.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TransactionsPage {
    pub items: Vec<TransactionView>,
    /// Pass it back for the next, older page; `None` when there is none.
    pub next_cursor: Option<String>,
    /// Pass it back with `Newer` for the page just above this one (a list that let it go);
    /// `None` at the top.
    pub previous_cursor: Option<String>,
    /// The whole history is here: nothing older exists at the bank.
    pub complete: bool,
}

/// Which way from the cursor a page goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum PageDirection {
    /// Below the cursor: down the list, into the past.
    Older,
    /// Above the cursor: back up the list.
    Newer,
}

impl Core {
    /// The page of `iban`'s history next to `cursor` (`None`: the newest). Older pages come
    /// from the store when it has them, else older bank pages are fetched first; newer pages
    /// are always stored.
    pub async fn transactions_page(
        &self,
        iban: String,
        cursor: Option<String>,
        limit: u32,
        direction: PageDirection,
    ) -> Result<TransactionsPage> {
        let data = &*self.data().await?;
        let link = data.link_of_account(&iban)?;
        let bank_id = link.bank_id();
        let cursor = cursor.as_deref();
        if direction == PageDirection::Newer {
            let cursor = cursor.ok_or(ledger::Error::InvalidCursor)?;
            return Ok(data
                .ledger
                .newer_page(bank_id, &iban, cursor, limit)?
                .into());
        }
        if let Some(page) = data.ledger.stored_page(bank_id, &iban, cursor, limit)? {
            return Ok(page.into());
        }
        let session = link.session(&data.connector).await?;
        let page = data
            .ledger
            .page(session, bank_id, &iban, cursor, limit)
            .await?;
        Ok(page.into())
    }
}

impl From<ledger::HistoryPage> for TransactionsPage {
    fn from(page: ledger::HistoryPage) -> Self {
        Self {
            items: page
                .entries
                .into_iter()
                .map(TransactionView::from)
                .collect(),
            next_cursor: page.next_cursor,
            previous_cursor: page.previous_cursor,
            complete: page.complete,
        }
    }
}

impl From<store::StoredEntry> for TransactionView {
    fn from(stored: store::StoredEntry) -> Self {
        let entry = stored.record;
        Self {
            id: entry.entry_reference,
            status: if entry.pending {
                EntryStatus::Pending
            } else {
                EntryStatus::Booked
            },
            amount: entry.amount.to_string(),
            currency: entry.currency,
            date: entry.date.to_string(),
            booking_date: entry.booking_date.map(|date| date.to_string()),
            value_date: entry.value_date.map(|date| date.to_string()),
            counterparty_name: entry.counterparty_name,
            counterparty_iban: entry.counterparty_iban,
            description: entry.description,
            bank_note: entry.bank_note,
            variable_symbol: entry.variable_symbol,
            specific_symbol: entry.specific_symbol,
            constant_symbol: entry.constant_symbol,
            category_id: stored.category_id.map(crate::categories::id_of),
        }
    }
}
