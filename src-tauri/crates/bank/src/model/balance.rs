use crate::money::Money;

use super::Account;

/// Which balance a figure is (ISO 20022 balance type codes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BalanceKind {
    /// `ITBD`: the booked balance.
    Booked,
    /// `ITAV`: what can be spent now, credit line included.
    Available,
    /// Any other code (`CLBD`, `CLAV`, `PRCD`, ...): kept and shown, never dropped.
    Other(String),
}

impl BalanceKind {
    pub fn from_code(code: &str) -> Self {
        match code {
            "ITBD" => Self::Booked,
            "ITAV" => Self::Available,
            other => Self::Other(other.to_owned()),
        }
    }

    pub fn code(&self) -> &str {
        match self {
            Self::Booked => "ITBD",
            Self::Available => "ITAV",
            Self::Other(code) => code,
        }
    }
}

/// One balance of an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Balance {
    pub kind: BalanceKind,
    pub amount: Money,
    /// When the bank computed it, as the bank wrote it (ISO 8601).
    pub as_of: Option<String>,
    /// The credit line the figure includes, when the bank says.
    pub credit_line: Option<Money>,
}

/// `POST /api/v1/accounts/information`: the account and its balances.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountInformation {
    pub account: Account,
    pub balances: Vec<Balance>,
}
