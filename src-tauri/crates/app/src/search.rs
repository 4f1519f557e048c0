//! Search over the stored history of the shown accounts: the words and filters a person sets,
//! a page of what matches, and the count and sums of all of it.

use ledger::{NoteKind, SearchNote, SearchRequest};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::core::Core;
use crate::error::Result;
use crate::history::{PageDirection, TransactionView};
use crate::opened::Opened;

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

impl From<Direction> for store::Direction {
    fn from(direction: Direction) -> Self {
        match direction {
            Direction::Any => Self::Any,
            Direction::Incoming => Self::Incoming,
            Direction::Outgoing => Self::Outgoing,
        }
    }
}

impl From<store::Direction> for Direction {
    fn from(direction: store::Direction) -> Self {
        match direction {
            store::Direction::Any => Self::Any,
            store::Direction::Incoming => Self::Incoming,
            store::Direction::Outgoing => Self::Outgoing,
        }
    }
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
    /// Only entries of this category.
    pub category_id: Option<u32>,
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
    /// Pass it back with `Newer` for the page just above this one (a list that let it go);
    /// `None` at the top.
    pub previous_cursor: Option<String>,
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
    /// The search text holds more than one amount: the last one is used; `text` holds the
    /// ones left out.
    ExtraAmount,
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
    /// A page of the stored entries that match `query`, newest first, next to `cursor` (`None`:
    /// the first page): below it going `Older`, above it going `Newer`.
    pub async fn search_transactions(
        &self,
        query: SearchQuery,
        cursor: Option<String>,
        limit: u32,
        direction: PageDirection,
    ) -> Result<SearchPage> {
        let data = &*self.data().await?;
        let search = search_of(data, &query)?;
        let cursor = cursor.as_deref();
        let results = match direction {
            PageDirection::Older => data.ledger.search(&search, cursor, limit)?,
            PageDirection::Newer => {
                let cursor = cursor.ok_or(ledger::Error::InvalidCursor)?;
                data.ledger.search_newer(&search, cursor, limit)?
            }
        };
        Ok(SearchPage {
            items: results
                .found
                .into_iter()
                .map(FoundTransaction::from)
                .collect(),
            next_cursor: results.next_cursor,
            previous_cursor: results.previous_cursor,
        })
    }

    /// How many stored entries match `query`, their sums per currency, how far back the
    /// searched history goes, and what in the query was not understood.
    pub async fn search_summary(&self, query: SearchQuery) -> Result<SearchSummary> {
        let data = &*self.data().await?;
        let search = search_of(data, &query)?;
        let overview = data.ledger.search_overview(&search)?;
        Ok(SearchSummary {
            count: overview.totals.count,
            totals: overview
                .totals
                .currencies
                .into_iter()
                .map(CurrencyTotals::from)
                .collect(),
            coverage: SearchCoverage {
                stored_since: overview.coverage.stored_since.map(|date| date.to_string()),
                complete: overview.coverage.complete,
            },
            notes: search.notes().iter().map(QueryNote::from).collect(),
        })
    }
}

/// The search `query` asks for, over the account it names or every account shown.
pub(crate) fn search_of(data: &Opened, query: &SearchQuery) -> Result<ledger::Search> {
    let ibans = data
        .shown_accounts(query.iban.as_deref())?
        .into_iter()
        .map(|shown| shown.account.iban)
        .collect();
    let request = SearchRequest {
        text: &query.text,
        amount: &query.amount,
        date_from: query.date_from.as_deref(),
        date_to: query.date_to.as_deref(),
        direction: query.direction.into(),
        pending_only: query.pending_only,
        category_id: query.category_id.map(i64::from),
    };
    Ok(ledger::Search::read(&request, ibans))
}

impl From<store::FoundEntry> for FoundTransaction {
    fn from(found: store::FoundEntry) -> Self {
        Self {
            iban: found.iban,
            transaction: TransactionView::from(found.entry),
        }
    }
}

impl From<store::CurrencyTotals> for CurrencyTotals {
    fn from(totals: store::CurrencyTotals) -> Self {
        Self {
            currency: totals.currency,
            incoming: sum_text(totals.incoming),
            outgoing: sum_text(totals.outgoing),
            incoming_count: totals.incoming_count,
            outgoing_count: totals.outgoing_count,
        }
    }
}

/// A sum as decimal text with the digits it needs and at least cents: the store sums in
/// millionths (`12.500000` is `12.50`).
fn sum_text(sum: rust_decimal::Decimal) -> String {
    let mut sum = sum.normalize();
    if sum.scale() < 2 {
        sum.rescale(2);
    }
    sum.to_string()
}

impl From<&SearchNote> for QueryNote {
    fn from(note: &SearchNote) -> Self {
        match note {
            SearchNote::Query(note) => Self {
                kind: match note.kind {
                    NoteKind::TooLong => QueryNoteKind::TooLong,
                    NoteKind::TooManyWords => QueryNoteKind::TooManyWords,
                    NoteKind::NotAnAmount => QueryNoteKind::NotAnAmount,
                    NoteKind::ExtraAmount => QueryNoteKind::ExtraAmount,
                    NoteKind::IgnoredWords => QueryNoteKind::IgnoredWords,
                },
                text: note.text.clone(),
            },
            SearchNote::BadDateRange(text) => Self {
                kind: QueryNoteKind::BadDateRange,
                text: text.clone(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::*;

    #[test]
    fn sums_have_cents_and_no_trailing_millionths() {
        let text = |value: &str| sum_text(value.parse::<Decimal>().unwrap());
        assert_eq!(text("12.500000"), "12.50");
        assert_eq!(text("-1520.350000"), "-1520.35");
        assert_eq!(text("0.000000"), "0.00");
        assert_eq!(text("7.123400"), "7.1234");
    }
}
