//! The token life of one bank connection: the access token in memory, the refresh token in
//! the keychain, refreshed before it expires or after a 401, one refresh at a time.

use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use time::OffsetDateTime;
use tokio::sync::Mutex;

use crate::api::{BankApi, Presence, TransactionsQuery};
use crate::model::{Account, AccountInformation, Iban, Page, Transaction};
use crate::oauth::OAuth;
use crate::tokens::{AccessToken, IssuedTokens, RefreshToken};
use crate::{Error, Result};

/// How long a consent lives when the bank does not say otherwise (PSD2 RTS article 10).
pub const CONSENT_LIFETIME: Duration = Duration::from_hours(90 * 24);

/// How far apart two ends of one consent, as the bank says them, may be and still be the same.
const CONSENT_END_TOLERANCE: time::Duration = time::Duration::minutes(1);

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
/// A second 401 right after a successful refresh is returned as it is: the bank has just
/// accepted the refresh token, so the consent is not what failed, and it is kept.
macro_rules! with_token {
    ($session:expr, $token:ident => $call:expr) => {{
        let $token = $session.valid_token().await?;
        match $call.await {
            Err(Error::Unauthorized { .. }) => {
                let $token = $session.refresh_rejected($token).await?;
                $call.await
            }
            outcome => outcome,
        }
    }};
}

/// The access token we hold, and when to refresh it.
#[derive(Debug, Clone)]
struct HeldToken {
    token: AccessToken,
    refresh_due: Option<Instant>,
}

impl HeldToken {
    fn is_fresh(&self) -> bool {
        self.refresh_due.is_none_or(|due| Instant::now() < due)
    }
}

/// What the session holds in memory, behind one lock.
#[derive(Debug, Default)]
struct Tokens {
    access: Option<HeldToken>,
    /// A rotated refresh token the keychain did not take (locked, timed out): the bank has
    /// already retired the old one, so this is used for the next refresh and saved again then.
    unsaved_refresh: Option<RefreshToken>,
}

/// One connection to one bank: its API, called with a valid access token.
#[derive(Debug)]
pub struct Session<S> {
    oauth: OAuth,
    api: BankApi,
    store: S,
    /// When the consent ends: as the bank last said, else 90 days from the consent.
    consent_expires_at: std::sync::Mutex<OffsetDateTime>,
    /// Held across a refresh, so concurrent callers wait for one refresh and share its token.
    tokens: Mutex<Tokens>,
    /// Whether `tokens.unsaved_refresh` holds a token, readable without waiting for a refresh
    /// in progress (the window asks while another bank call may hold the lock).
    unsaved: AtomicBool,
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
            consent_expires_at: std::sync::Mutex::new(consent_expires_at),
            tokens: Mutex::default(),
            unsaved: AtomicBool::new(false),
        }
    }

    /// A session over a consent given just now. The refresh token must reach the keychain
    /// before the session starts: a consent we could not resume after a restart is a keychain
    /// problem to show now, not later.
    pub async fn begin(oauth: OAuth, api: BankApi, store: S, issued: IssuedTokens) -> Result<Self> {
        if let Some(refresh) = &issued.refresh {
            store.save(refresh).await?;
        }
        let consent_expires_at = issued
            .consent_ends
            .unwrap_or_else(|| OffsetDateTime::now_utc() + CONSENT_LIFETIME);
        let session = Self::resume(oauth, api, store, consent_expires_at);
        session.tokens.lock().await.access = Some(HeldToken {
            token: issued.access,
            refresh_due: issued.refresh_due,
        });
        Ok(session)
    }

    /// When the consent ends and the user must give it again: as the bank said at the last
    /// token request that said it.
    pub fn consent_expires_at(&self) -> OffsetDateTime {
        *self
            .consent_expires_at
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Whether a rotated refresh token is held only in memory because the keychain refused it:
    /// the connection works until the app closes, and is lost then unless the keychain takes
    /// it before (it is offered again before every call to the bank).
    pub fn tokens_unsaved(&self) -> bool {
        self.unsaved.load(Ordering::Acquire)
    }

    /// Every consented account (all pages), for the person choosing among them.
    pub async fn accounts(&self) -> Result<Vec<Account>> {
        with_token!(self, token => self.api.all_accounts(&token))
    }

    /// An account's details and balances.
    pub async fn account_information(
        &self,
        iban: &Iban,
        presence: Presence,
    ) -> Result<AccountInformation> {
        with_token!(self, token => self.api.account_information(&token, iban, presence))
    }

    /// One page of an account's history.
    pub async fn transactions_page(
        &self,
        query: &TransactionsQuery,
        presence: Presence,
    ) -> Result<Page<Transaction>> {
        with_token!(self, token => self.api.transactions_page(&token, query, presence))
    }

    /// Forgets the tokens, here and in the keychain (disconnect). The lock is held throughout,
    /// so a refresh running at the same time cannot save a token after the keychain is cleared.
    pub async fn forget(&self) -> Result<()> {
        let mut tokens = self.tokens.lock().await;
        *tokens = Tokens::default();
        self.unsaved.store(false, Ordering::Release);
        self.store.clear().await
    }

    async fn valid_token(&self) -> Result<AccessToken> {
        // Past the end date the bank will refuse; the tokens are left for the bank to refuse,
        // so a wrong clock here cannot throw away a consent that still works.
        if OffsetDateTime::now_utc() >= self.consent_expires_at() {
            return Err(Error::ConsentRequired(
                "the consent has reached its end date",
            ));
        }
        let mut tokens = self.tokens.lock().await;
        self.save_again(&mut tokens).await;
        // Decided before any await: a borrow of the held token kept across it would make this
        // future not `Send`.
        let fresh = tokens
            .access
            .as_ref()
            .filter(|held| held.is_fresh())
            .map(|held| held.token.clone());
        match fresh {
            Some(token) => Ok(token),
            None => self.refresh(&mut tokens).await,
        }
    }

    /// A refresh after `rejected` got a 401, unless another caller has refreshed meanwhile.
    async fn refresh_rejected(&self, rejected: AccessToken) -> Result<AccessToken> {
        let mut tokens = self.tokens.lock().await;
        let newer = tokens
            .access
            .as_ref()
            .filter(|held| held.token != rejected)
            .map(|held| held.token.clone());
        match newer {
            Some(token) => Ok(token),
            None => self.refresh(&mut tokens).await,
        }
    }

    async fn refresh(&self, tokens: &mut Tokens) -> Result<AccessToken> {
        tokens.access = None;
        let refresh = match tokens.unsaved_refresh.clone() {
            Some(unsaved) => unsaved,
            None => self
                .store
                .load()
                .await?
                .ok_or(Error::ConsentRequired("no saved authorization"))?,
        };
        match self.oauth.refresh(&refresh).await {
            Ok(issued) => {
                tracing::info!("access token refreshed");
                Ok(self.keep(tokens, issued).await)
            }
            Err(Error::ConsentRequired(reason)) => {
                // The grant is dead at the bank: drop what is left of it.
                self.set_unsaved(tokens, None);
                if let Err(error) = self.store.clear().await {
                    tracing::warn!(%error, "could not remove the dead tokens from the keychain");
                }
                Err(Error::ConsentRequired(reason))
            }
            Err(error) => Err(error),
        }
    }

    /// Holds `token` (or nothing) as the refresh token the keychain did not take, and says so.
    fn set_unsaved(&self, tokens: &mut Tokens, token: Option<RefreshToken>) {
        self.unsaved.store(token.is_some(), Ordering::Release);
        tokens.unsaved_refresh = token;
    }

    /// Offers the keychain again a rotated refresh token it refused before (it was locked).
    async fn save_again(&self, tokens: &mut Tokens) {
        let Some(unsaved) = tokens.unsaved_refresh.clone() else {
            return;
        };
        if self.store.save(&unsaved).await.is_ok() {
            tracing::info!("the keychain took the rotated refresh token it had refused");
            self.set_unsaved(tokens, None);
        }
    }

    /// Takes new tokens: a rotated refresh token is saved before the access token is used,
    /// and kept in memory when the keychain does not take it.
    async fn keep(&self, tokens: &mut Tokens, issued: IssuedTokens) -> AccessToken {
        if let Some(ends) = issued.consent_ends {
            let mut known = self
                .consent_expires_at
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            // Counted from when we asked, the same end comes back a second or so apart: only a
            // different end moves it (the window reads a new end as a new consent).
            if (ends - *known).abs() > CONSENT_END_TOLERANCE {
                *known = ends;
            }
        }
        if let Some(rotated) = issued.refresh {
            match self.store.save(&rotated).await {
                Ok(()) => self.set_unsaved(tokens, None),
                Err(error) => {
                    tracing::warn!(%error, "the rotated refresh token is kept in memory until the keychain takes it");
                    self.set_unsaved(tokens, Some(rotated));
                }
            }
        }
        tokens.access = Some(HeldToken {
            token: issued.access.clone(),
            refresh_due: issued.refresh_due,
        });
        issued.access
    }
}
