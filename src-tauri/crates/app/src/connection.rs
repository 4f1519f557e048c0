//! Connecting a bank: the consent in the browser, the consented accounts, the choice of
//! accounts, the connection's status, disconnecting.

use serde::Serialize;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use ts_rs::TS;

use crate::automatic_refresh::{self, AutomaticRefresh};
use crate::banks::BankChoice;
use crate::core::Core;
use crate::error::{Error, Result};
use crate::opened::Opened;

/// An account as the dialog and the main window list it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AccountChoice {
    pub iban: String,
    pub name: Option<String>,
    pub currency: String,
    pub product: Option<String>,
}

/// Every bank Bankbook is connected to.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ConnectionStatus {
    /// In the order the banks were connected; empty: none.
    pub connections: Vec<BankConnection>,
}

/// One bank's connection: until when, what it shows, and whether its sign-in is safe.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BankConnection {
    pub bank: BankChoice,
    /// RFC 3339: as the bank last said, else 90 days from the consent.
    pub consent_expires_at: Option<String>,
    /// The refreshes Bankbook makes on its own, within the bank's four a day.
    pub automatic_refresh: AutomaticRefresh,
    pub selected_accounts: Vec<AccountChoice>,
    /// The keychain refused the bank's renewed sign-in: Bankbook holds it in memory only, and
    /// the bank must be connected again after Bankbook closes unless the keychain takes it.
    pub tokens_unsaved: bool,
}

impl Core {
    /// The connections as they stand. The window asks this first: when the app's data could
    /// not be opened at start-up, it is tried again here, so "Try again" works once the disk
    /// is fixed.
    pub async fn connection_status(&self) -> Result<ConnectionStatus> {
        status(&*self.data().await?, self.clock.now()).await
    }

    /// Opens `bank_id`'s consent page in the browser; the answer comes by deep link. An earlier
    /// consent of that bank still waiting is given up.
    pub async fn start_consent(&self, bank_id: String) -> Result<()> {
        let data = &*self.data().await?;
        let page = data.connector.start_consent(&bank_id).await?;
        tracing::info!(bank_id, "consent started; opening the bank's page");
        self.browser.open(&page)?;
        data.set_consent_page(&bank_id, Some(page));
        Ok(())
    }

    /// Opens `bank_id`'s consent page again (the user closed the tab).
    pub async fn reopen_consent_page(&self, bank_id: String) -> Result<()> {
        let page = self
            .opened()
            .and_then(|data| data.consent_page(&bank_id))
            .ok_or_else(|| Error::InvalidInput("no connection is in progress".to_owned()))?;
        self.browser.open(&page)
    }

    /// Gives up the consent in progress at `bank_id`: its answer will be refused. Data that is
    /// not open has none to give up.
    pub async fn cancel_consent(&self, bank_id: String) -> Result<()> {
        if let Some(data) = self.opened() {
            data.connector.cancel_consent(&bank_id);
            data.set_consent_page(&bank_id, None);
        }
        Ok(())
    }

    /// The accounts the user consented to share at `bank_id`, as the bank lists them now.
    pub async fn consented_accounts(&self, bank_id: String) -> Result<Vec<AccountChoice>> {
        let data = &*self.data().await?;
        let link = data.link(&bank_id)?;
        let accounts = link.session(&data.connector).await?.accounts().await?;
        let choices = accounts.iter().map(AccountChoice::from).collect();
        data.set_consented(&bank_id, accounts);
        Ok(choices)
    }

    /// Shows these accounts of `bank_id` (IBANs from its consented list, in this order), and
    /// keeps showing, no longer updated, those shown before that the consent no longer covers.
    pub async fn select_accounts(
        &self,
        bank_id: String,
        ibans: Vec<String>,
    ) -> Result<ConnectionStatus> {
        let data = &*self.data().await?;
        data.link(&bank_id)?;
        if ibans.is_empty() {
            return Err(Error::InvalidInput(
                "choose at least one account".to_owned(),
            ));
        }
        let consented = data.consented(&bank_id);
        let chosen = ibans
            .iter()
            .map(|iban| {
                consented
                    .iter()
                    .find(|account| account.iban.as_str() == iban)
                    .map(store_account)
                    .ok_or_else(|| {
                        Error::InvalidInput("an account that was not consented".to_owned())
                    })
            })
            .collect::<Result<Vec<_>>>()?;
        // Accounts shown before that the renewed consent no longer covers stay, after the
        // chosen ones, with their history: marked as no longer updated.
        let dropped: Vec<store::SelectedAccount> = data
            .store()
            .selected_accounts(&bank_id)?
            .into_iter()
            .filter(|shown| {
                !consented
                    .iter()
                    .any(|account| account.iban.as_str() == shown.iban)
            })
            .collect();
        let dropped_ibans: Vec<String> =
            dropped.iter().map(|account| account.iban.clone()).collect();
        {
            let mut store = data.store();
            store.select_accounts(&bank_id, &[chosen, dropped].concat())?;
            store.set_no_longer_consented(&bank_id, &dropped_ibans)?;
        }
        status(data, self.clock.now()).await
    }

    /// Disconnects `bank_id`: its tokens leave the keychain; the accounts shown stay if
    /// `keep_data`. Other banks are not touched.
    pub async fn disconnect(&self, bank_id: String, keep_data: bool) -> Result<()> {
        let data = &*self.data().await?;
        forget_connection(data, &bank_id, keep_data).await
    }
}

/// Ends `bank_id`'s connection: its tokens leave the keychain, its consent in progress is
/// given up, and its data stays if `keep_data`.
pub(crate) async fn forget_connection(data: &Opened, bank_id: &str, keep_data: bool) -> Result<()> {
    data.connector.cancel_consent(bank_id);
    data.set_consent_page(bank_id, None);
    match data.link(bank_id) {
        Ok(link) => link.forget(&data.connector).await?,
        Err(_) => data.connector.forget_tokens(bank_id).await?,
    }
    data.remove_link(bank_id);
    data.store().forget_connection(bank_id, keep_data)?;
    Ok(())
}

pub(crate) async fn status(data: &Opened, now: OffsetDateTime) -> Result<ConnectionStatus> {
    // A broken banks.toml leaves the Demo Bank; the others keep their ids as names.
    let profiles = data
        .connector
        .profiles()
        .unwrap_or_else(|_| vec![bank::BankProfile::demo()]);
    let mut connections = Vec::new();
    for link in data.links() {
        let selected = data.store().selected_accounts(link.bank_id())?;
        let consent_expires_at = link.consent_expires_at();
        connections.push(BankConnection {
            bank: BankChoice::of(&profiles, link.bank_id()),
            consent_expires_at: consent_expires_at.format(&Rfc3339).ok(),
            automatic_refresh: automatic_refresh::plan(
                data,
                link.bank_id(),
                consent_expires_at,
                now,
            )?,
            selected_accounts: selected.into_iter().map(AccountChoice::from).collect(),
            tokens_unsaved: link.tokens_unsaved(),
        });
    }
    Ok(ConnectionStatus { connections })
}

fn store_account(account: &bank::Account) -> store::SelectedAccount {
    store::SelectedAccount {
        iban: account.iban.to_string(),
        name: account.name.clone(),
        currency: account.currency.clone(),
        product: account.product.clone(),
    }
}

impl From<&bank::Account> for AccountChoice {
    fn from(account: &bank::Account) -> Self {
        Self {
            iban: account.iban.to_string(),
            name: account.name.clone(),
            currency: account.currency.clone(),
            product: account.product.clone(),
        }
    }
}

impl From<store::SelectedAccount> for AccountChoice {
    fn from(account: store::SelectedAccount) -> Self {
        Self {
            iban: account.iban,
            name: account.name,
            currency: account.currency,
            product: account.product,
        }
    }
}
