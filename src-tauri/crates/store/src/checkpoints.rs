//! The booked balances the bank reported, each with how far the stored history reached then,
//! and the booked entries to add up against them: what reconciliation reads. And the entries
//! a period fetched again brings back.

use rusqlite::params;
use rust_decimal::Decimal;
use time::Date;

use crate::codec::{conversion_error, date_from_sql, decimal_from_sql, parse_day};
use crate::history::{EntryRecord, insert_below};
use crate::{Result, Store};

/// The bank's booked balance of an account at one refresh.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BalanceCheckpoint {
    /// Unix seconds of the refresh.
    pub at: i64,
    /// The bank's day the balance is of.
    pub as_of: Date,
    pub booked: Decimal,
    /// The highest ordinal stored on the account then (`None`: nothing was): of the entries
    /// dated `as_of`, those up to it were stored, and so in the balance.
    pub through_ordinal: Option<i64>,
}

/// What one day's booked entries brought in (positive) and took out (negative).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayTotals {
    pub date: Date,
    pub incoming: Decimal,
    pub outgoing: Decimal,
}

/// A booked entry's place and amount: what a balance is rebuilt from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BookedAmount {
    pub date: Date,
    pub ordinal: i64,
    pub amount: Decimal,
}

impl Store {
    /// Records the bank's booked balance of `iban`, `booked` on its day `as_of`, against the
    /// history stored now. A balance that says nothing new (the same amount, nothing stored
    /// since) is not recorded again.
    pub fn add_balance_checkpoint(
        &mut self,
        iban: &str,
        at: i64,
        as_of: Date,
        booked: Decimal,
    ) -> Result<()> {
        let transaction = self.connection.transaction()?;
        let through: Option<i64> = transaction.query_row(
            "SELECT max(ordinal) FROM entry WHERE iban = ?1",
            params![iban],
            |row| row.get(0),
        )?;
        let latest = transaction
            .prepare_cached(
                "SELECT booked, through_ordinal FROM balance_checkpoint WHERE iban = ?1
                 ORDER BY at DESC, id DESC LIMIT 1",
            )?
            .query_map(params![iban], |row| {
                Ok((decimal_from_sql(row, 0)?, row.get::<_, Option<i64>>(1)?))
            })?
            .next()
            .transpose()?;
        if latest != Some((booked, through)) {
            transaction.execute(
                "INSERT INTO balance_checkpoint (iban, at, as_of, booked, through_ordinal)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![iban, at, as_of.to_string(), booked.to_string(), through],
            )?;
        }
        transaction.commit()?;
        Ok(())
    }

    /// The checkpoints of `iban`, oldest first.
    pub fn balance_checkpoints(&self, iban: &str) -> Result<Vec<BalanceCheckpoint>> {
        self.connection
            .prepare_cached(
                "SELECT at, as_of, booked, through_ordinal FROM balance_checkpoint
                 WHERE iban = ?1 ORDER BY at, id",
            )?
            .query_map(params![iban], |row| {
                Ok(BalanceCheckpoint {
                    at: row.get(0)?,
                    as_of: date_from_sql(row, 1)?,
                    booked: decimal_from_sql(row, 2)?,
                    through_ordinal: row.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()
            .map_err(Into::into)
    }

    /// The booked entries of `iban` in list order, oldest first.
    pub fn booked_amounts(&self, iban: &str) -> Result<Vec<BookedAmount>> {
        self.connection
            .prepare_cached(
                "SELECT date, ordinal, amount FROM entry WHERE iban = ?1 AND pending = 0
                 ORDER BY date, ordinal",
            )?
            .query_map(params![iban], |row| {
                Ok(BookedAmount {
                    date: date_from_sql(row, 0)?,
                    ordinal: row.get(1)?,
                    amount: decimal_from_sql(row, 2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()
            .map_err(Into::into)
    }

    /// What the booked entries of `iban` dated `from` or later brought in and took out, day by
    /// day (days without entries left out), oldest first; and the oldest booked entry's day:
    /// what the charts sum. SQLite sums the exact integer micros along `entry_booked_by_day`,
    /// which covers every column read (no row is looked up, no text parsed); an amount without
    /// exact micros is read as text and added in Rust.
    pub fn booked_day_totals_since(
        &self,
        iban: &str,
        from: Date,
    ) -> Result<(Vec<DayTotals>, Option<Date>)> {
        let oldest: Option<String> = self
            .connection
            .prepare_cached(
                "SELECT min(date) FROM entry INDEXED BY entry_booked_by_day
                 WHERE iban = ?1 AND pending = 0",
            )?
            .query_row(params![iban], |row| row.get(0))?;
        let oldest = oldest
            .map(|text| parse_day(&text).map_err(|error| conversion_error(0, error)))
            .transpose()?;
        let mut days: Vec<DayTotals> = self
            .connection
            .prepare_cached(
                "SELECT date,
                     ifnull(sum(amount_micros) FILTER (WHERE amount_micros > 0), 0),
                     ifnull(sum(amount_micros) FILTER (WHERE amount_micros < 0), 0)
                 FROM entry INDEXED BY entry_booked_by_day
                 WHERE iban = ?1 AND pending = 0 AND date >= ?2
                 GROUP BY date ORDER BY date",
            )?
            .query_map(params![iban, from.to_string()], |row| {
                Ok(DayTotals {
                    date: date_from_sql(row, 0)?,
                    incoming: Decimal::new(row.get(1)?, 6),
                    outgoing: Decimal::new(row.get(2)?, 6),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let inexact: Vec<(Date, Decimal)> = self
            .connection
            .prepare_cached(
                "SELECT date, amount FROM entry INDEXED BY entry_booked_by_day
                 WHERE iban = ?1 AND pending = 0 AND date >= ?2 AND amount_micros IS NULL",
            )?
            .query_map(params![iban, from.to_string()], |row| {
                Ok((date_from_sql(row, 0)?, decimal_from_sql(row, 1)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        for (date, amount) in inexact {
            if let Ok(index) = days.binary_search_by_key(&date, |day| day.date) {
                let day = &mut days[index];
                if amount.is_sign_negative() {
                    day.outgoing += amount;
                } else {
                    day.incoming += amount;
                }
            }
        }
        Ok((days, oldest))
    }

    /// Stores the booked entries among `entries` (a period fetched again) that the store
    /// lacks as booked, below every stored ordinal: the checkpoints of its day and later count
    /// it. A hold stored as pending that the bank has booked meanwhile is replaced by its
    /// booking. Returns how many were new.
    pub fn restore_missing(&mut self, iban: &str, entries: &[EntryRecord]) -> Result<usize> {
        let transaction = self.connection.transaction()?;
        let mut missing = Vec::new();
        for entry in entries.iter().filter(|entry| !entry.pending) {
            let known = transaction
                .prepare_cached(
                    "SELECT 1 FROM entry WHERE iban = ?1 AND entry_reference = ?2 AND pending = 0",
                )?
                .exists(params![iban, entry.entry_reference])?;
            if !known {
                transaction.execute(
                    "DELETE FROM entry WHERE iban = ?1 AND entry_reference = ?2",
                    params![iban, entry.entry_reference],
                )?;
                missing.push(entry.clone());
            }
        }
        let added = insert_below(&transaction, iban, &missing)?;
        transaction.commit()?;
        Ok(added)
    }
}

#[cfg(feature = "test-support")]
impl Store {
    /// Loses the entry `reference` of `iban`, as a store that missed it would be.
    pub fn forget_entry(&mut self, iban: &str, reference: &str) -> Result<()> {
        self.connection.execute(
            "DELETE FROM entry WHERE iban = ?1 AND entry_reference = ?2",
            params![iban, reference],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;
    use crate::history::tests::entry;

    const IBAN: &str = "SK3111000000002611223344";

    fn euros(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn a_checkpoint_remembers_how_far_the_history_reached_and_only_news_are_kept() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .add_balance_checkpoint(IBAN, 10, date!(2026 - 11 - 20), euros("100.00"))
            .unwrap();
        store
            .prepend_newer(IBAN, &[entry("A", date!(2026 - 11 - 21))], None, 20)
            .unwrap();
        let day = date!(2026 - 11 - 21);
        store
            .add_balance_checkpoint(IBAN, 20, day, euros("87.70"))
            .unwrap();
        // The same again, a refresh later: nothing new.
        store
            .add_balance_checkpoint(IBAN, 30, day, euros("87.70"))
            .unwrap();
        let checkpoints = store.balance_checkpoints(IBAN).unwrap();
        assert_eq!(
            checkpoints,
            [
                BalanceCheckpoint {
                    at: 10,
                    as_of: date!(2026 - 11 - 20),
                    booked: euros("100.00"),
                    through_ordinal: None,
                },
                BalanceCheckpoint {
                    at: 20,
                    as_of: day,
                    booked: euros("87.70"),
                    through_ordinal: Some(1),
                },
            ]
        );
        assert!(store.balance_checkpoints("other").unwrap().is_empty());

        store.reset_history(IBAN).unwrap();
        assert!(store.balance_checkpoints(IBAN).unwrap().is_empty());
    }

    #[test]
    fn a_days_totals_split_money_in_from_money_out_exactly() {
        let mut store = Store::open_in_memory().unwrap();
        let day = date!(2026 - 11 - 21);
        let mut salary = entry("S", day);
        salary.amount = euros("2000.00");
        let mut tiny = entry("T", day);
        tiny.amount = euros("0.0000001");
        let mut pending = entry("P", day);
        pending.pending = true;
        let older = entry("O", date!(2026 - 10 - 02));
        store
            .prepend_newer(
                IBAN,
                &[salary, tiny, pending, entry("A", day), older],
                None,
                20,
            )
            .unwrap();
        let (days, oldest) = store
            .booked_day_totals_since(IBAN, date!(2026 - 11 - 01))
            .unwrap();
        assert_eq!(oldest, Some(date!(2026 - 10 - 02)));
        assert_eq!(
            days,
            [DayTotals {
                date: day,
                incoming: euros("2000.0000001"),
                outgoing: euros("-12.30"),
            }]
        );
    }

    #[test]
    fn entries_fetched_again_fill_only_what_is_missing_first_on_their_day() {
        let mut store = Store::open_in_memory().unwrap();
        let day = date!(2026 - 11 - 21);
        store
            .prepend_newer(IBAN, &[entry("B", day), entry("A", day)], None, 20)
            .unwrap();
        let mut hold = entry("H", day);
        hold.pending = true;
        hold.amount = euros("-1.00");
        store
            .prepend_newer(IBAN, &[hold.clone()], None, 30)
            .unwrap();
        let mut missing = entry("M", day);
        missing.amount = euros("-4.00");
        let mut booked_hold = hold.clone();
        booked_hold.pending = false;
        let added = store
            .restore_missing(IBAN, &[entry("A", day), hold, missing, booked_hold])
            .unwrap();
        assert_eq!(added, 2, "the missing entry and the hold that booked");
        let booked = store.booked_amounts(IBAN).unwrap();
        assert_eq!(
            booked,
            [
                BookedAmount {
                    date: day,
                    ordinal: -1,
                    amount: euros("-1.00"),
                },
                BookedAmount {
                    date: day,
                    ordinal: 0,
                    amount: euros("-4.00"),
                },
                BookedAmount {
                    date: day,
                    ordinal: 1,
                    amount: euros("-12.30"),
                },
                BookedAmount {
                    date: day,
                    ordinal: 2,
                    amount: euros("-12.30"),
                },
            ]
        );
    }
}
