use serde::Serialize;
use tauri::{AppHandle, Manager};
use ts_rs::TS;

use crate::error::Error;

/// A bank the user can connect, as the onboarding dialog lists it.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BankChoice {
    pub id: String,
    pub name: String,
    /// The built-in Demo Bank, which runs inside the app.
    pub is_demo: bool,
}

impl From<&bank::BankProfile> for BankChoice {
    fn from(profile: &bank::BankProfile) -> Self {
        Self {
            id: profile.id.clone(),
            name: profile.name.clone(),
            is_demo: profile.is_demo(),
        }
    }
}

/// The banks the user can connect: those in `banks.toml`, then the Demo Bank.
#[tauri::command]
pub fn list_banks(app: AppHandle) -> Result<Vec<BankChoice>, Error> {
    let config_folder = app.path().app_config_dir().map_err(Error::Folders)?;
    let profiles = bank::BankProfile::load_all(&config_folder)?;
    Ok(profiles.iter().map(BankChoice::from).collect())
}
