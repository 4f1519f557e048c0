//! The Banks screen: the real banks' profiles (in `banks.toml`) with their secrets (in the
//! keychain), added, edited, checked and removed. Secrets go one way: from the form to the
//! keychain; what comes back says only whether one is saved.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use vault::{SecretKind, Sensitive};

use crate::bank_form::{
    BankField, BankFormProblem, SecretInput, field_error, identity_error, profile_error,
};
use crate::core::Core;
use crate::error::{Error, Result};
use crate::opened::Opened;

/// Every real bank's profile, and the presets a new one can start from.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BankSettings {
    /// In the order of `banks.toml`; the built-in Demo Bank is not among them.
    pub banks: Vec<BankProfileView>,
    pub presets: Vec<BankPreset>,
}

/// A real bank's profile as the Banks screen shows it: never a secret, only whether one is
/// saved.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BankProfileView {
    pub id: String,
    pub name: String,
    pub base_url: String,
    pub client_id: String,
    /// The redirect URI to register at the bank: this bank's own.
    pub redirect_uri: String,
    pub client_secret_saved: bool,
    /// The PEM certificate file for mutual TLS.
    pub client_certificate: Option<String>,
    /// Its private key is in the keychain.
    pub client_key_saved: bool,
    pub connected: bool,
}

/// A bank whose public endpoints are known: choosing it fills the base URL.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BankPreset {
    pub id: String,
    pub name: String,
    pub base_url: String,
    pub environment: PresetEnvironment,
    /// The bank requires a client certificate (an eIDAS QWAC in production).
    pub mutual_tls: bool,
}

#[derive(Debug, Clone, Copy, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum PresetEnvironment {
    Sandbox,
    Production,
}

/// What the person typed in the Banks form.
#[derive(Debug, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BankForm {
    /// `None`: a new bank, whose id is made from its name.
    pub id: Option<String>,
    pub name: String,
    pub base_url: String,
    pub client_id: String,
    /// `None`: keep the saved one.
    #[ts(type = "string | null")]
    pub client_secret: Option<SecretInput>,
    /// The PEM certificate file for mutual TLS; `None`: no mutual TLS.
    pub client_certificate: Option<String>,
    /// A PEM private key file to import into the keychain; `None`: keep the saved one.
    pub client_key_file: Option<String>,
}

/// What a check of a bank's profile found, without a consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum BankCheck {
    /// The bank knows this client id and secret.
    ClientAccepted,
    /// The bank refused the client id or secret.
    ClientRejected,
    /// The bank's TLS certificate is not one this computer trusts.
    ServerNotTrusted,
    /// The bank refused (or wanted) a client certificate.
    ClientCertificateRefused,
    /// Nothing answered at the base URL.
    Unreachable,
    /// Something answered, but not as a bank of the SBAS family would.
    UnexpectedAnswer,
    /// No client secret is saved for the bank yet.
    NoClientSecret,
}

impl Core {
    /// The real banks' profiles and the presets. A broken `banks.toml` is an error naming its
    /// line (`detail.banksFile`).
    pub async fn bank_settings(&self) -> Result<BankSettings> {
        let data = self.data().await?;
        let mut banks = Vec::new();
        for profile in data.connector.profiles()? {
            if let bank::Connection::Remote(remote) = &profile.connection {
                banks.push(view(data, &profile, remote).await?);
            }
        }
        let presets = bank::PRESETS.iter().map(BankPreset::from).collect();
        Ok(BankSettings { banks, presets })
    }

    /// Saves a bank's profile to `banks.toml` and its secrets to the keychain. A connected
    /// bank's next call uses what was saved.
    pub async fn save_bank(&self, form: BankForm) -> Result<BankProfileView> {
        let data = self.data().await?;
        let _editing = data.editing_banks.lock().await;
        let is_new = form.id.is_none();
        let client_key = form
            .client_key_file
            .as_deref()
            .map(|path| bank::read_private_key(&PathBuf::from(path)))
            .transpose()
            .map_err(|error| identity_error(error, BankField::ClientKeyFile))?;
        // A bank may be saved before it has a secret: its redirect URI is needed to register
        // with the bank, which then issues the client id and secret.
        let client_secret = form
            .client_secret
            .map(|secret| secret.0)
            .filter(|secret| !secret.expose().is_empty());
        let config = data.connector.config_folder();
        if client_key.is_some() && form.client_certificate.is_none() {
            return Err(field_error(
                BankField::ClientCertificate,
                BankFormProblem::Missing,
            ));
        }
        let profile = bank::save_profile(
            config,
            bank::RemoteProfileInput {
                id: form.id.clone(),
                name: form.name,
                base_url: form.base_url,
                client_id: form.client_id,
                client_certificate: form.client_certificate.map(PathBuf::from),
            },
        )
        .map_err(profile_error)?;
        let bank::Connection::Remote(remote) = &profile.connection else {
            return Err(Error::InvalidInput("the Demo Bank is built in".to_owned()));
        };
        let vault = data.connector.vault(&profile.id)?;
        if let Some(secret) = client_secret {
            vault.set(SecretKind::ClientSecret, &secret).await?;
        }
        save_client_key(&vault, remote, client_key).await?;
        tracing::info!(bank_id = profile.id, is_new, "bank profile saved");
        // A session opened with the old settings is dropped: the next call opens a new one.
        if let Ok(link) = data.link(&profile.id) {
            data.set_link(connection::Link::saved(
                profile.id.clone(),
                link.consent_expires_at(),
            ));
        }
        view(data, &profile, remote).await
    }

    /// Checks a saved bank's profile without a consent: TLS, mutual TLS, and whether the bank
    /// knows the client id and secret.
    pub async fn check_bank(&self, bank_id: String) -> Result<BankCheck> {
        let data = self.data().await?;
        match data.connector.check_client(&bank_id).await {
            Ok(check) => Ok(check.into()),
            Err(connection::Error::NoClientSecret(_)) => Ok(BankCheck::NoClientSecret),
            Err(error) => Err(error.into()),
        }
    }

    /// Removes a bank: disconnects it (its downloaded data removed too), removes its client
    /// secret, private key and tokens from the keychain, then its profile from `banks.toml`.
    pub async fn remove_bank(&self, bank_id: String) -> Result<()> {
        let data = self.data().await?;
        let _editing = data.editing_banks.lock().await;
        if let Ok(link) = data.link(&bank_id) {
            link.forget(&data.connector).await?;
            data.remove_link(&bank_id);
        }
        data.store().forget_connection(&bank_id, false)?;
        data.connector.forget_secrets(&bank_id).await?;
        bank::remove_profile(data.connector.config_folder(), &bank_id)?;
        tracing::info!(bank_id, "bank removed");
        Ok(())
    }
}

/// The private key goes with the certificate: a new one replaces the saved one, and a bank
/// without a certificate keeps no key. The pair is checked before anything is saved.
async fn save_client_key(
    vault: &vault::Vault,
    remote: &bank::RemoteBank,
    new_key: Option<Sensitive<String>>,
) -> Result<()> {
    let Some(certificate) = &remote.client_certificate else {
        vault.delete(SecretKind::ClientKey).await?;
        return Ok(());
    };
    let key = match new_key {
        Some(key) => key,
        None => vault
            .get(SecretKind::ClientKey)
            .await?
            .ok_or_else(|| field_error(BankField::ClientKeyFile, BankFormProblem::Missing))?,
    };
    let certificate_pem = bank::read_certificate(certificate)
        .map_err(|error| identity_error(error, BankField::ClientCertificate))?;
    bank::check_identity(&certificate_pem, &key)
        .map_err(|error| identity_error(error, BankField::ClientKeyFile))?;
    vault.set(SecretKind::ClientKey, &key).await?;
    Ok(())
}

async fn view(
    data: &Opened,
    profile: &bank::BankProfile,
    remote: &bank::RemoteBank,
) -> Result<BankProfileView> {
    let vault = data.connector.vault(&profile.id)?;
    Ok(BankProfileView {
        id: profile.id.clone(),
        name: profile.name.clone(),
        base_url: remote.base_url.to_string(),
        client_id: remote.client_id.clone(),
        redirect_uri: profile.redirect_uri(),
        client_secret_saved: vault.get(SecretKind::ClientSecret).await?.is_some(),
        client_certificate: remote
            .client_certificate
            .as_ref()
            .map(|path| path.display().to_string()),
        client_key_saved: vault.get(SecretKind::ClientKey).await?.is_some(),
        connected: data.link(&profile.id).is_ok(),
    })
}

impl From<&bank::Preset> for BankPreset {
    fn from(preset: &bank::Preset) -> Self {
        Self {
            id: preset.id.to_owned(),
            name: preset.name.to_owned(),
            base_url: preset.base_url.to_owned(),
            environment: match preset.environment {
                bank::Environment::Sandbox => PresetEnvironment::Sandbox,
                bank::Environment::Production => PresetEnvironment::Production,
            },
            mutual_tls: preset.mutual_tls,
        }
    }
}

impl From<bank::ClientCheck> for BankCheck {
    fn from(check: bank::ClientCheck) -> Self {
        match check {
            bank::ClientCheck::Accepted => Self::ClientAccepted,
            bank::ClientCheck::ClientRejected => Self::ClientRejected,
            bank::ClientCheck::ServerNotTrusted => Self::ServerNotTrusted,
            bank::ClientCheck::ClientCertificateRefused => Self::ClientCertificateRefused,
            bank::ClientCheck::Unreachable => Self::Unreachable,
            bank::ClientCheck::UnexpectedAnswer => Self::UnexpectedAnswer,
        }
    }
}
