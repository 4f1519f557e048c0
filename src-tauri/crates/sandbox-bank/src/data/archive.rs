//! An account's generated history, computed on demand.
//!
//! Positions count from the newest entry (0) back to the oldest (`generated - 1`); entry
//! `index = generated - 1 - position` is drawn from (seed, account, index) and its date, which
//! falls monotonically with the position (a month's close takes an amount sized once, when the
//! archive is laid out), so a page or a date range is found by arithmetic and binary
//! search, never by a scan. The newest `pending` positions are card holds that the account keeps
//! as live entries (they can book later); the archive serves the booked rest.

use std::collections::BTreeMap;
use std::ops::Range;

use rust_decimal::Decimal;
use time::Date;

use super::entry::{Entry, HistoryFilter, StatusFilter};
use super::generator::{self, AccountProfile, PLAN_KEY, Thinning, What};
use super::rng::Rng;
use super::schedule::{self, Slot};

/// Generated entries per day of history, until the history would span more than ten years.
const ENTRIES_PER_DAY: u64 = 3;
const MAX_SPAN_DAYS: u64 = 3650;

#[derive(Debug)]
pub(crate) struct Archive {
    profile: AccountProfile,
    generated: u64,
    pending: u64,
    newest_date: Date,
    span_days: u64,
    thinning: Thinning,
    /// The amounts of the cycles' closes by position (on a savings account, of its side of
    /// the current account's), which depend on the whole cycle: found once, when laid out.
    settled: BTreeMap<u64, Decimal>,
    booked_balance: Decimal,
}

impl Archive {
    /// Lays out `generated` entries ending on `newest_date`. `feeder`: the current account
    /// whose monthly closes a savings account receives (laid out on the same days). Costs one
    /// pass over the amounts (no text is generated): O(generated).
    pub(crate) fn new(
        profile: AccountProfile,
        generated: u64,
        newest_date: Date,
        feeder: Option<&Archive>,
    ) -> Self {
        let pending = pending_count(&profile, generated);
        let span_days = (generated / ENTRIES_PER_DAY).clamp(1, MAX_SPAN_DAYS);
        // Denser than three a day only beyond ten years: amounts shrink in proportion.
        let usual = span_days * ENTRIES_PER_DAY;
        let thinning = if span_days == MAX_SPAN_DAYS && generated > usual {
            Thinning {
                kept: usual,
                drawn: generated,
            }
        } else {
            Thinning::NONE
        };
        let mut archive = Self {
            profile,
            generated,
            pending,
            newest_date,
            span_days,
            thinning,
            settled: BTreeMap::new(),
            booked_balance: Decimal::ZERO,
        };
        archive.settle(feeder);
        archive
    }

    /// The sum of the booked entries: the balance the account shows before anything is added.
    pub(crate) fn booked_balance(&self) -> Decimal {
        self.booked_balance
    }

    /// Walks the booked entries from the oldest, sizing each close so that the account ends
    /// its cycle on the planned balance.
    fn settle(&mut self, feeder: Option<&Archive>) {
        let mut balance = Decimal::ZERO;
        for position in (self.pending..self.generated).rev() {
            let amount = match (self.slot_at(position), position == self.generated - 1) {
                (Some(Slot::Close), false) => {
                    let date = self.date_at(position);
                    let mut plan = self.profile.monthly(PLAN_KEY, date);
                    let planned =
                        Decimal::new(schedule::planned_cents(self.profile.kind, &mut plan), 2);
                    let amount = planned - balance;
                    self.settled.insert(position, amount);
                    amount
                }
                (Some(Slot::FromCurrentAccount), false) => {
                    match feeder.and_then(|feeder| feeder.settled.get(&position)) {
                        Some(&sent) => {
                            self.settled.insert(position, -sent);
                            -sent
                        }
                        None => self.amount_at(position),
                    }
                }
                _ => self.amount_at(position),
            };
            balance += amount;
        }
        self.booked_balance = balance;
    }

    /// The pending card holds at the newest end, newest first.
    pub(crate) fn pending_entries(&self) -> Vec<Entry> {
        (0..self.pending)
            .map(|position| self.entry_at(position))
            .collect()
    }

    /// The index the next entry added to the account takes.
    #[cfg(feature = "admin")]
    pub(crate) fn next_index(&self) -> u64 {
        self.generated
    }

    /// The positions of booked archive entries that `filter` admits, newest first.
    pub(crate) fn positions(&self, filter: &HistoryFilter) -> Range<u64> {
        if filter.status == StatusFilter::Pending {
            return self.pending..self.pending;
        }
        let mut positions = self.pending..self.generated;
        if let Some(to) = filter.to {
            positions.start =
                partition_point(positions.clone(), |position| self.date_at(position) > to);
        }
        if let Some(from) = filter.from {
            positions.end =
                partition_point(positions.clone(), |position| self.date_at(position) >= from);
        }
        positions
    }

    /// The entry at `position` (a booked one from [`Archive::positions`], or a pending one).
    pub(crate) fn entry_at(&self, position: u64) -> Entry {
        generator::generate(
            &self.profile,
            self.index(position),
            self.date_at(position),
            self.what_at(position),
            self.thinning,
        )
    }

    fn amount_at(&self, position: u64) -> Decimal {
        generator::booked_amount(
            &self.profile,
            self.index(position),
            self.date_at(position),
            self.what_at(position),
            self.thinning,
        )
    }

    fn what_at(&self, position: u64) -> What {
        if position < self.pending {
            return What::Pending;
        }
        if position == self.generated - 1 {
            return What::Opening;
        }
        match self.slot_at(position) {
            None => What::Drawn,
            Some(slot @ (Slot::Close | Slot::FromCurrentAccount)) => self
                .settled
                .get(&position)
                .map_or(What::Drawn, |&amount| What::Settling(slot, amount)),
            Some(slot) => What::Scheduled(slot),
        }
    }

    fn slot_at(&self, position: u64) -> Option<Slot> {
        let nth = self.oldest_of_day(position) - position;
        schedule::slot(self.profile.kind, self.date_at(position), nth)
    }

    fn index(&self, position: u64) -> u64 {
        self.generated - 1 - position
    }

    fn days_back(&self, position: u64) -> u64 {
        position * self.span_days / self.generated.max(1)
    }

    /// The oldest position on the same day as `position`: the last with its days back.
    fn oldest_of_day(&self, position: u64) -> u64 {
        let days_back = self.days_back(position);
        (((days_back + 1) * self.generated - 1) / self.span_days).min(self.generated - 1)
    }

    fn date_at(&self, position: u64) -> Date {
        let days_back = i64::try_from(self.days_back(position)).unwrap_or(i64::MAX);
        self.newest_date
            .checked_sub(time::Duration::days(days_back))
            .unwrap_or(Date::MIN)
    }
}

/// Two to four card holds, but never the opening entry.
fn pending_count(profile: &AccountProfile, generated: u64) -> u64 {
    let wanted = 2 + Rng::new(profile.seed, &[profile.ordinal, u64::MAX - 1]).below(3);
    wanted.min(generated.saturating_sub(1))
}

/// The first position in `range` where `before` turns false (`before` must hold on a prefix).
fn partition_point(range: Range<u64>, before: impl Fn(u64) -> bool) -> u64 {
    let (mut low, mut high) = (range.start, range.end);
    while low < high {
        let middle = low + (high - low) / 2;
        if before(middle) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    low
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;
    use crate::data::AccountKind;
    use crate::iban;

    fn archive(generated: u64) -> Archive {
        let profile = AccountProfile {
            seed: 5,
            ordinal: 1,
            kind: AccountKind::Current,
            holder: "Jana Nováková",
            sibling_iban: iban::slovak(9950, 0, 1_111_111_111),
        };
        Archive::new(profile, generated, date!(2026 - 05 - 14), None)
    }

    fn scan(archive: &Archive, filter: &HistoryFilter) -> Vec<u64> {
        (archive.pending..archive.generated)
            .filter(|&position| filter.admits(&archive.entry_at(position)))
            .collect()
    }

    #[test]
    fn booked_entries_add_up_to_the_balance_and_dates_never_rise_with_age() {
        let archive = archive(300);
        let all = archive.positions(&HistoryFilter::default());
        let entries: Vec<Entry> = all.map(|position| archive.entry_at(position)).collect();
        let sum: Decimal = entries.iter().map(|entry| entry.amount).sum();
        assert_eq!(sum, archive.booked_balance());
        assert!(
            entries
                .windows(2)
                .all(|pair| pair[0].date() >= pair[1].date())
        );
        assert_eq!(
            entries.last().map(|entry| entry.note),
            Some(Some("Opening balance"))
        );
        assert!((2..=4).contains(&archive.pending_entries().len()));
    }

    #[test]
    fn date_ranges_found_by_search_match_a_scan() {
        let archive = archive(300);
        let filters = [
            HistoryFilter {
                from: Some(date!(2026 - 04 - 01)),
                to: Some(date!(2026 - 04 - 30)),
                ..Default::default()
            },
            HistoryFilter {
                from: Some(date!(2026 - 05 - 14)),
                ..Default::default()
            },
            HistoryFilter {
                to: Some(date!(2026 - 03 - 10)),
                ..Default::default()
            },
            HistoryFilter {
                from: Some(date!(2030 - 01 - 01)),
                ..Default::default()
            },
            HistoryFilter {
                to: Some(date!(2020 - 01 - 01)),
                ..Default::default()
            },
        ];
        for filter in filters {
            let found: Vec<u64> = archive.positions(&filter).collect();
            assert_eq!(found, scan(&archive, &filter), "{filter:?}");
        }
        let pending_only = HistoryFilter {
            status: StatusFilter::Pending,
            ..Default::default()
        };
        assert!(archive.positions(&pending_only).is_empty());
    }

    #[test]
    fn tiny_histories_have_no_pending_entry_before_their_opening() {
        assert!(archive(0).positions(&HistoryFilter::default()).is_empty());
        let single = archive(1);
        assert_eq!(single.positions(&HistoryFilter::default()), 0..1);
        assert_eq!(single.entry_at(0).amount, single.booked_balance());
        assert!(single.booked_balance().is_sign_positive());
        assert!(single.pending_entries().is_empty());
    }
}
