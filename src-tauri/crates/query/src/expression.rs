//! Amount expressions: `12,50` (exactly), `>100`, `>=100`, `<50`, `<=50`, `10..20`, `10-20`,
//! each number optionally with `€` / `EUR` before or after it and a minus sign (read as the
//! same magnitude).

use rust_decimal::Decimal;

use crate::amount::{AmountBound, AmountRange};
use crate::note::{NoteKind, QueryNote};
use crate::number::{Mode, Number, parse_number};

/// Reads the amount field: `Ok(None)` when it is blank, the note `NotAnAmount` (quoting what
/// was typed) when it cannot be read or no amount fits it (`1,2,3`, `abc`, `5..1`, `<0`).
pub fn parse_amount(text: &str) -> Result<Option<AmountRange>, QueryNote> {
    let typed = text.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    parse_expression(typed, Mode::Field)
        .and_then(|expression| expression.range())
        .map(Some)
        .ok_or_else(|| QueryNote::echo(NoteKind::NotAnAmount, typed))
}

/// An amount expression as typed, before it is made a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Expression {
    pub shape: Shape,
    /// A currency was written with a number (`€12`, `12 EUR`).
    pub currency: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    Exactly(Number),
    Compared(Comparison, Number),
    Between(Number, Number),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Comparison {
    Above,
    AtLeast,
    Below,
    AtMost,
    /// `=12`: the same as `12`, but plainly an amount in the search text.
    Equal,
}

/// Operators, longest first so `>=` is not read as `>` then `=`.
const COMPARISONS: [(&str, Comparison); 7] = [
    (">=", Comparison::AtLeast),
    ("<=", Comparison::AtMost),
    ("≥", Comparison::AtLeast),
    ("≤", Comparison::AtMost),
    (">", Comparison::Above),
    ("<", Comparison::Below),
    ("=", Comparison::Equal),
];

pub(crate) fn parse_expression(text: &str, mode: Mode) -> Option<Expression> {
    let text = text.trim();
    if let Some((comparison, rest)) = COMPARISONS
        .iter()
        .find_map(|(operator, comparison)| Some((*comparison, text.strip_prefix(operator)?)))
    {
        let (number, currency) = parse_side(rest, mode)?;
        return Some(Expression {
            shape: Shape::Compared(comparison, number),
            currency,
        });
    }
    if let Some((low, high)) = split_range(text) {
        let (low, low_currency) = parse_side(low, mode)?;
        let (high, high_currency) = parse_side(high, mode)?;
        return Some(Expression {
            shape: Shape::Between(low, high),
            currency: low_currency || high_currency,
        });
    }
    let (number, currency) = parse_side(text, mode)?;
    Some(Expression {
        shape: Shape::Exactly(number),
        currency,
    })
}

/// `10..20`, or `10-20` / `10–20` with the dash after the first digit (so `-10-20` is a range
/// from a negative number, and `-10` is no range at all).
fn split_range(text: &str) -> Option<(&str, &str)> {
    if let Some(halves) = text.split_once("..") {
        return Some(halves);
    }
    let first_digit = text.find(|c: char| c.is_ascii_digit())?;
    let dash = text[first_digit..].find(['-', '–'])? + first_digit;
    let after = dash + text[dash..].chars().next()?.len_utf8();
    Some((&text[..dash], &text[after..]))
}

/// One number with its currency: `12,50`, `€12,50`, `-€12`, `€-12`, `12,50 EUR`.
fn parse_side(text: &str, mode: Mode) -> Option<(Number, bool)> {
    let text = text.trim();
    let (before, text) = strip_currency_prefix(text);
    let (sign, text) = match text.strip_prefix(['-', '−', '+']) {
        Some(rest) => (&text[..text.len() - rest.len()], rest),
        None => ("", text),
    };
    let (after_sign, text) = if before {
        (false, text)
    } else {
        strip_currency_prefix(text)
    };
    let (after, text) = strip_currency_suffix(text);
    let number = parse_number(&format!("{sign}{text}"), mode)?;
    Some((number, before || after_sign || after))
}

fn strip_currency_prefix(text: &str) -> (bool, &str) {
    if let Some(rest) = text.strip_prefix('€') {
        return (true, rest.trim_start());
    }
    match text.get(..3) {
        Some(code) if code.eq_ignore_ascii_case("EUR") => (true, text[3..].trim_start()),
        _ => (false, text),
    }
}

fn strip_currency_suffix(text: &str) -> (bool, &str) {
    if let Some(rest) = text.strip_suffix('€') {
        return (true, rest.trim_end());
    }
    let split = text
        .len()
        .checked_sub(3)
        .filter(|i| text.is_char_boundary(*i));
    match split.map(|i| text.split_at(i)) {
        Some((rest, code)) if code.eq_ignore_ascii_case("EUR") => (true, rest.trim_end()),
        _ => (false, text),
    }
}

impl Expression {
    /// The range it stands for, or `None` when no amount fits it (`5..1`, `<0`).
    pub(crate) fn range(&self) -> Option<AmountRange> {
        match self.shape {
            Shape::Exactly(number) => AmountRange::exactly(number.magnitude),
            Shape::Compared(comparison, number) => {
                let value = number.magnitude;
                match comparison {
                    Comparison::Above => {
                        AmountRange::new(Some(AmountBound::exclusive(value)), None)
                    }
                    Comparison::AtLeast => {
                        AmountRange::new(Some(AmountBound::inclusive(value)), None)
                    }
                    Comparison::Below => {
                        AmountRange::new(None, Some(AmountBound::exclusive(value)))
                    }
                    Comparison::AtMost => {
                        AmountRange::new(None, Some(AmountBound::inclusive(value)))
                    }
                    Comparison::Equal => AmountRange::exactly(value),
                }
            }
            Shape::Between(low, high) => {
                let (low, high) = ordered(low, high);
                AmountRange::new(
                    Some(AmountBound::inclusive(low)),
                    Some(AmountBound::inclusive(high)),
                )
            }
        }
    }
}

/// Two magnitudes low to high. Two negative amounts may be written in either order
/// (`-20..-10` and `-10..-20` are both 10 to 20 spent); otherwise the first must not be the
/// larger, or the range is empty.
fn ordered(low: Number, high: Number) -> (Decimal, Decimal) {
    if low.negative && high.negative {
        (
            low.magnitude.min(high.magnitude),
            low.magnitude.max(high.magnitude),
        )
    } else {
        (low.magnitude, high.magnitude)
    }
}

#[cfg(test)]
#[allow(
    clippy::unnecessary_wraps,
    reason = "helpers that build the options the code under test takes and gives"
)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap_or_else(|_| panic!("{text} is a decimal"))
    }

    fn range(min: Option<AmountBound>, max: Option<AmountBound>) -> Option<AmountRange> {
        AmountRange::new(min, max)
    }

    fn incl(text: &str) -> Option<AmountBound> {
        Some(AmountBound::inclusive(dec(text)))
    }

    fn excl(text: &str) -> Option<AmountBound> {
        Some(AmountBound::exclusive(dec(text)))
    }

    fn field(text: &str) -> Option<AmountRange> {
        parse_amount(text).unwrap_or_else(|note| panic!("{text}: {note:?}"))
    }

    #[test]
    fn a_blank_field_is_no_amount() {
        assert_eq!(parse_amount(""), Ok(None));
        assert_eq!(parse_amount("  \u{a0}"), Ok(None));
    }

    #[test]
    fn the_field_reads_exact_amounts() {
        for typed in [
            "12,50",
            "12.50",
            "12.5",
            " 12,5 ",
            "-12,50",
            "€12,50",
            "€ 12,50",
            "12,50 €",
            "12,50 EUR",
            "eur 12.5",
            "-€12,50",
            "€-12,50",
            "=12,50",
            "= 12,50",
        ] {
            assert_eq!(field(typed), AmountRange::exactly(dec("12.5")), "{typed}");
        }
        assert_eq!(field("12"), AmountRange::exactly(dec("12")));
        assert_eq!(field("1 200,50"), AmountRange::exactly(dec("1200.5")));
        assert_eq!(
            field("1\u{a0}200,50\u{a0}€"),
            AmountRange::exactly(dec("1200.5"))
        );
        assert_eq!(field("0"), AmountRange::exactly(dec("0")));
    }

    #[test]
    fn the_field_reads_comparisons() {
        assert_eq!(field(">100"), range(excl("100"), None));
        assert_eq!(field("> 100"), range(excl("100"), None));
        assert_eq!(field(">=100"), range(incl("100"), None));
        assert_eq!(field("≥100"), range(incl("100"), None));
        assert_eq!(field("<50"), range(None, excl("50")));
        assert_eq!(field("<=50"), range(None, incl("50")));
        assert_eq!(field("≤ 50,5 €"), range(None, incl("50.5")));
        assert_eq!(field(">-100"), range(excl("100"), None));
        assert_eq!(field(">12,5"), range(excl("12.5"), None));
        assert_eq!(field("<=0"), range(None, incl("0")));
        assert_eq!(field(">= 1 000"), range(incl("1000"), None));
    }

    #[test]
    fn the_field_reads_ranges() {
        let ten_to_twenty = range(incl("10"), incl("20"));
        for typed in [
            "10..20",
            "10-20",
            "10 - 20",
            "10 .. 20",
            "10–20",
            "€10-€20",
            "10 € - 20 €",
            "-10..-20",
            "-20..-10",
            "-10--20",
            "10 - -20",
            "10,00..20",
        ] {
            assert_eq!(field(typed), ten_to_twenty, "{typed}");
        }
        assert_eq!(field("5..5"), AmountRange::exactly(dec("5")));
        assert_eq!(
            field("1 000,5 - 2 000"),
            range(incl("1000.5"), incl("2000"))
        );
        assert_eq!(field("0,5..1"), range(incl("0.5"), incl("1")));
    }

    #[test]
    fn the_field_refuses_what_it_cannot_read_with_a_note_quoting_it() {
        for typed in [
            "1,2,3",
            "abc",
            "5..1",
            "5-1",
            "<0",
            "-30..20",
            "1,000",
            "12 50",
            "10..20..30",
            "1-2-3",
            ">",
            ">=",
            "..",
            "-",
            "€",
            "EUR",
            "12 USD",
            "12€€",
            "€€12",
            "> > 1",
            "1e3",
            "NaN",
            "0x10",
            "10 20",
            "12,",
            "..5",
            "5..",
            "+-5",
            "1 2",
            "12,50 EUR EUR",
            "٣",
        ] {
            let note = parse_amount(typed).err();
            assert_eq!(
                note,
                Some(QueryNote::new(NoteKind::NotAnAmount, typed.trim())),
                "{typed}"
            );
        }
        let note = parse_amount("  abc  ").err().map(|note| note.text);
        assert_eq!(note.as_deref(), Some("abc"));
    }

    #[test]
    fn mixed_signs_compare_magnitudes() {
        assert_eq!(field("-10..20"), range(incl("10"), incl("20")));
        assert_eq!(field("10..-20"), range(incl("10"), incl("20")));
    }

    #[test]
    fn big_and_fine_amounts_are_exact() {
        assert_eq!(
            field("9 999 999 999 999,99"),
            AmountRange::exactly(dec("9999999999999.99"))
        );
        assert_eq!(field("0.0000001"), AmountRange::exactly(dec("0.0000001")));
        assert!(parse_amount(&"9".repeat(30)).is_err());
    }
}
