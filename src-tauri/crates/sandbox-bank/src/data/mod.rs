//! The bank's customers, their accounts and the accounts' histories.

mod account;
mod archive;
mod bank;
mod catalog;
mod entry;
mod generator;
#[cfg(feature = "admin")]
mod new_transaction;
mod paging;
mod rng;
mod schedule;
mod users;

use serde::{Deserialize, Serialize};

pub(crate) use account::{Account, Balances};
pub(crate) use bank::{BIC, Bank, UserId};
pub use entry::EntryStatus;
pub(crate) use entry::{Entry, HistoryFilter, StatusFilter};
#[cfg(feature = "admin")]
pub use new_transaction::NewTransaction;
pub(crate) use paging::{BeyondLastPage, Page, PageRequest, page};
pub use users::{DemoAccount, DemoUser};

/// The kinds of account a demo user holds: each user's first three are one of each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountKind {
    /// A personal current account with a debit card.
    Current,
    /// A savings account fed from the current account.
    Savings,
    /// A current account with an overdraft: its available balance includes a credit line.
    CreditLine,
}

impl AccountKind {
    /// The kind of a user's `n`-th account (0-based).
    fn nth(n: usize) -> Self {
        match n % 3 {
            0 => Self::Current,
            1 => Self::Savings,
            _ => Self::CreditLine,
        }
    }

    /// The account's name as the bank shows it.
    fn display_name(self) -> &'static str {
        match self {
            Self::Current => "Current account",
            Self::Savings => "Savings account",
            Self::CreditLine => "Account with overdraft",
        }
    }

    /// The product the account is sold as.
    pub(crate) fn product(self) -> &'static str {
        match self {
            Self::Current => "Personal account",
            Self::Savings => "Savings account",
            Self::CreditLine => "Personal account with overdraft",
        }
    }
}
