//! Consents the user has started in the browser and not yet finished: each waits for the
//! bank's callback with its state, once, for a few minutes.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use oauth2::PkceCodeVerifier;
use vault::Sensitive;

use crate::oauth::ConsentRequest;

/// How long a started consent waits for its callback. Banks expire codes within 10 minutes.
pub const CONSENT_WAIT: Duration = Duration::from_mins(10);

/// A started consent, handed back when its callback arrives.
#[derive(Debug)]
pub struct PendingConsent {
    pub bank_id: String,
    pub verifier: PkceCodeVerifier,
}

/// Why a callback matched no pending consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Unmatched {
    #[error("no consent was started with this state, or it was already used")]
    UnknownState,
    #[error("the consent was started too long ago")]
    Expired,
}

struct Entry {
    state: Sensitive<String>,
    started: Instant,
    consent: PendingConsent,
}

/// The consents waiting for their callbacks.
pub struct PendingConsents {
    entries: Mutex<Vec<Entry>>,
    wait: Duration,
}

impl Default for PendingConsents {
    fn default() -> Self {
        Self::with_wait(CONSENT_WAIT)
    }
}

impl std::fmt::Debug for PendingConsents {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("PendingConsents(..)")
    }
}

impl PendingConsents {
    /// Consents that wait `wait` for their callback.
    pub fn with_wait(wait: Duration) -> Self {
        Self {
            entries: Mutex::default(),
            wait,
        }
    }

    /// Remembers a consent just started for `bank_id`. Expired ones are dropped on the way.
    pub fn insert(&self, bank_id: &str, request: ConsentRequest) {
        let mut entries = self.lock();
        entries.retain(|entry| entry.started.elapsed() < self.wait);
        entries.push(Entry {
            state: request.state,
            started: Instant::now(),
            consent: PendingConsent {
                bank_id: bank_id.to_owned(),
                verifier: request.verifier,
            },
        });
    }

    /// Takes the consent whose state is `state`: it can be taken once.
    pub fn take(&self, state: &str) -> Result<PendingConsent, Unmatched> {
        let mut entries = self.lock();
        // Every entry is compared, in constant time, so timing says nothing about the states.
        let position = entries
            .iter()
            .enumerate()
            .map(|(index, entry)| {
                let matched = constant_time_eq(entry.state.expose().as_bytes(), state.as_bytes());
                (index, matched)
            })
            .fold(None, |found, (index, matched)| {
                found.or(matched.then_some(index))
            });
        let Some(index) = position else {
            return Err(Unmatched::UnknownState);
        };
        let entry = entries.swap_remove(index);
        if entry.started.elapsed() >= self.wait {
            return Err(Unmatched::Expired);
        }
        Ok(entry.consent)
    }

    /// Forgets every waiting consent (the user cancelled).
    pub fn clear(&self) {
        self.lock().clear();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Entry>> {
        // A panic while holding the lock leaves a plain Vec behind: still usable.
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

fn constant_time_eq(left: &[u8], right: &[u8]) -> bool {
    if left.len() != right.len() {
        return false;
    }
    left.iter()
        .zip(right)
        .fold(0u8, |difference, (a, b)| difference | (a ^ b))
        == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oauth::{OAuth, OAuthConfig};

    fn request() -> ConsentRequest {
        let config = OAuthConfig {
            base_url: "http://127.0.0.1:9".parse().unwrap(),
            client_id: "client".to_owned(),
            client_secret: Sensitive("secret".to_owned()),
            redirect_uri: "app.bankbook:/oauth/callback".to_owned(),
        };
        OAuth::new(&config, reqwest::Client::new())
            .unwrap()
            .consent_request()
    }

    #[test]
    fn a_state_matches_once() {
        let pending = PendingConsents::default();
        let request = request();
        let state = request.state.expose().clone();
        pending.insert("demo", request);
        pending.insert("demo", self::request());
        assert_eq!(pending.take(&state).unwrap().bank_id, "demo");
        assert_eq!(pending.take(&state).unwrap_err(), Unmatched::UnknownState);
    }

    #[test]
    fn unknown_and_cleared_states_do_not_match() {
        let pending = PendingConsents::default();
        let request = request();
        let state = request.state.expose().clone();
        pending.insert("demo", request);
        assert_eq!(pending.take("forged").unwrap_err(), Unmatched::UnknownState);
        assert_eq!(pending.take("").unwrap_err(), Unmatched::UnknownState);
        pending.clear();
        assert_eq!(pending.take(&state).unwrap_err(), Unmatched::UnknownState);
    }

    #[test]
    fn an_old_consent_has_expired() {
        let pending = PendingConsents::with_wait(Duration::ZERO);
        let request = request();
        let state = request.state.expose().clone();
        pending.insert("demo", request);
        assert_eq!(pending.take(&state).unwrap_err(), Unmatched::Expired);
    }

    #[test]
    fn compares_whole_values() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }
}
