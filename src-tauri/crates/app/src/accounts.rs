//! The main window's accounts: balances from the store at once, refreshed from the bank on
//! request and when stale.

use bank::Presence;
use ledger::Scope;
use serde::Serialize;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use ts_rs::TS;

use crate::automatic_refresh;
use crate::connection::AccountChoice;
use crate::core::Core;
use crate::error::Result;
use crate::opened::Opened;

/// Which balance a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum BalanceKind {
    /// What is booked on the account.
    Booked,
    /// What can be spent now, credit line included.
    Available,
    /// Another ISO 20022 balance type; `code` says which.
    Other,
}

/// One balance. Amounts are decimal strings, exactly as the bank sent them: never floats.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BalanceView {
    pub kind: BalanceKind,
    /// The ISO 20022 code (`ITBD`, `ITAV`, ...).
    pub code: String,
    pub amount: String,
    pub currency: String,
    /// The credit line the figure includes, when the bank says.
    pub credit_line: Option<String>,
}

/// A chosen account with its balances as last fetched.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AccountOverview {
    /// The bank the account is at.
    pub bank_id: String,
    pub account: AccountChoice,
    pub balances: Vec<BalanceView>,
    /// RFC 3339; `None`: never fetched.
    pub balances_fetched_at: Option<String>,
    /// Old enough that the window should refresh it without being asked.
    pub stale: bool,
    /// The bank's latest consent no longer covers the account: what is stored stays, and is
    /// no longer updated.
    pub no_longer_consented: bool,
}

impl Core {
    /// Every bank's chosen accounts with their stored balances, at once, in the order the
    /// banks were connected; the banks are not asked.
    pub async fn accounts_overview(&self) -> Result<Vec<AccountOverview>> {
        let data = &*self.data().await?;
        let mut overviews = Vec::new();
        for link in data.links() {
            overviews.extend(overview(data, link.bank_id())?);
        }
        Ok(overviews)
    }

    /// Fetches `bank_id`'s chosen accounts' balances and newest transactions from the bank for
    /// the person, who asked or just opened the window: everything, or with `only_stale` only
    /// what is out of date. Each bank is refreshed on its own: one that fails does not stop
    /// the others. The refreshes made without the person are `refresh_on_its_own`'s.
    pub async fn refresh_bank(
        &self,
        bank_id: String,
        only_stale: bool,
    ) -> Result<Vec<AccountOverview>> {
        let data = &*self.data().await?;
        let link = data.link(&bank_id)?;
        let session = link.session(&data.connector).await?;
        let scope = if only_stale {
            Scope::Stale
        } else {
            Scope::Everything
        };
        automatic_refresh::record_attended_reads(data, &bank_id, self.clock.now())?;
        let refreshed = data
            .ledger
            .refresh(session, &bank_id, scope, Presence::Attended)
            .await;
        automatic_refresh::keep_consent_end(data, &link)?;
        refreshed?;
        overview(data, &bank_id)
    }
}

fn overview(data: &Opened, bank_id: &str) -> Result<Vec<AccountOverview>> {
    let accounts = data.ledger.overview(bank_id)?;
    Ok(accounts
        .into_iter()
        .map(|account| AccountOverview::of(bank_id, account))
        .collect())
}

impl AccountOverview {
    fn of(bank_id: &str, overview: ledger::AccountOverview) -> Self {
        Self {
            bank_id: bank_id.to_owned(),
            account: AccountChoice::from(overview.account),
            balances: overview
                .balances
                .balances
                .into_iter()
                .map(BalanceView::from)
                .collect(),
            balances_fetched_at: overview
                .balances
                .fetched_at
                .and_then(|seconds| OffsetDateTime::from_unix_timestamp(seconds).ok())
                .and_then(|time| time.format(&Rfc3339).ok()),
            stale: overview.stale,
            no_longer_consented: overview.no_longer_consented,
        }
    }
}

impl From<store::BalanceRecord> for BalanceView {
    fn from(balance: store::BalanceRecord) -> Self {
        let kind = match bank::BalanceKind::from_code(&balance.code) {
            bank::BalanceKind::Booked => BalanceKind::Booked,
            bank::BalanceKind::Available => BalanceKind::Available,
            bank::BalanceKind::Other(_) => BalanceKind::Other,
        };
        Self {
            kind,
            code: balance.code,
            amount: balance.amount.to_string(),
            currency: balance.currency,
            credit_line: balance.credit_line.map(|line| line.to_string()),
        }
    }
}
