//! The FROM and WHERE of a search, built from its filter with every value a parameter.

use rusqlite::types::Value;

use super::plan::Plan;
use super::{Direction, SearchFilter, SearchPosition};

/// `FROM ... WHERE ...` and the values of its `?` parameters, in order.
pub(crate) struct Matching {
    pub sql: String,
    pub values: Vec<Value>,
}

/// The MATCH expression of `filter`, unless it is blank.
pub(crate) fn text_of(filter: &SearchFilter) -> Option<&str> {
    filter
        .fts_match
        .as_deref()
        .filter(|text| !text.trim().is_empty())
}

/// How SQLite is to find the matches of a search with words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Words {
    /// Few matches: the full-text index finds them, their rows are read and sorted.
    First,
    /// Many: the search order index is walked (from the top, or all of it for totals, without
    /// reading rows) and each entry is tested against the set of matches.
    AsFilter,
}

/// How SQLite is to test an amount condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Amounts {
    /// On each entry met walking another index (many entries have such an amount).
    Tested,
    /// Few entries have it: found by the magnitude index, then sorted.
    Indexed,
}

/// The magnitude as `entry_by_magnitude` holds it (-1: no micros).
pub(crate) const MAGNITUDE: &str = "ifnull(abs(entry.amount_micros), -1)";

impl Matching {
    /// Everything `filter` matches, found as `plan` says. Its accounts must not be empty
    /// (`IN ()` is not SQL).
    pub fn planned(filter: &SearchFilter, plan: &Plan) -> Self {
        let mut matching = Self {
            sql: String::new(),
            values: Vec::new(),
        };
        match (text_of(filter), plan.words, &plan.found) {
            // CROSS JOIN keeps SQLite from walking every entry and testing each.
            (Some(text), Words::First, _) => {
                matching.sql.push_str(
                    "FROM entry_search CROSS JOIN entry ON entry.id = entry_search.rowid \
                     WHERE entry_search MATCH ?",
                );
                matching.values.push(text.to_owned().into());
            }
            (Some(_), Words::AsFilter, Some(found)) => {
                matching
                    .sql
                    .push_str("FROM entry WHERE bankbook_in_set(?, entry.id)");
                matching.values.push(found.clone().into());
            }
            // `+`: a test on each entry, not a list of rowids to look up one by one.
            (Some(text), Words::AsFilter, None) => {
                matching.sql.push_str(
                    "FROM entry WHERE +entry.id IN \
                     (SELECT rowid FROM entry_search WHERE entry_search MATCH ?)",
                );
                matching.values.push(text.to_owned().into());
            }
            (None, _, _) => matching.sql.push_str("FROM entry WHERE 1"),
        }
        if !plan.every_account {
            let places = vec!["?"; filter.ibans.len()].join(", ");
            // `+`: not through the list's index (iban first): SQLite would read every row of
            // those accounts and sort them, where the search order index is already in order
            // and holds every column a filter tests.
            matching.and(
                &format!("+entry.iban IN ({places})"),
                filter.ibans.iter().map(|iban| iban.clone().into()),
            );
        }
        if let Some(amount) = filter.amount {
            let low = amount.min.unwrap_or(0);
            let high = amount.max.unwrap_or(i64::MAX);
            let values = [low, high, low, high].map(Value::from);
            match plan.amounts {
                // Micros are exact where they are set; the few amounts without them are
                // compared from their decimal text, in Rust.
                Amounts::Tested => matching.and(
                    "(abs(entry.amount_micros) BETWEEN ? AND ? OR (entry.amount_micros IS NULL \
                     AND bankbook_magnitude_within(entry.amount, ?, ?)))",
                    values,
                ),
                // The same, as two ranges of the magnitude index (SQLite's MULTI-INDEX OR).
                Amounts::Indexed => matching.and(
                    &format!(
                        "({MAGNITUDE} BETWEEN ? AND ? OR {MAGNITUDE} = -1) \
                         AND (entry.amount_micros IS NOT NULL \
                         OR bankbook_magnitude_within(entry.amount, ?, ?))"
                    ),
                    values,
                ),
            }
        }
        if let Some(from) = filter.date_from {
            matching.and("entry.date >= ?", [from.to_string().into()]);
        }
        if let Some(to) = filter.date_to {
            matching.and("entry.date <= ?", [to.to_string().into()]);
        }
        // An amount without micros is never zero (zero has exact micros): its sign is its text's.
        match filter.direction {
            Direction::Any => {}
            Direction::Incoming => matching.and(
                "(entry.amount_micros > 0 \
                 OR (entry.amount_micros IS NULL AND entry.amount NOT LIKE '-%'))",
                [],
            ),
            Direction::Outgoing => matching.and(
                "(entry.amount_micros < 0 \
                 OR (entry.amount_micros IS NULL AND entry.amount LIKE '-%'))",
                [],
            ),
        }
        if filter.pending_only {
            matching.and("entry.pending = 1", []);
        }
        if let Some(category) = filter.category_id {
            matching.and("entry.category_id = ?", [category.into()]);
        }
        if let (Some(_), Words::AsFilter, Some(found)) = (text_of(filter), plan.words, &plan.found)
        {
            matching.and("bankbook_in_set(?, entry.id)", [found.clone().into()]);
        }
        matching
    }

    /// Only what comes strictly after `position` in search order (date DESC, iban ASC,
    /// ordinal DESC). The leading `date <= ?` lets SQLite seek there in the date index.
    pub fn after(&mut self, position: &SearchPosition) {
        let date = position.date.to_string();
        self.and(
            "entry.date <= ? AND (entry.date < ? OR (entry.date = ? AND (entry.iban > ? \
             OR (entry.iban = ? AND entry.ordinal < ?))))",
            [
                date.clone().into(),
                date.clone().into(),
                date.into(),
                position.iban.clone().into(),
                position.iban.clone().into(),
                position.ordinal.into(),
            ],
        );
    }

    /// Only what comes strictly before `position` in search order: [`Matching::after`]
    /// mirrored. The leading `date >= ?` lets SQLite seek there in the date index.
    pub fn before(&mut self, position: &SearchPosition) {
        let date = position.date.to_string();
        self.and(
            "entry.date >= ? AND (entry.date > ? OR (entry.date = ? AND (entry.iban < ? \
             OR (entry.iban = ? AND entry.ordinal > ?))))",
            [
                date.clone().into(),
                date.clone().into(),
                date.into(),
                position.iban.clone().into(),
                position.iban.clone().into(),
                position.ordinal.into(),
            ],
        );
    }

    fn and(&mut self, clause: &str, values: impl IntoIterator<Item = Value>) {
        self.sql.push_str(" AND ");
        self.sql.push_str(clause);
        self.values.extend(values);
    }
}
