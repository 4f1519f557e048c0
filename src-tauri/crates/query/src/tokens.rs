//! The search text cut into words and "quoted phrases".

/// A piece of the search text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Token<'a> {
    Word(&'a str),
    /// The words between two quote marks.
    Phrase(Vec<&'a str>),
}

/// Quote marks: the straight one and the typographic ones a Slovak or English keyboard gives
/// (`„Záloha plyn“`, `“gas”`). Any of them opens or closes a phrase.
fn is_quote(c: char) -> bool {
    matches!(c, '"' | '„' | '“' | '”')
}

/// Words are separated by white space and control characters: FTS5 reads a NUL inside a quoted
/// term as the end of the text ("unterminated string").
fn is_separator(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(is_separator).filter(|word| !word.is_empty())
}

/// Words and phrases in the order typed. A quote mark with no closing one after it is left
/// out and the rest is read as words.
pub(crate) fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut rest = text;
    while let Some((opening, after)) = split_at_quote(rest) {
        tokens.extend(words(opening).map(Token::Word));
        let Some((phrase, after_phrase)) = split_at_quote(after) else {
            rest = after;
            break;
        };
        let phrase: Vec<&str> = words(phrase).collect();
        if !phrase.is_empty() {
            tokens.push(Token::Phrase(phrase));
        }
        rest = after_phrase;
    }
    tokens.extend(words(rest).map(Token::Word));
    tokens
}

/// The text before the first quote mark and the text after it.
fn split_at_quote(text: &str) -> Option<(&str, &str)> {
    let at = text.find(is_quote)?;
    let quote = text[at..].chars().next()?;
    Some((&text[..at], &text[at + quote.len_utf8()..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Token::{Phrase, Word};

    #[test]
    fn words_are_split_on_white_space_and_control_characters() {
        assert_eq!(
            tokens(" zaloha\tplyn\n\u{0}x\u{a0}y\u{3000}z "),
            [
                Word("zaloha"),
                Word("plyn"),
                Word("x"),
                Word("y"),
                Word("z")
            ]
        );
        assert_eq!(tokens(""), []);
        assert_eq!(tokens(" \u{0} "), []);
    }

    #[test]
    fn quoted_phrases_are_kept_together() {
        assert_eq!(
            tokens(r#"coop "Záloha  plyn" jednota"#),
            [
                Word("coop"),
                Phrase(vec!["Záloha", "plyn"]),
                Word("jednota")
            ]
        );
        assert_eq!(
            tokens("„Záloha plyn“ x"),
            [Phrase(vec!["Záloha", "plyn"]), Word("x")]
        );
        assert_eq!(
            tokens(r#"ab"cd ef"gh"#),
            [Word("ab"), Phrase(vec!["cd", "ef"]), Word("gh")]
        );
        assert_eq!(tokens(r#""" " ""#), []);
    }

    #[test]
    fn an_unbalanced_quote_leaves_the_rest_as_words() {
        assert_eq!(tokens(r#"a "b c"#), [Word("a"), Word("b"), Word("c")]);
        assert_eq!(
            tokens(r#""a b" "c d"#),
            [Phrase(vec!["a", "b"]), Word("c"), Word("d")]
        );
        assert_eq!(tokens(r#"""""#), []);
    }
}
