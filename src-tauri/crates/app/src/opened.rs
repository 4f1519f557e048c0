//! The app's data once open: the banks, the store behind the ledger, the connection to each
//! bank and the consents in progress.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use bank::Account;
use connection::{Connector, Link};
use ledger::Ledger;
use store::{SelectedAccount, Store};
use url::Url;

use crate::error::{Error, Result};

#[derive(Debug)]
pub(crate) struct Opened {
    pub(crate) connector: Connector,
    pub(crate) ledger: Ledger,
    /// The connections, one per bank, in the order the banks were connected.
    links: Mutex<Vec<Arc<Link>>>,
    /// Per bank, the consent page last opened, for "Open the page again".
    consent_pages: Mutex<HashMap<String, Url>>,
    /// Per bank, the accounts it listed for the consent, for checking a selection against.
    consented: Mutex<HashMap<String, Vec<Account>>>,
    /// Held while `banks.toml` and a bank's keychain entries change, and while a consent
    /// completes: one edit of the Banks screen at a time, so two cannot interleave their read
    /// and write of the file, and a consent cannot connect a bank an edit is removing.
    pub(crate) editing_banks: tokio::sync::Mutex<()>,
}

/// An account the main window shows, with its bank.
#[derive(Debug, Clone)]
pub(crate) struct ShownAccount {
    pub(crate) bank_id: String,
    pub(crate) account: SelectedAccount,
}

impl Opened {
    pub(crate) fn new(connector: Connector, store: Store, links: Vec<Link>) -> Self {
        let opened = Self {
            connector,
            ledger: Ledger::new(store),
            links: Mutex::new(links.into_iter().map(Arc::new).collect()),
            consent_pages: Mutex::default(),
            consented: Mutex::default(),
            editing_banks: tokio::sync::Mutex::default(),
        };
        // Entries stored before categories existed get theirs now, whether or not their bank
        // is read again; a failure leaves them for the next start and the next write.
        if let Err(error) = opened.ledger.categorise_uncategorised() {
            tracing::warn!(%error, "the stored transactions could not all be categorised");
        }
        opened
    }

    /// The connector, the rest let go (the store closes).
    pub(crate) fn into_connector(self) -> Connector {
        self.connector
    }

    pub(crate) fn store(&self) -> MutexGuard<'_, Store> {
        self.ledger.store()
    }

    /// Every connection, in the order the banks were connected.
    pub(crate) fn links(&self) -> Vec<Arc<Link>> {
        lock(&self.links).clone()
    }

    /// The connection to `bank_id`, or `NotConnected` for use cases that need one.
    pub(crate) fn link(&self, bank_id: &str) -> Result<Arc<Link>> {
        lock(&self.links)
            .iter()
            .find(|link| link.bank_id() == bank_id)
            .cloned()
            .ok_or(Error::NotConnected)
    }

    /// The connection of the bank whose account `iban` is.
    pub(crate) fn link_of_account(&self, iban: &str) -> Result<Arc<Link>> {
        let bank_id = self
            .store()
            .bank_of(iban)?
            .ok_or(ledger::Error::UnknownAccount)?;
        self.link(&bank_id)
    }

    /// The account `iban` if the main window shows it, else every account it shows (`None`):
    /// those chosen at every connected bank, in the order the banks were connected, each once.
    /// An account not shown is `UnknownAccount`.
    pub(crate) fn shown_accounts(&self, iban: Option<&str>) -> Result<Vec<ShownAccount>> {
        let mut shown: Vec<ShownAccount> = Vec::new();
        for link in self.links() {
            let bank_id = link.bank_id();
            for account in self.store().selected_accounts(bank_id)? {
                let wanted = iban.is_none_or(|iban| iban == account.iban);
                if wanted && !shown.iter().any(|held| held.account.iban == account.iban) {
                    shown.push(ShownAccount {
                        bank_id: bank_id.to_owned(),
                        account,
                    });
                }
            }
        }
        if iban.is_some() && shown.is_empty() {
            return Err(ledger::Error::UnknownAccount.into());
        }
        Ok(shown)
    }

    /// [`shown_accounts`](Self::shown_accounts), without those their bank's latest consent no
    /// longer covers: what can be fetched from the banks.
    pub(crate) fn consented_shown_accounts(&self, iban: Option<&str>) -> Result<Vec<ShownAccount>> {
        let shown = self.shown_accounts(iban)?;
        let store = self.store();
        let mut consented = Vec::with_capacity(shown.len());
        for account in shown {
            if !store.is_no_longer_consented(&account.account.iban)? {
                consented.push(account);
            }
        }
        Ok(consented)
    }

    /// Keeps a bank's new connection, in place of its earlier one (a reconnect keeps the
    /// bank's place), else after the others.
    pub(crate) fn set_link(&self, link: Link) {
        let mut links = lock(&self.links);
        let link = Arc::new(link);
        match links
            .iter_mut()
            .find(|held| held.bank_id() == link.bank_id())
        {
            Some(held) => *held = link,
            None => links.push(link),
        }
    }

    pub(crate) fn remove_link(&self, bank_id: &str) {
        lock(&self.links).retain(|link| link.bank_id() != bank_id);
    }

    pub(crate) fn consent_page(&self, bank_id: &str) -> Option<Url> {
        lock(&self.consent_pages).get(bank_id).cloned()
    }

    pub(crate) fn set_consent_page(&self, bank_id: &str, page: Option<Url>) {
        let mut pages = lock(&self.consent_pages);
        match page {
            Some(page) => pages.insert(bank_id.to_owned(), page),
            None => pages.remove(bank_id),
        };
    }

    pub(crate) fn consented(&self, bank_id: &str) -> Vec<Account> {
        lock(&self.consented)
            .get(bank_id)
            .cloned()
            .unwrap_or_default()
    }

    pub(crate) fn set_consented(&self, bank_id: &str, accounts: Vec<Account>) {
        lock(&self.consented).insert(bank_id.to_owned(), accounts);
    }
}

/// A panic while one of these was held leaves plain data behind: still usable.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
