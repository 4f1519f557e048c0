//! Consents the user has started in the browser and not yet finished: each waits for the
//! bank's callback with its state, once, for a few minutes. One at a time per bank: starting
//! again replaces the earlier one, whose answer is then refused.

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

    /// Remembers a consent just started for `bank_id`, in place of an earlier one of that
    /// bank. Expired ones are dropped on the way.
    pub fn insert(&self, bank_id: &str, request: ConsentRequest) {
        let mut entries = self.lock();
        entries.retain(|entry| {
            entry.started.elapsed() < self.wait && entry.consent.bank_id != bank_id
        });
        entries.push(Entry {
            state: request.state,
            started: Instant::now(),
            consent: PendingConsent {
                bank_id: bank_id.to_owned(),
                verifier: request.verifier,
            },
        });
    }

    /// Takes the consent started at `bank_id` whose state is `state`: it can be taken once. A
    /// consent of another bank never matches, whatever its state (RFC 9700 section 4.4).
    pub fn take(&self, bank_id: &str, state: &str) -> Result<PendingConsent, Unmatched> {
        let mut entries = self.lock();
        // Every entry is compared, in constant time, so timing says nothing about the states.
        let position = entries
            .iter()
            .enumerate()
            .map(|(index, entry)| {
                let matched = constant_time_eq(entry.state.expose().as_bytes(), state.as_bytes())
                    && entry.consent.bank_id == bank_id;
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

    /// Forgets the consent waiting at `bank_id` (the user closed its dialog).
    pub fn cancel(&self, bank_id: &str) {
        self.lock().retain(|entry| entry.consent.bank_id != bank_id);
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
            redirect_uri: "app.bankbook:/oauth/callback/demo".to_owned(),
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
        pending.insert("tatra", self::request());
        assert_eq!(pending.take("demo", &state).unwrap().bank_id, "demo");
        assert_eq!(
            pending.take("demo", &state).unwrap_err(),
            Unmatched::UnknownState
        );
    }

    #[test]
    fn a_state_matches_only_on_its_banks_path() {
        let pending = PendingConsents::default();
        let request = request();
        let state = request.state.expose().clone();
        pending.insert("demo", request);
        pending.insert("tatra", self::request());
        // Bank A's state on bank B's path: no match, and A's consent still waits.
        assert_eq!(
            pending.take("tatra", &state).unwrap_err(),
            Unmatched::UnknownState
        );
        assert_eq!(pending.take("demo", &state).unwrap().bank_id, "demo");
    }

    #[test]
    fn starting_again_replaces_the_banks_earlier_consent_only() {
        let pending = PendingConsents::default();
        let (first, second, other) = (request(), request(), request());
        let (first_state, second_state, other_state) = (
            first.state.expose().clone(),
            second.state.expose().clone(),
            other.state.expose().clone(),
        );
        pending.insert("demo", first);
        pending.insert("tatra", other);
        pending.insert("demo", second);
        assert_eq!(
            pending.take("demo", &first_state).unwrap_err(),
            Unmatched::UnknownState
        );
        assert!(pending.take("demo", &second_state).is_ok());
        assert!(pending.take("tatra", &other_state).is_ok());
    }

    #[test]
    fn unknown_and_cleared_states_do_not_match() {
        let pending = PendingConsents::default();
        let request = request();
        let state = request.state.expose().clone();
        pending.insert("demo", request);
        pending.insert("tatra", self::request());
        assert_eq!(
            pending.take("demo", "forged").unwrap_err(),
            Unmatched::UnknownState
        );
        assert_eq!(
            pending.take("demo", "").unwrap_err(),
            Unmatched::UnknownState
        );
        pending.cancel("tatra");
        pending.cancel("demo");
        assert_eq!(
            pending.take("demo", &state).unwrap_err(),
            Unmatched::UnknownState
        );
    }

    #[test]
    fn an_old_consent_has_expired() {
        let pending = PendingConsents::with_wait(Duration::ZERO);
        let request = request();
        let state = request.state.expose().clone();
        pending.insert("demo", request);
        assert_eq!(
            pending.take("demo", &state).unwrap_err(),
            Unmatched::Expired
        );
    }

    #[test]
    fn compares_whole_values() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }
}
