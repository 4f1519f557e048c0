//! The bank's clock: real time plus an offset that tests move forward, so expiry can be tested
//! without sleeping.
//!
//! The offset is bounded by `MAX_OFFSET`, so the bank's time stays far inside what
//! `OffsetDateTime` can hold: no admin call and no damaged state file can make `now()` (and with
//! it every request and every start) overflow.

use std::sync::Mutex;
use std::time::Duration;

use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, UtcOffset};

use crate::sync::lock;

/// The furthest the bank's time may run ahead of real time: ten years. Far more than any test
/// needs (consents last 90 days), and millennia short of the end of `OffsetDateTime`'s range.
pub(crate) const MAX_OFFSET: Duration = Duration::from_hours(10 * 366 * 24);

/// Wall-clock time as the bank sees it.
#[derive(Debug, Default)]
pub(crate) struct Clock {
    offset: Mutex<Duration>,
}

/// An advance that would take the bank's time more than `MAX_OFFSET` ahead of real time.
#[cfg(feature = "admin")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error(
    "the bank's clock runs at most {max_days} days ahead of real time: it is {ahead} seconds ahead, and {by} seconds more would pass that",
    max_days = MAX_OFFSET.as_secs() / 86_400,
    ahead = self.ahead.as_secs(),
    by = self.by.as_secs()
)]
pub(crate) struct TooFarAhead {
    /// How far ahead the clock is (and stays).
    pub ahead: Duration,
    /// The advance refused.
    pub by: Duration,
}

impl Clock {
    /// A clock already moved forward by `offset`: how a restarted bank resumes its time. An
    /// offset beyond `MAX_OFFSET` (only a damaged or hand-edited state file holds one) is
    /// clamped to it, so the bank still starts.
    pub(crate) fn starting_at(offset: Duration) -> Self {
        if offset > MAX_OFFSET {
            tracing::warn!(
                saved_seconds = offset.as_secs(),
                max_seconds = MAX_OFFSET.as_secs(),
                "the saved clock offset is out of range: the bank's clock starts at the maximum"
            );
        }
        Self {
            offset: Mutex::new(offset.min(MAX_OFFSET)),
        }
    }

    /// How far the bank's time is ahead of real time.
    pub(crate) fn offset(&self) -> Duration {
        *lock(&self.offset)
    }

    /// The bank's current instant in UTC.
    pub(crate) fn now(&self) -> OffsetDateTime {
        ahead_of(OffsetDateTime::now_utc(), self.offset())
    }

    /// Moves the bank's time forward; it never goes back, so entry dates stay monotone. An
    /// advance that would put it more than `MAX_OFFSET` ahead is refused, and the clock stays.
    #[cfg(feature = "admin")]
    pub(crate) fn advance(&self, by: Duration) -> Result<(), TooFarAhead> {
        let mut offset = lock(&self.offset);
        let advanced = offset
            .checked_add(by)
            .filter(|advanced| *advanced <= MAX_OFFSET)
            .ok_or(TooFarAhead { ahead: *offset, by })?;
        *offset = advanced;
        Ok(())
    }

    /// Today's date in Bratislava.
    pub(crate) fn today(&self) -> Date {
        bratislava(self.now()).date()
    }
}

/// `instant + offset`, saturating at the end of time (which a bounded offset never reaches).
fn ahead_of(instant: OffsetDateTime, offset: Duration) -> OffsetDateTime {
    time::Duration::try_from(offset)
        .ok()
        .and_then(|offset| instant.checked_add(offset))
        .unwrap_or_else(|| PrimitiveDateTime::MAX.assume_utc())
}

/// The instant in Bratislava's local time (CET, CEST in summer), as the bank prints it.
pub(crate) fn bratislava(instant: OffsetDateTime) -> OffsetDateTime {
    instant.to_offset(bratislava_offset(instant))
}

/// EU summer time runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
/// Sunday of October; computed here so the crate needs no time-zone database.
fn bratislava_offset(instant: OffsetDateTime) -> UtcOffset {
    let utc = instant.to_offset(UtcOffset::UTC);
    let year = utc.year();
    let summer_starts = last_sunday(year, Month::March).midnight().assume_utc() + HOUR;
    let summer_ends = last_sunday(year, Month::October).midnight().assume_utc() + HOUR;
    let hours = if (summer_starts..summer_ends).contains(&utc) {
        2
    } else {
        1
    };
    UtcOffset::from_hms(hours, 0, 0).unwrap_or(UtcOffset::UTC)
}

const HOUR: Duration = Duration::from_hours(1);

/// The last Sunday of a month with 31 days (March and October are the only ones asked for).
fn last_sunday(year: i32, month: Month) -> Date {
    let last_day = Date::from_calendar_date(year, month, 31).unwrap_or(Date::MIN);
    let days_after_sunday = last_day.weekday().number_days_from_sunday();
    last_day - time::Duration::days(i64::from(days_after_sunday))
}

#[cfg(test)]
mod tests {
    use time::Weekday;
    use time::macros::datetime;

    use super::*;

    #[test]
    fn bratislava_is_one_hour_ahead_in_winter_and_two_in_summer() {
        let winter = bratislava(datetime!(2026-01-15 12:00 UTC));
        assert_eq!(winter.offset().whole_hours(), 1);
        let summer = bratislava(datetime!(2026-07-15 12:00 UTC));
        assert_eq!(summer.offset().whole_hours(), 2);
    }

    #[test]
    fn summer_time_switches_at_one_o_clock_utc_on_the_last_sundays() {
        assert_eq!(last_sunday(2026, Month::March).weekday(), Weekday::Sunday);
        assert_eq!(last_sunday(2026, Month::March).day(), 29);
        let before = bratislava(datetime!(2026-03-29 00:59 UTC));
        let after = bratislava(datetime!(2026-03-29 01:00 UTC));
        assert_eq!(
            (before.offset().whole_hours(), after.offset().whole_hours()),
            (1, 2)
        );
        let autumn = bratislava(datetime!(2026-10-25 01:00 UTC));
        assert_eq!(autumn.offset().whole_hours(), 1);
    }

    #[test]
    fn advancing_moves_now_forward() {
        let clock = Clock::default();
        let before = clock.now();
        clock.advance(Duration::from_hours(1)).unwrap();
        assert!(clock.now() - before >= time::Duration::hours(1));
        assert_eq!(clock.offset(), Duration::from_hours(1));
        let resumed = Clock::starting_at(clock.offset());
        assert!(resumed.now() - before >= time::Duration::hours(1));
    }

    #[test]
    fn the_clock_runs_ahead_up_to_the_maximum_and_no_further() {
        let clock = Clock::default();
        clock
            .advance(MAX_OFFSET.checked_sub(Duration::from_secs(1)).unwrap())
            .unwrap();
        clock.advance(Duration::from_secs(1)).unwrap();
        assert_eq!(clock.offset(), MAX_OFFSET);
        assert_eq!(
            clock.advance(Duration::from_nanos(1)),
            Err(TooFarAhead {
                ahead: MAX_OFFSET,
                by: Duration::from_nanos(1)
            })
        );
        assert_eq!(
            clock.offset(),
            MAX_OFFSET,
            "a refused advance leaves the clock"
        );
        let years_ahead = clock.now().year() - OffsetDateTime::now_utc().year();
        assert!((9..=10).contains(&years_ahead), "{years_ahead}");
        clock.today();
    }

    #[test]
    fn the_largest_advance_is_refused_without_overflowing() {
        let clock = Clock::default();
        let refused = clock.advance(Duration::MAX).unwrap_err();
        assert_eq!(refused.ahead, Duration::ZERO);
        assert_eq!(
            refused.to_string(),
            format!(
                "the bank's clock runs at most 3660 days ahead of real time: it is 0 seconds ahead, and {} seconds more would pass that",
                u64::MAX
            )
        );
        clock.advance(Duration::from_hours(1)).unwrap();
        assert_eq!(
            clock.advance(Duration::MAX),
            Err(TooFarAhead {
                ahead: Duration::from_hours(1),
                by: Duration::MAX
            }),
            "the sum would overflow a Duration"
        );
        assert_eq!(clock.offset(), Duration::from_hours(1));
    }

    #[test]
    fn a_huge_saved_offset_is_clamped_so_the_bank_still_starts() {
        for saved in [
            MAX_OFFSET + Duration::from_secs(1),
            Duration::from_secs(u64::MAX),
            Duration::MAX,
        ] {
            let clock = Clock::starting_at(saved);
            assert_eq!(clock.offset(), MAX_OFFSET);
            clock.now();
            clock.today();
        }
        assert_eq!(
            Clock::starting_at(Duration::from_hours(2)).offset(),
            Duration::from_hours(2)
        );
    }

    #[test]
    fn adding_an_offset_saturates_instead_of_panicking() {
        let end = PrimitiveDateTime::MAX.assume_utc();
        assert_eq!(ahead_of(end, Duration::from_secs(1)), end);
        assert_eq!(ahead_of(OffsetDateTime::UNIX_EPOCH, Duration::MAX), end);
        assert_eq!(
            ahead_of(OffsetDateTime::UNIX_EPOCH, Duration::from_hours(1)),
            OffsetDateTime::UNIX_EPOCH + time::Duration::hours(1)
        );
    }
}
