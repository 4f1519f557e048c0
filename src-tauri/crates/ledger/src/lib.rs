//! The accounts as the main window shows them: balances and the transaction history served
//! from the local store, with the bank asked only for what the store lacks.
//!
//! The store is the truth the UI pages through: the bank's page numbers shift as new entries
//! arrive, so a cursor names a place in the stored list, never a bank page. Older bank pages
//! are fetched as the user scrolls past the stored end; a refresh fetches the newest pages
//! until they reach what is stored.

mod balances;
mod categories;
mod chart_axis;
mod charts;
mod convert;
mod cursor;
mod detail;
mod error;
mod history;
mod locks;
mod matches;
mod reconciliation;
mod search;
mod whole_history;

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use store::{SelectedAccount, Store};
use time::OffsetDateTime;

pub use balances::{AccountOverview, STALE_AFTER, Scope};
pub use categories::{CategoryChange, MonthSpending, RuleApplied, RulePreview, RuleRun};
pub use chart_axis::{AXIS_TOP, Axis};
pub use charts::{AccountCharts, DailyBalance, MonthlyFlow, daily_balances, monthly_flows};
pub use error::{Error, Result};
pub use history::{HistoryPage, MAX_PAGE_SIZE};
pub use matches::{EXPORT_CHUNK, SearchMatches};
pub use query::{NoteKind, QueryNote};
pub use reconciliation::{Break, Reconciliation};
pub use search::{Search, SearchNote, SearchOverview, SearchRequest, SearchResults};
pub use whole_history::{HistoryAccount, WholeHistory};

use locks::AccountLocks;

/// The store and the bank fetches in flight.
#[derive(Debug)]
pub struct Ledger {
    /// Shared with the [`SearchMatches`] an export reads on a blocking thread.
    store: Arc<Mutex<Store>>,
    fetching: AccountLocks,
}

impl Ledger {
    pub fn new(store: Store) -> Self {
        Self {
            store: Arc::new(Mutex::new(store)),
            fetching: AccountLocks::default(),
        }
    }

    /// The store, for what the ledger does not cover (the connection, the account choice).
    /// Held briefly: every store call is a few milliseconds at most.
    pub fn store(&self) -> MutexGuard<'_, Store> {
        // A panic while it was held leaves SQLite's own state consistent: still usable.
        self.store.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The store, to write what was fetched for `iban`, unless the account stopped being shown
    /// while the bank answered (a disconnect that removed the data must not see it come back).
    /// Checked and written under one lock.
    fn store_for_writing(&self, iban: &str) -> Result<Option<MutexGuard<'_, Store>>> {
        let store = self.store();
        if store.is_shown(iban)? {
            Ok(Some(store))
        } else {
            tracing::info!("an answer for an account no longer shown was dropped");
            Ok(None)
        }
    }

    /// The account `iban` if it is one the user chose to show for `bank_id`.
    fn selected(&self, bank_id: &str, iban: &str) -> Result<SelectedAccount> {
        self.store()
            .selected_accounts(bank_id)?
            .into_iter()
            .find(|account| account.iban == iban)
            .ok_or(Error::UnknownAccount)
    }
}

fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}
