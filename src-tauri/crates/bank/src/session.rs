//! The token life of one bank connection: the access token in memory, the refresh token in
//! the keychain, refreshed before it expires or after a 401, one refresh at a time.

use std::future::Future;
use std::time::{Duration, Instant};

use time::OffsetDateTime;
use tokio::sync::Mutex;

use crate::api::{BankApi, TransactionsQuery};
use crate::model::{Account, AccountInformation, Iban, Page, Transaction};
use crate::oauth::OAuth;
use crate::tokens::{AccessToken, EXPIRY_MARGIN, IssuedTokens, RefreshToken};
use crate::{Error, Result};

/// How long a consent lives when the bank does not say otherwise (PSD2 RTS article 10).
pub const CONSENT_LIFETIME: Duration = Duration::from_hours(90 * 24);

/// Where the refresh token is kept between runs: the OS keychain in the app.
pub trait RefreshTokenStore: Send + Sync {
    fn load(&self) -> impl Future<Output = Result<Option<RefreshToken>>> + Send;
    fn save(&self, token: &RefreshToken) -> impl Future<Output = Result<()>> + Send;
    fn clear(&self) -> impl Future<Output = Result<()>> + Send;
}

/// Runs a bank call with a valid access token; after a 401, refreshes once and tries once more.
///
/// A macro rather than a function taking a closure: a closure returning a future that borrows
/// the session makes the caller's future not provably `Send`, and the app spawns these calls.
macro_rules! with_token {
    ($session:expr, $token:ident => $call:expr) => {{
        let $token = $session.valid_token().await?;
        match $call.await {
            Err(Error::Unauthorized { .. }) => {
                let $token = $session.refresh_rejected($token).await?;
                match $call.await {
                    Err(Error::Unauthorized { .. }) => {
                        $session.end("the bank refuses access").await
                    }
                    outcome => outcome,
                }
            }
            outcome => outcome,
        }
    }};
}

/// The access token we hold, and when it stops working.
#[derive(Debug, Clone)]
struct HeldToken {
    token: AccessToken,
    expires_at: Option<Instant>,
}

impl HeldToken {
    fn is_fresh(&self) -> bool {
        self.expires_at
            .is_none_or(|expires_at| Instant::now() + EXPIRY_MARGIN < expires_at)
    }
}

/// One connection to one bank: its API, called with a valid access token.
#[derive(Debug)]
pub struct Session<S> {
    oauth: OAuth,
    api: BankApi,
    store: S,
    consent_expires_at: OffsetDateTime,
    /// Held across a refresh, so concurrent callers wait for one refresh and share its token.
    access: Mutex<Option<HeldToken>>,
}

impl<S: RefreshTokenStore> Session<S> {
    /// A session over a consent given earlier: its refresh token is in `store`.
    pub fn resume(
        oauth: OAuth,
        api: BankApi,
        store: S,
        consent_expires_at: OffsetDateTime,
    ) -> Self {
        Self {
            oauth,
            api,
            store,
            consent_expires_at,
            access: Mutex::new(None),
        }
    }

    /// A session over a consent given just now: the refresh token is saved before the access
    /// token is used, so a crash cannot leave a consent we cannot resume.
    pub async fn begin(oauth: OAuth, api: BankApi, store: S, issued: IssuedTokens) -> Result<Self> {
        let consent_expires_at = OffsetDateTime::now_utc() + CONSENT_LIFETIME;
        let session = Self::resume(oauth, api, store, consent_expires_at);
        session.adopt(issued).await?;
        Ok(session)
    }

    /// When the consent ends and the user must give it again.
    pub fn consent_expires_at(&self) -> OffsetDateTime {
        self.consent_expires_at
    }

    /// Every consented account (all pages).
    pub async fn accounts(&self) -> Result<Vec<Account>> {
        with_token!(self, token => self.api.all_accounts(&token))
    }

    /// An account's details and balances.
    pub async fn account_information(&self, iban: &Iban) -> Result<AccountInformation> {
        with_token!(self, token => self.api.account_information(&token, iban))
    }

    /// One page of an account's history.
    pub async fn transactions_page(&self, query: &TransactionsQuery) -> Result<Page<Transaction>> {
        with_token!(self, token => self.api.transactions_page(&token, query))
    }

    /// Forgets the tokens, here and in the keychain (disconnect).
    pub async fn forget(&self) -> Result<()> {
        *self.access.lock().await = None;
        self.store.clear().await
    }

    async fn valid_token(&self) -> Result<AccessToken> {
        if OffsetDateTime::now_utc() >= self.consent_expires_at {
            return self.end("the consent has reached its end date").await;
        }
        let mut access = self.access.lock().await;
        // Decided before any await: a borrow of the held token kept across it would make this
        // future not `Send`.
        let fresh = access
            .as_ref()
            .filter(|held| held.is_fresh())
            .map(|held| held.token.clone());
        match fresh {
            Some(token) => Ok(token),
            None => self.refresh(&mut access).await,
        }
    }

    /// A refresh after `rejected` got a 401, unless another caller has refreshed meanwhile.
    async fn refresh_rejected(&self, rejected: AccessToken) -> Result<AccessToken> {
        let mut access = self.access.lock().await;
        let newer = access
            .as_ref()
            .filter(|held| held.token != rejected)
            .map(|held| held.token.clone());
        match newer {
            Some(token) => Ok(token),
            None => self.refresh(&mut access).await,
        }
    }

    async fn refresh(&self, access: &mut Option<HeldToken>) -> Result<AccessToken> {
        *access = None;
        let Some(refresh) = self.store.load().await? else {
            return Err(Error::ConsentRequired("no saved authorization"));
        };
        match self.oauth.refresh(&refresh).await {
            Ok(issued) => {
                let held = self.save(issued).await?;
                let token = held.token.clone();
                *access = Some(held);
                tracing::info!("access token refreshed");
                Ok(token)
            }
            Err(Error::ConsentRequired(reason)) => {
                self.store.clear().await?;
                Err(Error::ConsentRequired(reason))
            }
            Err(error) => Err(error),
        }
    }

    async fn adopt(&self, issued: IssuedTokens) -> Result<()> {
        let held = self.save(issued).await?;
        *self.access.lock().await = Some(held);
        Ok(())
    }

    /// Saves a rotated refresh token first: the old one may already be dead at the bank.
    async fn save(&self, issued: IssuedTokens) -> Result<HeldToken> {
        if let Some(refresh) = &issued.refresh {
            self.store.save(refresh).await?;
        }
        Ok(HeldToken {
            token: issued.access,
            expires_at: issued.access_expires_at,
        })
    }

    /// The consent is over: drop the dead tokens and say so.
    async fn end<T>(&self, reason: &'static str) -> Result<T> {
        self.forget().await?;
        Err(Error::ConsentRequired(reason))
    }
}
