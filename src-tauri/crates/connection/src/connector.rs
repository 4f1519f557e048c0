use std::path::{Path, PathBuf};

use bank::{
    Answer, BankApi, BankProfile, Callback, ClientCheck, ClientIdentity, Connection, OAuth,
    OAuthConfig, PendingConsents, RefreshTokenStore, RemoteBank, Session, Timeouts, http_client,
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
    /// Holds `banks.toml`, read afresh whenever a bank is needed: the Banks screen edits it
    /// while the app runs, and a hand edit is used at once.
    config_folder: PathBuf,
    keychain: Keychain,
    pending: PendingConsents,
    demo_config: sandbox_bank::Config,
    /// Started on first use only: most runs of a connected app never need a new consent page.
    demo: OnceCell<RunningBank>,
    timeouts: Timeouts,
}

/// A bank's OAuth server and API, ready to call.
struct Endpoints {
    /// What `oauth` was made from; its base URL is the bank's issuer identifier, which an
    /// answer's `iss` must name.
    config: OAuthConfig,
    http: reqwest::Client,
    oauth: OAuth,
    api: BankApi,
}

impl Connector {
    /// Banks come from `<config_folder>/banks.toml` (and the Demo Bank); `data_folder` keeps
    /// the Demo Bank's consents; secrets go to `keychain`.
    pub fn new(config_folder: &Path, data_folder: &Path, keychain: Keychain) -> Self {
        Self {
            config_folder: config_folder.to_owned(),
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

    /// The banks the user can connect, the Demo Bank last. A broken `banks.toml` is an error
    /// naming its line.
    pub fn profiles(&self) -> Result<Vec<BankProfile>> {
        Ok(BankProfile::load_all(&self.config_folder)?)
    }

    /// The folder that holds `banks.toml`.
    pub fn config_folder(&self) -> &Path {
        &self.config_folder
    }

    /// Where `bank_id`'s secrets are kept.
    pub fn vault(&self, bank_id: &str) -> Result<Vault> {
        Ok(self.keychain.vault(bank_id)?)
    }

    /// Starts a consent at `bank_id`: the URL of the bank's consent page, for the browser. An
    /// earlier consent of that bank still waiting is given up.
    pub async fn start_consent(&self, bank_id: &str) -> Result<Url> {
        let endpoints = self.endpoints(bank_id).await?;
        let request = endpoints.oauth.consent_request();
        let url = request.url.clone();
        self.pending.insert(bank_id, request);
        Ok(url)
    }

    /// Forgets the consent in progress at `bank_id` (the user cancelled): its callback will not
    /// match.
    pub fn cancel_consent(&self, bank_id: &str) {
        self.pending.cancel(bank_id);
    }

    /// The bank's callback with a code. Its state must match a consent in progress at the bank
    /// its path names, and its issuer (when sent) must be that bank, before any token request
    /// is made; then the code is exchanged and the tokens kept.
    pub async fn complete_consent(&self, callback: &Callback) -> Result<Connected> {
        let Answer::ConsentGranted { code, state } = &callback.answer else {
            return Err(bank::Error::CallbackRejected("not a granted consent").into());
        };
        let pending = self.pending.take(&callback.bank_id, state)?;
        let endpoints = self.endpoints(&pending.bank_id).await?;
        callback.check_issuer(&endpoints.config.base_url)?;
        let issued = endpoints
            .oauth
            .exchange_code(code, pending.verifier)
            .await?;
        let vault = self.vault(&pending.bank_id)?;
        let session = Session::begin(endpoints.oauth, endpoints.api, vault, issued).await?;
        Ok(Connected {
            bank_id: pending.bank_id,
            session,
        })
    }

    /// The bank's callback with an error (the user refused): it ends the consent in progress
    /// at `bank_id` whose state it carries. A refusal carrying no state of ours is not
    /// believed.
    pub fn refuse_consent(&self, bank_id: &str, state: &str) -> Result<()> {
        self.pending.take(bank_id, state)?;
        Ok(())
    }

    /// The connection to `bank_id` from a consent given earlier (its tokens in the keychain).
    pub async fn resume(
        &self,
        bank_id: &str,
        consent_expires_at: OffsetDateTime,
    ) -> Result<Session<Vault>> {
        let endpoints = self.endpoints(bank_id).await?;
        let vault = self.vault(bank_id)?;
        Ok(Session::resume(
            endpoints.oauth,
            endpoints.api,
            vault,
            consent_expires_at,
        ))
    }

    /// Removes the saved tokens of `bank_id` from the keychain.
    pub async fn forget_tokens(&self, bank_id: &str) -> Result<()> {
        Ok(RefreshTokenStore::clear(&self.vault(bank_id)?).await?)
    }

    /// Removes every keychain entry of `bank_id`: its tokens, client secret and private key.
    pub async fn forget_secrets(&self, bank_id: &str) -> Result<()> {
        let vault = self.vault(bank_id)?;
        for kind in SecretKind::ALL {
            vault.delete(kind).await?;
        }
        Ok(())
    }

    /// Whether `bank_id` accepts this app's client, without a consent: one token request with
    /// a code that cannot be valid, whose error says whether the client was recognised.
    pub async fn check_client(&self, bank_id: &str) -> Result<ClientCheck> {
        let endpoints = self.endpoints(bank_id).await?;
        Ok(bank::check_client(&endpoints.config, &endpoints.http).await?)
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
            .profiles()?
            .into_iter()
            .find(|profile| profile.id == bank_id)
            .ok_or_else(|| Error::UnknownBank(bank_id.to_owned()))?;
        let (config, identity) = match &profile.connection {
            Connection::Demo => (self.demo_oauth_config().await?, None),
            Connection::Remote(remote) => self.remote_oauth_config(bank_id, remote).await?,
        };
        let http = http_client(&config.base_url, identity.as_ref(), self.timeouts)?;
        Ok(Endpoints {
            oauth: OAuth::new(&config, http.clone())?,
            api: BankApi::new(config.base_url.clone(), http.clone())?,
            config,
            http,
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

    /// A real bank's registered client: its secret and private key from the keychain, its
    /// certificate from its file.
    async fn remote_oauth_config(
        &self,
        bank_id: &str,
        remote: &RemoteBank,
    ) -> Result<(OAuthConfig, Option<ClientIdentity>)> {
        let vault = self.vault(bank_id)?;
        let client_secret = vault
            .get(SecretKind::ClientSecret)
            .await?
            .ok_or_else(|| Error::NoClientSecret(bank_id.to_owned()))?;
        let identity = match &remote.client_certificate {
            Some(certificate) => {
                let key = vault
                    .get(SecretKind::ClientKey)
                    .await?
                    .ok_or_else(|| Error::NoClientKey(bank_id.to_owned()))?;
                Some(ClientIdentity {
                    certificate_pem: bank::read_certificate(certificate)?,
                    private_key_pem: Sensitive(key.expose().as_bytes().to_vec()),
                })
            }
            None => None,
        };
        let config = OAuthConfig {
            base_url: remote.base_url.clone(),
            client_id: remote.client_id.clone(),
            client_secret,
            redirect_uri: bank::redirect_uri(bank_id),
        };
        Ok((config, identity))
    }
}
