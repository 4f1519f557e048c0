//! One entry of an account's history, as the bank keeps it.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::Date;

/// Booked, or still pending (an authorisation hold, say) and to be booked later.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum EntryStatus {
    /// `BOOK`
    #[default]
    #[serde(rename = "BOOK")]
    Booked,
    /// `INFO`: not yet booked; it books later under the same entry reference.
    #[serde(rename = "INFO")]
    Pending,
}

impl EntryStatus {
    /// The code on the wire.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Self::Booked => "BOOK",
            Self::Pending => "INFO",
        }
    }
}

/// A transaction as stored or generated; `amount` is signed (negative leaves the account).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    pub reference: String,
    pub status: EntryStatus,
    pub amount: Decimal,
    /// When the payment happened (for a pending entry, the only date it has).
    pub value_date: Date,
    /// When it was booked; `None` while pending.
    pub booking_date: Option<Date>,
    /// ISO 20022 domain-family-subfamily, e.g. `PMNT-ICDT-ESCT`.
    pub bank_transaction_code: &'static str,
    pub counterparty_name: Option<String>,
    pub counterparty_iban: Option<String>,
    /// `/VS../SS../KS..` for transfers, `NOTPROVIDED` for card payments.
    pub end_to_end: Option<String>,
    pub remittance: Option<String>,
    /// The bank's own note: "Card payment", "SEPA transfer", ...
    pub note: Option<&'static str>,
}

impl Entry {
    /// The date that orders entries and that date filters compare: booked on, or made on.
    pub(crate) fn date(&self) -> Date {
        self.booking_date.unwrap_or(self.value_date)
    }

    /// What a pending debit holds back from the available balance.
    pub(crate) fn pending_debit(&self) -> Decimal {
        if self.status == EntryStatus::Pending && self.amount.is_sign_negative() {
            -self.amount
        } else {
            Decimal::ZERO
        }
    }

    /// What this entry adds to the booked balance.
    pub(crate) fn booked_amount(&self) -> Decimal {
        match self.status {
            EntryStatus::Booked => self.amount,
            EntryStatus::Pending => Decimal::ZERO,
        }
    }

    /// Books a pending entry on `date`, keeping its reference.
    #[cfg(feature = "admin")]
    pub(crate) fn book(&mut self, date: Date) {
        self.status = EntryStatus::Booked;
        self.booking_date = Some(date);
    }
}

/// Which entries a history query wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum StatusFilter {
    #[default]
    All,
    Booked,
    Pending,
}

impl StatusFilter {
    pub(crate) fn admits(self, status: EntryStatus) -> bool {
        match self {
            Self::All => true,
            Self::Booked => status == EntryStatus::Booked,
            Self::Pending => status == EntryStatus::Pending,
        }
    }
}

/// A history query: status and an inclusive date range on [`Entry::date`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct HistoryFilter {
    pub status: StatusFilter,
    pub from: Option<Date>,
    pub to: Option<Date>,
}

impl HistoryFilter {
    pub(crate) fn admits(&self, entry: &Entry) -> bool {
        let date = entry.date();
        self.status.admits(entry.status)
            && self.from.is_none_or(|from| date >= from)
            && self.to.is_none_or(|to| date <= to)
    }
}
