//! Connecting a bank: the consent in the browser, the consented accounts, the choice of
//! accounts, the connection's status, disconnecting.

use serde::Serialize;
use time::format_description::well_known::Rfc3339;
use ts_rs::TS;

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

/// Whether Bankbook is connected, to which bank, until when, and what it shows.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ConnectionStatus {
    /// `None`: not connected.
    pub bank: Option<BankChoice>,
    /// RFC 3339.
    pub consent_expires_at: Option<String>,
    pub selected_accounts: Vec<AccountChoice>,
}

impl Core {
    /// The connection as it stands. The window asks this first: when the app's data could not
    /// be opened at start-up, it is tried again here, so "Try again" works once the disk is
    /// fixed.
    pub async fn connection_status(&self) -> Result<ConnectionStatus> {
        status(self.data().await?)
    }

    /// Opens the chosen bank's consent page in the browser; the answer comes by deep link.
    pub async fn start_consent(&self, bank_id: String) -> Result<()> {
        let data = self.data().await?;
        let page = data.connector.start_consent(&bank_id).await?;
        tracing::info!(bank_id, "consent started; opening the bank's page");
        self.browser.open(&page)?;
        data.set_consent_page(Some(page));
        Ok(())
    }

    /// Opens the consent page again (the user closed the tab).
    pub async fn reopen_consent_page(&self) -> Result<()> {
        let page = self
            .opened()
            .and_then(Opened::consent_page)
            .ok_or_else(|| Error::InvalidInput("no connection is in progress".to_owned()))?;
        self.browser.open(&page)
    }

    /// Gives up the consents in progress: their answers will be refused. Data that is not
    /// open has none to give up.
    pub async fn cancel_consent(&self) -> Result<()> {
        if let Some(data) = self.opened() {
            data.connector.cancel_consents();
            data.set_consent_page(None);
        }
        Ok(())
    }

    /// The accounts the user consented to share, as the bank lists them now.
    pub async fn consented_accounts(&self) -> Result<Vec<AccountChoice>> {
        let data = self.data().await?;
        let link = data.connected()?;
        let accounts = link.session(&data.connector).await?.accounts().await?;
        let choices = accounts.iter().map(AccountChoice::from).collect();
        data.set_consented(accounts);
        Ok(choices)
    }

    /// Shows these accounts (IBANs from the consented list, in this order).
    pub async fn select_accounts(&self, ibans: Vec<String>) -> Result<ConnectionStatus> {
        let data = self.data().await?;
        let link = data.connected()?;
        if ibans.is_empty() {
            return Err(Error::InvalidInput(
                "choose at least one account".to_owned(),
            ));
        }
        let consented = data.consented();
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
        data.store().select_accounts(link.bank_id(), &chosen)?;
        status(data)
    }

    /// Disconnects: the tokens leave the keychain; the accounts shown stay if `keep_data`.
    pub async fn disconnect(&self, keep_data: bool) -> Result<()> {
        let data = self.data().await?;
        if let Some(link) = data.link() {
            link.forget(&data.connector).await?;
        }
        data.set_link(None);
        data.store().forget_connection(keep_data)?;
        Ok(())
    }
}

fn status(data: &Opened) -> Result<ConnectionStatus> {
    let Some(link) = data.link() else {
        return Ok(ConnectionStatus {
            bank: None,
            consent_expires_at: None,
            selected_accounts: Vec::new(),
        });
    };
    let bank = data
        .connector
        .profiles()
        .iter()
        .find(|profile| profile.id == link.bank_id())
        .map(BankChoice::from);
    let selected = data.store().selected_accounts(link.bank_id())?;
    Ok(ConnectionStatus {
        bank,
        consent_expires_at: link.consent_expires_at().format(&Rfc3339).ok(),
        selected_accounts: selected.into_iter().map(AccountChoice::from).collect(),
    })
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
