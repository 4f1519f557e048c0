//! The search field: words and phrases to find, and an amount typed among them.

use std::collections::BTreeMap;

use crate::amount::AmountRange;
use crate::expression::{Expression, Shape, parse_expression};
use crate::fts::{all_of, phrase_term, prefix_term, searchable};
use crate::note::{NoteKind, QueryNote};
use crate::number::Mode;
use crate::tokens::{Token, tokens};

/// How much of the search text is read, in characters.
pub const MAX_CHARS: usize = 1_000;
/// How many words are searched (a phrase's words each count).
pub const MAX_WORDS: usize = 32;

/// What the search field asks for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchText {
    /// An FTS5 MATCH expression, always valid: quoted terms side by side (all must match),
    /// `"word"*` for a word (a prefix), `"a b"` for a quoted phrase. `None` when nothing
    /// searchable was typed.
    pub fts_match: Option<String>,
    /// The amount typed among the words (`12,50`, `>100`, `10..20`), the last one if several.
    pub amount: Option<AmountRange>,
    /// At most one note of each kind, in the order of [`NoteKind`].
    pub notes: Vec<QueryNote>,
}

/// Reads the search field. A bare integer (`20260001`, a variable symbol) is a word; a number
/// with one or two decimals (`12,50`, `12.5`), with a currency (`€12`), after an operator
/// (`>100`, `<=50`, `=12`) or in a range (`10..20`, `10-20`) is the amount.
pub fn parse_search(text: &str) -> SearchText {
    let mut reader = Reader::default();
    for token in tokens(reader.capped(text)) {
        match token {
            Token::Word(word) => reader.word(word),
            Token::Phrase(words) => reader.phrase(&words),
        }
    }
    reader.finish()
}

#[derive(Debug, Default)]
struct Reader {
    terms: Vec<String>,
    words: usize,
    /// Amounts in the order typed, with what was typed.
    amounts: Vec<(String, AmountRange)>,
    notes: BTreeMap<NoteKind, Vec<String>>,
}

impl Reader {
    /// The first [`MAX_CHARS`] characters.
    fn capped<'a>(&mut self, text: &'a str) -> &'a str {
        match text.char_indices().nth(MAX_CHARS) {
            Some((end, _)) => {
                self.limit(NoteKind::TooLong, MAX_CHARS);
                &text[..end]
            }
            None => text,
        }
    }

    fn word(&mut self, word: &str) {
        match read_word(word) {
            Word::Amount(range) => self.amounts.push((word.to_owned(), range)),
            Word::NotAnAmount => self.note(NoteKind::NotAnAmount, word),
            Word::Text if !searchable(word) => self.note(NoteKind::IgnoredWords, word),
            Word::Text if self.words < MAX_WORDS => {
                self.words += 1;
                self.terms.push(prefix_term(word));
            }
            Word::Text => self.limit(NoteKind::TooManyWords, MAX_WORDS),
        }
    }

    /// A phrase's words are text as typed (never an amount); when the words run out, its
    /// first ones are kept.
    fn phrase(&mut self, words: &[&str]) {
        if !words.iter().any(|word| searchable(word)) {
            self.note(NoteKind::IgnoredWords, &words.join(" "));
            return;
        }
        let mut kept = 0;
        for word in words {
            if searchable(word) {
                if self.words == MAX_WORDS {
                    self.limit(NoteKind::TooManyWords, MAX_WORDS);
                    break;
                }
                self.words += 1;
            }
            kept += 1;
        }
        if words[..kept].iter().any(|word| searchable(word)) {
            self.terms.push(phrase_term(&words[..kept]));
        }
    }

    fn note(&mut self, kind: NoteKind, text: &str) {
        self.notes.entry(kind).or_default().push(text.to_owned());
    }

    /// A note whose text is the limit that applied, made once.
    fn limit(&mut self, kind: NoteKind, limit: usize) {
        self.notes.insert(kind, vec![limit.to_string()]);
    }

    fn finish(mut self) -> SearchText {
        let amount = self.amounts.pop().map(|(_, range)| range);
        for (typed, _) in std::mem::take(&mut self.amounts) {
            self.note(NoteKind::ExtraAmount, &typed);
        }
        SearchText {
            fts_match: all_of(&self.terms),
            amount,
            notes: self
                .notes
                .into_iter()
                .map(|(kind, texts)| QueryNote::new(kind, texts.join(" ")))
                .collect(),
        }
    }
}

/// What one word of the search text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Word {
    Amount(AmountRange),
    /// Written as an amount (`>abc1`, `5..1`, `<0`) but no amount fits it.
    NotAnAmount,
    Text,
}

fn read_word(word: &str) -> Word {
    let written_as_amount = word.starts_with(['>', '<', '≥', '≤', '=']) || word.contains("..");
    match parse_expression(word, Mode::Text) {
        Some(expression) if plainly_an_amount(&expression) => match expression.range() {
            Some(range) => Word::Amount(range),
            // `20-10` is likelier a reference than a backwards range.
            None if !written_as_amount => Word::Text,
            None => Word::NotAnAmount,
        },
        _ if written_as_amount && word.contains(|c: char| c.is_ascii_digit()) => Word::NotAnAmount,
        _ => Word::Text,
    }
}

/// A lone integer is a symbol or a reference far more often than an amount.
fn plainly_an_amount(expression: &Expression) -> bool {
    match expression.shape {
        Shape::Exactly(number) => number.decimals > 0 || expression.currency,
        Shape::Compared(..) | Shape::Between(..) => true,
    }
}

#[cfg(test)]
#[allow(
    clippy::unnecessary_wraps,
    reason = "helpers that build the options the code under test takes and gives"
)]
mod tests {
    use std::str::FromStr;

    use rust_decimal::Decimal;

    use super::*;
    use crate::amount::AmountBound;

    fn fts(text: &str) -> Option<String> {
        parse_search(text).fts_match
    }

    fn some(text: &str) -> Option<String> {
        Some(text.to_owned())
    }

    fn dec(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap_or_else(|_| panic!("{text} is a decimal"))
    }

    fn between(min: &str, max: &str) -> Option<AmountRange> {
        AmountRange::new(
            Some(AmountBound::inclusive(dec(min))),
            Some(AmountBound::inclusive(dec(max))),
        )
    }

    fn notes(text: &str) -> Vec<(NoteKind, String)> {
        parse_search(text)
            .notes
            .into_iter()
            .map(|note| (note.kind, note.text))
            .collect()
    }

    fn note(kind: NoteKind, text: &str) -> Vec<(NoteKind, String)> {
        vec![(kind, text.to_owned())]
    }

    #[test]
    fn nothing_typed_searches_nothing_and_says_nothing() {
        assert_eq!(parse_search(""), SearchText::default());
        assert_eq!(parse_search(" \t\n "), SearchText::default());
    }

    #[test]
    fn words_are_prefixes_all_of_which_must_match() {
        assert_eq!(fts("zaloha plyn"), some(r#""zaloha"* "plyn"*"#));
        assert_eq!(fts("coop jednota"), some(r#""coop"* "jednota"*"#));
        assert_eq!(fts("Záloha"), some(r#""Záloha"*"#));
        assert_eq!(fts("SK89 7500 0000"), some(r#""SK89"* "7500"* "0000"*"#));
        assert_eq!(notes("zaloha plyn"), []);
    }

    #[test]
    fn quoted_phrases_match_whole() {
        assert_eq!(fts(r#""Záloha plyn""#), some(r#""Záloha plyn""#));
        assert_eq!(fts(r#"x "a -- b""#), some(r#""x"* "a -- b""#));
        assert_eq!(fts("„Záloha plyn“"), some(r#""Záloha plyn""#));
        assert_eq!(fts(r#"plyn "zal"#), some(r#""plyn"* "zal"*"#));
    }

    #[test]
    fn fts5_syntax_typed_is_plain_text() {
        assert_eq!(fts("NEAR(a b)"), some(r#""NEAR(a"* "b)"*"#));
        assert_eq!(fts("a OR b"), some(r#""a"* "OR"* "b"*"#));
        assert_eq!(fts("NOT x AND y"), some(r#""NOT"* "x"* "AND"* "y"*"#));
        assert_eq!(fts("-x"), some(r#""-x"*"#));
        assert_eq!(fts("col:val"), some(r#""col:val"*"#));
        assert_eq!(fts("^start"), some(r#""^start"*"#));
        assert_eq!(fts("a* +b (c)"), some(r#""a*"* "+b"* "(c)"*"#));
        assert_eq!(fts("{a b}: c"), some(r#""{a"* "b}:"* "c"*"#));
    }

    #[test]
    fn words_without_letters_or_digits_are_left_out_with_a_note() {
        let search = parse_search("-- plyn *** 🙂");
        assert_eq!(search.fts_match, some(r#""plyn"*"#));
        assert_eq!(
            search.notes,
            [QueryNote::new(NoteKind::IgnoredWords, "-- *** 🙂")]
        );
        assert_eq!(fts("--"), None);
        assert_eq!(notes(r#""-- ++""#), note(NoteKind::IgnoredWords, "-- ++"));
    }

    #[test]
    fn nul_and_control_characters_separate_words() {
        assert_eq!(fts("a\u{0}b\u{7}c\u{1b}"), some(r#""a"* "b"* "c"*"#));
        assert_eq!(fts("\"a\u{0}b\""), some(r#""a b""#));
    }

    #[test]
    fn a_bare_integer_is_a_word_not_an_amount() {
        let search = parse_search("20260001");
        assert_eq!(search.fts_match, some(r#""20260001"*"#));
        assert_eq!(search.amount, None);
        assert_eq!(parse_search("-12").amount, None);
        assert_eq!(parse_search("0308").amount, None);
    }

    #[test]
    fn amounts_in_the_text_are_the_amount_condition() {
        let exactly = AmountRange::exactly(dec("12.5"));
        for typed in [
            "12,50", "12.5", "-12,50", "=12.5", "€12,50", "12,50€", "12.50EUR",
        ] {
            let search = parse_search(typed);
            assert_eq!(search.amount, exactly, "{typed}");
            assert_eq!(search.fts_match, None, "{typed}");
            assert_eq!(search.notes, [], "{typed}");
        }
        assert_eq!(parse_search("€12").amount, AmountRange::exactly(dec("12")));
        assert_eq!(parse_search("=12").amount, AmountRange::exactly(dec("12")));
        assert_eq!(parse_search("10..20").amount, between("10", "20"));
        assert_eq!(parse_search("10-20").amount, between("10", "20"));
        assert_eq!(parse_search("10,5–20").amount, between("10.5", "20"));
        assert_eq!(parse_search("-20..-10").amount, between("10", "20"));
        assert_eq!(
            parse_search(">100").amount,
            AmountRange::new(Some(AmountBound::exclusive(dec("100"))), None)
        );
        assert_eq!(
            parse_search("<=50").amount,
            AmountRange::new(None, Some(AmountBound::inclusive(dec("50"))))
        );
    }

    #[test]
    fn words_and_an_amount_together() {
        let search = parse_search("plyn >50");
        assert_eq!(search.fts_match, some(r#""plyn"*"#));
        assert_eq!(
            search.amount,
            AmountRange::new(Some(AmountBound::exclusive(dec("50"))), None)
        );
        assert_eq!(search.notes, []);
        let search = parse_search(r#""12,50" 12,50"#);
        assert_eq!(search.fts_match, some(r#""12,50""#));
        assert_eq!(search.amount, AmountRange::exactly(dec("12.5")));
    }

    #[test]
    fn the_last_of_several_amounts_is_used_and_the_others_noted() {
        let search = parse_search("12,50 plyn >100 10..20");
        assert_eq!(search.amount, between("10", "20"));
        assert_eq!(search.fts_match, some(r#""plyn"*"#));
        assert_eq!(
            search.notes,
            [QueryNote::new(NoteKind::ExtraAmount, "12,50 >100")]
        );
    }

    #[test]
    fn what_is_written_as_an_amount_but_is_none_is_noted_not_searched() {
        for typed in ["5..1", "<0", ">abc1", "1..", "..5", "=1,2,3", "≤1.2.3"] {
            let search = parse_search(typed);
            assert_eq!(search.amount, None, "{typed}");
            assert!(
                search
                    .notes
                    .iter()
                    .any(|note| note.kind == NoteKind::NotAnAmount),
                "{typed}: {search:?}"
            );
        }
        assert_eq!(
            notes("plyn 5..1 <0"),
            note(NoteKind::NotAnAmount, "5..1 <0")
        );
        assert_eq!(fts("plyn 5..1 <0"), some(r#""plyn"*"#));
    }

    #[test]
    fn references_that_look_a_little_like_amounts_stay_words() {
        for typed in [
            "1,2,3",
            "1.000",
            "12.500",
            "2026-01-15",
            "2026-01",
            "20-10",
            "15.1.2026",
            ">abc",
            "SK89-7500",
            "v1.2.3",
            "12,50-",
        ] {
            let search = parse_search(typed);
            assert_eq!(search.amount, None, "{typed}");
            assert_eq!(search.notes, [], "{typed}");
            assert!(search.fts_match.is_some(), "{typed}");
        }
    }

    #[test]
    fn at_most_32_words_are_searched() {
        let many: Vec<String> = (0..40).map(|i| format!("w{i}")).collect();
        let search = parse_search(&many.join(" "));
        let fts = search.fts_match.unwrap_or_default();
        assert_eq!(fts.matches('*').count(), MAX_WORDS);
        assert!(fts.ends_with(r#""w31"*"#));
        assert_eq!(search.notes, [QueryNote::new(NoteKind::TooManyWords, "32")]);
        // An amount after the last word still counts.
        let search = parse_search(&format!("{} 12,50", many.join(" ")));
        assert_eq!(search.amount, AmountRange::exactly(dec("12.5")));
    }

    #[test]
    fn a_phrase_across_the_word_limit_keeps_its_first_words() {
        let words: Vec<String> = (0..31).map(|i| format!("w{i}")).collect();
        let search = parse_search(&format!(r#"{} "a - b c" d"#, words.join(" ")));
        let fts = search.fts_match.unwrap_or_default();
        assert!(fts.ends_with(r#""w30"* "a -""#), "{fts}");
        assert_eq!(search.notes, [QueryNote::new(NoteKind::TooManyWords, "32")]);
    }

    #[test]
    fn only_the_first_1000_characters_are_read() {
        let long = format!("{} plyn", "é".repeat(MAX_CHARS - 1));
        let search = parse_search(&long);
        assert_eq!(
            search.fts_match,
            Some(format!("\"{}\"*", "é".repeat(MAX_CHARS - 1)))
        );
        assert_eq!(search.notes, [QueryNote::new(NoteKind::TooLong, "1000")]);
        let exactly = "a".repeat(MAX_CHARS);
        assert_eq!(parse_search(&exactly).notes, []);
        let emojis = "🙂".repeat(10_000);
        let search = parse_search(&emojis);
        assert_eq!(search.fts_match, None);
        assert_eq!(search.notes[0], QueryNote::new(NoteKind::TooLong, "1000"));
        assert_eq!(search.notes[1].kind, NoteKind::IgnoredWords);
    }

    #[test]
    fn notes_come_once_per_kind_in_a_fixed_order() {
        let words: Vec<String> = (0..40).map(|i| format!("w{i}")).collect();
        let text = format!("-- 5..1 1,5 2,5 {} ** <0", words.join(" "));
        let kinds: Vec<NoteKind> = parse_search(&text).notes.iter().map(|n| n.kind).collect();
        assert_eq!(
            kinds,
            [
                NoteKind::TooManyWords,
                NoteKind::NotAnAmount,
                NoteKind::ExtraAmount,
                NoteKind::IgnoredWords
            ]
        );
    }
}
