//! Every MATCH expression the crate builds runs against a real FTS5 table, made as the store
//! makes its index (unicode61, diacritics removed, a prefix index), without an error; and the
//! words find what a person expects.

use query::parse_search;
use rusqlite::Connection;

fn index() -> Connection {
    let db = Connection::open_in_memory().unwrap_or_else(|e| panic!("in-memory database: {e}"));
    db.execute_batch(
        "CREATE VIRTUAL TABLE found USING fts5(
             counterparty, description, symbols,
             tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
         INSERT INTO found VALUES
             ('SPP Slovensko', 'Záloha plyn 03/2026', '20260001'),
             ('COOP Jednota', 'Nákup potravín', ''),
             ('Orange', 'NEAR(a b) OR col:val ^start', ''),
             ('Ján Novák', 'SK89 7500 0000 0000 1234 5678', '');",
    )
    .unwrap_or_else(|e| panic!("FTS5 table: {e}"));
    db
}

/// The rows the search text finds (by rowid), or the error of its MATCH.
fn run(db: &Connection, text: &str) -> rusqlite::Result<Vec<i64>> {
    let Some(fts) = parse_search(text).fts_match else {
        return Ok(Vec::new());
    };
    let mut statement =
        db.prepare_cached("SELECT rowid FROM found WHERE found MATCH ?1 ORDER BY rowid")?;
    let rows = statement.query_map([&fts], |row| row.get(0))?;
    rows.collect()
}

fn found(db: &Connection, text: &str) -> Vec<i64> {
    run(db, text).unwrap_or_else(|e| panic!("{text:?}: {e}"))
}

#[test]
fn searches_find_what_a_person_expects() {
    let db = index();
    assert_eq!(found(&db, "zaloha plyn"), [1]);
    assert_eq!(found(&db, "ZÁL PLY"), [1]);
    assert_eq!(found(&db, r#""Záloha plyn""#), [1]);
    assert_eq!(found(&db, r#""plyn Záloha""#), [] as [i64; 0]);
    assert_eq!(found(&db, "coop jednota"), [2]);
    assert_eq!(found(&db, "potravin"), [2]);
    assert_eq!(found(&db, "2026000"), [1]);
    assert_eq!(found(&db, "SK89 7500 0000"), [4]);
    assert_eq!(found(&db, "jan novak"), [4]);
    assert_eq!(found(&db, "NEAR(a b)"), [3]);
    assert_eq!(found(&db, "col:val"), [3]);
    assert_eq!(found(&db, "^start"), [3]);
    assert_eq!(found(&db, "a OR zaloha"), [] as [i64; 0]);
    assert_eq!(found(&db, "plyn >50 -- ***"), [1]);
}

/// Texts chosen to break a MATCH expression built carelessly.
#[test]
fn hostile_texts_never_break_the_match() {
    let db = index();
    let texts = [
        "\"",
        "\"\"",
        "\"\"\"",
        "a\"b",
        "\"a",
        "a\"",
        "\"a\" \"",
        "„a",
        "a“ b”",
        "*",
        "a*",
        "*a",
        "^",
        "^a",
        "a^",
        "-",
        "-a",
        "a-",
        "+",
        "(",
        ")",
        "(a",
        "a)",
        "()",
        "{a}",
        "{a b}: c",
        "a:",
        ":a",
        "col:val",
        "a:b:c",
        "NEAR(a b, 3)",
        "NEAR",
        "AND",
        "OR",
        "NOT",
        "a AND",
        "OR b",
        "NOT NOT",
        "a NOT",
        "a OR b",
        "and or not near",
        "\u{0}",
        "a\u{0}b",
        "\"a\u{0}b\"",
        "\u{feff}",
        "\u{200b}",
        "\u{301}",
        "e\u{301}",
        "🙂",
        "a🙂b",
        "👨‍👩‍👧",
        "\u{10ffff}",
        "\u{e000}",
        "\u{fffd}",
        "Ꟁ",
        "𝔸",
        "ǅ",
        "İ",
        "ß",
        "ﬃ",
        "\\",
        "\\\"",
        "'",
        "''",
        "%",
        "_",
        "[a]",
        "a;b",
        "' OR 1=1 --",
        "\"); DROP TABLE found; --",
        "0x",
        "1e9",
        "12,50",
        ">100",
        "10..20",
        "5..1",
        "…",
        "·",
        "\u{2028}",
        "\u{85}",
    ];
    for text in texts {
        run(&db, text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
    }
}

/// Long and many-worded texts stay valid at their limits.
#[test]
fn long_texts_never_break_the_match() {
    let db = index();
    for text in [
        "a".repeat(10_000),
        "a ".repeat(5_000),
        "\"a\" ".repeat(1_000),
        "\" ".repeat(1_000),
        "é\"".repeat(3_000),
        "🙂".repeat(10_000),
        "NEAR(".repeat(2_000),
    ] {
        run(&db, &text).unwrap_or_else(|e| panic!("{}: {e}", &text[..20]));
    }
}

/// A small deterministic generator: random texts over characters that matter to FTS5, to the
/// tokenizer and to the amount reader.
struct Texts(u64);

impl Texts {
    const ALPHABET: [&str; 32] = [
        "a", "Z", "é", "ž", "7", "0", " ", " ", "\"", "„", "“", "*", "^", "-", "+", "(", ")", ":",
        ",", ".", "..", ">", "<", "=", "€", "\u{0}", "\t", "🙂", "\u{301}", "NEAR", "OR", "ß",
    ];

    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn text(&mut self) -> String {
        let len = self.next() % 24;
        (0..len)
            .map(|_| {
                let pick = usize::try_from(self.next() % 32).unwrap_or_default();
                Self::ALPHABET[pick]
            })
            .collect()
    }
}

/// Random texts: the MATCH expression runs, and is quoted terms only with balanced quotes.
#[test]
fn random_texts_give_valid_quoted_expressions() {
    let db = index();
    let mut texts = Texts(0x9e37_79b9_7f4a_7c15);
    for _ in 0..20_000 {
        let text = texts.text();
        let search = parse_search(&text);
        if let Some(fts) = &search.fts_match {
            assert!(only_quoted_terms(fts), "{text:?} gave {fts}");
        }
        run(&db, &text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
    }
}

/// `"…"*` and `"…"` separated by single spaces, inner quotes doubled, no NUL.
fn only_quoted_terms(fts: &str) -> bool {
    let mut rest = fts;
    loop {
        let Some(inner) = rest.strip_prefix('"') else {
            return false;
        };
        let mut end = None;
        let mut chars = inner.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c == '\0' {
                return false;
            }
            if c == '"' {
                if chars.peek().is_some_and(|(_, next)| *next == '"') {
                    chars.next();
                } else {
                    end = Some(i);
                    break;
                }
            }
        }
        let Some(end) = end else {
            return false;
        };
        let after = &inner[end + 1..];
        let after = after.strip_prefix('*').unwrap_or(after);
        if after.is_empty() {
            return true;
        }
        let Some(next) = after.strip_prefix(' ') else {
            return false;
        };
        rest = next;
    }
}
