//! The banks the person can connect.

use serde::Serialize;
use ts_rs::TS;

use crate::core::Core;
use crate::error::Result;

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

impl Core {
    /// The banks the user can connect: those in `banks.toml`, then the Demo Bank. Read afresh,
    /// so a broken file is reported here, and a fixed one is used at once.
    pub async fn list_banks(&self) -> Result<Vec<BankChoice>> {
        let profiles = bank::BankProfile::load_all(&self.folders()?.config)?;
        Ok(profiles.iter().map(BankChoice::from).collect())
    }
}
