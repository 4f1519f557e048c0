//! A credential store for tests: keyring-core's mock, plus a gate that can hold calls, a
//! one-shot panic, and counters that show whether calls ever overlapped.

use std::any::Any;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use keyring::Result;
use keyring_core::api::{CredentialApi, CredentialStoreApi};
use keyring_core::{Credential, CredentialStore, Entry};

pub(crate) struct GatedStore {
    inner: Arc<CredentialStore>,
    state: Arc<State>,
}

#[derive(Default)]
struct State {
    held: Mutex<bool>,
    released: Condvar,
    panic_next: AtomicBool,
    in_flight: AtomicUsize,
    most_at_once: AtomicUsize,
    calls: AtomicUsize,
}

struct GatedCred {
    inner: Entry,
    state: Arc<State>,
}

impl GatedStore {
    pub(crate) fn new() -> Arc<Self> {
        Arc::new(Self {
            inner: keyring_core::mock::Store::new().unwrap(),
            state: Arc::default(),
        })
    }

    /// Calls wait until [`GatedStore::release`].
    pub(crate) fn hold(&self) {
        *self.state.held.lock().unwrap() = true;
    }

    pub(crate) fn release(&self) {
        *self.state.held.lock().unwrap() = false;
        self.state.released.notify_all();
    }

    pub(crate) fn panic_once(&self) {
        self.state.panic_next.store(true, Ordering::SeqCst);
    }

    pub(crate) fn calls(&self) -> usize {
        self.state.calls.load(Ordering::SeqCst)
    }

    pub(crate) fn most_at_once(&self) -> usize {
        self.state.most_at_once.load(Ordering::SeqCst)
    }
}

impl State {
    fn call<T>(&self, operation: impl FnOnce() -> T) -> T {
        let held = self.held.lock().unwrap();
        drop(self.released.wait_while(held, |held| *held).unwrap());
        assert!(
            !self.panic_next.swap(false, Ordering::SeqCst),
            "the store panicked"
        );
        let now = self.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
        self.most_at_once.fetch_max(now, Ordering::SeqCst);
        self.calls.fetch_add(1, Ordering::SeqCst);
        // Widens the window in which an overlapping call would be counted.
        std::thread::sleep(Duration::from_millis(1));
        let result = operation();
        self.in_flight.fetch_sub(1, Ordering::SeqCst);
        result
    }
}

impl CredentialStoreApi for GatedStore {
    fn vendor(&self) -> String {
        "vault test store".to_owned()
    }

    fn id(&self) -> String {
        self.inner.id()
    }

    fn build(
        &self,
        service: &str,
        user: &str,
        modifiers: Option<&HashMap<&str, &str>>,
    ) -> Result<Entry> {
        let inner = self.inner.build(service, user, modifiers)?;
        let state = Arc::clone(&self.state);
        Ok(Entry::new_with_credential(Arc::new(GatedCred {
            inner,
            state,
        })))
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl CredentialApi for GatedCred {
    fn set_secret(&self, secret: &[u8]) -> Result<()> {
        self.state.call(|| self.inner.set_secret(secret))
    }

    fn get_secret(&self) -> Result<Vec<u8>> {
        self.state.call(|| self.inner.get_secret())
    }

    fn delete_credential(&self) -> Result<()> {
        self.state.call(|| self.inner.delete_credential())
    }

    fn get_credential(&self) -> Result<Option<Arc<Credential>>> {
        self.state
            .call(|| self.inner.get_credential().map(|_| None))
    }

    fn get_specifiers(&self) -> Option<(String, String)> {
        self.inner.get_specifiers()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}
