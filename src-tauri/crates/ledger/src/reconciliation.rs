//! Does the stored history add up? Each balance the bank reported, less the stored booked
//! entries it covered, is the balance before the oldest stored entry: the same at every
//! checkpoint when nothing is missing. Where it changes between two checkpoints, the bank's
//! balance moved by something the store does not hold, in the days between them.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use bank::{Iban, Presence, RefreshTokenStore, Session, TransactionsQuery};
use rust_decimal::Decimal;
use store::{BalanceCheckpoint, BalanceRecord, BookedAmount, StoredBalances};
use time::Date;
use time::macros::format_description;

use crate::history::records;
use crate::{Ledger, Result, now};

/// How an account's stored history compares with the balances the bank reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reconciliation {
    /// The bank reported a booked balance at least once since this was recorded.
    pub checked: bool,
    /// The oldest stored booked entry's day.
    pub since: Option<Date>,
    /// The bank has nothing older than what is stored.
    pub complete: bool,
    /// The balance before the oldest stored entry, rebuilt from the latest checkpoint.
    pub opening: Option<Decimal>,
    /// Where the stored entries and the bank's balance part, oldest first.
    pub breaks: Vec<Break>,
}

/// The bank's balance moved by `missing` more than the stored entries dated from `from` to
/// `to` (the two checkpoints' days).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Break {
    pub from: Date,
    pub to: Date,
    /// Positive: money in that the store lacks; negative: money out.
    pub missing: Decimal,
}

/// The booked balance's ISO 20022 codes, the interim one first.
const BOOKED_CODES: [&str; 2] = ["ITBD", "CLBD"];

impl Ledger {
    /// Checks the stored history of `iban` against every balance the bank reported.
    pub fn reconciliation(&self, iban: &str) -> Result<Reconciliation> {
        let store = self.store();
        let checkpoints = store.balance_checkpoints(iban)?;
        let booked = store.booked_amounts(iban)?;
        let complete = store.history_sync(iban)?.complete;
        Ok(reconcile(&checkpoints, &booked, complete))
    }

    /// Records the booked balance just fetched for `iban` against the history just stored.
    pub(crate) fn record_checkpoint(&self, iban: &str) -> Result<()> {
        let Some(mut store) = self.store_for_writing(iban)? else {
            return Ok(());
        };
        let stored = store.balances(iban)?;
        let booked = BOOKED_CODES
            .iter()
            .find_map(|code| stored.balances.iter().find(|balance| balance.code == *code));
        let (Some(booked), Some(at)) = (booked, stored.fetched_at) else {
            return Ok(());
        };
        // The bank's own day, which the entries' dates are in; else today in UTC.
        let as_of = booked
            .as_of
            .as_deref()
            .and_then(|as_of| as_of.get(..10))
            .and_then(|day| Date::parse(day, format_description!("[year]-[month]-[day]")).ok())
            .unwrap_or_else(|| now().date());
        store.add_balance_checkpoint(iban, at, as_of, booked.amount)?;
        Ok(())
    }

    /// Fetches the bank's entries of `iban` dated `from` to `to` and stores the booked ones
    /// the store lacks. Returns how many were new.
    pub async fn fetch_period_again<S: RefreshTokenStore>(
        &self,
        session: &Session<S>,
        iban: &str,
        (from, to): (Date, Date),
    ) -> Result<usize> {
        let _fetching = self.fetching.lock(iban).await;
        let mut query = TransactionsQuery::newest(Iban::parse(iban)?);
        query.date_from = Some(from);
        query.date_to = Some(to);
        let mut fetched = Vec::new();
        loop {
            let page = session
                .transactions_page(&query, Presence::Attended)
                .await?;
            let next = page.next_page;
            fetched.extend(records(page.items));
            match next {
                Some(number) if number > query.page => query = query.page(number),
                _ => break,
            }
        }
        let Some(mut store) = self.store_for_writing(iban)? else {
            return Ok(0);
        };
        let added = store.restore_missing(iban, &fetched)?;
        crate::categories::categorise_new(&mut store, iban)?;
        tracing::info!(added, "a period was fetched again");
        Ok(added)
    }
}

/// The booked balance among `stored`: the interim one, else the closing one.
pub(crate) fn booked_balance(stored: &StoredBalances) -> Option<&BalanceRecord> {
    BOOKED_CODES
        .iter()
        .find_map(|code| stored.balances.iter().find(|balance| balance.code == *code))
}

/// Compares each checkpoint with the stored entries it covered (`booked` in list order, oldest
/// first).
fn reconcile(
    checkpoints: &[BalanceCheckpoint],
    booked: &[BookedAmount],
    complete: bool,
) -> Reconciliation {
    // The balance before the oldest stored entry, as each checkpoint has it: its balance less
    // the entries dated up to its day that were stored by then (an entry stored later, even
    // dated earlier, was not in what the balance was compared with). Both bounds only grow from
    // one checkpoint to the next, so one walk serves them all: entries of a passed day stored
    // after the checkpoint wait, lowest ordinal first, for the checkpoint that covers them.
    let mut covered = Decimal::ZERO;
    let mut next = 0;
    let mut waiting = BinaryHeap::new();
    let openings: Vec<(Date, Decimal)> = checkpoints
        .iter()
        .map(|checkpoint| {
            let through = checkpoint.through_ordinal.unwrap_or(i64::MIN);
            while let Some(entry) = booked
                .get(next)
                .filter(|entry| entry.date <= checkpoint.as_of)
            {
                waiting.push(Reverse((entry.ordinal, next)));
                next += 1;
            }
            while let Some(&Reverse((ordinal, index))) = waiting.peek()
                && ordinal <= through
            {
                waiting.pop();
                covered += booked[index].amount;
            }
            (checkpoint.as_of, checkpoint.booked - covered)
        })
        .collect();
    Reconciliation {
        checked: !checkpoints.is_empty(),
        since: booked.first().map(|entry| entry.date),
        complete,
        opening: openings.last().map(|&(_, opening)| opening),
        breaks: breaks(&openings),
    }
}

/// Where the opening changes from one checkpoint to the next. A change undone by the end of
/// its day (up to the next day's first checkpoint) is not a break: an entry booked between a
/// refresh's read of the balance and its read of the history was counted too early, or an
/// entry fetched again (first on its day) was counted in that day's refreshes from before it
/// was booked.
fn breaks(openings: &[(Date, Decimal)]) -> Vec<Break> {
    let mut found = Vec::new();
    let mut index = 1;
    while index < openings.len() {
        let (from, before) = openings[index - 1];
        let (to, after) = openings[index];
        if after == before {
            index += 1;
            continue;
        }
        let same_day = openings[index + 1..]
            .iter()
            .take_while(|&&(day, _)| day == to)
            .count();
        let undone = (index + 1..openings.len())
            .take(same_day + 1)
            .rfind(|&later| openings[later].1 == before);
        if let Some(later) = undone {
            index = later + 1;
            continue;
        }
        found.push(Break {
            from,
            to,
            missing: after - before,
        });
        index += 1;
    }
    found
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    fn euros(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    fn checkpoint(as_of: Date, booked: &str, through: i64) -> BalanceCheckpoint {
        BalanceCheckpoint {
            at: 0,
            as_of,
            booked: euros(booked),
            through_ordinal: Some(through),
        }
    }

    fn entry(date: Date, ordinal: i64, amount: &str) -> BookedAmount {
        BookedAmount {
            date,
            ordinal,
            amount: euros(amount),
        }
    }

    /// An opening of 100.00 on 1 March, then a day each with one entry, a checkpoint after each.
    fn days() -> (Vec<BalanceCheckpoint>, Vec<BookedAmount>) {
        let booked = vec![
            entry(date!(2026 - 03 - 01), 0, "100.00"),
            entry(date!(2026 - 03 - 02), 1, "-10.00"),
            entry(date!(2026 - 03 - 03), 2, "-20.00"),
            entry(date!(2026 - 03 - 04), 3, "5.00"),
        ];
        let checkpoints = vec![
            checkpoint(date!(2026 - 03 - 01), "100.00", 0),
            checkpoint(date!(2026 - 03 - 02), "90.00", 1),
            checkpoint(date!(2026 - 03 - 03), "70.00", 2),
            checkpoint(date!(2026 - 03 - 04), "75.00", 3),
        ];
        (checkpoints, booked)
    }

    #[test]
    fn a_whole_history_adds_up_from_a_zero_opening() {
        let (checkpoints, booked) = days();
        let found = reconcile(&checkpoints, &booked, true);
        assert_eq!(
            found,
            Reconciliation {
                checked: true,
                since: Some(date!(2026 - 03 - 01)),
                complete: true,
                opening: Some(Decimal::ZERO),
                breaks: Vec::new(),
            }
        );
    }

    #[test]
    fn a_removed_entry_breaks_the_day_it_was_booked() {
        let (checkpoints, mut booked) = days();
        booked.remove(2);
        let found = reconcile(&checkpoints, &booked, true);
        assert_eq!(
            found.breaks,
            [Break {
                from: date!(2026 - 03 - 02),
                to: date!(2026 - 03 - 03),
                missing: euros("-20.00"),
            }]
        );
    }

    #[test]
    fn a_shifted_balance_breaks_where_it_shifted() {
        let (mut checkpoints, booked) = days();
        for checkpoint in &mut checkpoints[3..] {
            checkpoint.booked += euros("0.50");
        }
        let found = reconcile(&checkpoints, &booked, false);
        assert_eq!(
            found.breaks,
            [Break {
                from: date!(2026 - 03 - 03),
                to: date!(2026 - 03 - 04),
                missing: euros("0.50"),
            }]
        );
        assert_eq!(found.opening, Some(euros("0.50")));
    }

    #[test]
    fn an_entry_booked_between_the_two_reads_of_a_refresh_is_no_break() {
        let (mut checkpoints, mut booked) = days();
        // On the 3rd the history was read after an entry booked that the balance did not have.
        booked.insert(3, entry(date!(2026 - 03 - 03), 3, "-1.00"));
        booked[4].ordinal = 4;
        checkpoints[2].through_ordinal = Some(3);
        checkpoints[3] = checkpoint(date!(2026 - 03 - 04), "74.00", 4);
        assert!(reconcile(&checkpoints, &booked, true).breaks.is_empty());
    }

    #[test]
    fn an_entry_stored_later_with_an_earlier_date_is_not_in_the_earlier_balances() {
        let (mut checkpoints, mut booked) = days();
        // Booked on the 4th, dated the 2nd, stored with the 4th's refresh.
        booked.insert(2, entry(date!(2026 - 03 - 02), 4, "-2.00"));
        checkpoints[3] = checkpoint(date!(2026 - 03 - 04), "73.00", 4);
        assert!(reconcile(&checkpoints, &booked, true).breaks.is_empty());
    }

    #[test]
    fn an_entry_fetched_again_is_no_break_in_its_days_earlier_refreshes() {
        let (mut checkpoints, mut booked) = days();
        // The 3rd's entry was fetched again (first on its day); two refreshes early on the
        // 3rd, before it was booked, count it too: undone by the day's last refresh.
        booked[2].ordinal = -1;
        checkpoints.insert(2, checkpoint(date!(2026 - 03 - 03), "90.00", 1));
        checkpoints.insert(2, checkpoint(date!(2026 - 03 - 03), "90.00", 1));
        let found = reconcile(&checkpoints, &booked, true);
        assert!(found.breaks.is_empty(), "{found:?}");
        // A change within a day that stays is a break on that day.
        let (mut checkpoints, booked) = days();
        checkpoints.push(checkpoint(date!(2026 - 03 - 04), "85.00", 3));
        let found = reconcile(&checkpoints, &booked, true);
        assert_eq!(
            found.breaks,
            [Break {
                from: date!(2026 - 03 - 04),
                to: date!(2026 - 03 - 04),
                missing: euros("10.00"),
            }]
        );
    }

    #[test]
    fn entries_stored_after_a_checkpoint_on_its_day_are_not_in_it() {
        let (checkpoints, mut booked) = days();
        booked.push(entry(date!(2026 - 03 - 04), 4, "-3.00"));
        let mut checkpoints = checkpoints;
        checkpoints.push(checkpoint(date!(2026 - 03 - 04), "72.00", 4));
        assert!(reconcile(&checkpoints, &booked, true).breaks.is_empty());
        // Without checkpoints nothing is known.
        let unchecked = reconcile(&[], &booked, false);
        assert!(!unchecked.checked && unchecked.breaks.is_empty());
        assert_eq!(unchecked.opening, None);
    }
}
