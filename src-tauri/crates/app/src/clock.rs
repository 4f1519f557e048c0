//! The time as the app core sees it: the system's, or a test's that moves a day in seconds.

use chrono::{Offset, TimeZone};
use time::{OffsetDateTime, UtcOffset};

/// Where the app core reads the time for what it plans by the clock (the automatic refreshes,
/// the notifications' quiet hours).
pub trait Clock: Send + Sync + std::fmt::Debug {
    fn now(&self) -> OffsetDateTime;

    /// The person's offset from UTC at `at`: the quiet hours are in their local time.
    fn local_offset(&self, at: OffsetDateTime) -> UtcOffset;

    /// Now, in the person's local time.
    fn local_now(&self) -> OffsetDateTime {
        let now = self.now();
        now.to_offset(self.local_offset(now))
    }
}

/// The system's clock and time zone.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> OffsetDateTime {
        OffsetDateTime::now_utc()
    }

    /// Read by chrono, which reads the time zone itself; UTC when it cannot say.
    fn local_offset(&self, at: OffsetDateTime) -> UtcOffset {
        chrono::DateTime::from_timestamp(at.unix_timestamp(), 0)
            .map(|utc| {
                chrono::Local
                    .offset_from_utc_datetime(&utc.naive_utc())
                    .fix()
            })
            .and_then(|offset| UtcOffset::from_whole_seconds(offset.local_minus_utc()).ok())
            .unwrap_or(UtcOffset::UTC)
    }
}
