//! The grants as the state file keeps them: what a real bank remembers across a restart.
//!
//! Kept: every grant (consent) and the SHA-256 of each refresh token issued under it, current
//! or rotated away, so that a rotated-away token presented after a restart still revokes its
//! grant. Not kept: authorization codes (they live ten minutes; a code issued before a restart
//! is unknown after it, so its reuse no longer revokes anything) and access tokens (after a
//! restart they are unknown, 401, and the client refreshes).
//!
//! The consented accounts are kept by their place in the bank's accounts, not by IBAN: the
//! in-process Demo Bank writes this file into the person's data folder, where no IBAN may be in
//! plain text. A file of version 1 named them by IBAN; it is still read.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{GrantId, GrantRecord, Grants, RefreshToken};
use crate::data::Bank;
use crate::secrets::TokenHash;

/// One grant with its refresh tokens.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct StoredGrant {
    #[serde(flatten)]
    record: GrantRecord,
    /// The consented accounts, by their place in the bank's accounts.
    #[serde(default)]
    account_places: Vec<usize>,
    /// Version 1's consented accounts, by IBAN: read, never written.
    #[serde(default, rename = "accounts", skip_serializing)]
    account_ibans: Vec<String>,
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
    /// What a restart keeps, grant by grant, oldest first; accounts by their place in `bank`.
    pub(crate) fn stored(&self, bank: &Bank) -> Vec<StoredGrant> {
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
                account_places: record
                    .accounts
                    .iter()
                    .filter_map(|iban| bank.place_of(iban))
                    .collect(),
                account_ibans: Vec::new(),
                refresh_tokens: tokens.remove(&record.id).unwrap_or_default(),
            })
            .collect()
    }

    /// The grants a previous run kept, their accounts found in `bank`; new grant ids go on after
    /// the highest kept one. A place the bank no longer has (another configuration) is dropped
    /// from its grant.
    pub(crate) fn from_stored(stored: Vec<StoredGrant>, bank: &Bank) -> Self {
        let mut grants = Self::default();
        for StoredGrant {
            mut record,
            account_places,
            account_ibans,
            refresh_tokens,
        } in stored
        {
            record.accounts = account_places
                .into_iter()
                .filter_map(|place| bank.iban_at(place).map(str::to_owned))
                .chain(account_ibans)
                .collect();
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

    use super::super::tests::{LIFETIMES, bank, binding, redemption, user};
    use super::*;
    use crate::oauth::BearerRefusal;

    /// The grants as a restarted bank has them: through JSON, like the state file.
    fn restarted(grants: &Grants) -> Grants {
        let bank = bank();
        let json = serde_json::to_string(&grants.stored(&bank)).unwrap();
        Grants::from_stored(serde_json::from_str(&json).unwrap(), &bank)
    }

    /// A binding for the first two of the user's accounts, by IBAN.
    fn binding_to_two_accounts() -> (super::super::CodeBinding, Vec<String>) {
        let (bank, user) = (bank(), user());
        let ibans: Vec<String> = bank
            .accounts_of(user)
            .take(2)
            .map(|account| account.iban.clone())
            .collect();
        let binding = super::super::CodeBinding {
            accounts: ibans.clone(),
            ..binding(user)
        };
        (binding, ibans)
    }

    #[test]
    fn a_restart_keeps_grants_and_refresh_tokens_but_not_access_tokens() {
        let (mut grants, now) = (Grants::default(), OffsetDateTime::now_utc());
        let (binding_two, ibans) = binding_to_two_accounts();
        let code = grants.issue_code(binding_two, now);
        let tokens = grants.redeem(redemption(&code), now, LIFETIMES).unwrap();

        let mut after = restarted(&grants);
        assert_eq!(after.list()[0].accounts, ibans);
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
    fn the_file_names_accounts_by_place_not_iban_and_a_version_1_file_still_reads() {
        let (mut grants, now) = (Grants::default(), OffsetDateTime::now_utc());
        let (binding_two, ibans) = binding_to_two_accounts();
        let code = grants.issue_code(binding_two, now);
        grants.redeem(redemption(&code), now, LIFETIMES).unwrap();
        let bank = bank();

        let json = serde_json::to_string(&grants.stored(&bank)).unwrap();
        assert!(
            !ibans.iter().any(|iban| json.contains(iban.as_str())),
            "{json}"
        );
        assert!(json.contains("accountPlaces"), "{json}");

        // Version 1 kept the IBANs under `accounts`.
        let mut version_1: serde_json::Value = serde_json::from_str(&json).unwrap();
        let grant = &mut version_1[0];
        grant.as_object_mut().unwrap().remove("accountPlaces");
        grant["accounts"] = serde_json::json!(ibans);
        let read = Grants::from_stored(serde_json::from_value(version_1).unwrap(), &bank);
        assert_eq!(read.list()[0].accounts, ibans);
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
