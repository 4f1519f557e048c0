//! Just enough of an XML writer for camt.053: element names are this crate's constants, and
//! every piece of text from the bank goes through [`Xml::text`], which makes it well-formed
//! XML 1.0 and fits it to the schema's length limit.

use std::io::{self, Write};

/// Writes elements, indented two spaces a level, to `out`.
#[derive(Debug)]
pub(crate) struct Xml<W> {
    out: W,
    depth: usize,
}

impl<W: Write> Xml<W> {
    /// Starts writing at `depth` (the spools hold entries three levels down).
    pub(crate) fn new(out: W, depth: usize) -> Self {
        Self { out, depth }
    }

    pub(crate) fn into_inner(self) -> W {
        self.out
    }

    pub(crate) fn inner(&mut self) -> &mut W {
        &mut self.out
    }

    pub(crate) fn open(&mut self, name: &str) -> io::Result<()> {
        self.indent()?;
        write!(self.out, "<{name}>")?;
        self.depth += 1;
        Ok(())
    }

    pub(crate) fn close(&mut self, name: &str) -> io::Result<()> {
        self.depth -= 1;
        self.indent()?;
        write!(self.out, "</{name}>")
    }

    /// An element holding a value this crate made (a code, a date, a number): no escaping.
    pub(crate) fn value(&mut self, name: &str, value: &str) -> io::Result<()> {
        self.indent()?;
        write!(self.out, "<{name}>{value}</{name}>")
    }

    /// An amount with its currency (both checked by the caller).
    pub(crate) fn amount(&mut self, name: &str, currency: &str, amount: &str) -> io::Result<()> {
        self.indent()?;
        write!(self.out, "<{name} Ccy=\"{currency}\">{amount}</{name}>")
    }

    /// An element of text from outside, cut to `max` characters (ending in `…` when cut);
    /// nothing at all when no character is left, since the schema's texts are never empty.
    pub(crate) fn text(&mut self, name: &str, text: &str, max: usize) -> io::Result<()> {
        let text = fitted(&clean(text), max);
        if text.is_empty() {
            return Ok(());
        }
        self.indent()?;
        write!(self.out, "<{name}>{}</{name}>", escaped(&text))
    }

    /// Text too long for one element, split over as many as it takes (the remittance
    /// information: `Ustrd` may repeat).
    pub(crate) fn split_text(&mut self, name: &str, text: &str, max: usize) -> io::Result<()> {
        let chars: Vec<char> = clean(text).chars().collect();
        for piece in chars.chunks(max) {
            self.indent()?;
            let piece: String = piece.iter().collect();
            write!(self.out, "<{name}>{}</{name}>", escaped(&piece))?;
        }
        Ok(())
    }

    fn indent(&mut self) -> io::Result<()> {
        write!(self.out, "\n{:1$}", "", self.depth * 2)
    }
}

/// Whether the text leaves something to write.
pub(crate) fn has_text(text: Option<&str>) -> bool {
    text.is_some_and(|text| !clean(text).is_empty())
}

/// The text without what XML 1.0 forbids (control characters but tab, line feed and carriage
/// return; U+FFFE and U+FFFF) or what only garbles (the C1 controls).
fn clean(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r')
                || !(c.is_control() || c == '\u{fffe}' || c == '\u{ffff}')
        })
        .collect()
}

/// At most `max` characters: a longer text keeps its start and ends in `…`, so that a reader
/// sees it was cut.
fn fitted(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(max - 1).collect();
    cut.push('…');
    cut
}

/// Markup characters as references; a carriage return too, which a parser would otherwise turn
/// into a line feed.
fn escaped(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '\r' => escaped.push_str("&#13;"),
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(write: impl FnOnce(&mut Xml<Vec<u8>>) -> io::Result<()>) -> String {
        let mut xml = Xml::new(Vec::new(), 0);
        write(&mut xml).unwrap();
        String::from_utf8(xml.into_inner()).unwrap()
    }

    #[test]
    fn markup_is_escaped_and_forbidden_characters_dropped() {
        let text = written(|xml| xml.text("Nm", "A & B <s.r.o.> \"ä\"\u{0}\u{1b}\u{85}\r\n", 140));
        assert_eq!(text, "\n<Nm>A &amp; B &lt;s.r.o.&gt; \"ä\"&#13;\n</Nm>");
    }

    #[test]
    fn long_text_is_cut_visibly_and_empty_text_is_left_out() {
        let text = written(|xml| xml.text("Id", &"é".repeat(40), 35));
        assert_eq!(text, format!("\n<Id>{}…</Id>", "é".repeat(34)));
        assert_eq!(written(|xml| xml.text("Id", "\u{1}\u{2}", 35)), "");
        assert!(!has_text(Some("\u{7}")));
        assert!(has_text(Some(" ")));
    }

    #[test]
    fn long_remittance_is_split_whole() {
        let text = "a".repeat(300);
        let xml = written(|xml| xml.split_text("Ustrd", &text, 140));
        let pieces: Vec<&str> = xml
            .split("<Ustrd>")
            .skip(1)
            .map(|piece| {
                piece
                    .trim_end_matches("</Ustrd>\n")
                    .trim_end_matches("</Ustrd>")
            })
            .collect();
        assert_eq!(
            pieces.iter().map(|p| p.len()).collect::<Vec<_>>(),
            [140, 140, 20]
        );
    }
}
