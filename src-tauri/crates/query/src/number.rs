//! One number of an amount expression: `12`, `12,50`, `-12.5`, and in the amount field
//! `1 200,50`, `1.200,50`, `1,200.50`.

use rust_decimal::Decimal;

/// Where the number was typed: the search text reads plain numbers only (a token there is
/// an amount only when it clearly is one); the amount field also reads thousands separators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Text,
    Field,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Number {
    /// Amounts compare on their magnitude: a minus sign is read and set aside.
    pub magnitude: Decimal,
    pub negative: bool,
    /// Digits after the decimal separator, 0 when there is none.
    pub decimals: usize,
}

/// Longer is not an amount anyone types; Decimal holds 28 digits.
const MAX_LEN: usize = 64;

/// A number, signed or not, with no currency around it.
pub(crate) fn parse_number(text: &str, mode: Mode) -> Option<Number> {
    let (negative, unsigned) = match text.strip_prefix(['-', '−', '+']) {
        Some(rest) => (text.starts_with(['-', '−']), rest),
        None => (false, text),
    };
    if unsigned.len() > MAX_LEN {
        return None;
    }
    let (whole, fraction) = match mode {
        Mode::Text => split_plain(unsigned)?,
        Mode::Field => split_grouped(unsigned)?,
    };
    let digits = match fraction {
        Some(fraction) => format!("{whole}.{fraction}"),
        None => whole.clone(),
    };
    Some(Number {
        magnitude: Decimal::from_str_exact(&digits).ok()?,
        negative,
        decimals: fraction.map_or(0, str::len),
    })
}

fn all_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// `12`, `12,5`, `12.50`: one separator at most, one or two decimals, no leading zero (`01`
/// is a reference, not an amount).
fn split_plain(text: &str) -> Option<(String, Option<&str>)> {
    let (whole, fraction) = match text.split_once([',', '.']) {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text, None),
    };
    let fraction_ok = fraction.is_none_or(|f| all_digits(f) && f.len() <= 2);
    let leading_zero = whole.len() > 1 && whole.starts_with('0');
    (all_digits(whole) && fraction_ok && !leading_zero).then(|| (whole.to_owned(), fraction))
}

/// Spaces the amount field may group thousands with, as a formatted amount pasted from
/// elsewhere has them (no-break and narrow no-break spaces included).
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// The amount field's number: thousands grouped by spaces, or by `.` / `,` when the other
/// one is the decimal separator or when it repeats (`1.000.000`). A lone separator followed by
/// exactly three digits (`1,000`, `1.000`) is refused: it could be either.
fn split_grouped(text: &str) -> Option<(String, Option<&str>)> {
    let spaced = text.contains(is_group_space);
    let commas = text.matches(',').count();
    let dots = text.matches('.').count();
    let (grouping, decimal) = match (commas, dots) {
        (0, 0) => (None, None),
        (1, 0) => (None, Some(',')),
        (0, 1) => (None, Some('.')),
        (_, 0) => (Some(','), None),
        (0, _) => (Some('.'), None),
        _ => {
            let last = text.rfind([',', '.'])?;
            let decimal = if text[last..].starts_with(',') {
                ','
            } else {
                '.'
            };
            let grouping = if decimal == ',' { '.' } else { ',' };
            (Some(grouping), Some(decimal))
        }
    };
    if spaced && grouping.is_some() {
        return None;
    }
    let (whole, fraction) = match decimal {
        Some(decimal) => {
            let (whole, fraction) = text.split_once(decimal)?;
            (whole, Some(fraction))
        }
        None => (text, None),
    };
    if fraction.is_some_and(|f| !all_digits(f)) {
        return None;
    }
    let whole = if spaced {
        ungroup(whole, is_group_space)?
    } else if let Some(grouping) = grouping {
        ungroup(whole, |c| c == grouping)?
    } else if all_digits(whole) {
        whole.to_owned()
    } else {
        return None;
    };
    let ambiguous = grouping.is_none()
        && !spaced
        && fraction.is_some_and(|f| f.len() == 3)
        && whole.len() <= 3
        && whole != "0";
    (!ambiguous).then_some((whole, fraction))
}

/// `1 200 300` without its separators, when every group after the first has three digits.
fn ungroup(text: &str, separator: impl Fn(char) -> bool) -> Option<String> {
    let mut groups = text.split(separator);
    let first = groups.next()?;
    if !all_digits(first) || first.len() > 3 {
        return None;
    }
    let mut digits = first.to_owned();
    for group in groups {
        if group.len() != 3 || !all_digits(group) {
            return None;
        }
        digits.push_str(group);
    }
    Some(digits)
}

#[cfg(test)]
#[allow(
    clippy::unnecessary_wraps,
    reason = "helpers that build the options the code under test takes and gives"
)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn read(text: &str, mode: Mode) -> Option<String> {
        parse_number(text, mode).map(|n| {
            let sign = if n.negative { "-" } else { "" };
            format!("{sign}{} ({})", n.magnitude, n.decimals)
        })
    }

    fn text(text: &str) -> Option<String> {
        read(text, Mode::Text)
    }

    fn field(text: &str) -> Option<String> {
        read(text, Mode::Field)
    }

    fn some(text: &str) -> Option<String> {
        Some(text.to_owned())
    }

    #[test]
    fn text_reads_plain_numbers_with_a_comma_or_a_dot() {
        assert_eq!(text("12"), some("12 (0)"));
        assert_eq!(text("12,50"), some("12.50 (2)"));
        assert_eq!(text("12.5"), some("12.5 (1)"));
        assert_eq!(text("0,99"), some("0.99 (2)"));
        assert_eq!(text("-12,50"), some("-12.50 (2)"));
        assert_eq!(text("−7"), some("-7 (0)"));
        assert_eq!(text("+7"), some("7 (0)"));
    }

    #[test]
    fn text_refuses_what_is_likelier_a_reference_than_an_amount() {
        for typed in [
            "12.500", "1,000", "1.2.3", "1,2,3", "01", "007,50", "12.", ",50", ".5", "", "-",
            "1 200", "12a", "١٢", "--5", "1e5", "0x10",
        ] {
            assert_eq!(text(typed), None, "{typed}");
        }
    }

    #[test]
    fn field_reads_thousands_groups() {
        assert_eq!(field("1 200,50"), some("1200.50 (2)"));
        assert_eq!(field("1\u{a0}200\u{a0}300"), some("1200300 (0)"));
        assert_eq!(field("1\u{202f}200,5"), some("1200.5 (1)"));
        assert_eq!(field("1.200,50"), some("1200.50 (2)"));
        assert_eq!(field("1,200.50"), some("1200.50 (2)"));
        assert_eq!(field("1.000.000"), some("1000000 (0)"));
        assert_eq!(field("1,000,000"), some("1000000 (0)"));
        assert_eq!(field("1 000.125"), some("1000.125 (3)"));
        assert_eq!(field("0,125"), some("0.125 (3)"));
        assert_eq!(field("1200.500"), some("1200.500 (3)"));
        assert_eq!(field("12.3456"), some("12.3456 (4)"));
        assert_eq!(field("007"), some("7 (0)"));
    }

    #[test]
    fn field_refuses_bad_groups_and_ambiguous_separators() {
        for typed in [
            "1,2,3",
            "1,000",
            "1.000",
            "12 50",
            "1 2 3",
            "1 20",
            "1234 567",
            "1.200.50",
            "1,200,50.5.5",
            "1 200.000,5",
            ",",
            "1,",
            ",5",
            "1,200.5,0",
            "abc",
            "1 200 ",
            " 1",
            "1..2",
            "1,.2",
        ] {
            assert_eq!(field(typed), None, "{typed}");
        }
    }

    #[test]
    fn numbers_beyond_decimal_or_too_long_are_refused_not_rounded() {
        assert_eq!(text(&"9".repeat(40)), None);
        assert_eq!(field(&format!("0.{}1", "0".repeat(30))), None);
        assert_eq!(field(&"1".repeat(MAX_LEN + 1)), None);
        let largest = Decimal::MAX.to_string();
        assert_eq!(
            parse_number(&largest, Mode::Text).map(|n| n.magnitude),
            Decimal::from_str(&largest).ok()
        );
    }
}
