//! The grants as the state file keeps them: what a real bank remembers across a restart.
//!
//! Kept: every grant (consent) and the SHA-256 of each refresh token issued under it, current
//! or rotated away, so that a rotated-away token presented after a restart still revokes its
//! grant. Not kept: authorization codes (they live ten minutes; a code issued before a restart
//! is unknown after it, so its reuse no longer revokes anything) and access tokens (after a
//! restart they are unknown, 401, and the client refreshes).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{GrantId, GrantRecord, Grants, RefreshToken};
use crate::secrets::TokenHash;

/// One grant with its refresh tokens.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct StoredGrant {
    #[serde(flatten)]
    record: GrantRecord,
    refresh_tokens: Vec<StoredRefreshToken>,
}

/// A refresh token by its hash, never the token itself: the file opens nothing.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct StoredRefreshToken {
    sha256: TokenHash,
    /// Replaced by a refresh: presenting it again revokes the grant (RFC 9700 4.14.2).
    rotated_away: bool,
}

impl Grants {
    /// What a restart keeps, grant by grant, oldest first.
    pub(crate) fn stored(&self) -> Vec<StoredGrant> {
        let mut tokens: BTreeMap<GrantId, Vec<StoredRefreshToken>> = BTreeMap::new();
        for (hash, token) in &self.refresh {
            tokens
                .entry(token.grant)
                .or_default()
                .push(StoredRefreshToken {
                    sha256: *hash,
                    rotated_away: token.retired,
                });
        }
        self.records
            .values()
            .map(|record| StoredGrant {
                record: record.clone(),
                refresh_tokens: tokens.remove(&record.id).unwrap_or_default(),
            })
            .collect()
    }

    /// The grants a previous run kept; new grant ids go on after the highest kept one.
    pub(crate) fn from_stored(stored: Vec<StoredGrant>) -> Self {
        let mut grants = Self::default();
        for StoredGrant {
            record,
            refresh_tokens,
        } in stored
        {
            grants.next_id = grants.next_id.max(record.id.0);
            for token in refresh_tokens {
                let kept = RefreshToken {
                    grant: record.id,
                    retired: token.rotated_away,
                };
                grants.refresh.insert(token.sha256, kept);
            }
            grants.records.insert(record.id, record);
        }
        grants
    }
}

#[cfg(test)]
mod tests {
    use time::OffsetDateTime;

    use super::super::tests::{LIFETIMES, binding, redemption, user};
    use super::*;
    use crate::oauth::BearerRefusal;

    /// The grants as a restarted bank has them: through JSON, like the state file.
    fn restarted(grants: &Grants) -> Grants {
        let json = serde_json::to_string(&grants.stored()).unwrap();
        Grants::from_stored(serde_json::from_str(&json).unwrap())
    }

    #[test]
    fn a_restart_keeps_grants_and_refresh_tokens_but_not_access_tokens() {
        let (mut grants, now) = (Grants::default(), OffsetDateTime::now_utc());
        let code = grants.issue_code(binding(user()), now);
        let tokens = grants.redeem(redemption(&code), now, LIFETIMES).unwrap();

        let mut after = restarted(&grants);
        assert_eq!(after.list()[0].accounts, ["SK1"]);
        assert_eq!(
            after.authorize(&tokens.access_token, now).unwrap_err(),
            BearerRefusal::Unknown
        );
        let refreshed = after
            .refresh("app", &tokens.refresh_token, now, LIFETIMES)
            .unwrap();
        assert!(after.authorize(&refreshed.access_token, now).is_ok());
        let next = after.issue_code(binding(user()), now);
        after.redeem(redemption(&next), now, LIFETIMES).unwrap();
        let ids: Vec<u64> = after.list().iter().map(|grant| grant.id.0).collect();
        assert_eq!(ids, [1, 2], "ids go on after the kept ones");
    }

    #[test]
    fn a_rotated_away_token_kept_across_a_restart_still_revokes_its_grant() {
        let (mut grants, now) = (Grants::default(), OffsetDateTime::now_utc());
        let code = grants.issue_code(binding(user()), now);
        let first = grants.redeem(redemption(&code), now, LIFETIMES).unwrap();
        let second = grants
            .refresh("app", &first.refresh_token, now, LIFETIMES)
            .unwrap();

        let mut after = restarted(&grants);
        let reuse = after
            .refresh("app", &first.refresh_token, now, LIFETIMES)
            .unwrap_err();
        assert_eq!(
            reuse.description,
            "The refresh token was already used; the consent is revoked."
        );
        assert!(restarted(&after).list()[0].revoked);
        assert!(
            after
                .refresh("app", &second.refresh_token, now, LIFETIMES)
                .is_err()
        );
    }
}
