//! The desktop's notification service, as the test's desktop session has it: a sink that owns
//! `org.freedesktop.Notifications` on the session bus the app is started on, keeps each
//! `Notify` call it gets, and answers a click as a notification daemon does, with the signal
//! `ActionInvoked` from the name's owner.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use zbus::OwnedVariant;

use crate::{Error, Result};

const SERVICE: &str = "org.freedesktop.Notifications";
const PATH: &str = "/org/freedesktop/Notifications";

/// A `Notify` call the sink got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notified {
    /// The id the sink answered with: what a click names.
    pub id: u32,
    pub app_name: String,
    pub summary: String,
    pub body: String,
    /// Pairs of an action's key and its label, as the specification has them.
    pub actions: Vec<String>,
}

/// The service as the bus sees it.
#[derive(Debug, Default)]
struct Service {
    notified: Arc<Mutex<Vec<Notified>>>,
}

// The methods as the specification has them and zbus calls them: owned arguments, and `self` on
// each.
#[allow(
    clippy::needless_pass_by_value,
    clippy::unused_self,
    clippy::too_many_arguments,
    reason = "the D-Bus interface's methods, as zbus calls them"
)]
#[zbus::interface(name = "org.freedesktop.Notifications")]
impl Service {
    fn notify(
        &self,
        app_name: String,
        replaces_id: u32,
        app_icon: String,
        summary: String,
        body: String,
        actions: Vec<String>,
        hints: HashMap<String, OwnedVariant>,
        expire_timeout: i32,
    ) -> u32 {
        let _ = (replaces_id, app_icon, hints, expire_timeout);
        let mut notified = self.notified.lock().unwrap_or_else(PoisonError::into_inner);
        let id = u32::try_from(notified.len()).map_or(u32::MAX, |count| count + 1);
        notified.push(Notified {
            id,
            app_name,
            summary,
            body,
            actions,
        });
        id
    }

    /// Nothing is on screen to close: the call is only answered.
    fn close_notification(&self, id: u32) {
        let _ = id;
    }

    fn get_capabilities(&self) -> Vec<String> {
        vec!["body".to_owned(), "actions".to_owned()]
    }

    fn get_server_information(&self) -> (String, String, String, String) {
        (
            "notification-sink".to_owned(),
            "Bankbook tests".to_owned(),
            "1".to_owned(),
            "1.2".to_owned(),
        )
    }
}

/// The running sink; it leaves the bus when dropped.
#[derive(Debug)]
pub struct NotificationSink {
    connection: zbus::Connection,
    notified: Arc<Mutex<Vec<Notified>>>,
}

impl NotificationSink {
    /// Owns the notification service's name on the session bus, from before the app starts.
    pub async fn start() -> Result<Self> {
        let service = Service::default();
        let notified = Arc::clone(&service.notified);
        let connection = zbus::connection::Builder::session()
            .name(SERVICE)
            .serve_at(PATH, service)
            .build()
            .await
            .map_err(bus_error)?;
        Ok(Self {
            connection,
            notified,
        })
    }

    /// Every notification sent so far, in order.
    pub fn notified(&self) -> Vec<Notified> {
        self.notified
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Waits up to `within` for a notification whose summary is `summary`.
    pub async fn wait_for(&self, summary: &str, within: Duration) -> Result<Notified> {
        let started = Instant::now();
        loop {
            let notified = self.notified();
            if let Some(found) = notified.iter().find(|shown| shown.summary == summary) {
                return Ok(found.clone());
            }
            if started.elapsed() > within {
                return Err(Error::NotFound(format!(
                    "a notification {summary:?} (there are {notified:?})"
                )));
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// A click on the notification's body, which a daemon reports as its action `default`.
    pub async fn click(&self, notified: &Notified) -> Result<()> {
        self.connection
            .emit_signal(
                None::<&str>,
                PATH,
                SERVICE,
                "ActionInvoked",
                &(notified.id, "default"),
            )
            .await
            .map_err(bus_error)
    }
}

#[allow(
    clippy::needless_pass_by_value,
    reason = "called as `map_err(bus_error)`"
)]
fn bus_error(error: zbus::Error) -> Error {
    Error::Setup(format!("the notification sink on the session bus: {error}"))
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
