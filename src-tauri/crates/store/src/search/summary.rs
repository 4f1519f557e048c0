//! The count and sums of everything a search matches (not only the page loaded), and how much
//! history the searched accounts have stored.

use std::collections::BTreeSet;

use rusqlite::{params, params_from_iter};
use rust_decimal::Decimal;
use time::Date;

use super::matching::Matching;
use super::plan::{Plan, TOTALS_WORDS_FIRST_UP_TO};
use super::{SearchFilter, tally, unreadable_search};
use crate::codec::date_from_sql;
use crate::{Error, Result, Store};

/// What a search matched, per currency.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchTotals {
    /// Every entry matched, zero amounts included.
    pub count: u32,
    /// By currency code, ascending.
    pub currencies: Vec<CurrencyTotals>,
}

/// The money in and out among the matches in one currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrencyTotals {
    pub currency: String,
    /// The sum of the positive amounts (>= 0).
    pub incoming: Decimal,
    /// The sum of the negative amounts (<= 0).
    pub outgoing: Decimal,
    pub incoming_count: u32,
    pub outgoing_count: u32,
}

/// How much of the searched accounts' history a search covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Coverage {
    /// The oldest stored entry's date among the accounts; `None` when none is stored.
    pub stored_since: Option<Date>,
    /// Every account's whole history is stored (false for no accounts).
    pub complete: bool,
}

impl Store {
    /// The count and the exact sums in and out, per currency, of everything `filter` matches.
    pub fn search_summary(&self, filter: &SearchFilter) -> Result<SearchTotals> {
        if filter.ibans.is_empty() {
            return Ok(SearchTotals::default());
        }
        let plan = self.plan(filter, TOTALS_WORDS_FIRST_UP_TO)?;
        self.summary_with(filter, &plan)
    }

    /// [`Store::search_summary`] as `plan` says.
    pub(crate) fn summary_with(&self, filter: &SearchFilter, plan: &Plan) -> Result<SearchTotals> {
        let matching = Matching::planned(filter, plan);
        // One pass, no GROUP BY: see `tally`.
        let sql = format!(
            "SELECT bankbook_totals(entry.currency, entry.amount_micros, entry.amount) {}",
            matching.sql
        );
        let blob: Vec<u8> = self
            .connection
            .prepare_cached(&sql)?
            .query_row(params_from_iter(matching.values), |row| row.get(0))
            .map_err(|error| unreadable_search(filter, error))?;
        tally::decode(&blob).ok_or_else(|| {
            Error::Sqlite(rusqlite::Error::InvalidColumnType(
                0,
                "bankbook_totals".to_owned(),
                rusqlite::types::Type::Blob,
            ))
        })
    }

    /// The oldest stored entry among `ibans` and whether all their history is stored.
    pub fn history_coverage(&self, ibans: &[String]) -> Result<Coverage> {
        let ibans: BTreeSet<&str> = ibans.iter().map(String::as_str).collect();
        let mut oldest = self
            .connection
            .prepare_cached("SELECT min(date) FROM entry WHERE iban = ?1")?;
        let mut complete = self.connection.prepare_cached(
            "SELECT 1 FROM account_sync WHERE iban = ?1 AND history_complete = 1",
        )?;
        let mut coverage = Coverage {
            stored_since: None,
            complete: !ibans.is_empty(),
        };
        for iban in ibans {
            // One account at a time: `min` over an index prefix is a single seek.
            let since: Option<Date> =
                oldest.query_row(params![iban], |row| match row.get_ref(0)? {
                    rusqlite::types::ValueRef::Null => Ok(None),
                    _ => date_from_sql(row, 0).map(Some),
                })?;
            coverage.stored_since = match (coverage.stored_since, since) {
                (Some(earlier), Some(since)) => Some(earlier.min(since)),
                (earlier, since) => earlier.or(since),
            };
            coverage.complete &= complete.exists(params![iban])?;
        }
        Ok(coverage)
    }
}
