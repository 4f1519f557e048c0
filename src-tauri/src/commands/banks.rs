use serde::Serialize;
use ts_rs::TS;

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

/// The banks the user can connect.
#[tauri::command]
pub fn list_banks() -> Vec<BankChoice> {
    bank::BankProfile::available()
        .iter()
        .map(BankChoice::from)
        .collect()
}
