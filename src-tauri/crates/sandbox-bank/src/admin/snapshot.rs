//! What the bank holds for an account, for a test to compare with what an app shows.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::data::{HistoryFilter, PageRequest, StatusFilter};
use crate::error::{Error, Result};

use super::Admin;

/// An account's balances and its newest entries, as the API would list them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountSnapshot {
    /// ITBD; decimal text in JSON (the workspace's `serde-str`).
    pub booked: Decimal,
    /// ITAV; decimal text in JSON.
    pub available: Decimal,
    /// Entry references, newest first, booked and pending, at most the number asked for.
    pub entry_references: Vec<String>,
}

/// The bank's largest page: the listing is read a page at a time.
const PAGE_SIZE: u32 = 100;

impl Admin {
    /// The balances of `iban` and up to `entries` of its newest entry references.
    pub fn account_snapshot(&self, iban: &str, entries: usize) -> Result<AccountSnapshot> {
        let account = self
            .state
            .bank
            .account(iban)
            .ok_or_else(|| Error::UnknownAccount(iban.to_owned()))?;
        let filter = HistoryFilter {
            status: StatusFilter::All,
            from: None,
            to: None,
        };
        let mut entry_references = Vec::new();
        let mut number = 1;
        while entry_references.len() < entries {
            let Ok(page) = account.history_page(
                &filter,
                PageRequest {
                    number,
                    size: PAGE_SIZE,
                },
            ) else {
                break;
            };
            let last = number >= page.count;
            entry_references.extend(page.items.into_iter().map(|entry| entry.reference));
            if last {
                break;
            }
            number += 1;
        }
        entry_references.truncate(entries);
        let balances = account.balances();
        Ok(AccountSnapshot {
            booked: balances.booked,
            available: balances.available,
            entry_references,
        })
    }
}
