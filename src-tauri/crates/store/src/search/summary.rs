//! The count and sums of everything a search matches (not only the page loaded), and how much
//! history the searched accounts have stored.

use std::collections::BTreeSet;

use rusqlite::{params, params_from_iter};
use rust_decimal::Decimal;
use time::Date;

use super::matching::{Matching, Words};
use super::{SearchFilter, TOTALS_WORDS_FIRST_UP_TO, unreadable_search};
use crate::codec::{conversion_error, date_from_sql};
use crate::{Result, Store, amounts};

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

/// One currency's row of the totals query, before the amounts without micros are added.
struct Row {
    currency: String,
    count: u32,
    incoming_count: u32,
    incoming_micros: Option<i64>,
    outgoing_count: u32,
    outgoing_micros: Option<i64>,
    /// The decimal text of the amounts without micros, space separated.
    inexact: Option<String>,
}

impl Store {
    /// The count and the exact sums in and out, per currency, of everything `filter` matches.
    pub fn search_summary(&self, filter: &SearchFilter) -> Result<SearchTotals> {
        if filter.ibans.is_empty() {
            return Ok(SearchTotals::default());
        }
        let words = self.words_strategy(filter, TOTALS_WORDS_FIRST_UP_TO)?;
        self.summary_with(filter, words)
    }

    /// [`Store::search_summary`] with the words found as `words` says.
    pub(crate) fn summary_with(&self, filter: &SearchFilter, words: Words) -> Result<SearchTotals> {
        let matching = Matching::of(filter, words);
        // Integer sums of exact micros in SQL; the rare amount without micros comes back as
        // text and is added in Rust, so nothing is rounded.
        let sql = format!(
            "SELECT entry.currency, count(*),
                 count(*) FILTER (WHERE entry.amount_micros > 0),
                 sum(entry.amount_micros) FILTER (WHERE entry.amount_micros > 0),
                 count(*) FILTER (WHERE entry.amount_micros < 0),
                 sum(entry.amount_micros) FILTER (WHERE entry.amount_micros < 0),
                 group_concat(entry.amount, ' ') FILTER (WHERE entry.amount_micros IS NULL)
             {} GROUP BY entry.currency ORDER BY entry.currency",
            matching.sql
        );
        let mut statement = self.connection.prepare_cached(&sql)?;
        let rows = statement
            .query_map(params_from_iter(matching.values), |row| {
                Ok(Row {
                    currency: row.get(0)?,
                    count: row.get(1)?,
                    incoming_count: row.get(2)?,
                    incoming_micros: row.get(3)?,
                    outgoing_count: row.get(4)?,
                    outgoing_micros: row.get(5)?,
                    inexact: row.get(6)?,
                })
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(|error| unreadable_search(filter, error))?;
        let mut totals = SearchTotals::default();
        for row in rows {
            totals.count += row.count;
            totals.currencies.push(currency_totals(row)?);
        }
        Ok(totals)
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

fn currency_totals(row: Row) -> Result<CurrencyTotals> {
    let mut totals = CurrencyTotals {
        currency: row.currency,
        incoming: amounts::from_micros(row.incoming_micros.unwrap_or(0).into()),
        outgoing: amounts::from_micros(row.outgoing_micros.unwrap_or(0).into()),
        incoming_count: row.incoming_count,
        outgoing_count: row.outgoing_count,
    };
    for text in row.inexact.iter().flat_map(|text| text.split(' ')) {
        let amount: Decimal = text.parse().map_err(|error| conversion_error(6, error))?;
        let (sum, count) = if amount.is_sign_negative() {
            (&mut totals.outgoing, &mut totals.outgoing_count)
        } else {
            (&mut totals.incoming, &mut totals.incoming_count)
        };
        *sum = sum
            .checked_add(amount)
            .ok_or_else(|| conversion_error(6, rust_decimal::Error::ExceedsMaximumPossibleValue))?;
        *count += 1;
    }
    Ok(totals)
}
