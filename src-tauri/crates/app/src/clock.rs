//! The time as the app core sees it: the system's, or a test's that moves a day in seconds.

use time::OffsetDateTime;

/// Where the app core reads the time for what it plans by the clock (the automatic refreshes).
pub trait Clock: Send + Sync + std::fmt::Debug {
    fn now(&self) -> OffsetDateTime;
}

/// The system's clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> OffsetDateTime {
        OffsetDateTime::now_utc()
    }
}
