//! How a sandbox bank is set up: seed, sizes, the registered client and token lifetimes.

use std::path::PathBuf;
use std::time::Duration;

use time::Date;

use crate::error::{Error, Result};

/// The most transactions one account may be generated with.
pub const MAX_TRANSACTIONS_PER_ACCOUNT: u32 = 1_000_000;

/// The range of accounts each demo user may hold; the first three are current, savings and
/// credit-line accounts.
pub const ACCOUNTS_PER_USER: std::ops::RangeInclusive<usize> = 3..=9;

/// The settings of one sandbox bank. `Config::default()` is a small bank on a free port.
#[derive(Debug, Clone)]
pub struct Config {
    /// The loopback port; 0 picks a free one.
    pub port: u16,
    /// Everything generated (IBANs, amounts, counterparties) follows from this.
    pub seed: u64,
    /// Accounts of each demo user, within [`ACCOUNTS_PER_USER`].
    pub accounts_per_user: usize,
    /// Generated entries of every account, at most [`MAX_TRANSACTIONS_PER_ACCOUNT`].
    pub transactions_per_account: u32,
    /// The date of the newest generated entries; `None` is today in Bratislava. Keep it no later
    /// than today, or entries the admin adds (dated today) would sort above newer ones.
    pub history_end: Option<Date>,
    /// The one registered OAuth client.
    pub client: ClientRegistration,
    /// How long an access token lives (capped by its consent's end).
    pub access_token_lifetime: Duration,
    /// How long a consent, and the refresh token with it, lives.
    pub consent_lifetime: Duration,
    /// Where the bank keeps what a real bank remembers across a restart: the grants, the
    /// SHA-256 of their refresh tokens (current and rotated away) and the clock's offset.
    /// `None` (the default) keeps everything in memory only.
    ///
    /// Read at start: a missing file means no grants yet; a file that is not a state file of
    /// this version is renamed to `<name>.corrupt` and the bank starts without grants (with a
    /// warning), because a demo bank must always start; a file that cannot be read at all
    /// (permissions, a folder) stops the start with [`Error::StateFile`].
    /// Rewritten atomically after every change it holds. Authorization codes, access tokens,
    /// transactions added by the admin, faults and counters are not kept.
    pub state_file: Option<PathBuf>,
    /// https, with a test CA and optionally mutual TLS (see [`crate::tls`]); `None` (the
    /// default) is plain http, as the app's Demo Bank is.
    #[cfg(feature = "admin")]
    pub tls: Option<crate::tls::TlsConfig>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            port: 0,
            seed: 2026,
            accounts_per_user: 3,
            transactions_per_account: 240,
            history_end: None,
            client: ClientRegistration::default(),
            access_token_lifetime: Duration::from_mins(20),
            consent_lifetime: Duration::from_hours(90 * 24),
            state_file: None,
            #[cfg(feature = "admin")]
            tls: None,
        }
    }
}

impl Config {
    #[must_use]
    pub fn port(mut self, port: u16) -> Self {
        self.port = port;
        self
    }

    #[must_use]
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    #[must_use]
    pub fn accounts_per_user(mut self, accounts: usize) -> Self {
        self.accounts_per_user = accounts;
        self
    }

    #[must_use]
    pub fn transactions_per_account(mut self, transactions: u32) -> Self {
        self.transactions_per_account = transactions;
        self
    }

    #[must_use]
    pub fn history_end(mut self, date: Date) -> Self {
        self.history_end = Some(date);
        self
    }

    #[must_use]
    pub fn client(mut self, client: ClientRegistration) -> Self {
        self.client = client;
        self
    }

    #[must_use]
    pub fn access_token_lifetime(mut self, lifetime: Duration) -> Self {
        self.access_token_lifetime = lifetime;
        self
    }

    #[must_use]
    pub fn consent_lifetime(mut self, lifetime: Duration) -> Self {
        self.consent_lifetime = lifetime;
        self
    }

    /// Keeps the grants in `path` across restarts; see the field `state_file`.
    #[must_use]
    pub fn state_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.state_file = Some(path.into());
        self
    }

    /// Serves https as `tls` says: the base URL becomes `https://127.0.0.1:<port>`.
    #[cfg(feature = "admin")]
    #[must_use]
    pub fn tls(mut self, tls: crate::tls::TlsConfig) -> Self {
        self.tls = Some(tls);
        self
    }

    /// Refuses values the bank cannot serve faithfully.
    pub(crate) fn validate(&self) -> Result<()> {
        if !ACCOUNTS_PER_USER.contains(&self.accounts_per_user) {
            return Err(Error::InvalidConfig(format!(
                "accounts per user must be within {ACCOUNTS_PER_USER:?}"
            )));
        }
        if self.transactions_per_account > MAX_TRANSACTIONS_PER_ACCOUNT {
            return Err(Error::InvalidConfig(format!(
                "at most {MAX_TRANSACTIONS_PER_ACCOUNT} transactions per account"
            )));
        }
        if self.access_token_lifetime.is_zero() || self.consent_lifetime.is_zero() {
            return Err(Error::InvalidConfig(
                "token lifetimes must be positive".into(),
            ));
        }
        if self
            .state_file
            .as_ref()
            .is_some_and(|path| path.file_name().is_none())
        {
            return Err(Error::InvalidConfig(
                "the state file must be a path to a file".into(),
            ));
        }
        self.client.validate()
    }
}

/// The OAuth client the bank knows: the app (or a test) authenticates as it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientRegistration {
    pub client_id: String,
    /// Test data, but still never logged.
    pub client_secret: String,
    /// Compared with the request's `redirect_uri` character for character.
    pub redirect_uri: String,
    /// Shown on the consent page: "<name> asks for access to ...".
    pub name: String,
}

impl Default for ClientRegistration {
    fn default() -> Self {
        Self {
            client_id: "bankbook-demo".into(),
            client_secret: "demo-client-secret".into(),
            // The app's redirect URI for its Demo Bank: each bank has its own path, so a
            // callback says which bank it comes from (the mix-up defence of RFC 9700 4.4).
            redirect_uri: "app.bankbook:/oauth/callback/demo".into(),
            name: "Bankbook".into(),
        }
    }
}

impl ClientRegistration {
    fn validate(&self) -> Result<()> {
        if self.client_id.is_empty()
            || self.client_secret.is_empty()
            || self.client_id.contains(':')
        {
            return Err(Error::InvalidConfig(
                "the client id must be non-empty without ':' and the secret non-empty".into(),
            ));
        }
        let redirect = url::Url::parse(&self.redirect_uri)
            .map_err(|error| Error::InvalidConfig(format!("redirect URI: {error}")))?;
        if redirect.fragment().is_some() {
            return Err(Error::InvalidConfig(
                "a redirect URI has no fragment (RFC 6749 3.1.2)".into(),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_is_valid_and_uses_the_app_scheme() {
        let config = Config::default();
        config.validate().unwrap();
        assert_eq!(
            config.client.redirect_uri,
            "app.bankbook:/oauth/callback/demo"
        );
        assert_eq!(config.access_token_lifetime, Duration::from_mins(20));
    }

    #[test]
    fn out_of_range_sizes_and_bad_redirects_are_refused() {
        assert!(
            Config::default()
                .transactions_per_account(1_000_001)
                .validate()
                .is_err()
        );
        assert!(Config::default().accounts_per_user(2).validate().is_err());
        assert!(Config::default().state_file("/").validate().is_err());
        assert!(Config::default().state_file("..").validate().is_err());
        let client = ClientRegistration {
            redirect_uri: "not a url".into(),
            ..Default::default()
        };
        assert!(Config::default().client(client).validate().is_err());
        let client = ClientRegistration {
            redirect_uri: "app.bankbook:/cb#frag".into(),
            ..Default::default()
        };
        assert!(Config::default().client(client).validate().is_err());
    }
}
