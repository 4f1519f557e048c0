use std::fmt;

use crate::{Error, Result};

/// An IBAN, normalised: no spaces, upper case, with valid ISO 13616 check digits. The sandbox
/// bank checks IBANs with code of its own on purpose: ISO 13616 is the shared definition, and a
/// bank that used this parser could not catch its bugs.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Iban(String);

impl Iban {
    pub fn parse(text: &str) -> Result<Self> {
        let normalised: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let well_formed = (15..=34).contains(&normalised.len())
            && normalised.chars().all(|c| c.is_ascii_alphanumeric())
            && normalised.as_bytes()[..2]
                .iter()
                .all(u8::is_ascii_uppercase);
        if well_formed && check_digits_hold(&normalised) {
            Ok(Self(normalised))
        } else {
            Err(Error::malformed(
                "account",
                "an IBAN fails its check digits",
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Only the country and check digits: an IBAN is personal, and `Debug` output ends up in logs.
/// `Display` gives the whole IBAN, for the screen.
impl fmt::Debug for Iban {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "Iban({}…)", &self.0[..4])
    }
}

impl fmt::Display for Iban {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.0)
    }
}

fn check_digits_hold(iban: &str) -> bool {
    let (head, rest) = iban.split_at(4);
    let remainder = rest
        .chars()
        .chain(head.chars())
        .filter_map(|c| c.to_digit(36))
        .fold(0u32, |remainder, digit| {
            let shift = if digit > 9 { 100 } else { 10 };
            (remainder * shift + digit) % 97
        });
    remainder == 1
}

/// An account the user consented to share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub iban: Iban,
    pub currency: String,
    pub name: Option<String>,
    pub product: Option<String>,
    pub bic: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_and_checks_ibans() {
        let iban = Iban::parse("sk31 1200 0000 1987 4263 7541").unwrap();
        assert_eq!(iban.as_str(), "SK3112000000198742637541");
        assert!(Iban::parse("SK3112000000198742637542").is_err());
        assert!(Iban::parse("SK31").is_err());
        assert!(Iban::parse("12SK12000000198742637541").is_err());
    }

    #[test]
    fn debug_output_does_not_print_the_whole_iban() {
        let iban = Iban::parse("SK3112000000198742637541").unwrap();
        assert!(!format!("{iban:?}").contains("198742637541"));
    }
}
