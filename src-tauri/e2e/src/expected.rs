//! What a search should find, worked out from the bank's own entries (never from the app): the
//! words matched as the issue says (each a prefix of a word of the entry, case and accents
//! aside, over the counterparty, the description, the note, the references, the symbols and the
//! counterparty IBAN), and the count and sums of a set, in `Decimal`.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::EntryAtTheBank;

/// The sums of one currency's entries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sums {
    /// Money in, >= 0.
    pub incoming: Decimal,
    /// Money out, <= 0.
    pub outgoing: Decimal,
    pub incoming_count: u64,
    pub outgoing_count: u64,
}

/// The sums of `entries` by currency.
pub fn sums<'a>(entries: impl IntoIterator<Item = &'a EntryAtTheBank>) -> BTreeMap<String, Sums> {
    let mut by_currency: BTreeMap<String, Sums> = BTreeMap::new();
    for entry in entries {
        let sums = by_currency.entry(entry.currency.clone()).or_default();
        if entry.amount.is_sign_negative() {
            sums.outgoing += entry.amount;
            sums.outgoing_count += 1;
        } else {
            sums.incoming += entry.amount;
            sums.incoming_count += 1;
        }
    }
    by_currency
}

/// Whether every word of `text` is the start of a word of `entry`'s searchable fields.
pub fn matches_words(entry: &EntryAtTheBank, text: &str) -> bool {
    let grouped = entry.counterparty_iban.as_deref().map(in_fours);
    let fields = [
        entry.counterparty_name.as_deref(),
        entry.description.as_deref(),
        entry.note.as_deref(),
        Some(entry.entry_reference.as_str()),
        entry.end_to_end_reference.as_deref(),
        entry.symbol("VS"),
        entry.symbol("SS"),
        entry.symbol("KS"),
        entry.counterparty_iban.as_deref(),
        grouped.as_deref(),
    ];
    let words: Vec<String> = fields.into_iter().flatten().flat_map(words_of).collect();
    words_of(text)
        .iter()
        .all(|wanted| words.iter().any(|word| word.starts_with(wanted.as_str())))
}

/// The words of `text` as SQLite's `unicode61` tokenizer with `remove_diacritics 2` sees them:
/// runs of letters and digits, lower case, without accents (the Slovak ones, which is all the
/// Demo Bank writes).
pub fn words_of(text: &str) -> Vec<String> {
    text.split(|character: char| !character.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| {
            word.chars()
                .flat_map(char::to_lowercase)
                .map(unaccented)
                .collect()
        })
        .collect()
}

/// `SK8975000000000012345671` as `SK89 7500 0000 0000 1234 5671`.
fn in_fours(iban: &str) -> String {
    let compact: Vec<char> = iban
        .chars()
        .filter(|character| !character.is_whitespace())
        .collect();
    compact
        .chunks(4)
        .map(|group| group.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

fn unaccented(character: char) -> char {
    match character {
        'á' | 'ä' => 'a',
        'č' => 'c',
        'ď' => 'd',
        'é' | 'ě' => 'e',
        'í' => 'i',
        'ĺ' | 'ľ' => 'l',
        'ň' => 'n',
        'ó' | 'ô' | 'ö' => 'o',
        'ŕ' | 'ř' => 'r',
        'š' => 's',
        'ť' => 't',
        'ú' | 'ů' | 'ü' => 'u',
        'ý' => 'y',
        'ž' => 'z',
        other => other,
    }
}

/// A magnitude range, both ends inclusive, as the amount field's `10..100`.
pub fn within(entry: &EntryAtTheBank, low: Decimal, high: Decimal) -> bool {
    let magnitude = entry.amount.abs();
    magnitude >= low && magnitude <= high
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(description: &str, amount: &str) -> EntryAtTheBank {
        EntryAtTheBank {
            entry_reference: "R1".to_owned(),
            status: "BOOK".to_owned(),
            amount: amount.parse().unwrap_or_default(),
            currency: "EUR".to_owned(),
            date: "2026-03-03".to_owned(),
            value_date: "2026-03-03".to_owned(),
            booking_date: None,
            bank_transaction_code: "PMNT-ICDT-ESCT".to_owned(),
            counterparty_name: Some("SPP".to_owned()),
            counterparty_iban: Some("SK8975000000000012345671".to_owned()),
            end_to_end_reference: Some("/VS2026031/KS0308".to_owned()),
            description: Some(description.to_owned()),
            note: None,
        }
    }

    #[test]
    fn accent_free_prefixes_match_accented_words() {
        let gas = entry("Záloha plyn", "-45.10");
        assert!(matches_words(&gas, "zaloha plyn"));
        assert!(matches_words(&gas, "ZÁLO ply"));
        assert!(matches_words(&gas, "sk8975"));
        assert!(matches_words(&gas, "VS2026"));
        assert!(matches_words(&gas, "2026031"));
        assert!(matches_words(&gas, "SK89 7500"));
        assert!(!matches_words(&gas, "zaloha voda"));
    }

    #[test]
    fn sums_split_in_and_out() {
        let entries = [entry("a", "-45.10"), entry("b", "100"), entry("c", "-0.90")];
        let sums = sums(&entries);
        let eur = &sums["EUR"];
        assert_eq!(eur.outgoing, Decimal::new(-4600, 2));
        assert_eq!(eur.incoming, Decimal::new(100, 0));
        assert_eq!((eur.incoming_count, eur.outgoing_count), (1, 2));
    }
}
