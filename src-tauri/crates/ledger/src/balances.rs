//! Balances: the stored ones at once, fresh ones from the bank on request or when stale.

use std::time::Duration;

use bank::{Iban, RefreshTokenStore, Session};
use store::{SelectedAccount, StoredBalances};

use crate::convert::balance_record;
use crate::{Ledger, Result, now};

/// Balances older than this are refreshed without the user asking.
pub const STALE_AFTER: Duration = Duration::from_mins(10);

/// A chosen account with its balances as last fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountOverview {
    pub account: SelectedAccount,
    pub balances: StoredBalances,
    /// Never fetched, or fetched longer than [`STALE_AFTER`] ago.
    pub stale: bool,
}

impl Ledger {
    /// The accounts shown for `bank_id`, in the user's order, with their stored balances.
    /// Never calls the bank.
    pub fn overview(&self, bank_id: &str) -> Result<Vec<AccountOverview>> {
        let store = self.store();
        let stale_before =
            now().unix_timestamp() - i64::try_from(STALE_AFTER.as_secs()).unwrap_or(i64::MAX);
        store
            .selected_accounts(bank_id)?
            .into_iter()
            .map(|account| {
                let balances = store.balances(&account.iban)?;
                let stale = balances
                    .fetched_at
                    .is_none_or(|fetched_at| fetched_at < stale_before);
                Ok(AccountOverview {
                    account,
                    balances,
                    stale,
                })
            })
            .collect()
    }

    /// Fetches the balances of every account shown for `bank_id` and stores them.
    pub async fn refresh_balances<S: RefreshTokenStore>(
        &self,
        session: &Session<S>,
        bank_id: &str,
    ) -> Result<()> {
        let accounts = self.store().selected_accounts(bank_id)?;
        for account in accounts {
            let iban = Iban::parse(&account.iban)?;
            let information = session.account_information(&iban).await?;
            let balances: Vec<_> = information
                .balances
                .into_iter()
                .map(balance_record)
                .collect();
            self.store()
                .save_balances(&account.iban, &balances, now().unix_timestamp())?;
        }
        Ok(())
    }

    /// Balances and the newest transactions of every account shown for `bank_id`.
    pub async fn refresh<S: RefreshTokenStore>(
        &self,
        session: &Session<S>,
        bank_id: &str,
    ) -> Result<()> {
        self.refresh_balances(session, bank_id).await?;
        let accounts = self.store().selected_accounts(bank_id)?;
        for account in accounts {
            self.refresh_history(session, &account.iban).await?;
        }
        Ok(())
    }
}
