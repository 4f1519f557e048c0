//! The FTS5 MATCH expression: every term a quoted string, so nothing typed is read as FTS5
//! syntax.

/// A word matched as a prefix: `"term"*`.
pub(crate) fn prefix_term(word: &str) -> String {
    format!("{}*", quoted(word))
}

/// Words matched one after the other, whole: `"a b"`.
pub(crate) fn phrase_term(words: &[&str]) -> String {
    quoted(&words.join(" "))
}

/// An FTS5 string: in double quotes, a quote inside doubled.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// Terms side by side, which FTS5 reads as all of them (implicit AND).
pub(crate) fn all_of(terms: &[String]) -> Option<String> {
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// Whether a word can match anything: FTS5's tokenizer drops everything but letters and
/// digits, so a word without any is an empty phrase.
pub(crate) fn searchable(word: &str) -> bool {
    word.chars().any(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_quoted_with_inner_quotes_doubled() {
        assert_eq!(prefix_term("plyn"), r#""plyn"*"#);
        assert_eq!(prefix_term(r#"a"b"#), r#""a""b"*"#);
        assert_eq!(phrase_term(&["Záloha", "plyn"]), r#""Záloha plyn""#);
        assert_eq!(phrase_term(&[r#"""#]), r#""""""#);
    }

    #[test]
    fn terms_are_and_ed_side_by_side() {
        assert_eq!(all_of(&[]), None);
        assert_eq!(
            all_of(&[prefix_term("a"), phrase_term(&["b", "c"])]),
            Some(r#""a"* "b c""#.to_owned())
        );
    }

    #[test]
    fn only_words_with_a_letter_or_digit_are_searchable() {
        for word in [
            "a", "7", "é", "ж", "二", "SK89", "-x", "^start", "col:val", "NEAR(a",
        ] {
            assert!(searchable(word), "{word}");
        }
        for word in ["--", "***", "(", ")", "+", "^", ":", "🙂", "€", "\u{301}"] {
            assert!(!searchable(word), "{word}");
        }
    }
}
