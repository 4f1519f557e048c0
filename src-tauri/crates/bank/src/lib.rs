//! Bankbook's bank client for the SBAS family of PSD2 account-information APIs.

mod error;
mod model;
mod money;
mod profile;

pub use error::{Error, Result};
pub use model::{
    Account, AccountInformation, Balance, BalanceKind, Counterparty, EntryStatus, Iban, Page,
    PaymentSymbols, Transaction, parse_account_information, parse_accounts_page,
    parse_transactions_page,
};
pub use money::{CreditDebit, Money};
pub use profile::BankProfile;
