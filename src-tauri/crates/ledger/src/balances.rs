//! Balances: the stored ones at once, fresh ones from the bank on request or when stale; and
//! the refresh of balances and newest transactions together.

use std::time::Duration;

use bank::{Iban, Presence, RefreshTokenStore, Session};
use store::{SelectedAccount, StoredBalances};

use crate::convert::balance_record;
use crate::{Error, Ledger, Result, now};

/// Balances and transactions older than this are refreshed without the user asking.
pub const STALE_AFTER: Duration = Duration::from_mins(10);

/// A chosen account with its balances as last fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountOverview {
    pub account: SelectedAccount,
    pub balances: StoredBalances,
    /// Never fetched, or fetched longer than [`STALE_AFTER`] ago; never for an account that is
    /// no longer updated.
    pub stale: bool,
    /// The bank's latest consent no longer covers the account: what is stored stays, and is
    /// not updated.
    pub no_longer_consented: bool,
}

/// What a refresh fetches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Everything: the user asked.
    Everything,
    /// Only what is older than [`STALE_AFTER`]: the app refreshes on its own, and a history
    /// whose newest page was fetched a moment ago by scrolling is not fetched again.
    Stale,
}

impl Ledger {
    /// The accounts shown for `bank_id`, in the user's order, with their stored balances.
    /// Never calls the bank.
    pub fn overview(&self, bank_id: &str) -> Result<Vec<AccountOverview>> {
        let store = self.store();
        let stale_before = stale_before();
        store
            .selected_accounts(bank_id)?
            .into_iter()
            .map(|account| {
                let balances = store.balances(&account.iban)?;
                let no_longer_consented = store.is_no_longer_consented(&account.iban)?;
                let stale = !no_longer_consented && is_stale(balances.fetched_at, stale_before);
                Ok(AccountOverview {
                    account,
                    balances,
                    stale,
                    no_longer_consented,
                })
            })
            .collect()
    }

    /// Fetches the balances and newest transactions of the accounts shown for `bank_id`; an
    /// account whose balances and history were both fetched gets a reconciliation checkpoint.
    pub async fn refresh<S: RefreshTokenStore>(
        &self,
        session: &Session<S>,
        bank_id: &str,
        scope: Scope,
        presence: Presence,
    ) -> Result<()> {
        let stale_before = stale_before();
        // An account the consent no longer covers keeps what is stored, and is not asked for.
        let accounts = self.store().consented_shown_accounts(bank_id)?;
        tracing::info!(?scope, accounts = accounts.len(), "refreshing");
        let mut first_failure = None;
        let mut balances_fetched = Vec::with_capacity(accounts.len());
        for account in &accounts {
            let fetched_at = self.store().balances(&account.iban)?.fetched_at;
            let wanted = scope == Scope::Everything || is_stale(fetched_at, stale_before);
            let fetched = wanted
                && match self
                    .refresh_balances(session, &account.iban, presence)
                    .await
                {
                    Ok(()) => true,
                    Err(error) => {
                        first_failure.get_or_insert(only_this_account(error)?);
                        false
                    }
                };
            balances_fetched.push(fetched);
        }
        for (account, balances_fetched) in accounts.iter().zip(balances_fetched) {
            match self
                .refresh_history(session, &account.iban, scope, presence)
                .await
            {
                Ok(_) if balances_fetched => {
                    // The refresh itself succeeded; the next one records its checkpoint.
                    if let Err(error) = self.record_checkpoint(&account.iban) {
                        tracing::warn!(%error, "a reconciliation checkpoint could not be stored");
                    }
                }
                Ok(_) => {}
                Err(error) => {
                    first_failure.get_or_insert(only_this_account(error)?);
                }
            }
        }
        first_failure.map_or(Ok(()), Err)
    }

    /// Fetches one shown account's balances and newest transactions, each read once, as the
    /// app's unattended refresh counts them. Returns how many entries were new.
    pub async fn refresh_account<S: RefreshTokenStore>(
        &self,
        session: &Session<S>,
        iban: &str,
        presence: Presence,
    ) -> Result<usize> {
        self.refresh_balances(session, iban, presence).await?;
        let added = self
            .refresh_history(session, iban, Scope::Everything, presence)
            .await?;
        self.record_checkpoint(iban)?;
        Ok(added)
    }

    /// Fetches the balances of `iban` and stores them.
    async fn refresh_balances<S: RefreshTokenStore>(
        &self,
        session: &Session<S>,
        iban: &str,
        presence: Presence,
    ) -> Result<()> {
        let information = session
            .account_information(&Iban::parse(iban)?, presence)
            .await?;
        let balances: Vec<_> = information
            .balances
            .into_iter()
            .map(balance_record)
            .collect();
        if let Some(mut store) = self.store_for_writing(iban)? {
            store.save_balances(iban, &balances, now().unix_timestamp())?;
        }
        Ok(())
    }
}

/// A failure that concerns one account (the bank refused or garbled its data) lets the others
/// be refreshed, and is reported at the end; any other (the consent, the network, the bank as a
/// whole) stops the refresh now.
fn only_this_account(error: Error) -> Result<Error> {
    match error {
        Error::Bank(bank::Error::Rejected { .. } | bank::Error::Malformed { .. }) => {
            tracing::warn!(%error, "an account could not be refreshed; refreshing the others");
            Ok(error)
        }
        error => Err(error),
    }
}

/// Unix seconds before which a fetch is stale.
pub(crate) fn stale_before() -> i64 {
    now().unix_timestamp() - i64::try_from(STALE_AFTER.as_secs()).unwrap_or(i64::MAX)
}

pub(crate) fn is_stale(fetched_at: Option<i64>, stale_before: i64) -> bool {
    fetched_at.is_none_or(|fetched_at| fetched_at < stale_before)
}
