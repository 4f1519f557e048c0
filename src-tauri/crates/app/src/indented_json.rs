//! The bank's JSON as a person reads it: indented, every value exactly as the bank wrote it.
//!
//! Re-indented as text rather than parsed and printed again: `serde_json` (without its
//! `arbitrary_precision`) would read `89.90` as a float and print `89.9`, and a value too
//! large for one would change.

/// `json` (valid JSON, as the bank sent it) with one member or element per line, indented by
/// two spaces a level; strings and numbers are copied unchanged.
pub(crate) fn indented(json: &str) -> String {
    let mut out = String::with_capacity(json.len() * 2);
    let mut depth = 0_usize;
    let mut chars = json.chars().peekable();
    while let Some(char) = chars.next() {
        match char {
            '"' => copy_string(&mut chars, &mut out),
            '{' | '[' => {
                out.push(char);
                while chars.next_if(|next| is_space(*next)).is_some() {}
                // `{}` and `[]` stay on one line.
                if let Some(close) = chars.next_if(|next| matches!(next, '}' | ']')) {
                    out.push(close);
                } else {
                    depth += 1;
                    new_line(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                new_line(&mut out, depth);
                out.push(char);
            }
            ',' => {
                out.push(char);
                new_line(&mut out, depth);
            }
            ':' => out.push_str(": "),
            char if is_space(char) => {}
            char => out.push(char),
        }
    }
    out
}

/// Copies the rest of a string whose opening quote was read, the closing quote included.
fn copy_string(chars: &mut impl Iterator<Item = char>, out: &mut String) {
    out.push('"');
    let mut escaped = false;
    for char in chars {
        out.push(char);
        match char {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return,
            _ => {}
        }
    }
}

/// JSON's whitespace (RFC 8259 section 2).
fn is_space(char: char) -> bool {
    matches!(char, ' ' | '\t' | '\n' | '\r')
}

fn new_line(out: &mut String, depth: usize) {
    out.push('\n');
    out.push_str(&"  ".repeat(depth));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indents_and_keeps_every_value_as_written() {
        let raw = r#"{"entryReference":"TB-1","amount":{"value":89.90,"currency":"EUR"},"n":12345678901234567890.123,"tags":[],"o":{ },"note":"a \"quoted\", {odd}: [text]\\","list":[1, 2]}"#;
        let expected = r#"{
  "entryReference": "TB-1",
  "amount": {
    "value": 89.90,
    "currency": "EUR"
  },
  "n": 12345678901234567890.123,
  "tags": [],
  "o": {},
  "note": "a \"quoted\", {odd}: [text]\\",
  "list": [
    1,
    2
  ]
}"#;
        assert_eq!(indented(raw), expected);
    }

    #[test]
    fn the_result_reads_back_as_the_same_json() {
        let raw = r#"{"a":[{"b":null,"c":true},"ž\u00e1"],"d":-0.5e3}"#;
        let before: serde_json::Value = serde_json::from_str(raw).unwrap();
        let after: serde_json::Value = serde_json::from_str(&indented(raw)).unwrap();
        assert_eq!(before, after);
    }
}
