//! Faults a test injects: what goes wrong, on which endpoint, for how long.

mod inject;

use std::time::Duration;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::endpoint::Endpoint;

pub(crate) use inject::apply;

/// What goes wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum FaultKind {
    /// The answer comes late (then as usual).
    Latency { millis: u64 },
    /// 500 with the endpoint's error body.
    ServerError,
    /// 503 with the endpoint's error body.
    ServiceUnavailable,
    /// 429 with `Retry-After`.
    RateLimited { retry_after_seconds: u64 },
    /// The real answer with its JSON broken (same status and length).
    MalformedJson,
    /// The real answer cut in half: `Content-Length` promises the whole, then the connection
    /// closes.
    TruncatedBody,
    /// 200 with an HTML page (as a proxy or captive portal answers) instead of JSON.
    WrongContentType,
    /// The nightly technical break: 503 with `Retry-After` until the window ends (an hour when
    /// the fault counts requests).
    TechnicalBreak,
}

/// How long a fault lasts: for the next N requests it hits, or for a time on the bank's clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Lasting {
    Requests(u32),
    Seconds(u64),
}

/// A fault to inject. JSON: `{"kind": "rate_limited", "retryAfterSeconds": 30,
/// "endpoint": "transactions", "lasts": {"requests": 2}}`; no `endpoint` means every public
/// endpoint (never the admin interface).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Fault {
    #[serde(flatten)]
    pub kind: FaultKind,
    #[serde(default)]
    pub endpoint: Option<Endpoint>,
    pub lasts: Lasting,
}

impl Fault {
    /// `kind` on every endpoint, for the next request.
    pub fn new(kind: FaultKind) -> Self {
        Self {
            kind,
            endpoint: None,
            lasts: Lasting::Requests(1),
        }
    }

    /// Only on `endpoint`.
    #[must_use]
    pub fn on(mut self, endpoint: Endpoint) -> Self {
        self.endpoint = Some(endpoint);
        self
    }

    /// For the next `requests` requests it hits.
    #[must_use]
    pub fn times(mut self, requests: u32) -> Self {
        self.lasts = Lasting::Requests(requests);
        self
    }

    /// For `duration` on the bank's clock from now (whole seconds).
    #[must_use]
    pub fn for_duration(mut self, duration: Duration) -> Self {
        self.lasts = Lasting::Seconds(duration.as_secs());
        self
    }
}

/// An injected fault still in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActiveFault {
    pub id: u64,
    #[serde(flatten)]
    pub kind: FaultKind,
    pub endpoint: Option<Endpoint>,
    /// Requests it will still hit, when it counts requests.
    pub remaining_requests: Option<u32>,
    /// When it ends, when it lasts a time.
    #[serde(with = "time::serde::rfc3339::option")]
    pub until: Option<OffsetDateTime>,
}

/// A fault that hit a request.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub kind: FaultKind,
    pub until: Option<OffsetDateTime>,
}

/// The faults in force, first injected first applied.
#[derive(Debug, Default)]
pub(crate) struct FaultBook {
    active: Vec<ActiveFault>,
    next_id: u64,
}

impl FaultBook {
    pub(crate) fn inject(&mut self, fault: Fault, now: OffsetDateTime) -> u64 {
        self.next_id += 1;
        let (remaining_requests, until) = match fault.lasts {
            Lasting::Requests(requests) => (Some(requests), None),
            Lasting::Seconds(seconds) => (None, Some(now + Duration::from_secs(seconds))),
        };
        self.active.push(ActiveFault {
            id: self.next_id,
            kind: fault.kind,
            endpoint: fault.endpoint,
            remaining_requests,
            until,
        });
        self.next_id
    }

    /// The fault that hits a request to `endpoint` now, if any, counting it off.
    pub(crate) fn take(&mut self, endpoint: Endpoint, now: OffsetDateTime) -> Option<Hit> {
        self.forget_spent(now);
        let fault = self
            .active
            .iter_mut()
            .find(|fault| fault.endpoint.is_none_or(|only| only == endpoint))?;
        if let Some(remaining) = &mut fault.remaining_requests {
            *remaining -= 1;
        }
        let hit = Hit {
            kind: fault.kind,
            until: fault.until,
        };
        self.forget_spent(now);
        Some(hit)
    }

    pub(crate) fn active(&mut self, now: OffsetDateTime) -> Vec<ActiveFault> {
        self.forget_spent(now);
        self.active.clone()
    }

    pub(crate) fn clear(&mut self) {
        self.active.clear();
    }

    fn forget_spent(&mut self, now: OffsetDateTime) {
        self.active.retain(|fault| {
            fault.remaining_requests != Some(0) && fault.until.is_none_or(|until| now < until)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_counted_fault_hits_its_endpoint_the_given_number_of_times() {
        let (mut book, now) = (FaultBook::default(), OffsetDateTime::now_utc());
        book.inject(
            Fault::new(FaultKind::ServerError)
                .on(Endpoint::Token)
                .times(2),
            now,
        );
        assert!(book.take(Endpoint::Accounts, now).is_none());
        assert!(book.take(Endpoint::Token, now).is_some());
        assert_eq!(book.active(now)[0].remaining_requests, Some(1));
        assert!(book.take(Endpoint::Token, now).is_some());
        assert!(book.take(Endpoint::Token, now).is_none());
        assert!(book.active(now).is_empty());
    }

    #[test]
    fn a_timed_fault_hits_everything_until_its_window_closes() {
        let (mut book, now) = (FaultBook::default(), OffsetDateTime::now_utc());
        book.inject(
            Fault::new(FaultKind::TechnicalBreak).for_duration(Duration::from_mins(1)),
            now,
        );
        assert!(book.take(Endpoint::Authorize, now).is_some());
        assert!(
            book.take(Endpoint::Transactions, now + Duration::from_secs(59))
                .is_some()
        );
        assert!(
            book.take(Endpoint::Transactions, now + Duration::from_mins(1))
                .is_none()
        );
    }

    #[test]
    fn the_json_form_reads_as_documented() {
        let json = r#"{"kind":"rate_limited","retryAfterSeconds":30,"endpoint":"transactions","lasts":{"requests":2}}"#;
        let fault: Fault = serde_json::from_str(json).unwrap();
        let expected = Fault::new(FaultKind::RateLimited {
            retry_after_seconds: 30,
        })
        .on(Endpoint::Transactions)
        .times(2);
        assert_eq!(fault, expected);
        let everywhere: Fault =
            serde_json::from_str(r#"{"kind":"technical_break","lasts":{"seconds":3600}}"#).unwrap();
        assert_eq!(
            (everywhere.endpoint, everywhere.lasts),
            (None, Lasting::Seconds(3600))
        );
    }
}
