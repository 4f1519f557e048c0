//! A ledger over a store on disk, connected to a sandbox bank over loopback HTTP with a
//! consent given at the bank's own pages, as the app connects.

#![cfg(test)]

use bank::Presence;
use std::path::Path;

use bank::{Callback, Session};
use connection::Connector;
use ledger::{HistoryPage, Ledger};
use sandbox_bank::user::{ConsentUser, Decision};
use sandbox_bank::{Admin, Config, Endpoint};
use store::{SelectedAccount, Store, StoreKey};
use tempfile::TempDir;
use vault::{Keychain, Vault};

pub const BANK: &str = "demo";

pub struct Harness {
    pub folder: TempDir,
    pub connector: Connector,
    pub session: Session<Vault>,
    pub ledger: Ledger,
    /// The accounts shown, all consented: current, savings, credit line.
    pub ibans: Vec<String>,
}

impl Harness {
    /// A bank whose accounts have `transactions` entries each; all of them consented and shown.
    pub async fn start(transactions: u32) -> Self {
        let folder = tempfile::tempdir().unwrap();
        let keychain = Keychain::with_store(keyring_core::mock::Store::new().unwrap());
        // No banks.toml in the config folder: the Demo Bank only.
        let config = folder.path().join("config");
        let connector = Connector::new(&config, folder.path(), keychain)
            .with_demo_config(Config::default().transactions_per_account(transactions));
        let page = connector.start_consent(BANK).await.unwrap();
        let callback = ConsentUser::new("jana.novakova", "demo1234")
            .unwrap()
            .decide(&page, &Decision::ApproveFirst(3))
            .await
            .unwrap();
        let connected = connector
            .complete_consent(&Callback::try_from(&callback).unwrap())
            .await
            .unwrap();
        let accounts = connected.session.accounts().await.unwrap();
        let ledger = open_ledger(folder.path());
        let shown: Vec<SelectedAccount> = accounts
            .iter()
            .map(|account| SelectedAccount {
                iban: account.iban.to_string(),
                name: account.name.clone(),
                currency: account.currency.clone(),
                product: account.product.clone(),
            })
            .collect();
        ledger.store().select_accounts(BANK, &shown).unwrap();
        Self {
            ibans: shown.into_iter().map(|account| account.iban).collect(),
            folder,
            connector,
            session: connected.session,
            ledger,
        }
    }

    pub async fn admin(&self) -> Admin {
        self.connector.demo_bank().await.unwrap().admin()
    }

    /// Transactions requests the bank has answered.
    pub async fn transaction_requests(&self) -> u64 {
        self.admin()
            .await
            .counters()
            .requests(Endpoint::Transactions)
    }

    /// The page of 100 after `cursor` (`None`: the newest), fetching from the bank as needed.
    pub async fn page(&self, iban: &str, cursor: Option<&str>) -> HistoryPage {
        self.ledger
            .page(&self.session, BANK, iban, cursor, 100)
            .await
            .unwrap()
    }

    /// Pages through the whole history of `iban` in pages of `limit`; the references in order.
    pub async fn scroll_to_the_end(&self, iban: &str, limit: u32) -> Vec<String> {
        let mut references = Vec::new();
        let mut cursor: Option<String> = None;
        loop {
            let page = self
                .ledger
                .page(&self.session, BANK, iban, cursor.as_deref(), limit)
                .await
                .unwrap();
            references.extend(references_of(&page));
            if page.next_cursor.is_none() {
                assert!(page.complete);
                return references;
            }
            cursor = page.next_cursor;
        }
    }

    /// The references the bank lists for `iban`, newest first, read straight from its API.
    pub async fn bank_listing(&self, iban: &str) -> Vec<String> {
        let mut references = Vec::new();
        let mut number = 1;
        loop {
            let query =
                bank::TransactionsQuery::newest(bank::Iban::parse(iban).unwrap()).page(number);
            let page = self
                .session
                .transactions_page(&query, Presence::Attended)
                .await
                .unwrap();
            references.extend(page.items.into_iter().map(|entry| entry.entry_reference));
            match page.next_page {
                Some(next) => number = next,
                None => return references,
            }
        }
    }
}

/// The key of every store the tests open.
static KEY: std::sync::LazyLock<StoreKey> = std::sync::LazyLock::new(StoreKey::generate);

pub fn open_ledger(folder: &Path) -> Ledger {
    Ledger::new(Store::open(&folder.join("bankbook.sqlite3"), &KEY).unwrap())
}

pub fn references_of(page: &HistoryPage) -> Vec<String> {
    page.entries
        .iter()
        .map(|entry| entry.record.entry_reference.clone())
        .collect()
}
