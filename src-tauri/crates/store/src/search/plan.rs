//! How a search is to run: which index finds its matches, and what can be left out.
//!
//! Every choice finds the same entries (`search::tests` compare them); they differ in time only
//! (`cargo bench -p store --bench search`).

use std::collections::BTreeSet;

use rusqlite::Connection;
use rusqlite::functions::FunctionFlags;

use super::matching::{self, Amounts, MAGNITUDE, Words};
use super::{SearchFilter, unreadable_search};
use crate::{Result, Store};

/// Up to this many entries with the words, a page reads them all and sorts them; beyond,
/// walking the list in order meets a page's worth sooner (`cargo bench --bench search`).
pub(crate) const PAGE_WORDS_FIRST_UP_TO: u32 = 2_000;
/// Up to this many, totals read each entry with the words; beyond, reading the whole search
/// order index (which holds what totals need) is faster than reading that many rows.
pub(crate) const TOTALS_WORDS_FIRST_UP_TO: u32 = 10_000;

/// How a search runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Plan {
    pub words: Words,
    pub amounts: Amounts,
    /// With [`Words::AsFilter`]: the entries with the words, as a bit per rowid (bit `id % 8`
    /// of byte `id / 8`), tested by `bankbook_in_set`. Read from the full-text index once:
    /// SQLite's own `IN (SELECT rowid ...)` builds a b-tree of them first, which took most of
    /// the time with 50,000 matches. `None`: SQLite's `IN` (the same entries).
    pub found: Option<Vec<u8>>,
    /// The searched accounts include every account with stored entries: the account test on
    /// each entry walked can go.
    pub every_account: bool,
}

impl Store {
    /// The plan for `filter`, with words found first up to `words_first_up_to` entries.
    pub(crate) fn plan(&self, filter: &SearchFilter, words_first_up_to: u32) -> Result<Plan> {
        // The entries with the words are read once: their number says how to find them.
        let (words, found) = match matching::text_of(filter) {
            None => (Words::First, None),
            Some(text) => {
                let (count, found) = self.found_set(filter, text)?;
                if count <= words_first_up_to {
                    // Few: the full-text index finds them, their rows are read and sorted.
                    (Words::First, None)
                } else {
                    (Words::AsFilter, Some(found))
                }
            }
        };
        Ok(Plan {
            words,
            amounts: self.amounts_strategy(filter, words)?,
            found,
            every_account: self.searches_every_account(&filter.ibans)?,
        })
    }

    /// The plan for `filter` with `words` and `amounts` as given: tests take every way to
    /// compare what they find.
    #[cfg(test)]
    pub(crate) fn plan_with(
        &self,
        filter: &SearchFilter,
        words: Words,
        amounts: Amounts,
    ) -> Result<Plan> {
        let found = match (matching::text_of(filter), words) {
            (Some(text), Words::AsFilter) => Some(self.found_set(filter, text)?.1),
            _ => None,
        };
        Ok(Plan {
            words,
            amounts,
            found,
            every_account: self.searches_every_account(&filter.ibans)?,
        })
    }

    /// How many entries have the words `text`, and their rowids as a set of bits.
    fn found_set(&self, filter: &SearchFilter, text: &str) -> Result<(u32, Vec<u8>)> {
        let mut statement = self
            .connection
            .prepare_cached("SELECT rowid FROM entry_search WHERE entry_search MATCH ?1")?;
        let mut rows = statement
            .query([text])
            .map_err(|error| unreadable_search(filter, error))?;
        let mut set = Vec::new();
        let mut count = 0_u32;
        while let Some(row) = rows
            .next()
            .map_err(|error| unreadable_search(filter, error))?
        {
            // Rowids are positive (INTEGER PRIMARY KEY from 1); a bad one is left out.
            let Ok(id) = usize::try_from(row.get::<_, i64>(0)?) else {
                continue;
            };
            if set.len() <= id / 8 {
                set.resize(id / 8 + 1, 0);
            }
            set[id / 8] |= 1 << (id % 8);
            count += 1;
        }
        Ok((count, set))
    }

    /// Whether `ibans` include every account with stored entries. The accounts stored are
    /// read by skipping through the list's index (one seek each), not by reading every entry.
    fn searches_every_account(&self, ibans: &[String]) -> Result<bool> {
        let searched: BTreeSet<&str> = ibans.iter().map(String::as_str).collect();
        let mut statement = self.connection.prepare_cached(
            "WITH RECURSIVE stored (iban) AS (
                 SELECT min(iban) FROM entry
                 UNION ALL
                 SELECT (SELECT min(iban) FROM entry WHERE iban > stored.iban)
                 FROM stored WHERE stored.iban IS NOT NULL)
             SELECT iban FROM stored WHERE iban IS NOT NULL",
        )?;
        let stored = statement
            .query_map([], |row| row.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(stored.iter().all(|iban| searched.contains(iban.as_str())))
    }

    /// How to find `filter`'s amount: through the magnitude index when few entries have it
    /// (counted there, up to the limit: cheap), unless few entries have the words, which are
    /// then found first.
    pub(crate) fn amounts_strategy(&self, filter: &SearchFilter, words: Words) -> Result<Amounts> {
        let Some(amount) = filter.amount else {
            return Ok(Amounts::Tested);
        };
        if words == Words::First && matching::text_of(filter).is_some() {
            return Ok(Amounts::Tested);
        }
        let sql = format!(
            "SELECT count(*) FROM (SELECT 1 FROM entry \
             WHERE {MAGNITUDE} BETWEEN ?1 AND ?2 OR {MAGNITUDE} = -1 LIMIT ?3)"
        );
        let low = amount.min.unwrap_or(0);
        let high = amount.max.unwrap_or(i64::MAX);
        let limit = AMOUNTS_FIRST_UP_TO + 1;
        let count: u32 = self
            .connection
            .prepare_cached(&sql)?
            .query_row(rusqlite::params![low, high, limit], |row| row.get(0))?;
        Ok(if count <= AMOUNTS_FIRST_UP_TO {
            Amounts::Indexed
        } else {
            Amounts::Tested
        })
    }
}

/// Up to this many entries with the amount, they are read by the magnitude index and sorted;
/// beyond, walking the search order meets a page (or all, for totals) sooner.
const AMOUNTS_FIRST_UP_TO: u32 = 2_000;

/// Registers `bankbook_in_set(set, id)`: whether bit `id` of the blob `set` is set.
pub(crate) fn register(connection: &Connection) -> rusqlite::Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    connection.create_scalar_function("bankbook_in_set", 2, flags, |context| {
        let set = context.get_raw(0).as_blob_or_null()?.unwrap_or_default();
        let id: i64 = context.get(1)?;
        Ok(usize::try_from(id)
            .ok()
            .and_then(|id| Some(set.get(id / 8)? & (1 << (id % 8)) != 0))
            .unwrap_or(false))
    })
}
