//! Amounts, parsed from the JSON text straight into `Decimal`: never through a float.

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::model::WireAmount;
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

impl Money {
    /// Reads a wire amount and signs it: banks of this family send unsigned values with a
    /// credit/debit indicator; some send signed values, whose magnitude is then used.
    pub(crate) fn from_wire(
        endpoint: &'static str,
        wire: &WireAmount,
        indicator: Option<CreditDebit>,
    ) -> Result<Self> {
        let value = parse_decimal(endpoint, wire.value.get())?;
        if value.is_sign_negative() && indicator == Some(CreditDebit::Credit) {
            // Contradictory; the indicator is the field the contract defines, so it wins.
            tracing::warn!(
                endpoint,
                "a negative amount marked as credit; read as a credit"
            );
        }
        let amount = match indicator {
            Some(CreditDebit::Credit) => value.abs(),
            Some(CreditDebit::Debit) => -value.abs(),
            None => value,
        };
        Ok(Self {
            amount,
            currency: Self::check_currency(endpoint, &wire.currency)?,
        })
    }

    /// An ISO 4217 code: three capital letters.
    pub(crate) fn check_currency(endpoint: &'static str, code: &str) -> Result<String> {
        if code.len() == 3 && code.bytes().all(|byte| byte.is_ascii_uppercase()) {
            Ok(code.to_owned())
        } else {
            Err(Error::malformed(
                endpoint,
                "a currency is not an ISO 4217 code",
            ))
        }
    }
}

/// A JSON number or string holding a decimal number, read digit by digit.
fn parse_decimal(endpoint: &'static str, json_text: &str) -> Result<Decimal> {
    let not_a_number = || Error::malformed(endpoint, "an amount is not a decimal number");
    let text = if json_text.starts_with('"') {
        serde_json::from_str::<String>(json_text).map_err(|_| not_a_number())?
    } else {
        json_text.to_owned()
    };
    let text = text.trim();
    // rust_decimal reads `1_000` as 1000; no bank writes amounts that way.
    if text.contains('_') {
        return Err(not_a_number());
    }
    Decimal::from_str_exact(text)
        .or_else(|_| Decimal::from_scientific(text))
        .map_err(|_| not_a_number())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn money(json: &str, indicator: Option<CreditDebit>) -> Result<Money> {
        let wire: WireAmount = serde_json::from_str(json).unwrap();
        Money::from_wire("test", &wire, indicator)
    }

    fn amount(json: &str, indicator: Option<CreditDebit>) -> String {
        money(json, indicator).unwrap().amount.to_string()
    }

    #[test]
    fn keeps_every_digit_of_a_json_number() {
        assert_eq!(
            amount(r#"{"value": 89.90, "currency": "EUR"}"#, None),
            "89.90"
        );
        // More significant digits than a binary floating-point number holds: any detour
        // through one would show here.
        let big = r#"{"value": 12345678901234567.1, "currency": "EUR"}"#;
        assert_eq!(amount(big, None), "12345678901234567.1");
    }

    #[test]
    fn accepts_strings_and_scientific_notation() {
        assert_eq!(
            amount(r#"{"value": "1520.35", "currency": "EUR"}"#, None),
            "1520.35"
        );
        assert_eq!(
            amount(r#"{"value": 1.5e2, "currency": "EUR"}"#, None),
            "150"
        );
    }

    #[test]
    fn signs_by_the_indicator() {
        let debit = Some(CreditDebit::Debit);
        assert_eq!(
            amount(r#"{"value": 89.90, "currency": "EUR"}"#, debit),
            "-89.90"
        );
        assert_eq!(amount(r#"{"value": "-5", "currency": "EUR"}"#, debit), "-5");
        let credit = Some(CreditDebit::Credit);
        assert_eq!(amount(r#"{"value": 5, "currency": "EUR"}"#, credit), "5");
    }

    #[test]
    fn refuses_what_is_not_an_amount() {
        for json in [
            r#"{"value": "12,50", "currency": "EUR"}"#,
            r#"{"value": true, "currency": "EUR"}"#,
            r#"{"value": 1, "currency": "euro"}"#,
            r#"{"value": "1_000", "currency": "EUR"}"#,
        ] {
            assert!(money(json, None).is_err(), "{json} was accepted");
        }
    }
}
