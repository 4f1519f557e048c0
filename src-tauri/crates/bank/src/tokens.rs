//! Tokens and what is known about their lives.

use std::time::{Duration, Instant};

use vault::Sensitive;

/// A bearer token for data calls. Lives in memory only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessToken(Sensitive<String>);

impl AccessToken {
    pub fn new(secret: String) -> Self {
        Self(Sensitive(secret))
    }

    /// The token itself, for the `Authorization` header.
    pub fn secret(&self) -> &str {
        self.0.expose()
    }
}

/// The long-lived token that buys new access tokens. Lives in the keychain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefreshToken(pub Sensitive<String>);

/// What a token request returned.
#[derive(Debug, Clone)]
pub struct IssuedTokens {
    pub access: AccessToken,
    /// When the access token stops working (by the bank's `expires_in`), if it said.
    pub access_expires_at: Option<Instant>,
    /// A new refresh token, when the bank rotates it (it may keep the old one valid).
    pub refresh: Option<RefreshToken>,
}

/// An access token is refreshed this long before the bank says it expires, so a call does not
/// start with a token that dies on the way.
pub const EXPIRY_MARGIN: Duration = Duration::from_mins(1);
