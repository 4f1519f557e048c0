//! What the app holds while it runs.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use bank::{Account, Session};
use connection::Connector;
use store::Store;
use url::Url;
use vault::Vault;

/// The connection in use.
#[derive(Debug, Clone)]
pub struct Active {
    pub bank_id: String,
    pub session: Arc<Session<Vault>>,
}

/// Managed as Tauri state.
#[derive(Debug)]
pub struct AppState {
    pub connector: Connector,
    store: Mutex<Store>,
    active: Mutex<Option<Active>>,
    /// The consent page last opened, for "Open the page again".
    consent_page: Mutex<Option<Url>>,
    /// The accounts the bank listed for the consent, for checking a selection against.
    consented: Mutex<Vec<Account>>,
}

impl AppState {
    pub fn new(connector: Connector, store: Store, active: Option<Active>) -> Self {
        Self {
            connector,
            store: Mutex::new(store),
            active: Mutex::new(active),
            consent_page: Mutex::default(),
            consented: Mutex::default(),
        }
    }

    pub fn store(&self) -> MutexGuard<'_, Store> {
        lock(&self.store)
    }

    pub fn active(&self) -> Option<Active> {
        lock(&self.active).clone()
    }

    pub fn set_active(&self, active: Option<Active>) {
        *lock(&self.active) = active;
    }

    pub fn consent_page(&self) -> Option<Url> {
        lock(&self.consent_page).clone()
    }

    pub fn set_consent_page(&self, page: Option<Url>) {
        *lock(&self.consent_page) = page;
    }

    pub fn consented(&self) -> Vec<Account> {
        lock(&self.consented).clone()
    }

    pub fn set_consented(&self, accounts: Vec<Account>) {
        *lock(&self.consented) = accounts;
    }
}

/// A panic while one of these was held leaves plain data behind: still usable.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
