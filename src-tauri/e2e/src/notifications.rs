//! The desktop's notifications as the app sends them: caught by the notification sink
//! (`src/bin/notification-sink.rs`), which owns the notification service's name on the test's
//! session bus, the one the app is started on.

use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use serde::Deserialize;

use crate::{Error, Result};

/// A `Notify` call the sink got.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Notified {
    pub app_name: String,
    pub summary: String,
    pub body: String,
    pub actions: Vec<String>,
}

/// The running sink; stopped when dropped.
#[derive(Debug)]
pub struct NotificationSink {
    child: Child,
    log: PathBuf,
}

impl NotificationSink {
    /// Starts the sink `binary`, writing to a file in `folder`, and waits until it owns the
    /// notification service's name.
    pub fn start(binary: &Path, folder: &Path) -> Result<Self> {
        let log = folder.join("notifications.jsonl");
        let child = Command::new(binary)
            .arg(&log)
            .spawn()
            .map_err(|error| Error::Setup(format!("the notification sink: {error}")))?;
        let sink = Self { child, log };
        let ready = sink.log.with_extension("jsonl.ready");
        let started = Instant::now();
        while !ready.exists() {
            if started.elapsed() > Duration::from_secs(10) {
                return Err(Error::Setup(
                    "the notification sink did not take the service's name".to_owned(),
                ));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(sink)
    }

    /// Every notification sent so far, in order.
    pub fn notified(&self) -> Result<Vec<Notified>> {
        let text = std::fs::read_to_string(&self.log)
            .map_err(|error| Error::Setup(format!("the notification sink's log: {error}")))?;
        text.lines()
            .map(|line| {
                serde_json::from_str(line)
                    .map_err(|error| Error::Setup(format!("a notification logged: {error}")))
            })
            .collect()
    }

    /// Waits up to `within` for a notification whose summary is `summary`.
    pub async fn wait_for(&self, summary: &str, within: Duration) -> Result<Notified> {
        let started = Instant::now();
        loop {
            if let Some(found) = self
                .notified()?
                .into_iter()
                .find(|notified| notified.summary == summary)
            {
                return Ok(found);
            }
            if started.elapsed() > within {
                return Err(Error::NotFound(format!("a notification {summary:?}")));
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
}

impl Drop for NotificationSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A POSIX `TZ` under which the local time now is around noon: notifications are not sent in
/// the quiet hours (22:00 to 07:00), whenever the test runs.
pub fn midday_time_zone() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| since.as_secs());
    let utc_hour = i64::try_from((seconds / 3600) % 24).unwrap_or(0);
    let mut offset = (12 - utc_hour).rem_euclid(24);
    if offset > 12 {
        offset -= 24;
    }
    // POSIX counts west of Greenwich as positive: UTC+5 is `XXX-5`.
    format!("BKT{}", -offset)
}
