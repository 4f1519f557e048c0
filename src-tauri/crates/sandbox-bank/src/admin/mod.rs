//! The admin handle: what a test (or the app) may do to a running bank, in-process. The HTTP
//! admin interface under `/__admin` offers the same, delegating here.

mod entries;
mod http;
mod snapshot;

use std::time::Duration;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

pub(crate) use http::routes;
pub use snapshot::AccountSnapshot;

use crate::counters::Counters;
use crate::data::NewTransaction;
use crate::error::{Error, Result};
use crate::faults::{ActiveFault, Fault};
use crate::oauth::{GrantId, GrantRecord, Selection};
use crate::state::AppState;
use crate::sync::lock;

/// Steers a running bank; cheap to clone.
#[derive(Debug, Clone)]
pub struct Admin {
    state: AppState,
}

/// Which consents an admin action applies to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GrantFilter {
    All,
    Grant(GrantId),
    /// Every consent the demo user with this username gave.
    User(String),
}

/// The SHA-256 digests (64 hex digits) of the tokens the bank issued and still knows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenDigests {
    pub access: Vec<String>,
    pub refresh: Vec<String>,
}

/// A consent as the bank keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GrantInfo {
    pub id: GrantId,
    pub username: String,
    pub client_id: String,
    pub accounts: Vec<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: OffsetDateTime,
    pub revoked: bool,
}

impl Admin {
    pub(crate) fn new(state: AppState) -> Self {
        Self { state }
    }

    /// Every consent given so far, oldest first.
    pub fn grants(&self) -> Vec<GrantInfo> {
        let records = lock(&self.state.oauth).grants.list();
        records
            .into_iter()
            .map(|record| self.info(record))
            .collect()
    }

    /// The SHA-256 digests of the tokens the bank has issued (it keeps no token itself).
    pub fn token_digests(&self) -> TokenDigests {
        let (access, refresh) = lock(&self.state.oauth).grants.token_digests();
        TokenDigests { access, refresh }
    }

    /// Revokes consents with their tokens: data calls get 401, refreshes `invalid_grant`.
    /// Returns how many live consents were revoked.
    pub fn revoke_consents(&self, which: &GrantFilter) -> Result<usize> {
        let selection = self.selection(which)?;
        Ok(self.state.change_grants(|grants| grants.revoke(selection)))
    }

    /// Makes access tokens expire now (refresh tokens stay valid). Returns how many were live.
    pub fn expire_access_tokens(&self, which: &GrantFilter) -> Result<usize> {
        let selection = self.selection(which)?;
        let now = self.state.clock.now();
        Ok(lock(&self.state.oauth)
            .grants
            .expire_access_tokens(selection, now))
    }

    /// Adds a transaction as the account's newest entry; returns its entry reference.
    pub fn add_transaction(&self, transaction: NewTransaction) -> Result<String> {
        let iban: String = transaction
            .iban
            .chars()
            .filter(|character| !character.is_whitespace())
            .collect();
        let account = self
            .state
            .bank
            .account(&iban)
            .ok_or(Error::UnknownAccount(iban))?;
        account.add(transaction, self.state.clock.today())
    }

    /// Books a pending entry today: same entry reference, status `BOOK`, listed newest.
    pub fn book_pending(&self, entry_reference: &str) -> Result<()> {
        let today = self.state.clock.today();
        let booked = self
            .state
            .bank
            .accounts()
            .iter()
            .any(|account| account.book(entry_reference, today));
        if booked {
            Ok(())
        } else {
            Err(Error::UnknownPendingEntry(entry_reference.to_owned()))
        }
    }

    /// Releases a pending entry (a card hold that lapsed): it leaves the listing.
    pub fn release_pending(&self, entry_reference: &str) -> Result<()> {
        let released = self
            .state
            .bank
            .accounts()
            .iter()
            .any(|account| account.release(entry_reference));
        if released {
            Ok(())
        } else {
            Err(Error::UnknownPendingEntry(entry_reference.to_owned()))
        }
    }

    /// Moves the booked balance of `iban` by `amount` without an entry: the bank's own error,
    /// which a client's reconciliation should find. Not kept in the state file.
    pub fn shift_balance(&self, iban: &str, amount: Decimal) -> Result<()> {
        self.state
            .bank
            .account(iban)
            .ok_or_else(|| Error::UnknownAccount(iban.to_owned()))?
            .shift_balance(amount);
        Ok(())
    }

    /// Injects a fault; returns its id.
    pub fn inject_fault(&self, fault: Fault) -> u64 {
        lock(&self.state.faults).inject(fault, self.state.clock.now())
    }

    /// The faults still in force.
    pub fn faults(&self) -> Vec<ActiveFault> {
        lock(&self.state.faults).active(self.state.clock.now())
    }

    pub fn clear_faults(&self) {
        lock(&self.state.faults).clear();
    }

    /// Requests per endpoint and token requests per grant type since start or the last reset.
    pub fn counters(&self) -> Counters {
        lock(&self.state.counters).clone()
    }

    pub fn reset_counters(&self) {
        *lock(&self.state.counters) = Counters::default();
    }

    /// The bank's current time.
    pub fn now(&self) -> OffsetDateTime {
        self.state.clock.now()
    }

    /// Moves the bank's clock forward: codes, tokens, consents and timed faults expire as if
    /// the time had passed. With a state file, the bank's time stays ahead after a restart.
    /// The bank's time runs at most ten years (3,660 days) ahead of real time: an advance
    /// beyond that is refused with `Error::InvalidAdminRequest` and the clock stays where it is.
    pub fn advance_clock(&self, by: Duration) -> Result<()> {
        self.state
            .advance_clock(by)
            .map_err(|refused| Error::InvalidAdminRequest(refused.to_string()))
    }

    fn selection(&self, which: &GrantFilter) -> Result<Selection> {
        Ok(match which {
            GrantFilter::All => Selection::All,
            GrantFilter::Grant(id) => Selection::Grant(*id),
            GrantFilter::User(username) => {
                Selection::User(self.state.bank.user_by_name(username).ok_or_else(|| {
                    Error::InvalidAdminRequest(format!("no demo user {username}"))
                })?)
            }
        })
    }

    fn info(&self, record: GrantRecord) -> GrantInfo {
        GrantInfo {
            id: record.id,
            username: self.state.bank.user(record.user).username.to_owned(),
            client_id: record.client_id,
            accounts: record.accounts,
            created_at: record.created_at,
            expires_at: record.expires_at,
            revoked: record.revoked,
        }
    }
}
