use std::path::{Path, PathBuf};

use bank::{
    BankApi, BankProfile, ClientIdentity, Connection, OAuth, OAuthConfig, PendingConsents,
    RefreshTokenStore, RemoteBank, Session, Timeouts, http_client,
};
use sandbox_bank::{RunningBank, SandboxBank};
use time::OffsetDateTime;
use tokio::sync::OnceCell;
use url::Url;
use vault::{Keychain, SecretKind, Sensitive, Vault};

use crate::{Error, Result};

/// The Demo Bank's consents, in the app's data folder, so a restarted app stays connected.
pub const DEMO_BANK_STATE_FILE: &str = "demo-bank.json";

/// A consent just completed: the connection to `bank_id`.
#[derive(Debug)]
pub struct Connected {
    pub bank_id: String,
    pub session: Session<Vault>,
}

/// The banks Bankbook can connect to, and the consents in progress.
#[derive(Debug)]
pub struct Connector {
    profiles: Vec<BankProfile>,
    keychain: Keychain,
    pending: PendingConsents,
    demo_config: sandbox_bank::Config,
    /// Started on first use only: most runs of a connected app never need a new consent page.
    demo: OnceCell<RunningBank>,
    timeouts: Timeouts,
}

/// A bank's OAuth server and API, ready to call.
struct Endpoints {
    oauth: OAuth,
    api: BankApi,
}

impl Connector {
    /// `data_folder` keeps the Demo Bank's consents; secrets go to `keychain`.
    pub fn new(profiles: Vec<BankProfile>, data_folder: &Path, keychain: Keychain) -> Self {
        Self {
            profiles,
            keychain,
            pending: PendingConsents::default(),
            demo_config: sandbox_bank::Config::default()
                .state_file(data_folder.join(DEMO_BANK_STATE_FILE)),
            demo: OnceCell::new(),
            timeouts: Timeouts::default(),
        }
    }

    /// Replaces the Demo Bank's configuration (its port, its size); keep a state file in it
    /// for consents to survive a restart.
    #[must_use]
    pub fn with_demo_config(mut self, config: sandbox_bank::Config) -> Self {
        self.demo_config = config;
        self
    }

    pub fn profiles(&self) -> &[BankProfile] {
        &self.profiles
    }

    /// Starts a consent at `bank_id`: the URL of the bank's consent page, for the browser.
    pub async fn start_consent(&self, bank_id: &str) -> Result<Url> {
        let endpoints = self.endpoints(bank_id).await?;
        let request = endpoints.oauth.consent_request();
        let url = request.url.clone();
        self.pending.insert(bank_id, request);
        Ok(url)
    }

    /// Forgets the consents in progress (the user cancelled): their callbacks will not match.
    pub fn cancel_consents(&self) {
        self.pending.clear();
    }

    /// The bank's callback with a code. The state must match a consent in progress before any
    /// token request is made; then the code is exchanged and the tokens kept.
    pub async fn complete_consent(
        &self,
        code: &Sensitive<String>,
        state: &str,
    ) -> Result<Connected> {
        let pending = self.pending.take(state)?;
        let endpoints = self.endpoints(&pending.bank_id).await?;
        let issued = endpoints
            .oauth
            .exchange_code(code, pending.verifier)
            .await?;
        let vault = self.keychain.vault(&pending.bank_id)?;
        let session = Session::begin(endpoints.oauth, endpoints.api, vault, issued).await?;
        Ok(Connected {
            bank_id: pending.bank_id,
            session,
        })
    }

    /// The bank's callback with an error (the user refused): it ends the consent in progress
    /// whose state it carries, and says which bank that was. A refusal carrying no state of
    /// ours is not believed.
    pub fn refuse_consent(&self, state: &str) -> Result<String> {
        Ok(self.pending.take(state)?.bank_id)
    }

    /// The connection to `bank_id` from a consent given earlier (its tokens in the keychain).
    pub async fn resume(
        &self,
        bank_id: &str,
        consent_expires_at: OffsetDateTime,
    ) -> Result<Session<Vault>> {
        let endpoints = self.endpoints(bank_id).await?;
        let vault = self.keychain.vault(bank_id)?;
        Ok(Session::resume(
            endpoints.oauth,
            endpoints.api,
            vault,
            consent_expires_at,
        ))
    }

    /// Removes the saved tokens of `bank_id` from the keychain.
    pub async fn forget_tokens(&self, bank_id: &str) -> Result<()> {
        let vault = self.keychain.vault(bank_id)?;
        Ok(RefreshTokenStore::clear(&vault).await?)
    }

    /// The Demo Bank, started on first use.
    pub async fn demo_bank(&self) -> Result<&RunningBank> {
        let config = self.demo_config.clone();
        Ok(self
            .demo
            .get_or_try_init(|| async {
                let bank = SandboxBank::start(config).await?;
                tracing::info!(url = bank.base_url(), "the Demo Bank is running");
                Ok::<_, sandbox_bank::Error>(bank)
            })
            .await?)
    }

    async fn endpoints(&self, bank_id: &str) -> Result<Endpoints> {
        let profile = self
            .profiles
            .iter()
            .find(|profile| profile.id == bank_id)
            .ok_or_else(|| Error::UnknownBank(bank_id.to_owned()))?;
        let (config, identity) = match &profile.connection {
            Connection::Demo => (self.demo_oauth_config().await?, None),
            Connection::Remote(remote) => self.remote_oauth_config(bank_id, remote).await?,
        };
        let http = http_client(&config.base_url, identity.as_ref(), self.timeouts)?;
        Ok(Endpoints {
            oauth: OAuth::new(&config, http.clone())?,
            api: BankApi::new(config.base_url, http)?,
        })
    }

    /// The Demo Bank's registered client. Its secret is the sandbox's own test data, held in
    /// memory like every other secret, never written anywhere.
    async fn demo_oauth_config(&self) -> Result<OAuthConfig> {
        let bank = self.demo_bank().await?;
        let client = bank.client();
        Ok(OAuthConfig {
            base_url: Url::parse(bank.base_url())
                .map_err(|_| bank::Error::InvalidProfile("the Demo Bank's URL".to_owned()))?,
            client_id: client.client_id.clone(),
            client_secret: Sensitive(client.client_secret.clone()),
            redirect_uri: client.redirect_uri.clone(),
        })
    }

    async fn remote_oauth_config(
        &self,
        bank_id: &str,
        remote: &RemoteBank,
    ) -> Result<(OAuthConfig, Option<ClientIdentity>)> {
        let client_secret = self
            .keychain
            .vault(bank_id)?
            .get(SecretKind::ClientSecret)
            .await?
            .ok_or_else(|| Error::NoClientSecret(bank_id.to_owned()))?;
        let identity = match (&remote.client_certificate, &remote.client_key) {
            (Some(certificate), Some(key)) => Some(ClientIdentity {
                certificate_pem: read(certificate)?,
                private_key_pem: Sensitive(read(key)?),
            }),
            _ => None,
        };
        let config = OAuthConfig {
            base_url: remote.base_url.clone(),
            client_id: remote.client_id.clone(),
            client_secret,
            redirect_uri: remote.redirect_uri.clone(),
        };
        Ok((config, identity))
    }
}

fn read(path: &PathBuf) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|source| Error::Certificate {
        path: path.clone(),
        source,
    })
}
