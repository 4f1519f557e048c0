//! The app core's clock: the system's. On the test bench, `BANKBOOK_CLOCK_AHEAD_FILE` names a
//! file holding how many seconds the app's clock runs ahead of the system's, read at each look:
//! an end-to-end test moves the app's time on while it runs, as the Demo Bank's admin interface
//! moves the bank's, to let six hours pass before the next automatic refresh. Not in the
//! installer.

use std::sync::Arc;

use app::{Clock, SystemClock};

pub fn system() -> Arc<dyn Clock> {
    #[cfg(feature = "test-bench")]
    if let Some(file) = std::env::var_os("BANKBOOK_CLOCK_AHEAD_FILE") {
        return Arc::new(test_bench::AheadClock(file.into()));
    }
    Arc::new(SystemClock)
}

#[cfg(feature = "test-bench")]
mod test_bench {
    use std::path::PathBuf;

    use app::{Clock, SystemClock};
    use time::{Duration, OffsetDateTime, UtcOffset};

    /// The system's clock, ahead by the whole seconds in a file (none while the file is
    /// missing or says no number).
    #[derive(Debug)]
    pub struct AheadClock(pub PathBuf);

    impl AheadClock {
        fn ahead(&self) -> Duration {
            std::fs::read_to_string(&self.0)
                .ok()
                .and_then(|text| text.trim().parse().ok())
                .map_or(Duration::ZERO, Duration::seconds)
        }
    }

    impl Clock for AheadClock {
        fn now(&self) -> OffsetDateTime {
            SystemClock.now() + self.ahead()
        }

        fn local_offset(&self, at: OffsetDateTime) -> UtcOffset {
            SystemClock.local_offset(at)
        }
    }
}
