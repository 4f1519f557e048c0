//! The banks the person can connect.

use serde::Serialize;
use ts_rs::TS;

use crate::core::Core;
use crate::error::{Error, IpcError, Result};

/// A bank the user can connect, as the onboarding dialog lists it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BankChoice {
    pub id: String,
    pub name: String,
    /// The built-in Demo Bank, which runs inside the app.
    pub is_demo: bool,
}

/// The banks that can be connected, and why some may be missing.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BankList {
    /// The Demo Bank always, last.
    pub banks: Vec<BankChoice>,
    /// `banks.toml` is broken (its line in `detail`): only the Demo Bank is listed until it is
    /// fixed.
    pub problem: Option<IpcError>,
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

impl BankChoice {
    /// The bank `bank_id` among `profiles`; a connected bank whose profile has gone from
    /// `banks.toml` keeps its id as its name, so its stored accounts stay on screen.
    pub(crate) fn of(profiles: &[bank::BankProfile], bank_id: &str) -> Self {
        profiles
            .iter()
            .find(|profile| profile.id == bank_id)
            .map_or_else(
                || Self {
                    id: bank_id.to_owned(),
                    name: bank_id.to_owned(),
                    is_demo: false,
                },
                Self::from,
            )
    }
}

impl Core {
    /// The banks the user can connect: those in `banks.toml`, then the Demo Bank. Read
    /// afresh, so a fixed file is used at once; a broken one is reported with the Demo Bank
    /// still listed.
    pub async fn list_banks(&self) -> Result<BankList> {
        let config = &self.folders()?.config;
        Ok(match bank::BankProfile::load_all(config) {
            Ok(profiles) => BankList {
                banks: profiles.iter().map(BankChoice::from).collect(),
                problem: None,
            },
            Err(error) => BankList {
                banks: vec![BankChoice::from(&bank::BankProfile::demo())],
                problem: Some(IpcError::from(&Error::from(error))),
            },
        })
    }
}
