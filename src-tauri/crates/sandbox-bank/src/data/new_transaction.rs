//! A transaction that a test adds through the admin interface.

use std::str::FromStr;

use rust_decimal::Decimal;
use serde::Deserialize;
use time::Date;

use super::entry::{Entry, EntryStatus};
use crate::error::{Error, Result};
use crate::iban;

/// The largest amount one added transaction may move.
const MAX_AMOUNT: Decimal = Decimal::from_parts(1_000_000_000, 0, 0, false, 0);

/// A new entry for an account, dated today by the bank's clock and listed newest.
///
/// In JSON: `{"iban", "amount": "-12.30", "status": "BOOK"|"INFO", "counterpartyName",
/// "counterpartyIban", "description", "endToEndReference"}`; only `iban` and `amount` are needed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewTransaction {
    /// The account it is added to.
    pub iban: String,
    /// Signed, with at most two decimals; in JSON a string, so it never passes through a float.
    #[serde(deserialize_with = "decimal_from_string")]
    pub amount: Decimal,
    /// `INFO` adds a pending entry that can be booked later.
    #[serde(default)]
    pub status: EntryStatus,
    pub counterparty_name: Option<String>,
    pub counterparty_iban: Option<String>,
    /// The remittance information ("what for").
    pub description: Option<String>,
    /// `/VS../SS../KS..`; `NOTPROVIDED` when absent.
    pub end_to_end_reference: Option<String>,
}

impl NewTransaction {
    /// A booked transaction of `amount` on `iban`.
    pub fn booked(iban: impl Into<String>, amount: Decimal) -> Self {
        Self {
            iban: iban.into(),
            amount,
            status: EntryStatus::Booked,
            counterparty_name: None,
            counterparty_iban: None,
            description: None,
            end_to_end_reference: None,
        }
    }

    /// A pending transaction of `amount` on `iban`.
    pub fn pending(iban: impl Into<String>, amount: Decimal) -> Self {
        Self {
            status: EntryStatus::Pending,
            ..Self::booked(iban, amount)
        }
    }

    #[must_use]
    pub fn counterparty(mut self, name: impl Into<String>, iban: Option<String>) -> Self {
        self.counterparty_name = Some(name.into());
        self.counterparty_iban = iban;
        self
    }

    #[must_use]
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// The entry it becomes under `reference`, made `today`.
    pub(crate) fn into_entry(self, reference: String, today: Date) -> Result<Entry> {
        self.validate()?;
        let incoming = self.amount.is_sign_positive();
        Ok(Entry {
            reference,
            status: self.status,
            amount: self.amount,
            value_date: today,
            booking_date: (self.status == EntryStatus::Booked).then_some(today),
            bank_transaction_code: if incoming {
                "PMNT-RCDT-ESCT"
            } else {
                "PMNT-ICDT-ESCT"
            },
            counterparty_name: self.counterparty_name,
            counterparty_iban: self.counterparty_iban,
            end_to_end: Some(
                self.end_to_end_reference
                    .unwrap_or_else(|| "NOTPROVIDED".to_owned()),
            ),
            remittance: self.description,
            note: Some("SEPA transfer"),
        })
    }

    fn validate(&self) -> Result<()> {
        let invalid = |reason: &str| Err(Error::InvalidTransaction(reason.to_owned()));
        if self.amount.is_zero() || self.amount.abs() >= MAX_AMOUNT {
            return invalid("the amount must be non-zero and below 1,000,000,000");
        }
        if self.amount.normalize().scale() > 2 {
            return invalid("the amount has more than two decimals");
        }
        if self
            .counterparty_iban
            .as_deref()
            .is_some_and(|iban| !iban::is_valid(iban))
        {
            return invalid("the counterparty IBAN has wrong check digits");
        }
        Ok(())
    }
}

fn decimal_from_string<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> std::result::Result<Decimal, D::Error> {
    let text = String::deserialize(deserializer)?;
    Decimal::from_str(&text).map_err(serde::de::Error::custom)
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    #[test]
    fn reads_the_admin_json_with_a_string_amount() {
        let json = r#"{"iban":"SK31","amount":"-12.30","status":"INFO","description":"Kava"}"#;
        let new: NewTransaction = serde_json::from_str(json).unwrap();
        assert_eq!(new.amount, Decimal::new(-1230, 2));
        assert_eq!(new.status, EntryStatus::Pending);
        assert!(
            serde_json::from_str::<NewTransaction>(r#"{"iban":"SK31","amount":-12.3}"#).is_err()
        );
    }

    #[test]
    fn refuses_zero_sub_cent_and_badly_checked_values() {
        let today = date!(2026 - 05 - 14);
        let zero = NewTransaction::booked("SK", Decimal::ZERO);
        assert!(zero.into_entry("R".into(), today).is_err());
        let sub_cent = NewTransaction::booked("SK", Decimal::new(1234, 3));
        assert!(sub_cent.into_entry("R".into(), today).is_err());
        let bad_iban =
            NewTransaction::booked("SK", Decimal::ONE).counterparty("X", Some("SK0012".into()));
        assert!(bad_iban.into_entry("R".into(), today).is_err());
        let fine = NewTransaction::pending("SK", Decimal::new(-990, 2))
            .into_entry("R".into(), today)
            .unwrap();
        assert_eq!(
            (fine.status, fine.booking_date, fine.value_date),
            (EntryStatus::Pending, None, today)
        );
    }
}
