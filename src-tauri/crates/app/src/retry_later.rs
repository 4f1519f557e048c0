//! After a bank's automatic refresh fails, the bank waits before its next one: a minute, then
//! twice as long after each failure in a row, up to an hour; a success starts over. A failure
//! before any account is read (the bank's settings no longer load, the Demo Bank cannot start)
//! would otherwise be tried, failed and logged at every round, a minute apart, all day. An
//! account whose read failed waits its six hours anyway: the read was logged before it was made.
//! The person's own refresh is never held back.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use time::{Duration, OffsetDateTime};

/// The longest wait between two tries.
const LONGEST: Duration = Duration::hours(1);
/// How early a round may come and still count as the one waited for: the rounds keep time by
/// a timer, the waits by the clock, and the two drift by milliseconds.
const SLACK: Duration = Duration::seconds(5);

/// Each bank's failures in a row, and when it may be tried again. Kept in memory: a restart
/// tries at once, as the person would expect of a fresh start.
#[derive(Debug, Default)]
pub(crate) struct RetryLater(Mutex<HashMap<String, Failing>>);

#[derive(Debug, Clone, Copy)]
struct Failing {
    in_a_row: u32,
    not_before: OffsetDateTime,
}

impl RetryLater {
    /// Whether `bank_id` may be tried at `now`.
    pub(crate) fn may_try(&self, bank_id: &str, now: OffsetDateTime) -> bool {
        self.banks()
            .get(bank_id)
            .is_none_or(|failing| failing.not_before <= now + SLACK)
    }

    /// `bank_id` failed at `now`: its next try waits longer than the last.
    pub(crate) fn failed(&self, bank_id: &str, now: OffsetDateTime) {
        let mut banks = self.banks();
        let in_a_row = banks.get(bank_id).map_or(1, |failing| failing.in_a_row + 1);
        banks.insert(
            bank_id.to_owned(),
            Failing {
                in_a_row,
                not_before: now + wait_after(in_a_row),
            },
        );
    }

    /// `bank_id` was refreshed: the waits start over.
    pub(crate) fn succeeded(&self, bank_id: &str) {
        self.banks().remove(bank_id);
    }

    fn banks(&self) -> std::sync::MutexGuard<'_, HashMap<String, Failing>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// A minute after the first failure, doubled after each one after it, an hour at most.
fn wait_after(in_a_row: u32) -> Duration {
    let doublings = in_a_row.saturating_sub(1).min(6);
    (Duration::MINUTE * 2_i32.pow(doublings)).min(LONGEST)
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    const NOW: OffsetDateTime = datetime!(2026-11-30 08:00 UTC);

    #[test]
    fn the_waits_double_up_to_an_hour() {
        let waits: Vec<i64> = (1..=9).map(|n| wait_after(n).whole_minutes()).collect();
        assert_eq!(waits, [1, 2, 4, 8, 16, 32, 60, 60, 60]);
    }

    #[test]
    fn a_failing_bank_waits_and_a_success_starts_over() {
        let later = RetryLater::default();
        assert!(later.may_try("tatra", NOW));
        later.failed("tatra", NOW);
        later.failed("tatra", NOW);
        assert!(!later.may_try("tatra", NOW + Duration::minutes(1)));
        assert!(later.may_try("tatra", NOW + Duration::minutes(2)));
        // A round a little early is the one waited for.
        later.failed("tatra", NOW);
        let minutes_4 = NOW + Duration::minutes(4);
        assert!(later.may_try("tatra", minutes_4 - Duration::milliseconds(3)));
        assert!(!later.may_try("tatra", minutes_4 - Duration::seconds(30)));
        // Another bank is not held back by this one.
        assert!(later.may_try("demo", NOW));
        later.succeeded("tatra");
        assert!(later.may_try("tatra", NOW));
        later.failed("tatra", NOW);
        assert!(later.may_try("tatra", NOW + Duration::minutes(1)));
    }
}
