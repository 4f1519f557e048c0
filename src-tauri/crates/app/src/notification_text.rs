//! The words of the desktop notifications, in the language the person reads the app in. The
//! window words everything else from its catalogs; a notification is shown by the system while
//! the window may be closed, so its words are made here.

use export::Language;
use rust_decimal::Decimal;

/// An entry as a notification lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ArrivedEntry {
    /// The counterparty, else the description.
    pub(crate) label: Option<String>,
    pub(crate) amount: Decimal,
    pub(crate) currency: String,
}

/// Entries listed by name; the rest are counted.
const LISTED: usize = 3;

/// "3 new transactions on Current account".
pub(crate) fn arrived_title(language: Language, count: u32, account: &str) -> String {
    match language {
        Language::En => match count {
            1 => format!("1 new transaction on {account}"),
            _ => format!("{count} new transactions on {account}"),
        },
        Language::Sk => match slovak_plural(count) {
            SlovakPlural::One => format!("1 nová transakcia na účte {account}"),
            SlovakPlural::Few => format!("{count} nové transakcie na účte {account}"),
            SlovakPlural::Other => format!("{count} nových transakcií na účte {account}"),
        },
    }
}

/// The entries with their amounts, or, with the amounts hidden, only where to see them.
pub(crate) fn arrived_body(
    language: Language,
    entries: &[ArrivedEntry],
    count: u32,
    show_amounts: bool,
) -> String {
    if !show_amounts {
        return match language {
            Language::En => "Open Bankbook to see them.".to_owned(),
            Language::Sk => "Otvorte Bankbook a pozrite si ich.".to_owned(),
        };
    }
    let mut lines: Vec<String> = entries
        .iter()
        .take(LISTED)
        .map(|entry| {
            let amount = money(language, entry.amount, &entry.currency);
            match &entry.label {
                Some(label) => format!("{label}: {amount}"),
                None => amount,
            }
        })
        .collect();
    let more = count.saturating_sub(u32::try_from(lines.len()).unwrap_or(u32::MAX));
    if more > 0 {
        lines.push(match language {
            Language::En => format!("and {more} more"),
            Language::Sk => format!("a ďalšie ({more})"),
        });
    }
    lines.join("\n")
}

/// "Renew your access to Tatra banka".
pub(crate) fn renewal_title(language: Language, bank: &str) -> String {
    match language {
        Language::En => format!("Renew your access to {bank}"),
        Language::Sk => format!("Obnovte prístup k banke {bank}"),
    }
}

/// "It ends in 6 days. …", "It ends today. …".
pub(crate) fn renewal_body(language: Language, days: i64) -> String {
    let count = u32::try_from(days).unwrap_or(0);
    match language {
        Language::En => {
            let when = match count {
                0 => "today".to_owned(),
                1 => "in 1 day".to_owned(),
                _ => format!("in {count} days"),
            };
            format!("It ends {when}. Open Bankbook and choose Renew access.")
        }
        Language::Sk => {
            let when = match (count, slovak_plural(count)) {
                (0, _) => "dnes".to_owned(),
                (_, SlovakPlural::One) => "o 1 deň".to_owned(),
                (_, SlovakPlural::Few) => format!("o {count} dni"),
                (_, SlovakPlural::Other) => format!("o {count} dní"),
            };
            format!("Skončí {when}. Otvorte Bankbook a zvoľte Obnoviť prístup.")
        }
    }
}

/// The Demo Bank's name as the window says it.
pub(crate) fn demo_bank_name(language: Language) -> &'static str {
    match language {
        Language::En => "Demo Bank",
        Language::Sk => "Demo banka",
    }
}

enum SlovakPlural {
    One,
    Few,
    Other,
}

/// Slovak's plural of a whole count: 1; 2 to 4; the rest.
fn slovak_plural(count: u32) -> SlovakPlural {
    match count {
        1 => SlovakPlural::One,
        2..=4 => SlovakPlural::Few,
        _ => SlovakPlural::Other,
    }
}

/// "−1,234.50 EUR" (en), "−1 234,50 EUR" (sk): signed, to the cent at least, never a float.
fn money(language: Language, amount: Decimal, currency: &str) -> String {
    let (group, point) = match language {
        Language::En => (",", "."),
        Language::Sk => ("\u{a0}", ","),
    };
    let sign = if amount.is_sign_negative() {
        "\u{2212}"
    } else {
        "+"
    };
    let mut digits = amount.abs();
    if digits.scale() < 2 {
        digits.rescale(2);
    }
    let text = digits.to_string();
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::new();
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            grouped.push_str(group);
        }
        grouped.push(digit);
    }
    format!("{sign}{grouped}{point}{fraction}\u{a0}{currency}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(label: &str, amount: &str) -> ArrivedEntry {
        ArrivedEntry {
            label: Some(label.to_owned()),
            amount: amount.parse().unwrap(),
            currency: "EUR".to_owned(),
        }
    }

    #[test]
    fn titles_count_in_each_language() {
        assert_eq!(
            arrived_title(Language::En, 1, "Current account"),
            "1 new transaction on Current account"
        );
        assert_eq!(
            arrived_title(Language::En, 3, "Current account"),
            "3 new transactions on Current account"
        );
        assert_eq!(
            arrived_title(Language::Sk, 3, "Bežný účet"),
            "3 nové transakcie na účte Bežný účet"
        );
        assert_eq!(
            arrived_title(Language::Sk, 5, "Bežný účet"),
            "5 nových transakcií na účte Bežný účet"
        );
    }

    #[test]
    fn the_body_lists_amounts_or_hides_them() {
        let entries = [
            entry("Kaufland", "-1234.5"),
            entry("Salary", "2000"),
            entry("Foodora", "-12.30"),
            entry("SPP", "-40"),
        ];
        assert_eq!(
            arrived_body(Language::En, &entries, 4, true),
            "Kaufland: \u{2212}1,234.50\u{a0}EUR\nSalary: +2,000.00\u{a0}EUR\nFoodora: \u{2212}12.30\u{a0}EUR\nand 1 more"
        );
        assert_eq!(
            arrived_body(Language::Sk, &entries[..1], 1, true),
            "Kaufland: \u{2212}1\u{a0}234,50\u{a0}EUR"
        );
        let hidden = arrived_body(Language::En, &entries, 4, false);
        assert_eq!(hidden, "Open Bankbook to see them.");
        assert!(!hidden.contains("1,234"));
    }

    #[test]
    fn the_renewal_says_when_access_ends() {
        assert_eq!(
            renewal_body(Language::En, 6),
            "It ends in 6 days. Open Bankbook and choose Renew access."
        );
        assert_eq!(
            renewal_body(Language::Sk, 3),
            "Skončí o 3 dni. Otvorte Bankbook a zvoľte Obnoviť prístup."
        );
        assert_eq!(
            renewal_body(Language::Sk, 0),
            "Skončí dnes. Otvorte Bankbook a zvoľte Obnoviť prístup."
        );
    }
}
