//! Amounts and codes as camt.053's schema types allow them.

use rust_decimal::Decimal;

/// `ActiveOrHistoricCurrencyAndAmount`: at most 18 digits, 5 of them after the point, never
/// negative (the sign is the credit/debit indicator). Trailing zeros beyond 5 places go; an
/// amount still too precise or too large is `None`: rounding money is not this crate's call.
pub(crate) fn amount_text(amount: Decimal) -> Option<String> {
    decimal_text(amount.abs(), 5)
}

/// `DecimalNumber`: at most 18 digits, 17 of them after the point.
pub(crate) fn sum_text(sum: Decimal) -> Option<String> {
    decimal_text(sum, 17)
}

fn decimal_text(value: Decimal, max_fraction: u32) -> Option<String> {
    let value = if value.scale() > max_fraction {
        value.normalize()
    } else {
        value
    };
    let fits = value.scale() <= max_fraction && value.mantissa().unsigned_abs() < 10_u128.pow(18);
    fits.then(|| value.to_string())
}

/// `ActiveOrHistoricCurrencyCode`: three capital letters.
pub(crate) fn is_currency(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// `IBAN2007Identifier`: country, check digits, then 1 to 30 letters or digits. Spaces (as
/// people write IBANs in groups of four) and lower case are not part of an IBAN.
pub(crate) fn iban(text: &str) -> Option<String> {
    let compact = compact(text);
    let bytes = compact.as_bytes();
    let valid = (5..=34).contains(&bytes.len())
        && bytes[..2].iter().all(u8::is_ascii_uppercase)
        && bytes[2..4].iter().all(u8::is_ascii_digit)
        && bytes[4..].iter().all(u8::is_ascii_alphanumeric);
    valid.then_some(compact)
}

/// An account number without spaces, in capitals: how two spellings of one are compared.
pub(crate) fn compact(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn decimal(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn amounts_lose_the_sign_and_keep_their_places() {
        assert_eq!(amount_text(decimal("-89.90")).as_deref(), Some("89.90"));
        assert_eq!(amount_text(decimal("1520")).as_deref(), Some("1520"));
        assert_eq!(
            amount_text(decimal("0.1234500")).as_deref(),
            Some("0.12345")
        );
        assert_eq!(amount_text(decimal("0.123456")), None);
        assert_eq!(
            amount_text(decimal("999999999999999999")).as_deref(),
            Some("999999999999999999")
        );
        assert_eq!(amount_text(decimal("1000000000000000000")), None);
    }

    #[test]
    fn ibans_are_compacted_and_checked() {
        assert_eq!(
            iban("sk89 7500 0000 0000 1234 5671").as_deref(),
            Some("SK8975000000000012345671")
        );
        assert_eq!(iban("123456/0900"), None);
        assert_eq!(iban("SK"), None);
        assert!(is_currency("EUR"));
        assert!(!is_currency("eur"));
        assert!(!is_currency("EURO"));
    }
}
