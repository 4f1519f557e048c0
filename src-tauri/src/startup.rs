//! When the process started, so the UI's first paint can be reported against it.

use std::time::{Duration, Instant};

/// The instant `run()` began; managed as Tauri state.
#[derive(Debug, Clone, Copy)]
pub struct StartupClock(Instant);

impl StartupClock {
    pub fn now() -> Self {
        Self(Instant::now())
    }

    pub fn elapsed(self) -> Duration {
        self.0.elapsed()
    }
}
