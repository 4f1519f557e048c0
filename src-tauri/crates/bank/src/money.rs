//! Amounts, parsed from the JSON text straight into `Decimal`: never through a float.

use rust_decimal::Decimal;
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::{Error, Result};

/// Whether an entry or balance adds to the account (`CRDT`) or takes from it (`DBIT`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum CreditDebit {
    #[serde(rename = "CRDT")]
    Credit,
    #[serde(rename = "DBIT")]
    Debit,
}

/// A signed amount in an ISO 4217 currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Money {
    pub amount: Decimal,
    pub currency: String,
}

/// The contract's `{"value": 89.90, "currency": "EUR"}`; `value` kept as its JSON text.
#[derive(Deserialize)]
struct WireAmount {
    value: Box<RawValue>,
    currency: String,
}

impl Money {
    /// Reads a wire amount and signs it: banks of this family send unsigned values with a
    /// credit/debit indicator; some send signed values, whose magnitude is then used.
    pub fn from_wire(json: &str, indicator: Option<CreditDebit>) -> Result<Self> {
        let wire: WireAmount = serde_json::from_str(json)
            .map_err(|error| Error::Malformed(format!("amount: {error}")))?;
        let value = parse_decimal(wire.value.get())?;
        let amount = match indicator {
            Some(CreditDebit::Credit) => value.abs(),
            Some(CreditDebit::Debit) => -value.abs(),
            None => value,
        };
        Ok(Self {
            amount,
            currency: parse_currency(&wire.currency)?,
        })
    }
}

/// A JSON number or string holding a decimal number, read digit by digit.
fn parse_decimal(json_text: &str) -> Result<Decimal> {
    let text = if json_text.starts_with('"') {
        serde_json::from_str::<String>(json_text)
            .map_err(|error| Error::Malformed(format!("amount value: {error}")))?
    } else {
        json_text.to_owned()
    };
    let text = text.trim();
    Decimal::from_str_exact(text)
        .or_else(|_| Decimal::from_scientific(text))
        .map_err(|_| Error::Malformed("amount value is not a decimal number".to_owned()))
}

fn parse_currency(code: &str) -> Result<String> {
    if code.len() == 3 && code.bytes().all(|byte| byte.is_ascii_uppercase()) {
        Ok(code.to_owned())
    } else {
        Err(Error::Malformed(
            "currency is not an ISO 4217 code".to_owned(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn money(json: &str, indicator: Option<CreditDebit>) -> Money {
        Money::from_wire(json, indicator).unwrap()
    }

    #[test]
    fn keeps_every_digit_of_a_json_number() {
        let parsed = money(r#"{"value": 89.90, "currency": "EUR"}"#, None);
        assert_eq!(parsed.amount.to_string(), "89.90");
        // 0.1 has no exact f64; a float on the way would show here.
        let tenth = money(r#"{"value": 12345678901234567.1, "currency": "EUR"}"#, None);
        assert_eq!(tenth.amount.to_string(), "12345678901234567.1");
    }

    #[test]
    fn accepts_strings_and_scientific_notation() {
        assert_eq!(
            money(r#"{"value": "1520.35", "currency": "EUR"}"#, None)
                .amount
                .to_string(),
            "1520.35"
        );
        assert_eq!(
            money(r#"{"value": 1.5e2, "currency": "EUR"}"#, None)
                .amount
                .to_string(),
            "150"
        );
    }

    #[test]
    fn signs_by_the_indicator() {
        let debit = money(
            r#"{"value": 89.90, "currency": "EUR"}"#,
            Some(CreditDebit::Debit),
        );
        assert_eq!(debit.amount.to_string(), "-89.90");
        let signed_debit = money(
            r#"{"value": "-5", "currency": "EUR"}"#,
            Some(CreditDebit::Debit),
        );
        assert_eq!(signed_debit.amount.to_string(), "-5");
        let credit = money(
            r#"{"value": 5, "currency": "EUR"}"#,
            Some(CreditDebit::Credit),
        );
        assert_eq!(credit.amount.to_string(), "5");
    }

    #[test]
    fn refuses_what_is_not_an_amount() {
        for json in [
            r#"{"value": "12,50", "currency": "EUR"}"#,
            r#"{"value": true, "currency": "EUR"}"#,
            r#"{"value": 1, "currency": "euro"}"#,
            r#"{"currency": "EUR"}"#,
        ] {
            assert!(Money::from_wire(json, None).is_err(), "{json} was accepted");
        }
    }
}
