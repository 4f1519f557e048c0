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
        let data = &*self.data().await?;
        let mut banks = Vec::new();
        for profile in data.connector.profiles()? {
            if let bank::Connection::Remote(remote) = &profile.connection {
                banks.push(view(data, &profile, remote).await?);
            }
        }
        let presets = bank::PRESETS.iter().map(BankPreset::from).collect();
        Ok(BankSettings { banks, presets })
    }

    /// Saves a bank's profile to `banks.toml` and its secrets to the keychain. Everything that
    /// can be refused is checked before anything is written; a new bank whose secrets the
    /// keychain refuses is not left behind in the file. A connected bank's next call uses what
    /// was saved; a changed base URL or client id ends its connection (its data stays), so that
    /// one bank's tokens never go to another address.
    pub async fn save_bank(&self, form: BankForm) -> Result<BankProfileView> {
        let data = &*self.data().await?;
        let _editing = data.editing_banks.lock().await;
        let previous = form
            .id
            .as_deref()
            .map(|id| remote_profile(data, id))
            .transpose()?;
        let client_key = checked_client_key(data, &form).await?;
        let client_secret = form
            .client_secret
            .map(|secret| secret.0)
            .filter(|secret| !secret.expose().is_empty());
        let secrets_changed = client_secret.is_some() || client_key.is_some();
        let profile = bank::save_profile(
            data.connector.config_folder(),
            bank::RemoteProfileInput {
                id: form.id,
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
        let saved = save_secrets(data, &profile.id, remote, client_secret, client_key).await;
        if let Err(error) = saved {
            if previous.is_none() {
                // A new bank without its secrets is not kept: Save again starts afresh.
                bank::remove_profile(data.connector.config_folder(), &profile.id)?;
            }
            return Err(error);
        }
        tracing::info!(bank_id = profile.id, "bank profile saved");
        settle_connection(
            data,
            &profile.id,
            previous.as_ref(),
            remote,
            secrets_changed,
        )
        .await?;
        view(data, &profile, remote).await
    }

    /// Checks a saved bank's profile without a consent: TLS, mutual TLS, and whether the bank
    /// knows the client id and secret.
    pub async fn check_bank(&self, bank_id: String) -> Result<BankCheck> {
        let data = &*self.data().await?;
        match data.connector.check_client(&bank_id).await {
            Ok(check) => Ok(check.into()),
            Err(connection::Error::NoClientSecret(_)) => Ok(BankCheck::NoClientSecret),
            Err(error) => Err(error.into()),
        }
    }

    /// Removes a bank: disconnects it (its downloaded data removed too), removes its client
    /// secret, private key and tokens from the keychain, then its profile from `banks.toml`.
    /// Only a bank of `banks.toml` can be removed, and that is known before anything goes.
    pub async fn remove_bank(&self, bank_id: String) -> Result<()> {
        let data = &*self.data().await?;
        let _editing = data.editing_banks.lock().await;
        remote_profile(data, &bank_id)?;
        crate::connection::forget_connection(data, &bank_id, false).await?;
        data.connector.forget_secrets(&bank_id).await?;
        bank::remove_profile(data.connector.config_folder(), &bank_id)?;
        tracing::info!(bank_id, "bank removed");
        Ok(())
    }
}

/// The real bank `bank_id` of `banks.toml`.
fn remote_profile(data: &Opened, bank_id: &str) -> Result<bank::RemoteBank> {
    data.connector
        .profiles()?
        .into_iter()
        .find(|profile| profile.id == bank_id)
        .and_then(|profile| match profile.connection {
            bank::Connection::Remote(remote) => Some(remote),
            bank::Connection::Demo => None,
        })
        .ok_or_else(|| {
            bank::Error::UnknownBank {
                id: bank_id.to_owned(),
            }
            .into()
        })
}

/// The private key to import, once the form's certificate and key are known to work
/// together: a key file is read (and refused if others can read it), a certificate needs a
/// key, new or saved, that belongs to it. `None`: no new key.
async fn checked_client_key(data: &Opened, form: &BankForm) -> Result<Option<Sensitive<String>>> {
    let new_key = form
        .client_key_file
        .as_deref()
        .map(|path| bank::read_private_key(&PathBuf::from(path)))
        .transpose()
        .map_err(|error| identity_error(error, BankField::ClientKeyFile))?;
    let Some(certificate) = &form.client_certificate else {
        return match new_key {
            Some(_) => Err(field_error(
                BankField::ClientCertificate,
                BankFormProblem::Missing,
            )),
            None => Ok(None),
        };
    };
    let certificate_pem = bank::read_certificate(&PathBuf::from(certificate))
        .map_err(|error| identity_error(error, BankField::ClientCertificate))?;
    let saved_key = match (&new_key, form.id.as_deref()) {
        (None, Some(id)) => data.connector.vault(id)?.get(SecretKind::ClientKey).await?,
        _ => None,
    };
    let key = new_key
        .as_ref()
        .or(saved_key.as_ref())
        .ok_or_else(|| field_error(BankField::ClientKeyFile, BankFormProblem::Missing))?;
    bank::check_identity(&certificate_pem, key)
        .map_err(|error| identity_error(error, BankField::ClientKeyFile))?;
    Ok(new_key)
}

/// Puts the bank's new secret and key into the keychain; a bank without a certificate keeps no
/// key.
async fn save_secrets(
    data: &Opened,
    bank_id: &str,
    remote: &bank::RemoteBank,
    client_secret: Option<Sensitive<String>>,
    client_key: Option<Sensitive<String>>,
) -> Result<()> {
    let vault = data.connector.vault(bank_id)?;
    if let Some(secret) = client_secret {
        vault.set(SecretKind::ClientSecret, &secret).await?;
    }
    match (&remote.client_certificate, client_key) {
        (None, _) => vault.delete(SecretKind::ClientKey).await?,
        (Some(_), Some(key)) => vault.set(SecretKind::ClientKey, &key).await?,
        (Some(_), None) => {}
    }
    Ok(())
}

/// What a saved profile means for the bank's connection. A consent in progress was started
/// with the old settings: it is given up. A new bank whose id an earlier, hand-removed bank had
/// inherits nothing of it. Another address or client id ends the connection (its tokens were
/// issued there); other new settings open a new session at the next call.
async fn settle_connection(
    data: &Opened,
    bank_id: &str,
    previous: Option<&bank::RemoteBank>,
    remote: &bank::RemoteBank,
    secrets_changed: bool,
) -> Result<()> {
    let moved = previous.is_none_or(|previous| {
        previous.base_url != remote.base_url || previous.client_id != remote.client_id
    });
    if moved {
        return crate::connection::forget_connection(data, bank_id, true).await;
    }
    data.connector.cancel_consent(bank_id);
    data.set_consent_page(bank_id, None);
    let changed = secrets_changed
        || previous
            .is_some_and(|previous| previous.client_certificate != remote.client_certificate);
    if let (true, Ok(link)) = (changed, data.link(bank_id)) {
        data.set_link(connection::Link::saved(
            bank_id.to_owned(),
            link.consent_expires_at(),
        ));
    }
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
