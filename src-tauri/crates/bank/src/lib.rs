//! Bankbook's bank client for the SBAS family of PSD2 account-information APIs.

mod error;
mod money;
mod profile;

pub use error::{Error, Result};
pub use money::{CreditDebit, Money};
pub use profile::BankProfile;
