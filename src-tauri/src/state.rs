//! What the app holds while it runs.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use bank::Account;
use connection::{Connector, Link};
use ledger::Ledger;
use store::Store;
use url::Url;

use crate::error::Error;

/// Managed as Tauri state.
#[derive(Debug)]
pub struct AppState {
    pub connector: Connector,
    pub ledger: Ledger,
    /// The connection in use.
    link: Mutex<Option<Arc<Link>>>,
    /// The consent page last opened, for "Open the page again".
    consent_page: Mutex<Option<Url>>,
    /// The accounts the bank listed for the consent, for checking a selection against.
    consented: Mutex<Vec<Account>>,
}

impl AppState {
    pub fn new(connector: Connector, store: Store, link: Option<Link>) -> Self {
        Self {
            connector,
            ledger: Ledger::new(store),
            link: Mutex::new(link.map(Arc::new)),
            consent_page: Mutex::default(),
            consented: Mutex::default(),
        }
    }

    pub fn store(&self) -> MutexGuard<'_, Store> {
        self.ledger.store()
    }

    pub fn link(&self) -> Option<Arc<Link>> {
        lock(&self.link).clone()
    }

    /// The connection in use, or `NotConnected` for commands that need one.
    pub fn connected(&self) -> Result<Arc<Link>, Error> {
        self.link().ok_or(Error::NotConnected)
    }

    pub fn set_link(&self, link: Option<Link>) {
        *lock(&self.link) = link.map(Arc::new);
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
