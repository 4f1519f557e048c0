//! Slovak IBANs with valid ISO 13616 check digits (mod 97).
//!
//! The `bank` crate (the app's client) checks IBANs too, with its own code (`bank::Iban`), on
//! purpose: this bank is the other side of the contract (`shared/bank-api.md`) and the test of
//! that client, and a sandbox that shared the client's validator could not catch the client's
//! bugs, nor the client the sandbox's. The contract is the shared definition, and the app's
//! client does not depend on the sandbox for it.

/// The IBAN of a Slovak account: `SK`, two check digits, a 4-digit bank code, a 6-digit prefix
/// and a 10-digit account number.
pub fn slovak(bank_code: u16, prefix: u32, number: u64) -> String {
    let bban = format!("{bank_code:04}{prefix:06}{number:010}");
    let check = 98 - mod97(&format!("{bban}SK00"));
    format!("SK{check:02}{bban}")
}

/// Whether `iban` has the right shape and check digits.
pub fn is_valid(iban: &str) -> bool {
    let iban: String = iban.chars().filter(|c| !c.is_whitespace()).collect();
    if !(15..=34).contains(&iban.len()) || !iban.chars().all(|c| c.is_ascii_alphanumeric()) {
        return false;
    }
    let (head, bban) = iban.split_at(4);
    mod97(&format!("{bban}{head}")) == 1
}

/// The remainder of the number that `text` spells (letters count as 10..35), by 97.
fn mod97(text: &str) -> u32 {
    text.chars()
        .filter_map(|c| c.to_digit(36))
        .fold(0, |remainder, digit| {
            let shift = if digit > 9 { 100 } else { 10 };
            (remainder * shift + digit) % 97
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ibans_are_valid_and_24_characters() {
        for (prefix, number) in [(0, 2_612_637_541), (19, 1), (999_999, 9_999_999_999)] {
            let iban = slovak(1100, prefix, number);
            assert_eq!(iban.len(), 24);
            assert!(is_valid(&iban), "{iban}");
        }
    }

    #[test]
    fn known_ibans_check_out_and_typos_do_not() {
        assert!(is_valid("SK31 1200 0000 1987 4263 7541"));
        assert!(is_valid("GB82WEST12345698765432"));
        assert!(!is_valid("SK31 1200 0000 1987 4263 7542"));
        assert!(!is_valid("SK31"));
    }
}
