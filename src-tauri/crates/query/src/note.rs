/// Something typed that the search did not use as typed: shown beside the results, never an
/// error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryNote {
    pub kind: NoteKind,
    /// What the note is about; see each [`NoteKind`].
    pub text: String,
}

/// Why a note was made. The order is the order notes are listed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NoteKind {
    /// The search text is longer than [`crate::MAX_CHARS`]: only its beginning is read. The
    /// text is the limit, in characters.
    TooLong,
    /// The search text has more than [`crate::MAX_WORDS`] words: the first ones are searched.
    /// The text is the limit, in words.
    TooManyWords,
    /// Looks like an amount but cannot be read as one (`1,2,3`, `5..1`, `>abc1`): no amount
    /// condition comes from it. The text is what was typed (shortened when long), several
    /// separated by spaces.
    NotAnAmount,
    /// The search text holds more than one amount: the last one is used. The text is the ones
    /// left out, separated by spaces.
    ExtraAmount,
    /// Words with no letter or digit (`--`, `***`), which match nothing: left out. The text is
    /// those words, separated by spaces.
    IgnoredWords,
}

impl QueryNote {
    pub(crate) fn new(kind: NoteKind, text: impl Into<String>) -> Self {
        Self {
            kind,
            text: text.into(),
        }
    }

    /// A note about what was typed, quoted back no longer than [`ECHO_CHARS`]: the amount field
    /// is not capped as the search text is.
    pub(crate) fn echo(kind: NoteKind, typed: &str) -> Self {
        let text = match typed.char_indices().nth(ECHO_CHARS) {
            Some((end, _)) => format!("{}…", &typed[..end]),
            None => typed.to_owned(),
        };
        Self::new(kind, text)
    }
}

/// How much of a typed text a note quotes back.
pub(crate) const ECHO_CHARS: usize = 100;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echo_quotes_short_text_whole_and_long_text_shortened_on_a_char_boundary() {
        assert_eq!(
            QueryNote::echo(NoteKind::NotAnAmount, "1,2,3").text,
            "1,2,3"
        );
        let long = "é".repeat(ECHO_CHARS + 5);
        let echoed = QueryNote::echo(NoteKind::NotAnAmount, &long).text;
        assert_eq!(echoed.chars().count(), ECHO_CHARS + 1);
        assert!(echoed.ends_with('…'));
    }
}
