//! Finding entries across accounts: full text (FTS5), amount, dates, direction and status,
//! newest first, paged by a keyset; the totals of everything found; what the search covers.
//!
//! The order is total: date DESC, then IBAN ascending, then the account's own order
//! (`ordinal` DESC), which is unique within an account. A page continues strictly after the
//! [`SearchPosition`] of the previous page's last entry, so paging through visits every match
//! once; a page read back up ends strictly before the first entry of the page below it, so a
//! list that let its top pages go gets exactly them again. An export reads everything by paging
//! `search` (pages of 500), releasing the store between pages.

mod matching;
mod plan;
mod summary;
mod tally;
#[cfg(test)]
mod tests;

use rusqlite::params_from_iter;
use time::Date;

use crate::history::{ENTRY_COLUMNS, read_entry};
use crate::{Error, Result, Store, StoredEntry};
use matching::Matching;
use plan::{PAGE_WORDS_FIRST_UP_TO, Plan};
pub use summary::{Coverage, CurrencyTotals, SearchTotals};

/// Which way the money went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    #[default]
    Any,
    /// Positive amounts.
    Incoming,
    /// Negative amounts.
    Outgoing,
}

/// Inclusive bounds on an amount's magnitude (its absolute value), in micros (millionths of
/// the currency unit); `None`: unbounded on that side. `min > max` matches nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AmountRange {
    pub min: Option<i64>,
    pub max: Option<i64>,
}

impl AmountRange {
    /// Exactly `micros` in magnitude.
    pub fn exactly(micros: i64) -> Self {
        Self {
            min: Some(micros),
            max: Some(micros),
        }
    }
}

/// What a search matches: every condition set holds.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchFilter {
    /// An FTS5 MATCH expression over the indexed text, built by the `query` crate (every term
    /// quoted); `None` or blank: no text condition.
    pub fts_match: Option<String>,
    pub amount: Option<AmountRange>,
    /// Inclusive, on the date the list shows.
    pub date_from: Option<Date>,
    pub date_to: Option<Date>,
    pub direction: Direction,
    pub pending_only: bool,
    /// Only entries of this category.
    pub category_id: Option<i64>,
    /// The accounts searched; none matches nothing.
    pub ibans: Vec<String>,
}

/// Where a found entry sits in the search order; a page continues after it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SearchPosition {
    pub date: Date,
    pub iban: String,
    pub ordinal: i64,
}

/// An entry found, with its account. `entry.record.raw` is `None`: [`Store::entry`] reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundEntry {
    pub iban: String,
    pub entry: StoredEntry,
}

impl FoundEntry {
    /// The position a next page continues after.
    pub fn position(&self) -> SearchPosition {
        SearchPosition {
            date: self.entry.position.date,
            iban: self.iban.clone(),
            ordinal: self.entry.position.ordinal,
        }
    }
}

impl Store {
    /// Up to `limit` entries matching `filter` after `after` (from the top when `None`), in
    /// search order. A MATCH expression SQLite cannot read is [`Error::UnreadableSearch`].
    pub fn search(
        &self,
        filter: &SearchFilter,
        after: Option<&SearchPosition>,
        limit: u32,
    ) -> Result<Vec<FoundEntry>> {
        if filter.ibans.is_empty() {
            return Ok(Vec::new());
        }
        let plan = self.plan(filter, PAGE_WORDS_FIRST_UP_TO)?;
        self.search_with(filter, after, limit, &plan)
    }

    /// Up to `limit` entries matching `filter` just before `before` (newer ones), in search
    /// order: what a list that let its top pages go shows again when scrolled back up.
    pub fn search_before(
        &self,
        filter: &SearchFilter,
        before: &SearchPosition,
        limit: u32,
    ) -> Result<Vec<FoundEntry>> {
        if filter.ibans.is_empty() {
            return Ok(Vec::new());
        }
        let plan = self.plan(filter, PAGE_WORDS_FIRST_UP_TO)?;
        self.search_before_with(filter, before, limit, &plan)
    }

    /// [`Store::search`] as `plan` says.
    pub(crate) fn search_with(
        &self,
        filter: &SearchFilter,
        after: Option<&SearchPosition>,
        limit: u32,
        plan: &Plan,
    ) -> Result<Vec<FoundEntry>> {
        let mut matching = Matching::planned(filter, plan);
        if let Some(after) = after {
            matching.after(after);
        }
        self.read_found(filter, matching, SEARCH_ORDER, limit)
    }

    /// [`Store::search_before`] as `plan` says.
    pub(crate) fn search_before_with(
        &self,
        filter: &SearchFilter,
        before: &SearchPosition,
        limit: u32,
        plan: &Plan,
    ) -> Result<Vec<FoundEntry>> {
        let mut matching = Matching::planned(filter, plan);
        matching.before(before);
        // Read upwards from `before`, so that the limit keeps the entries nearest to it; then
        // turned back into search order.
        let mut found = self.read_found(filter, matching, SEARCH_ORDER_REVERSED, limit)?;
        found.reverse();
        Ok(found)
    }

    /// Up to `limit` of what `matching` finds, in `order`.
    fn read_found(
        &self,
        filter: &SearchFilter,
        matching: Matching,
        order: &str,
        limit: u32,
    ) -> Result<Vec<FoundEntry>> {
        let columns: Vec<String> = ENTRY_COLUMNS
            .split(", ")
            .map(|column| format!("entry.{}", column.trim()))
            .collect();
        let sql = format!(
            "SELECT {}, entry.iban {} ORDER BY {order} LIMIT ?",
            columns.join(", "),
            matching.sql
        );
        let iban_column = columns.len();
        let mut values = matching.values;
        values.push(limit.into());
        let mut statement = self.connection.prepare_cached(&sql)?;
        let found = statement
            .query_map(params_from_iter(values), |row| {
                Ok(FoundEntry {
                    entry: read_entry(row)?,
                    iban: row.get(iban_column)?,
                })
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>());
        found.map_err(|error| unreadable_search(filter, error))
    }
}

/// The search order, which the search order index holds.
const SEARCH_ORDER: &str = "entry.date DESC, entry.iban, entry.ordinal DESC";
/// The search order upside down: the same index, walked the other way.
const SEARCH_ORDER_REVERSED: &str = "entry.date, entry.iban DESC, entry.ordinal";

/// Registers the SQL functions searches use on `connection`.
pub(crate) fn register(connection: &rusqlite::Connection) -> rusqlite::Result<()> {
    tally::register(connection)?;
    plan::register(connection)
}

/// An error SQLite gave for a search: FTS5's refusal of the MATCH expression, when the filter
/// has one, as [`Error::UnreadableSearch`] without the words SQLite quoted (they are what the
/// person typed, and the message goes to the log); any other as it is.
pub(crate) fn unreadable_search(filter: &SearchFilter, error: rusqlite::Error) -> Error {
    match fts5_refusal(&error) {
        Some(what) if matching::text_of(filter).is_some() => Error::UnreadableSearch(what),
        _ => Error::Sqlite(error),
    }
}

/// What FTS5's query parser refused, in words of its own: its messages start with `fts5:`,
/// but for an unterminated string and an unknown column, which it says as these.
fn fts5_refusal(error: &rusqlite::Error) -> Option<&'static str> {
    let rusqlite::Error::SqliteFailure(failure, Some(message)) = error else {
        return None;
    };
    if failure.code != rusqlite::ErrorCode::Unknown {
        return None;
    }
    if message.starts_with("fts5: syntax error") {
        Some("a syntax error")
    } else if message.starts_with("fts5:") {
        Some("an FTS5 error")
    } else if message == "unterminated string" {
        Some("an unterminated string")
    } else if message.starts_with("no such column:") {
        Some("an unknown column")
    } else {
        None
    }
}
