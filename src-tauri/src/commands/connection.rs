//! Connecting a bank: the consent in the browser, the consented accounts, the choice of
//! accounts, the connection's status, disconnecting.

use serde::Serialize;
use tauri::{AppHandle, Manager, State};
use ts_rs::TS;

use crate::browser;
use crate::commands::banks::BankChoice;
use crate::error::Error;
use crate::setup;
use crate::state::AppState;

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

/// The connection as it stands. The window asks this first: when the app's data could not be
/// opened at start-up, it is tried again here, so "Try again" works once the disk is fixed.
#[tauri::command]
pub async fn connection_status(app: AppHandle) -> Result<ConnectionStatus, Error> {
    setup::open_state(&app)?;
    status(&app.state::<AppState>())
}

/// Opens the chosen bank's consent page in the browser; the answer comes by deep link.
#[tauri::command]
pub async fn start_consent(
    app: AppHandle,
    state: State<'_, AppState>,
    bank_id: String,
) -> Result<(), Error> {
    let page = state.connector.start_consent(&bank_id).await?;
    tracing::info!(bank_id, "consent started; opening the bank's page");
    browser::open(&app, &page)?;
    state.set_consent_page(Some(page));
    Ok(())
}

/// Opens the consent page again (the user closed the tab).
#[tauri::command]
pub fn reopen_consent_page(app: AppHandle, state: State<'_, AppState>) -> Result<(), Error> {
    let page = state
        .consent_page()
        .ok_or_else(|| Error::InvalidInput("no connection is in progress".to_owned()))?;
    browser::open(&app, &page)
}

/// Gives up the consents in progress: their answers will be refused.
#[tauri::command]
pub fn cancel_consent(state: State<'_, AppState>) {
    state.connector.cancel_consents();
    state.set_consent_page(None);
}

/// The accounts the user consented to share, as the bank lists them now.
#[tauri::command]
pub async fn consented_accounts(state: State<'_, AppState>) -> Result<Vec<AccountChoice>, Error> {
    let link = state.connected()?;
    let accounts = link.session(&state.connector).await?.accounts().await?;
    let choices = accounts.iter().map(AccountChoice::from).collect();
    state.set_consented(accounts);
    Ok(choices)
}

/// Shows these accounts (IBANs from the consented list, in this order).
#[tauri::command]
pub async fn select_accounts(
    state: State<'_, AppState>,
    ibans: Vec<String>,
) -> Result<ConnectionStatus, Error> {
    let link = state.connected()?;
    if ibans.is_empty() {
        return Err(Error::InvalidInput(
            "choose at least one account".to_owned(),
        ));
    }
    let consented = state.consented();
    let chosen = ibans
        .iter()
        .map(|iban| {
            consented
                .iter()
                .find(|account| account.iban.as_str() == iban)
                .map(store_account)
                .ok_or_else(|| Error::InvalidInput("an account that was not consented".to_owned()))
        })
        .collect::<Result<Vec<_>, Error>>()?;
    state.store().select_accounts(link.bank_id(), &chosen)?;
    status(&state)
}

/// Disconnects: the tokens leave the keychain; the accounts shown stay if `keep_data`.
#[tauri::command]
pub async fn disconnect(state: State<'_, AppState>, keep_data: bool) -> Result<(), Error> {
    if let Some(link) = state.link() {
        link.forget(&state.connector).await?;
    }
    state.set_link(None);
    state.store().forget_connection(keep_data)?;
    Ok(())
}

fn status(state: &AppState) -> Result<ConnectionStatus, Error> {
    let Some(link) = state.link() else {
        return Ok(ConnectionStatus {
            bank: None,
            consent_expires_at: None,
            selected_accounts: Vec::new(),
        });
    };
    let bank = state
        .connector
        .profiles()
        .iter()
        .find(|profile| profile.id == link.bank_id())
        .map(BankChoice::from);
    let selected = state.store().selected_accounts(link.bank_id())?;
    Ok(ConnectionStatus {
        bank,
        consent_expires_at: link
            .consent_expires_at()
            .format(&time::format_description::well_known::Rfc3339)
            .ok(),
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
