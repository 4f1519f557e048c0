//! An account's transaction history as fetched so far, in list order, and how far back the
//! bank's history has been fetched.

use std::collections::HashSet;

use rusqlite::{OptionalExtension, Row, Transaction, params};
use rust_decimal::Decimal;
use time::Date;

use crate::codec::{date_from_sql, decimal_from_sql};
use crate::{Result, Store, amounts};

/// One entry as the store keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryRecord {
    /// The bank's key for the entry, kept when a pending entry books.
    pub entry_reference: String,
    pub pending: bool,
    /// The date the list shows and sorts by: the booking date, else the value date.
    pub date: Date,
    /// Signed: negative for money leaving the account.
    pub amount: Decimal,
    pub currency: String,
    pub booking_date: Option<Date>,
    pub value_date: Option<Date>,
    pub counterparty_name: Option<String>,
    pub counterparty_iban: Option<String>,
    pub description: Option<String>,
    pub bank_note: Option<String>,
    pub variable_symbol: Option<String>,
    pub specific_symbol: Option<String>,
    pub constant_symbol: Option<String>,
    /// The payer's end-to-end identification.
    pub end_to_end_reference: Option<String>,
    /// The bank's transaction code (ISO 20022 domain, family and sub-family, or its own).
    pub bank_transaction_code: Option<String>,
    /// The transaction's JSON object exactly as the bank sent it; `None` for entries stored
    /// before it was kept. Read only by [`Store::entry`]: lists leave it out (`None`).
    pub raw: Option<String>,
}

/// Where an entry sits in the list: newest date first, then the bank's order within the day.
/// A page continues after the position of the previous page's last entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListPosition {
    pub date: Date,
    pub ordinal: i64,
}

/// An entry and where it sits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEntry {
    pub record: EntryRecord,
    pub position: ListPosition,
    /// The entry's category: the person's choice, else what the rules said.
    pub category_id: Option<i64>,
}

/// The bank page that continues the stored history downwards: page `number` of the bank's
/// listing of entries dated up to `up_to` (of everything when `None`). Paging a listing that
/// ends on a fixed date, rather than the whole one, keeps the page numbers still when entries
/// arrive or go at the top (a new payment, a released card hold), so no entry falls between two
/// pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OlderPage {
    pub number: u32,
    pub up_to: Option<Date>,
}

/// How far back an account's history has been fetched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct HistorySync {
    /// The bank page to fetch for older entries; `None` before the first fetch and once the
    /// history is complete.
    pub next: Option<OlderPage>,
    /// The oldest entry is stored: there is nothing older at the bank.
    pub complete: bool,
    /// Unix seconds of the last fetch of the newest entries.
    pub refreshed_at: Option<i64>,
}

impl HistorySync {
    /// Whether any of the history has been fetched.
    pub fn started(&self) -> bool {
        self.complete || self.next.is_some()
    }
}

/// What a list reads of an entry, in the order [`read_entry`] reads it: all but `raw`, which
/// can be large and only the detail shows.
pub(crate) const ENTRY_COLUMNS: &str = "entry_reference, pending, date, ordinal, amount, \
     currency, booking_date, value_date, counterparty_name, counterparty_iban, description, \
     bank_note, variable_symbol, specific_symbol, constant_symbol, end_to_end_reference, \
     bank_transaction_code, category_id";

impl Store {
    /// Up to `limit` entries of `iban` after `after` (from the top when `None`), in list order.
    pub fn entries_after(
        &self,
        iban: &str,
        after: Option<&ListPosition>,
        limit: u32,
    ) -> Result<Vec<StoredEntry>> {
        let rows = match after {
            None => {
                let mut statement = self.connection.prepare_cached(&format!(
                    "SELECT {ENTRY_COLUMNS} FROM entry WHERE iban = ?1
                     ORDER BY date DESC, ordinal DESC LIMIT ?2"
                ))?;
                statement
                    .query_map(params![iban, limit], read_entry)?
                    .collect::<rusqlite::Result<Vec<_>>>()?
            }
            Some(after) => {
                let mut statement = self.connection.prepare_cached(&format!(
                    "SELECT {ENTRY_COLUMNS} FROM entry
                     WHERE iban = ?1 AND (date, ordinal) < (?2, ?3)
                     ORDER BY date DESC, ordinal DESC LIMIT ?4"
                ))?;
                statement
                    .query_map(
                        params![iban, after.date.to_string(), after.ordinal, limit],
                        read_entry,
                    )?
                    .collect::<rusqlite::Result<Vec<_>>>()?
            }
        };
        Ok(rows)
    }

    /// Up to `limit` entries of `iban` just before `before` in list order (newer ones), in
    /// list order: what a list that dropped its top pages shows again when scrolled back up.
    pub fn entries_before(
        &self,
        iban: &str,
        before: &ListPosition,
        limit: u32,
    ) -> Result<Vec<StoredEntry>> {
        let mut statement = self.connection.prepare_cached(&format!(
            "SELECT {ENTRY_COLUMNS} FROM entry
             WHERE iban = ?1 AND (date, ordinal) > (?2, ?3)
             ORDER BY date ASC, ordinal ASC LIMIT ?4"
        ))?;
        let mut rows = statement
            .query_map(
                params![iban, before.date.to_string(), before.ordinal, limit],
                read_entry,
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.reverse();
        Ok(rows)
    }

    /// How many entries of `iban` are stored.
    pub fn entry_count(&self, iban: &str) -> Result<u32> {
        Ok(self.connection.query_row(
            "SELECT count(*) FROM entry WHERE iban = ?1",
            params![iban],
            |row| row.get(0),
        )?)
    }

    /// Whether any of `references` is stored as booked: a page of the bank's newest entries
    /// that holds one reaches what was fetched before.
    pub fn holds_booked(&self, iban: &str, references: &[&str]) -> Result<bool> {
        let mut statement = self.connection.prepare_cached(
            "SELECT 1 FROM entry WHERE iban = ?1 AND entry_reference = ?2 AND pending = 0",
        )?;
        for reference in references {
            if statement.exists(params![iban, reference])? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// How far back the history of `iban` has been fetched.
    pub fn history_sync(&self, iban: &str) -> Result<HistorySync> {
        Ok(self
            .connection
            .query_row(
                "SELECT history_next_page, history_complete, history_refreshed_at, history_up_to
                 FROM account_sync WHERE iban = ?1",
                params![iban],
                |row| {
                    let number: Option<u32> = row.get(0)?;
                    let up_to = match row.get_ref(3)? {
                        rusqlite::types::ValueRef::Null => None,
                        _ => Some(date_from_sql(row, 3)?),
                    };
                    Ok(HistorySync {
                        next: number.map(|number| OlderPage { number, up_to }),
                        complete: row.get(1)?,
                        refreshed_at: row.get(2)?,
                    })
                },
            )
            .optional()?
            .unwrap_or_default())
    }

    /// Stores a page of older entries below what is stored, and where the next older page is
    /// (`None`: this was the oldest), in one transaction: a crash keeps the page and its
    /// bookmark together or neither. Returns how many entries were new.
    pub fn append_older(
        &mut self,
        iban: &str,
        entries: &[EntryRecord],
        next: Option<OlderPage>,
    ) -> Result<usize> {
        let transaction = self.connection.transaction()?;
        let added = insert_below(&transaction, iban, entries)?;
        transaction.execute(
            "INSERT INTO account_sync (iban, history_next_page, history_up_to, history_complete)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (iban) DO UPDATE SET
                 history_next_page = excluded.history_next_page,
                 history_up_to = excluded.history_up_to,
                 history_complete = excluded.history_complete",
            params![
                iban,
                next.map(|page| page.number),
                next.and_then(|page| page.up_to)
                    .map(|date| date.to_string()),
                next.is_none()
            ],
        )?;
        transaction.commit()?;
        Ok(added)
    }

    /// Stores the bank's newest entries (newest first) above what is stored, in one
    /// transaction. `listed_after`: the entries listed are all the bank has after this date,
    /// so a stored pending entry dated after it that is not among them (a released card hold)
    /// is removed. Returns how many entries were new.
    pub fn prepend_newer(
        &mut self,
        iban: &str,
        entries: &[EntryRecord],
        listed_after: Option<Date>,
        refreshed_at: i64,
    ) -> Result<usize> {
        let transaction = self.connection.transaction()?;
        let highest: Option<i64> = transaction.query_row(
            "SELECT max(ordinal) FROM entry WHERE iban = ?1",
            params![iban],
            |row| row.get(0),
        )?;
        // An entry that booked or changed day moves in the bank's order (a booked hold is
        // listed as new): it is placed again with the new ones, not kept where it was.
        let moved = remove_redated(&transaction, iban, entries)?;
        // Oldest first, counting up: the newest entry gets the highest ordinal, so the bank's
        // order holds within a day.
        let mut next_ordinal = highest.unwrap_or(0) + 1;
        let mut added = 0;
        for entry in entries.iter().rev() {
            if upsert_entry(&transaction, iban, entry, next_ordinal)? {
                next_ordinal += 1;
                added += 1;
            }
        }
        if let Some(listed_after) = listed_after {
            remove_unlisted_pending(&transaction, iban, entries, listed_after)?;
        }
        transaction.execute(
            "INSERT INTO account_sync (iban, history_refreshed_at) VALUES (?1, ?2)
             ON CONFLICT (iban) DO UPDATE SET history_refreshed_at = excluded.history_refreshed_at",
            params![iban, refreshed_at],
        )?;
        transaction.commit()?;
        Ok(added - moved)
    }

    /// Records that the newest entries of `iban` were fetched at `at` (Unix seconds).
    pub fn mark_history_refreshed(&self, iban: &str, at: i64) -> Result<()> {
        self.connection.execute(
            "INSERT INTO account_sync (iban, history_refreshed_at) VALUES (?1, ?2)
             ON CONFLICT (iban) DO UPDATE SET history_refreshed_at = excluded.history_refreshed_at",
            params![iban, at],
        )?;
        Ok(())
    }

    /// Forgets the history of `iban`: the newest entries could not be joined to what was
    /// stored (more arrived than a refresh fetches), so it is fetched again from the top.
    pub fn reset_history(&mut self, iban: &str) -> Result<()> {
        let transaction = self.connection.transaction()?;
        transaction.execute("DELETE FROM entry WHERE iban = ?1", params![iban])?;
        // They name entries by ordinals that start again.
        transaction.execute(
            "DELETE FROM balance_checkpoint WHERE iban = ?1",
            params![iban],
        )?;
        transaction.execute(
            "UPDATE account_sync SET history_next_page = NULL, history_up_to = NULL,
                 history_complete = 0,
                 history_refreshed_at = NULL
             WHERE iban = ?1",
            params![iban],
        )?;
        transaction.commit()?;
        Ok(())
    }
}

/// Stores `entries` (newest first) below every stored entry of `iban`, counting down, or
/// updates those already stored where they are. Returns how many were new.
pub(crate) fn insert_below(
    transaction: &Transaction<'_>,
    iban: &str,
    entries: &[EntryRecord],
) -> Result<usize> {
    let lowest: Option<i64> = transaction.query_row(
        "SELECT min(ordinal) FROM entry WHERE iban = ?1",
        params![iban],
        |row| row.get(0),
    )?;
    let mut next_ordinal = lowest.unwrap_or(0) - 1;
    let mut added = 0;
    for entry in entries {
        if upsert_entry(transaction, iban, entry, next_ordinal)? {
            next_ordinal -= 1;
            added += 1;
        }
    }
    Ok(added)
}

/// Inserts `entry` at `ordinal`, or updates it where it is. True when it was new.
fn upsert_entry(
    transaction: &Transaction<'_>,
    iban: &str,
    entry: &EntryRecord,
    ordinal: i64,
) -> Result<bool> {
    let known = transaction
        .prepare_cached("SELECT 1 FROM entry WHERE iban = ?1 AND entry_reference = ?2")?
        .exists(params![iban, entry.entry_reference])?;
    transaction
        .prepare_cached(
            "INSERT INTO entry (iban, entry_reference, ordinal, pending, date, amount, currency,
                 booking_date, value_date, counterparty_name, counterparty_iban, description,
                 bank_note, variable_symbol, specific_symbol, constant_symbol,
                 end_to_end_reference, bank_transaction_code, raw, amount_micros)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                 ?17, ?18, ?19, ?20)
             ON CONFLICT (iban, entry_reference) DO UPDATE SET
                 pending = excluded.pending, date = excluded.date, amount = excluded.amount,
                 amount_micros = excluded.amount_micros,
                 currency = excluded.currency, booking_date = excluded.booking_date,
                 value_date = excluded.value_date, counterparty_name = excluded.counterparty_name,
                 counterparty_iban = excluded.counterparty_iban,
                 description = excluded.description, bank_note = excluded.bank_note,
                 variable_symbol = excluded.variable_symbol,
                 specific_symbol = excluded.specific_symbol,
                 constant_symbol = excluded.constant_symbol,
                 end_to_end_reference = excluded.end_to_end_reference,
                 bank_transaction_code = excluded.bank_transaction_code,
                 raw = excluded.raw,
                 category_id = CASE WHEN entry.amount IS excluded.amount
                     AND entry.counterparty_name IS excluded.counterparty_name
                     AND entry.counterparty_iban IS excluded.counterparty_iban
                     AND entry.description IS excluded.description
                     AND entry.bank_note IS excluded.bank_note
                     AND entry.constant_symbol IS excluded.constant_symbol
                     AND entry.bank_transaction_code IS excluded.bank_transaction_code
                     THEN entry.category_id END",
        )?
        .execute(params![
            iban,
            entry.entry_reference,
            ordinal,
            entry.pending,
            entry.date.to_string(),
            entry.amount.to_string(),
            entry.currency,
            entry.booking_date.map(|date| date.to_string()),
            entry.value_date.map(|date| date.to_string()),
            entry.counterparty_name,
            entry.counterparty_iban,
            entry.description,
            entry.bank_note,
            entry.variable_symbol,
            entry.specific_symbol,
            entry.constant_symbol,
            entry.end_to_end_reference,
            entry.bank_transaction_code,
            entry.raw,
            amounts::micros(entry.amount),
        ])?;
    Ok(!known)
}

/// Removes the stored entries among `entries` whose status or date changed; how many.
fn remove_redated(
    transaction: &Transaction<'_>,
    iban: &str,
    entries: &[EntryRecord],
) -> Result<usize> {
    let mut statement = transaction.prepare_cached(
        "DELETE FROM entry
         WHERE iban = ?1 AND entry_reference = ?2 AND (date != ?3 OR pending != ?4)",
    )?;
    let mut removed = 0;
    for entry in entries {
        removed += statement.execute(params![
            iban,
            entry.entry_reference,
            entry.date.to_string(),
            entry.pending
        ])?;
    }
    Ok(removed)
}

fn remove_unlisted_pending(
    transaction: &Transaction<'_>,
    iban: &str,
    entries: &[EntryRecord],
    listed_after: Date,
) -> Result<()> {
    let listed: HashSet<&str> = entries
        .iter()
        .filter(|entry| entry.pending)
        .map(|entry| entry.entry_reference.as_str())
        .collect();
    let stored: Vec<String> = transaction
        .prepare_cached(
            "SELECT entry_reference FROM entry WHERE iban = ?1 AND pending = 1 AND date > ?2",
        )?
        .query_map(params![iban, listed_after.to_string()], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for reference in stored
        .iter()
        .filter(|reference| !listed.contains(reference.as_str()))
    {
        transaction.execute(
            "DELETE FROM entry WHERE iban = ?1 AND entry_reference = ?2",
            params![iban, reference],
        )?;
    }
    Ok(())
}

/// An entry as [`ENTRY_COLUMNS`] reads it, from column 0 on; `raw` is left `None`.
pub(crate) fn read_entry(row: &Row<'_>) -> rusqlite::Result<StoredEntry> {
    let date = date_from_sql(row, 2)?;
    let record = EntryRecord {
        entry_reference: row.get(0)?,
        pending: row.get(1)?,
        date,
        amount: decimal_from_sql(row, 4)?,
        currency: row.get(5)?,
        booking_date: optional_date(row, 6)?,
        value_date: optional_date(row, 7)?,
        counterparty_name: row.get(8)?,
        counterparty_iban: row.get(9)?,
        description: row.get(10)?,
        bank_note: row.get(11)?,
        variable_symbol: row.get(12)?,
        specific_symbol: row.get(13)?,
        constant_symbol: row.get(14)?,
        end_to_end_reference: row.get(15)?,
        bank_transaction_code: row.get(16)?,
        raw: None,
    };
    Ok(StoredEntry {
        position: ListPosition {
            date,
            ordinal: row.get(3)?,
        },
        category_id: row.get(17)?,
        record,
    })
}

fn optional_date(row: &Row<'_>, index: usize) -> rusqlite::Result<Option<Date>> {
    match row.get_ref(index)? {
        rusqlite::types::ValueRef::Null => Ok(None),
        _ => date_from_sql(row, index).map(Some),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::str::FromStr;

    use time::macros::date;

    use super::*;

    const IBAN: &str = "SK3111000000002611223344";

    pub(crate) fn entry(reference: &str, date: Date) -> EntryRecord {
        let amount = Decimal::from_str("-12.30").unwrap();
        let mut entry = crate::test_support::booked_entry(reference, date, amount, "Kaufland");
        entry.bank_note = Some("Card payment".to_owned());
        entry
    }

    /// Page `number` of the listing up to 20 November.
    fn page(number: u32) -> OlderPage {
        OlderPage {
            number,
            up_to: Some(date!(2026 - 11 - 20)),
        }
    }

    fn pending(reference: &str, date: Date) -> EntryRecord {
        EntryRecord {
            pending: true,
            booking_date: None,
            ..entry(reference, date)
        }
    }

    /// Every stored reference, paging through in steps of `page`.
    fn listed(store: &Store, page: u32) -> Vec<String> {
        let mut references = Vec::new();
        let mut after = None;
        loop {
            let entries = store.entries_after(IBAN, after.as_ref(), page).unwrap();
            let Some(last) = entries.last() else {
                return references;
            };
            after = Some(last.position);
            references.extend(
                entries
                    .into_iter()
                    .map(|stored| stored.record.entry_reference),
            );
        }
    }

    #[test]
    fn older_pages_go_below_and_newer_entries_above_in_the_banks_order() {
        let mut store = Store::open_in_memory().unwrap();
        let day = date!(2026 - 11 - 20);
        store
            .append_older(IBAN, &[entry("c", day), entry("d", day)], Some(page(2)))
            .unwrap();
        store
            .append_older(
                IBAN,
                &[entry("e", day), entry("f", date!(2026 - 11 - 19))],
                None,
            )
            .unwrap();
        store
            .prepend_newer(
                IBAN,
                &[entry("a", day), entry("b", day), entry("c", day)],
                None,
                1,
            )
            .unwrap();
        assert_eq!(listed(&store, 2), ["a", "b", "c", "d", "e", "f"]);
        assert_eq!(listed(&store, 100), listed(&store, 1));
        // Back up from "e": the two entries before it, still in list order.
        let all = store.entries_after(IBAN, None, 10).unwrap();
        let newer: Vec<String> = store
            .entries_before(IBAN, &all[4].position, 2)
            .unwrap()
            .into_iter()
            .map(|stored| stored.record.entry_reference)
            .collect();
        assert_eq!(newer, ["c", "d"]);
        assert!(
            store
                .entries_before(IBAN, &all[0].position, 2)
                .unwrap()
                .is_empty()
        );
        let sync = store.history_sync(IBAN).unwrap();
        assert_eq!(
            sync,
            HistorySync {
                next: None,
                complete: true,
                refreshed_at: Some(1)
            }
        );
    }

    #[test]
    fn a_page_that_repeats_stored_entries_adds_only_the_new_ones() {
        let mut store = Store::open_in_memory().unwrap();
        let day = date!(2026 - 11 - 20);
        assert_eq!(
            store
                .append_older(IBAN, &[entry("a", day), entry("b", day)], Some(page(2)))
                .unwrap(),
            2
        );
        // The bank's pages shifted by one: page 2 starts with an entry already stored.
        assert_eq!(
            store
                .append_older(IBAN, &[entry("b", day), entry("c", day)], Some(page(3)))
                .unwrap(),
            1
        );
        assert_eq!(listed(&store, 10), ["a", "b", "c"]);
        assert_eq!(store.history_sync(IBAN).unwrap().next, Some(page(3)));
    }

    #[test]
    fn a_booked_entry_replaces_its_pending_row() {
        let mut store = Store::open_in_memory().unwrap();
        let today = date!(2026 - 11 - 23);
        store
            .append_older(
                IBAN,
                &[pending("hold", today), entry("old", date!(2026 - 11 - 1))],
                None,
            )
            .unwrap();
        assert_eq!(listed(&store, 1), ["hold", "old"]);
        assert!(
            store.entries_after(IBAN, None, 1).unwrap()[0]
                .record
                .pending
        );

        let mut booked = entry("hold", today);
        booked.amount = Decimal::from_str("-12.35").unwrap();
        store
            .prepend_newer(IBAN, &[entry("new", today), booked.clone()], None, 2)
            .unwrap();
        assert_eq!(listed(&store, 1), ["new", "hold", "old"]);
        let first = store.entries_after(IBAN, None, 3).unwrap();
        assert_eq!(first[1].record, booked);
        assert_eq!(store.entry_count(IBAN).unwrap(), 3);
    }

    #[test]
    fn a_hold_that_books_takes_its_place_in_the_banks_order() {
        let mut store = Store::open_in_memory().unwrap();
        let yesterday = date!(2026 - 11 - 22);
        let today = date!(2026 - 11 - 23);
        store
            .append_older(
                IBAN,
                &[
                    pending("today's hold", today),
                    pending("hold", yesterday),
                    entry("old", yesterday),
                ],
                None,
            )
            .unwrap();
        store
            .prepend_newer(IBAN, &[entry("new", today)], None, 1)
            .unwrap();
        assert_eq!(listed(&store, 10), ["new", "today's hold", "hold", "old"]);
        // Both holds book today; the bank lists them first, before "new".
        let booked = [
            entry("today's hold", today),
            entry("hold", today),
            entry("new", today),
        ];
        let added = store.prepend_newer(IBAN, &booked, None, 2).unwrap();
        assert_eq!(added, 0);
        assert_eq!(listed(&store, 10), ["today's hold", "hold", "new", "old"]);
    }

    #[test]
    fn a_refresh_drops_released_holds_only_where_it_listed_everything() {
        let mut store = Store::open_in_memory().unwrap();
        let today = date!(2026 - 11 - 23);
        let earlier = date!(2026 - 11 - 20);
        let stored = [
            pending("kept", today),
            pending("released", today),
            pending("older", earlier),
        ];
        store.append_older(IBAN, &stored, None).unwrap();
        let listed_now = [pending("kept", today)];
        store.prepend_newer(IBAN, &listed_now, None, 1).unwrap();
        assert_eq!(listed(&store, 10), ["kept", "released", "older"]);
        store
            .prepend_newer(IBAN, &listed_now, Some(earlier), 2)
            .unwrap();
        assert_eq!(listed(&store, 10), ["kept", "older"]);
    }

    #[test]
    fn amounts_and_fields_come_back_exactly() {
        let mut store = Store::open_in_memory().unwrap();
        let mut odd = entry("x", date!(2026 - 1 - 2));
        odd.amount = Decimal::from_str("-12345678901234567.10").unwrap();
        odd.value_date = None;
        odd.variable_symbol = Some("0308".to_owned());
        store.append_older(IBAN, &[odd.clone()], None).unwrap();
        let stored = store.entries_after(IBAN, None, 1).unwrap();
        assert_eq!(stored[0].record, odd);
        assert_eq!(stored[0].record.amount.to_string(), "-12345678901234567.10");
    }

    #[test]
    fn accounts_keep_their_own_history_and_a_reset_starts_one_again() {
        let mut store = Store::open_in_memory().unwrap();
        let day = date!(2026 - 11 - 20);
        store
            .append_older(IBAN, &[entry("a", day)], Some(page(2)))
            .unwrap();
        store
            .append_older("OTHER", &[entry("a", day), entry("b", day)], None)
            .unwrap();
        assert_eq!(store.entry_count(IBAN).unwrap(), 1);
        assert!(store.holds_booked(IBAN, &["b", "a"]).unwrap());
        assert!(!store.holds_booked(IBAN, &["b"]).unwrap());

        store.reset_history(IBAN).unwrap();
        assert_eq!(store.entry_count(IBAN).unwrap(), 0);
        assert_eq!(store.history_sync(IBAN).unwrap(), HistorySync::default());
        assert_eq!(store.entry_count("OTHER").unwrap(), 2);
    }
}
