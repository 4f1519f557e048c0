//! The bank's clock: real time plus an offset that tests move forward, so expiry can be tested
//! without sleeping.

use std::sync::Mutex;
use std::time::Duration;

use time::{Date, Month, OffsetDateTime, UtcOffset};

use crate::sync::lock;

/// Wall-clock time as the bank sees it.
#[derive(Debug, Default)]
pub(crate) struct Clock {
    offset: Mutex<Duration>,
}

impl Clock {
    /// A clock already moved forward by `offset`: how a restarted bank resumes its time.
    pub(crate) fn starting_at(offset: Duration) -> Self {
        Self {
            offset: Mutex::new(offset),
        }
    }

    /// How far the bank's time is ahead of real time.
    pub(crate) fn offset(&self) -> Duration {
        *lock(&self.offset)
    }

    /// The bank's current instant in UTC.
    pub(crate) fn now(&self) -> OffsetDateTime {
        OffsetDateTime::now_utc() + *lock(&self.offset)
    }

    /// Moves the bank's time forward; it never goes back, so entry dates stay monotone.
    #[cfg(feature = "admin")]
    pub(crate) fn advance(&self, by: Duration) {
        *lock(&self.offset) += by;
    }

    /// Today's date in Bratislava.
    pub(crate) fn today(&self) -> Date {
        bratislava(self.now()).date()
    }
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
        clock.advance(Duration::from_hours(1));
        assert!(clock.now() - before >= time::Duration::hours(1));
        assert_eq!(clock.offset(), Duration::from_hours(1));
        let resumed = Clock::starting_at(clock.offset());
        assert!(resumed.now() - before >= time::Duration::hours(1));
    }
}
