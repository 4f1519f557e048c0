//! The app's data once open: the banks, the store behind the ledger, the connection in use and
//! the consent in progress.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use bank::Account;
use connection::{Connector, Link};
use ledger::Ledger;
use store::Store;
use url::Url;

use crate::error::{Error, Result};

#[derive(Debug)]
pub(crate) struct Opened {
    pub(crate) connector: Connector,
    pub(crate) ledger: Ledger,
    /// The connection in use.
    link: Mutex<Option<Arc<Link>>>,
    /// The consent page last opened, for "Open the page again".
    consent_page: Mutex<Option<Url>>,
    /// The accounts the bank listed for the consent, for checking a selection against.
    consented: Mutex<Vec<Account>>,
}

impl Opened {
    pub(crate) fn new(connector: Connector, store: Store, link: Option<Link>) -> Self {
        Self {
            connector,
            ledger: Ledger::new(store),
            link: Mutex::new(link.map(Arc::new)),
            consent_page: Mutex::default(),
            consented: Mutex::default(),
        }
    }

    pub(crate) fn store(&self) -> MutexGuard<'_, Store> {
        self.ledger.store()
    }

    pub(crate) fn link(&self) -> Option<Arc<Link>> {
        lock(&self.link).clone()
    }

    /// The connection in use, or `NotConnected` for use cases that need one.
    pub(crate) fn connected(&self) -> Result<Arc<Link>> {
        self.link().ok_or(Error::NotConnected)
    }

    pub(crate) fn set_link(&self, link: Option<Link>) {
        *lock(&self.link) = link.map(Arc::new);
    }

    pub(crate) fn consent_page(&self) -> Option<Url> {
        lock(&self.consent_page).clone()
    }

    pub(crate) fn set_consent_page(&self, page: Option<Url>) {
        *lock(&self.consent_page) = page;
    }

    pub(crate) fn consented(&self) -> Vec<Account> {
        lock(&self.consented).clone()
    }

    pub(crate) fn set_consented(&self, accounts: Vec<Account>) {
        *lock(&self.consented) = accounts;
    }
}

/// A panic while one of these was held leaves plain data behind: still usable.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
