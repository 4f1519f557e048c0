//! The bank client against the sandbox bank over real loopback HTTP, with a person's consent
//! given at the sandbox's pages by the consent-page stand-in.

#![cfg(test)]

use std::time::Duration;

use bank::{
    BankApi, Iban, OAuth, OAuthConfig, PendingConsents, RetryPolicy, Session, Timeouts, http_client,
};
use sandbox_bank::user::{ConsentUser, Decision};
use sandbox_bank::{Config, RunningBank, SandboxBank};
use url::Url;
use vault::{Keychain, Sensitive, Vault};

pub const USERNAME: &str = "jana.novakova";
pub const PASSWORD: &str = "demo1234";
/// Small enough to page through quickly, large enough for several pages of 10.
pub const TRANSACTIONS: u32 = 57;

/// A sandbox bank and a client of it, as the app would set one up.
pub struct Connection {
    pub bank: RunningBank,
    pub oauth: OAuth,
    pub api: BankApi,
    /// The keychain, backed by an in-memory store here (the vault's own tests use a real one).
    pub vault: Vault,
    pub pending: PendingConsents,
}

impl Connection {
    pub async fn start() -> Self {
        Self::with(
            Config::default().transactions_per_account(TRANSACTIONS),
            Timeouts::default(),
        )
        .await
    }

    pub async fn with(config: Config, timeouts: Timeouts) -> Self {
        let bank = SandboxBank::start(config)
            .await
            .expect("the sandbox starts");
        let base_url = Url::parse(bank.base_url()).unwrap();
        let client = bank.client();
        let http = http_client(&base_url, None, timeouts).unwrap();
        let oauth = OAuth::new(
            &OAuthConfig {
                base_url: base_url.clone(),
                client_id: client.client_id.clone(),
                client_secret: Sensitive(client.client_secret.clone()),
                redirect_uri: client.redirect_uri.clone(),
            },
            http.clone(),
        )
        .unwrap();
        let api = BankApi::new(base_url, http)
            .unwrap()
            .with_retry(RetryPolicy {
                attempts: 3,
                first_backoff: Duration::from_millis(10),
                longest_wait: Duration::from_secs(2),
            });
        let keychain = Keychain::with_store(keyring_core::mock::Store::new().unwrap());
        Self {
            bank,
            oauth,
            api,
            vault: keychain.vault("demo").unwrap(),
            pending: PendingConsents::default(),
        }
    }

    /// The IBANs of the demo user's accounts at the bank.
    pub fn ibans(&self) -> Vec<String> {
        let user = self
            .bank
            .users()
            .into_iter()
            .find(|user| user.username == USERNAME)
            .unwrap();
        user.accounts
            .into_iter()
            .map(|account| account.iban)
            .collect()
    }

    /// Starts a consent, lets the person decide at the bank, and returns the callback URL.
    pub async fn consent(&self, decision: &Decision) -> Url {
        let request = self.oauth.consent_request();
        let url = request.url.clone();
        self.pending.insert("demo", request);
        ConsentUser::new(USERNAME, PASSWORD)
            .unwrap()
            .decide(&url, decision)
            .await
            .unwrap()
    }

    /// The person approves `ibans`; the code is exchanged and a session begins.
    pub async fn connect(&self, ibans: &[String]) -> Session<Vault> {
        let callback = self.consent(&Decision::Approve(ibans.to_vec())).await;
        let pending = self
            .pending
            .take("demo", &param(&callback, "state"))
            .unwrap();
        let issued = self
            .oauth
            .exchange_code(&Sensitive(param(&callback, "code")), pending.verifier)
            .await
            .unwrap();
        Session::begin(
            self.oauth.clone(),
            self.api.clone(),
            self.vault.clone(),
            issued,
        )
        .await
        .unwrap()
    }

    pub fn refreshes(&self) -> u64 {
        self.bank.admin().counters().grant_type("refresh_token")
    }

    pub fn code_exchanges(&self) -> u64 {
        self.bank
            .admin()
            .counters()
            .grant_type("authorization_code")
    }
}

/// A query parameter of a callback URL.
pub fn param(url: &Url, name: &str) -> String {
    url.query_pairs().find(|(key, _)| key == name).map_or_else(
        || panic!("{url} has no {name}"),
        |(_, value)| value.into_owned(),
    )
}

pub fn iban(text: &str) -> Iban {
    Iban::parse(text).unwrap()
}
