//! The refreshes Bankbook makes on its own while it runs: a round a minute, in which the app
//! core reads each account whose turn it is; the window hears what changed as
//! `refreshed-on-its-own`.

use std::time::Duration;

use app::Core;
use tauri::{AppHandle, Manager};

use crate::ipc;

/// How often the app core is asked whose turn it is. The first round waits one too: the window
/// refreshes what is stale as it opens, with the person there.
const ROUND: Duration = Duration::from_mins(1);

pub fn start(app: &AppHandle) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let round = round();
        let mut rounds = tokio::time::interval_at(tokio::time::Instant::now() + round, round);
        rounds.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            rounds.tick().await;
            let core = app.state::<Core>();
            match core.refresh_on_its_own().await {
                Ok(outcome) if outcome.changed_anything() => {
                    ipc::refreshed_on_its_own(&app, &outcome);
                }
                Ok(_) => {}
                Err(error) => {
                    tracing::warn!(error = %error.for_log(), "the automatic refreshes could not run");
                }
            }
        }
    });
}

/// A round a minute; on the test bench, `BANKBOOK_AUTOMATIC_ROUND_SECONDS` apart.
fn round() -> Duration {
    #[cfg(feature = "test-bench")]
    if let Some(seconds) = std::env::var("BANKBOOK_AUTOMATIC_ROUND_SECONDS")
        .ok()
        .and_then(|text| text.parse().ok())
        .filter(|seconds| *seconds > 0)
    {
        return Duration::from_secs(seconds);
    }
    ROUND
}
