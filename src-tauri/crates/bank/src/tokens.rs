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
    /// When to refresh the access token: a little before the bank's `expires_in` runs out.
    /// `None` when the bank gave no lifetime: then only a 401 triggers a refresh.
    pub refresh_due: Option<Instant>,
    /// A new refresh token, when the bank rotates it (it may keep the old one valid).
    pub refresh: Option<RefreshToken>,
    /// When the consent ends, when the bank says (`refresh_token_expires_in`).
    pub consent_ends: Option<time::OffsetDateTime>,
}

/// An access token is refreshed this long before the bank says it expires, so a call does not
/// start with a token that dies on the way.
const EXPIRY_MARGIN: Duration = Duration::from_mins(1);

/// When a token issued at `issued` for `lifetime` should be refreshed: a minute early, or
/// halfway for tokens that live under two minutes (else every call would refresh). A lifetime
/// too large to add is treated as unknown.
pub(crate) fn refresh_due(issued: Instant, lifetime: Duration) -> Option<Instant> {
    let margin = EXPIRY_MARGIN.min(lifetime / 2);
    issued.checked_add(lifetime.saturating_sub(margin))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refreshes_a_minute_early_or_halfway_for_short_tokens() {
        let now = Instant::now();
        let twenty_minutes = Duration::from_mins(20);
        assert_eq!(
            refresh_due(now, twenty_minutes),
            Some(now + Duration::from_mins(19))
        );
        assert_eq!(
            refresh_due(now, Duration::from_secs(30)),
            Some(now + Duration::from_secs(15))
        );
        assert_eq!(refresh_due(now, Duration::MAX), None);
    }
}
