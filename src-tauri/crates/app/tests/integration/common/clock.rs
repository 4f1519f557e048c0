//! A clock the test moves, the Demo Bank's own, moved over its admin interface, and the
//! desktop notifications the app shows.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use app::{Clock, Notification, Notifier};
use sandbox_bank::Counters;
use time::{OffsetDateTime, UtcOffset};
use url::Url;

use super::App;

/// A clock the test moves, in a time zone the test sets.
#[derive(Debug)]
pub struct TestClock {
    now: Mutex<OffsetDateTime>,
    offset: Mutex<UtcOffset>,
}

impl Clock for TestClock {
    fn now(&self) -> OffsetDateTime {
        *self.now.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn local_offset(&self, _at: OffsetDateTime) -> UtcOffset {
        *self.offset.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl TestClock {
    /// Now, to the second (as the reads are logged), in UTC.
    pub fn at_a_whole_second() -> Self {
        let now = OffsetDateTime::now_utc();
        Self {
            now: Mutex::new(now.replace_nanosecond(0).unwrap_or(now)),
            offset: Mutex::new(UtcOffset::UTC),
        }
    }

    pub fn advance(&self, by: Duration) {
        *self.now.lock().unwrap_or_else(PoisonError::into_inner) += by;
    }

    /// Sets the time zone so that the local time now is `hours:00`.
    pub fn local_hour(&self, hours: i64) {
        let utc = self.now().time();
        let local_minutes = hours * 60;
        let utc_minutes = i64::from(utc.hour()) * 60 + i64::from(utc.minute());
        // Within a day either way: the nearest offset that makes it so.
        let mut minutes = (local_minutes - utc_minutes).rem_euclid(24 * 60);
        if minutes > 12 * 60 {
            minutes -= 24 * 60;
        }
        let offset = UtcOffset::from_whole_seconds(i32::try_from(minutes * 60).unwrap()).unwrap();
        *self.offset.lock().unwrap_or_else(PoisonError::into_inner) = offset;
    }
}

/// The Demo Bank's admin interface, over loopback HTTP.
pub struct DemoBankAdmin {
    base: Url,
    http: reqwest::Client,
}

impl DemoBankAdmin {
    /// The Demo Bank `app` opened its consent page at.
    pub fn of(app: &App) -> Self {
        Self {
            base: app.demo_bank_url(),
            http: reqwest::Client::new(),
        }
    }

    /// The admin call `path` (`__admin/...`) answered, as JSON.
    async fn get<T: serde::de::DeserializeOwned>(&self, path: &str) -> T {
        let response = self.http.get(self.base.join(path).unwrap()).send().await;
        response.unwrap().json().await.unwrap()
    }

    /// Posts `body` to the admin call `path`, which must succeed; its JSON answer.
    async fn post(&self, path: &str, body: &serde_json::Value) -> serde_json::Value {
        let request = self.http.post(self.base.join(path).unwrap()).json(body);
        let response = request.send().await.unwrap();
        assert!(
            response.status().is_success(),
            "{path}: {}",
            response.status()
        );
        response.json().await.unwrap()
    }

    pub async fn advance_clock(&self, by: Duration) {
        let seconds = serde_json::json!({ "seconds": by.as_secs() });
        self.post("__admin/clock/advance", &seconds).await;
    }

    /// Injects a fault (the sandbox's JSON: `{"kind": "service_unavailable", "endpoint":
    /// "information", "lasts": {"requests": 10}}`).
    pub async fn inject_fault(&self, fault: serde_json::Value) {
        self.post("__admin/faults", &fault).await;
    }

    pub async fn counters(&self) -> Counters {
        self.get("__admin/counters").await
    }

    /// The bank's own list of the entries of `iban` dated `from` to `to` (`YYYY-MM-DD`), booked
    /// and pending, as its admin interface gives them.
    pub async fn entries(&self, iban: &str, from: &str, to: &str) -> Vec<serde_json::Value> {
        self.get(&format!(
            "__admin/accounts/{iban}/entries?from={from}&to={to}"
        ))
        .await
    }

    /// The bank's booked balance of `iban`, as decimal text.
    pub async fn booked(&self, iban: &str) -> String {
        let snapshot: serde_json::Value = self.get(&format!("__admin/accounts/{iban}")).await;
        snapshot["booked"].as_str().unwrap().to_owned()
    }

    /// Adds a booked entry of `amount` (signed decimal text) from `counterparty` to `iban`.
    pub async fn add_entry(&self, iban: &str, amount: &str, counterparty: &str) {
        self.add_entry_as(iban, amount, counterparty, "BOOK").await;
    }

    /// Adds an entry with `status` (`BOOK`, or `INFO`: pending); its entry reference.
    pub async fn add_entry_as(
        &self,
        iban: &str,
        amount: &str,
        counterparty: &str,
        status: &str,
    ) -> String {
        let entry = serde_json::json!({
            "iban": iban,
            "amount": amount,
            "status": status,
            "counterpartyName": counterparty,
        });
        let added = self.post("__admin/transactions", &entry).await;
        added["entryReference"].as_str().unwrap().to_owned()
    }

    /// Books the pending entry `reference` today.
    pub async fn book(&self, reference: &str) {
        let path = format!("__admin/transactions/{reference}/book");
        self.post(&path, &serde_json::Value::Null).await;
    }
}

/// The desktop notifications the app showed, in order.
#[derive(Debug, Clone, Default)]
pub struct Notifications(Arc<Mutex<Vec<Notification>>>);

impl Notifier for Notifications {
    fn show(&self, notification: &Notification) -> app::Result<()> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(notification.clone());
        Ok(())
    }
}

impl Notifications {
    /// Those shown since the last call.
    pub fn taken(&self) -> Vec<Notification> {
        std::mem::take(&mut *self.0.lock().unwrap_or_else(PoisonError::into_inner))
    }
}
