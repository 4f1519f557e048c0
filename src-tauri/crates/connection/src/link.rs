//! A connection whose session opens on first use: a restarted app shows what it has stored
//! without starting the Demo Bank or reading the keychain until the bank is needed.

use bank::Session;
use time::OffsetDateTime;
use tokio::sync::OnceCell;
use vault::Vault;

use crate::{Connected, Connector, Result};

#[derive(Debug)]
pub struct Link {
    bank_id: String,
    consent_expires_at: OffsetDateTime,
    session: OnceCell<Session<Vault>>,
}

impl Link {
    /// The connection an earlier run saved; its tokens are in the keychain.
    pub fn saved(bank_id: String, consent_expires_at: OffsetDateTime) -> Self {
        Self {
            bank_id,
            consent_expires_at,
            session: OnceCell::new(),
        }
    }

    /// The connection a consent just made, its session already open.
    pub fn connected(connected: Connected) -> Self {
        Self {
            bank_id: connected.bank_id,
            consent_expires_at: connected.session.consent_expires_at(),
            session: OnceCell::new_with(Some(connected.session)),
        }
    }

    pub fn bank_id(&self) -> &str {
        &self.bank_id
    }

    /// When the consent ends: as the bank last said, once the session has asked it.
    pub fn consent_expires_at(&self) -> OffsetDateTime {
        self.session
            .get()
            .map_or(self.consent_expires_at, Session::consent_expires_at)
    }

    /// Whether the keychain refused this connection's renewed refresh token, which is then
    /// kept in memory only. A session not opened yet has renewed nothing.
    pub fn tokens_unsaved(&self) -> bool {
        self.session.get().is_some_and(Session::tokens_unsaved)
    }

    /// Forgets the tokens (disconnect): the open session's, or straight from the keychain when
    /// it never opened, so disconnecting needs neither the bank nor its profile.
    pub async fn forget(&self, connector: &Connector) -> Result<()> {
        match self.session.get() {
            Some(session) => Ok(session.forget().await?),
            None => connector.forget_tokens(&self.bank_id).await,
        }
    }

    /// The session, opened the first time it is asked for. Opening makes no request.
    pub async fn session(&self, connector: &Connector) -> Result<&Session<Vault>> {
        self.session
            .get_or_try_init(|| connector.resume(&self.bank_id, self.consent_expires_at))
            .await
    }
}
