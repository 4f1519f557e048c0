//! Authorization codes, consents (grants) and their tokens: issuing, redeeming, rotating,
//! checking and revoking. Pure bookkeeping over an explicit `now`, so the rules are unit-tested
//! without a server or a clock.

mod stored;

use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::data::UserId;
use crate::secrets::{TokenHash, random_token, s256_challenge};

pub(crate) use stored::StoredGrant;

/// Authorization codes live this long (RFC 6749 4.1.2: "maximum of 10 minutes").
const CODE_LIFETIME: Duration = Duration::from_mins(10);

/// A consent given to the client: the grant its tokens act under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct GrantId(pub u64);

/// What an authorization code was issued for; redeeming it must match.
#[derive(Debug, Clone)]
pub(crate) struct CodeBinding {
    pub client_id: String,
    pub redirect_uri: String,
    pub code_challenge: Option<String>,
    pub user: UserId,
    pub accounts: Vec<String>,
}

/// A token request's `authorization_code` grant, client already authenticated.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Redemption<'a> {
    pub client_id: &'a str,
    pub code: &'a str,
    pub redirect_uri: Option<&'a str>,
    pub code_verifier: Option<&'a str>,
}

/// How long tokens live.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Lifetimes {
    pub access: Duration,
    pub consent: Duration,
}

/// A successful token response's content.
#[derive(Debug)]
pub(crate) struct IssuedTokens {
    pub access_token: String,
    pub refresh_token: String,
    pub expires_in: u64,
    /// Seconds until the consent ends.
    pub consent_expires_in: u64,
}

/// Why a token request is refused: an RFC 6749 5.2 error code and a human explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refusal {
    pub error: &'static str,
    pub description: &'static str,
}

const fn invalid_grant(description: &'static str) -> Refusal {
    Refusal {
        error: "invalid_grant",
        description,
    }
}

/// Why a bearer token does not open the data endpoints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BearerRefusal {
    Unknown,
    Expired,
    Revoked,
}

/// What a valid access token gives access to.
#[derive(Debug, Clone)]
pub(crate) struct Authorized {
    pub accounts: Vec<String>,
}

/// Which grants an admin action applies to.
#[cfg(feature = "admin")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Selection {
    All,
    Grant(GrantId),
    User(UserId),
}

/// A grant as the admin sees it, and as the state file keeps it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct GrantRecord {
    pub id: GrantId,
    #[serde(rename = "username")]
    pub user: UserId,
    pub client_id: String,
    /// The consented accounts' IBANs. The state file keeps them by their place in the bank
    /// instead (`StoredGrant`): it holds no IBAN.
    #[serde(skip)]
    pub accounts: Vec<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: OffsetDateTime,
    pub revoked: bool,
}

#[derive(Debug)]
struct IssuedCode {
    binding: CodeBinding,
    expires_at: OffsetDateTime,
    /// Set once redeemed: a second redemption revokes this grant (RFC 6749 4.1.2).
    redeemed_into: Option<GrantId>,
}

#[derive(Debug, Clone, Copy)]
struct AccessToken {
    grant: GrantId,
    expires_at: OffsetDateTime,
}

#[derive(Debug, Clone, Copy)]
struct RefreshToken {
    grant: GrantId,
    /// Rotated away: presenting it again means it leaked (RFC 9700 4.14.2).
    retired: bool,
}

#[derive(Debug, Default)]
pub(crate) struct Grants {
    codes: HashMap<TokenHash, IssuedCode>,
    records: BTreeMap<GrantId, GrantRecord>,
    access: HashMap<TokenHash, AccessToken>,
    refresh: HashMap<TokenHash, RefreshToken>,
    next_id: u64,
    /// Counts changes to what a restart keeps (grants, refresh tokens, revocations), so the
    /// caller knows when to save.
    revision: u64,
}

impl Grants {
    /// A fresh single-use code for `binding`.
    pub(crate) fn issue_code(&mut self, binding: CodeBinding, now: OffsetDateTime) -> String {
        self.codes
            .retain(|_, code| code.redeemed_into.is_some() || now < code.expires_at);
        let code = random_token();
        let issued = IssuedCode {
            binding,
            expires_at: now + CODE_LIFETIME,
            redeemed_into: None,
        };
        self.codes.insert(TokenHash::of(&code), issued);
        code
    }

    /// Exchanges a code for tokens, creating the grant.
    pub(crate) fn redeem(
        &mut self,
        request: Redemption<'_>,
        now: OffsetDateTime,
        lifetimes: Lifetimes,
    ) -> Result<IssuedTokens, Refusal> {
        let hash = TokenHash::of(request.code);
        let code = self
            .codes
            .get(&hash)
            .ok_or(invalid_grant("The authorization code is unknown."))?;
        if let Some(grant) = code.redeemed_into {
            self.revoke_grant(grant);
            return Err(invalid_grant(
                "The authorization code was already used; the tokens issued for it are revoked.",
            ));
        }
        check_redemption(code, &request, now)?;
        let binding = code.binding.clone();
        let grant = self.create_grant(binding, now, lifetimes.consent);
        if let Some(code) = self.codes.get_mut(&hash) {
            code.redeemed_into = Some(grant);
        }
        Ok(self.issue_tokens(grant, now, lifetimes.access))
    }

    /// Changes so far to what a restart keeps; it moves whenever the state file is out of date.
    pub(crate) fn revision(&self) -> u64 {
        self.revision
    }

    /// Rotates a refresh token: the old one is retired, a new pair is issued.
    pub(crate) fn refresh(
        &mut self,
        client_id: &str,
        token: &str,
        now: OffsetDateTime,
        lifetimes: Lifetimes,
    ) -> Result<IssuedTokens, Refusal> {
        let hash = TokenHash::of(token);
        let record = *self
            .refresh
            .get(&hash)
            .ok_or(invalid_grant("The refresh token is unknown."))?;
        let grant = self
            .records
            .get(&record.grant)
            .ok_or(invalid_grant("The refresh token is unknown."))?;
        if grant.client_id != client_id {
            return Err(invalid_grant(
                "The refresh token was issued to another client.",
            ));
        }
        if record.retired {
            self.revoke_grant(record.grant);
            return Err(invalid_grant(
                "The refresh token was already used; the consent is revoked.",
            ));
        }
        if grant.revoked {
            return Err(invalid_grant("The consent was revoked."));
        }
        if now >= grant.expires_at {
            return Err(invalid_grant("The consent has expired."));
        }
        self.refresh.insert(
            hash,
            RefreshToken {
                retired: true,
                ..record
            },
        );
        self.revision += 1;
        Ok(self.issue_tokens(record.grant, now, lifetimes.access))
    }

    /// What a bearer token may see, or why it may not.
    pub(crate) fn authorize(
        &self,
        access_token: &str,
        now: OffsetDateTime,
    ) -> Result<Authorized, BearerRefusal> {
        let token = self
            .access
            .get(&TokenHash::of(access_token))
            .ok_or(BearerRefusal::Unknown)?;
        let grant = self
            .records
            .get(&token.grant)
            .ok_or(BearerRefusal::Unknown)?;
        if grant.revoked {
            return Err(BearerRefusal::Revoked);
        }
        if now >= token.expires_at {
            return Err(BearerRefusal::Expired);
        }
        Ok(Authorized {
            accounts: grant.accounts.clone(),
        })
    }

    /// Revokes the selected grants with all their tokens; returns how many were live.
    #[cfg(feature = "admin")]
    pub(crate) fn revoke(&mut self, selection: Selection) -> usize {
        let mut revoked = 0;
        for grant in self
            .records
            .values_mut()
            .filter(|grant| selects(selection, grant) && !grant.revoked)
        {
            grant.revoked = true;
            revoked += 1;
        }
        if revoked > 0 {
            self.revision += 1;
        }
        revoked
    }

    /// Makes the selected grants' access tokens expire now; returns how many were still live.
    #[cfg(feature = "admin")]
    pub(crate) fn expire_access_tokens(
        &mut self,
        selection: Selection,
        now: OffsetDateTime,
    ) -> usize {
        let records = &self.records;
        let mut expired = 0;
        for token in self.access.values_mut() {
            let selected = records
                .get(&token.grant)
                .is_some_and(|grant| selects(selection, grant));
            if selected && token.expires_at > now {
                token.expires_at = now;
                expired += 1;
            }
        }
        expired
    }

    /// The SHA-256 digests (hex) of every access and refresh token issued and still known,
    /// for tests that look for a leaked token without the bank keeping any token itself.
    #[cfg(feature = "admin")]
    pub(crate) fn token_digests(&self) -> (Vec<String>, Vec<String>) {
        let hex = |hashes: &mut dyn Iterator<Item = &TokenHash>| {
            hashes.map(|hash| hash.to_hex()).collect::<Vec<_>>()
        };
        (hex(&mut self.access.keys()), hex(&mut self.refresh.keys()))
    }

    #[cfg(feature = "admin")]
    pub(crate) fn list(&self) -> Vec<GrantRecord> {
        self.records.values().cloned().collect()
    }

    fn create_grant(
        &mut self,
        binding: CodeBinding,
        now: OffsetDateTime,
        consent: Duration,
    ) -> GrantId {
        self.next_id += 1;
        let id = GrantId(self.next_id);
        let record = GrantRecord {
            id,
            user: binding.user,
            client_id: binding.client_id,
            accounts: binding.accounts,
            created_at: now,
            expires_at: now + consent,
            revoked: false,
        };
        self.records.insert(id, record);
        self.revision += 1;
        id
    }

    /// A new access and refresh token for `grant`; the access token ends with the consent at
    /// the latest, the refresh token with the consent.
    fn issue_tokens(
        &mut self,
        grant: GrantId,
        now: OffsetDateTime,
        access_lifetime: Duration,
    ) -> IssuedTokens {
        let consent_ends = self
            .records
            .get(&grant)
            .map_or(now, |grant| grant.expires_at);
        let expires_at = (now + access_lifetime).min(consent_ends);
        let (access_token, refresh_token) = (random_token(), random_token());
        self.access.insert(
            TokenHash::of(&access_token),
            AccessToken { grant, expires_at },
        );
        self.refresh.insert(
            TokenHash::of(&refresh_token),
            RefreshToken {
                grant,
                retired: false,
            },
        );
        let seconds_until =
            |end: OffsetDateTime| u64::try_from((end - now).whole_seconds()).unwrap_or(0);
        IssuedTokens {
            access_token,
            refresh_token,
            expires_in: seconds_until(expires_at),
            consent_expires_in: seconds_until(consent_ends),
        }
    }

    fn revoke_grant(&mut self, id: GrantId) {
        if let Some(grant) = self.records.get_mut(&id) {
            grant.revoked = true;
            self.revision += 1;
        }
    }
}

#[cfg(feature = "admin")]
fn selects(selection: Selection, grant: &GrantRecord) -> bool {
    match selection {
        Selection::All => true,
        Selection::Grant(id) => grant.id == id,
        Selection::User(user) => grant.user == user,
    }
}

/// The code's bindings: client, lifetime, redirect URI and PKCE (RFC 6749 4.1.3, RFC 7636 4.6).
fn check_redemption(
    code: &IssuedCode,
    request: &Redemption<'_>,
    now: OffsetDateTime,
) -> Result<(), Refusal> {
    let binding = &code.binding;
    if binding.client_id != request.client_id {
        return Err(invalid_grant(
            "The authorization code was issued to another client.",
        ));
    }
    if now >= code.expires_at {
        return Err(invalid_grant("The authorization code has expired."));
    }
    if request.redirect_uri != Some(binding.redirect_uri.as_str()) {
        return Err(invalid_grant(
            "The redirect_uri does not match the authorization request.",
        ));
    }
    match (&binding.code_challenge, request.code_verifier) {
        (Some(challenge), Some(verifier)) => check_verifier(challenge, verifier),
        (Some(_), None) => Err(invalid_grant(
            "The authorization request had a code_challenge: code_verifier is required.",
        )),
        // RFC 9700 2.1.1: a verifier without a challenge is a downgrade attempt.
        (None, Some(_)) => Err(invalid_grant(
            "The authorization request had no code_challenge: send no code_verifier.",
        )),
        (None, None) => Ok(()),
    }
}

fn check_verifier(challenge: &str, verifier: &str) -> Result<(), Refusal> {
    let well_formed = (43..=128).contains(&verifier.len())
        && verifier
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || b"-._~".contains(&byte));
    if !well_formed {
        return Err(Refusal {
            error: "invalid_request",
            description: "The code_verifier must be 43 to 128 unreserved characters.",
        });
    }
    if s256_challenge(verifier) == challenge {
        Ok(())
    } else {
        Err(invalid_grant(
            "The code_verifier does not match the code_challenge.",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::UserId;

    const VERIFIER: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    pub(super) const LIFETIMES: Lifetimes = Lifetimes {
        access: Duration::from_mins(20),
        consent: Duration::from_hours(90 * 24),
    };

    pub(super) fn binding(user: UserId) -> CodeBinding {
        CodeBinding {
            client_id: "app".into(),
            redirect_uri: "app:/cb".into(),
            code_challenge: Some(s256_challenge(VERIFIER)),
            user,
            accounts: vec!["SK1".into()],
        }
    }

    pub(super) fn redemption(code: &str) -> Redemption<'_> {
        Redemption {
            client_id: "app",
            code,
            redirect_uri: Some("app:/cb"),
            code_verifier: Some(VERIFIER),
        }
    }

    /// A small bank: one transaction per account.
    pub(super) fn bank() -> crate::data::Bank {
        crate::data::Bank::generate(
            &crate::Config::default().transactions_per_account(1),
            time::macros::date!(2026 - 01 - 01),
        )
    }

    pub(super) fn user() -> UserId {
        bank().user_by_name("jana.novakova").unwrap()
    }

    #[test]
    fn a_code_buys_tokens_once_and_its_reuse_revokes_them() {
        let (mut grants, now) = (Grants::default(), OffsetDateTime::now_utc());
        let code = grants.issue_code(binding(user()), now);
        let tokens = grants.redeem(redemption(&code), now, LIFETIMES).unwrap();
        assert_eq!(tokens.expires_in, 1200);
        assert!(grants.authorize(&tokens.access_token, now).is_ok());
        let reuse = grants
            .redeem(redemption(&code), now, LIFETIMES)
            .unwrap_err();
        assert_eq!(reuse.error, "invalid_grant");
        assert_eq!(
            grants.authorize(&tokens.access_token, now).unwrap_err(),
            BearerRefusal::Revoked
        );
    }

    #[test]
    fn bindings_are_checked() {
        let (mut grants, now) = (Grants::default(), OffsetDateTime::now_utc());
        let code = grants.issue_code(binding(user()), now);
        let refused = |grants: &mut Grants, request: Redemption<'_>, at: OffsetDateTime| {
            grants.redeem(request, at, LIFETIMES).unwrap_err()
        };
        let other_client = Redemption {
            client_id: "other",
            ..redemption(&code)
        };
        assert_eq!(
            refused(&mut grants, other_client, now).error,
            "invalid_grant"
        );
        let other_redirect = Redemption {
            redirect_uri: Some("app:/other"),
            ..redemption(&code)
        };
        assert_eq!(
            refused(&mut grants, other_redirect, now).error,
            "invalid_grant"
        );
        let wrong_verifier = Redemption {
            code_verifier: Some(&"x".repeat(43)),
            ..redemption(&code)
        };
        assert_eq!(
            refused(&mut grants, wrong_verifier, now).error,
            "invalid_grant"
        );
        let short_verifier = Redemption {
            code_verifier: Some("short"),
            ..redemption(&code)
        };
        assert_eq!(
            refused(&mut grants, short_verifier, now).error,
            "invalid_request"
        );
        let no_verifier = Redemption {
            code_verifier: None,
            ..redemption(&code)
        };
        assert_eq!(
            refused(&mut grants, no_verifier, now).error,
            "invalid_grant"
        );
        let late = now + Duration::from_mins(10);
        assert_eq!(
            refused(&mut grants, redemption(&code), late).description,
            "The authorization code has expired."
        );
        assert!(grants.redeem(redemption(&code), now, LIFETIMES).is_ok());
    }

    #[test]
    fn refresh_rotates_and_a_retired_token_revokes_the_grant() {
        let (mut grants, now) = (Grants::default(), OffsetDateTime::now_utc());
        let code = grants.issue_code(binding(user()), now);
        let first = grants.redeem(redemption(&code), now, LIFETIMES).unwrap();
        let second = grants
            .refresh("app", &first.refresh_token, now, LIFETIMES)
            .unwrap();
        assert_ne!(first.refresh_token, second.refresh_token);
        assert!(grants.authorize(&second.access_token, now).is_ok());
        assert_eq!(
            grants
                .refresh("app", &first.refresh_token, now, LIFETIMES)
                .unwrap_err()
                .error,
            "invalid_grant"
        );
        assert_eq!(
            grants.authorize(&second.access_token, now).unwrap_err(),
            BearerRefusal::Revoked
        );
        assert!(
            grants
                .refresh("app", &second.refresh_token, now, LIFETIMES)
                .is_err()
        );
    }

    #[test]
    fn access_tokens_expire_and_never_outlive_the_consent() {
        let (mut grants, now) = (Grants::default(), OffsetDateTime::now_utc());
        let code = grants.issue_code(binding(user()), now);
        let short = Lifetimes {
            access: Duration::from_mins(20),
            consent: Duration::from_mins(1),
        };
        let tokens = grants.redeem(redemption(&code), now, short).unwrap();
        assert_eq!(tokens.expires_in, 60);
        assert_eq!(
            grants
                .authorize(&tokens.access_token, now + Duration::from_mins(1))
                .unwrap_err(),
            BearerRefusal::Expired
        );
        assert_eq!(
            grants
                .refresh(
                    "app",
                    &tokens.refresh_token,
                    now + Duration::from_secs(61),
                    short
                )
                .unwrap_err()
                .description,
            "The consent has expired."
        );
        assert_eq!(grants.expire_access_tokens(Selection::All, now), 1);
        assert_eq!(
            grants.authorize(&tokens.access_token, now).unwrap_err(),
            BearerRefusal::Expired
        );
        assert_eq!(
            grants.authorize("nonsense", now).unwrap_err(),
            BearerRefusal::Unknown
        );
    }

    #[test]
    fn the_revision_moves_only_with_what_a_restart_keeps() {
        let (mut grants, now) = (Grants::default(), OffsetDateTime::now_utc());
        let code = grants.issue_code(binding(user()), now);
        assert_eq!(grants.revision(), 0, "codes are not kept");
        let tokens = grants.redeem(redemption(&code), now, LIFETIMES).unwrap();
        assert_eq!(grants.revision(), 1, "the new grant");
        grants.expire_access_tokens(Selection::All, now);
        assert_eq!(grants.revision(), 1, "access tokens are not kept");
        grants
            .refresh("app", &tokens.refresh_token, now, LIFETIMES)
            .unwrap();
        assert_eq!(grants.revision(), 2, "the rotation");
        assert_eq!(grants.revoke(Selection::All), 1);
        assert_eq!(grants.revision(), 3, "the revocation");
        assert_eq!(grants.revoke(Selection::All), 0);
        assert_eq!(grants.revision(), 3, "nothing left to revoke");
    }
}
