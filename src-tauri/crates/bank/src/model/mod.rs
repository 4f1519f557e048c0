//! What the bank tells us, as domain types: parsed from the wire shapes in `wire`, checked,
//! with every amount a signed `Decimal`.

mod account;
mod balance;
mod parse;
mod transaction;
mod wire;

pub use account::{Account, Iban};
pub use balance::{AccountInformation, Balance, BalanceKind};
pub use parse::{parse_account_information, parse_accounts_page, parse_transactions_page};
pub use transaction::{Counterparty, EntryStatus, PaymentSymbols, Transaction};
pub(crate) use wire::Amount as WireAmount;

/// One page of a paged list, with where the next one is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub page_number: u32,
    /// How many pages the listing has, when the bank says.
    pub page_count: Option<u32>,
    /// The next page's number; `None` on the last page.
    pub next_page: Option<u32>,
}
