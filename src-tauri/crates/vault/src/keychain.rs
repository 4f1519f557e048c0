//! The process's one door to the keychain.
//!
//! Every call runs on tokio's blocking pool, because the stores' calls block (D-Bus round
//! trips, an unlock prompt), and one at a time, because Secret Service and Windows' credential
//! manager do not reliably order concurrent calls on the same items. Waiting callers queue on
//! an async mutex, so they hold no thread while they wait.

use std::sync::Arc;
use std::time::Duration;

use keyring_core::CredentialStore;
use tokio::sync::Mutex;

use crate::error::{Error, NoAnswer, Result, Unavailability};
use crate::namespace::{Names, Namespace};
use crate::platform;
use crate::sensitive::Sensitive;
use crate::vault::{self, Vault};

/// Long enough for a person to answer the keychain's unlock prompt; short enough that a
/// keychain that never answers becomes an error on screen instead of a spinner for ever.
const CALL_TIMEOUT: Duration = Duration::from_mins(1);

/// A handle on the keychain; clones share it, and with it the one-call-at-a-time queue.
/// Create one per process and hand out a [`Vault`] per bank profile.
#[derive(Debug, Clone)]
pub struct Keychain {
    slot: Arc<Mutex<Slot>>,
    timeout: Duration,
}

#[derive(Debug)]
enum Slot {
    /// The system's store, opened by the first call (`None` until then), and again by the next
    /// one after the open failed or a call failed in the platform (a keyring daemon that was
    /// restarted forgets the session the store holds), so a user who starts, restarts or
    /// unlocks their keyring need not restart the app.
    System(Option<Arc<CredentialStore>>),
    /// A store the caller gave (tests), kept whatever happens.
    Given(Arc<CredentialStore>),
}

impl Keychain {
    /// The operating system's keychain (see `platform.rs`). Nothing is contacted until the
    /// first call.
    pub fn system() -> Self {
        Self::new(Slot::System(None), CALL_TIMEOUT)
    }

    /// A keychain backed by `store`: tests pass `keyring_core::mock::Store::new()?`.
    pub fn with_store(store: Arc<CredentialStore>) -> Self {
        Self::new(Slot::Given(store), CALL_TIMEOUT)
    }

    fn new(slot: Slot, timeout: Duration) -> Self {
        Self {
            slot: Arc::new(Mutex::new(slot)),
            timeout,
        }
    }

    /// The secrets of one bank profile in this build.
    pub fn vault(&self, profile_id: &str) -> Result<Vault> {
        Ok(Vault::new(self.clone(), Namespace::new(profile_id)?))
    }

    /// The local store's encryption key, as text, or `None` when none is stored.
    pub async fn store_key(&self) -> Result<Option<Sensitive<String>>> {
        vault::read(self, Names::store_key()).await
    }

    /// Stores the local store's encryption key, replacing any earlier one.
    pub async fn set_store_key(&self, key: &Sensitive<String>) -> Result<()> {
        vault::write(self, Names::store_key(), key).await
    }

    /// Runs `operation` on the blocking pool once the calls before it have finished. A call
    /// that times out still runs to its end, so the entries it writes stay consistent.
    pub(crate) async fn run<T, F>(&self, operation: F) -> Result<T>
    where
        F: Fn(&CredentialStore) -> Result<T> + Send + 'static,
        T: Send + 'static,
    {
        let slot = Arc::clone(&self.slot);
        let call = async move {
            let mut slot = slot.lock_owned().await;
            tokio::task::spawn_blocking(move || {
                let held_before = slot.holds_system_store();
                let result = operation(slot.store()?.as_ref());
                if !is_platform_failure(&result) {
                    return result;
                }
                slot.forget_system_store();
                // A store opened by an earlier call may hold a session the keyring no longer
                // knows (it was restarted): once more, with a new one.
                if held_before {
                    return operation(slot.store()?.as_ref());
                }
                result
            })
            .await
        };
        match tokio::time::timeout(self.timeout, call).await {
            Ok(Ok(result)) => result,
            Ok(Err(panicked)) => Err(Error::unavailable(Unavailability::Crashed, panicked)),
            Err(_) => Err(Error::unavailable(
                Unavailability::NoAnswer,
                NoAnswer(self.timeout),
            )),
        }
    }
}

/// A failure the keychain's platform reported (a D-Bus error, a session gone), rather than a
/// locked keychain or a missing entry.
fn is_platform_failure<T>(result: &Result<T>) -> bool {
    matches!(
        result,
        Err(Error::KeychainUnavailable {
            reason: Unavailability::Failed,
            ..
        })
    )
}

impl Slot {
    fn store(&mut self) -> Result<Arc<CredentialStore>> {
        match self {
            Self::Given(store) | Self::System(Some(store)) => Ok(Arc::clone(store)),
            Self::System(None) => {
                // Opening connects: on Linux, to the Secret Service on the session bus.
                let store = platform::open()
                    .map_err(|error| Error::unavailable(Unavailability::NoService, error))?;
                *self = Self::System(Some(Arc::clone(&store)));
                Ok(store)
            }
        }
    }

    fn holds_system_store(&self) -> bool {
        matches!(self, Self::System(Some(_)))
    }

    /// The next call opens the system's store again.
    fn forget_system_store(&mut self) {
        if let Self::System(store) = self {
            *store = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_store::GatedStore;
    use crate::{SecretKind, Sensitive};

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn concurrent_callers_reach_the_store_one_at_a_time() {
        let store = GatedStore::new();
        let vault = Keychain::with_store(store.clone()).vault("demo").unwrap();
        let calls = (0..20).map(|n| {
            let vault = vault.clone();
            tokio::spawn(async move {
                let value = Sensitive(format!("token-{n}"));
                vault.set(SecretKind::AccessToken, &value).await?;
                vault.get(SecretKind::AccessToken).await
            })
        });
        for call in calls.collect::<Vec<_>>() {
            assert!(call.await.unwrap().unwrap().is_some());
        }
        assert!(store.calls() >= 40);
        assert_eq!(store.most_at_once(), 1);
    }

    #[tokio::test]
    async fn a_keychain_that_does_not_answer_is_unavailable_and_recovers() {
        let store = GatedStore::new();
        let keychain = Keychain::new(Slot::Given(store.clone()), Duration::from_millis(100));
        let vault = keychain.vault("demo").unwrap();
        store.hold();
        let error = vault.get(SecretKind::RefreshToken).await.unwrap_err();
        assert!(
            matches!(error, Error::KeychainUnavailable { .. }),
            "{error:?}"
        );
        assert!(error.to_string().contains("did not answer"), "{error}");
        store.release();
        assert_eq!(vault.get(SecretKind::RefreshToken).await.unwrap(), None);
    }

    #[tokio::test]
    async fn a_panicking_store_is_an_error_and_the_queue_goes_on() {
        let store = GatedStore::new();
        let vault = Keychain::with_store(store.clone()).vault("demo").unwrap();
        store.panic_once();
        let error = vault.get(SecretKind::RefreshToken).await.unwrap_err();
        assert!(
            matches!(error, Error::KeychainUnavailable { .. }),
            "{error:?}"
        );
        assert_eq!(vault.get(SecretKind::RefreshToken).await.unwrap(), None);
    }
}
