//! Any text typed in the search field or the amount field: read without panicking; the MATCH
//! expression is quoted terms only and runs on a real FTS5 index; the notes and the amount
//! keep their promises.
#![no_main]

use libfuzzer_sys::fuzz_target;
use query::{AmountRange, MAX_WORDS, NoteKind, parse_amount, parse_search};
use rusqlite::Connection;
use rust_decimal::Decimal;

thread_local! {
    /// One index for the whole run: made as the store makes its own, with a few rows so the
    /// MATCH really runs.
    static INDEX: Connection = index();
}

fn index() -> Connection {
    let db = Connection::open_in_memory().unwrap_or_else(|e| panic!("in-memory database: {e}"));
    db.execute_batch(
        "CREATE VIRTUAL TABLE found USING fts5(name, description,
             tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
         INSERT INTO found VALUES ('SPP Slovensko', 'Záloha plyn 20260001'),
             ('COOP Jednota', 'NEAR(a b) OR col:val ^start * \"q\"');",
    )
    .unwrap_or_else(|e| panic!("FTS5 table: {e}"));
    db
}

fuzz_target!(|text: &str| {
    let search = parse_search(text);
    if let Some(fts) = &search.fts_match {
        let terms = quoted_terms(fts).unwrap_or_else(|| panic!("{text:?} gave {fts}"));
        assert!(terms <= MAX_WORDS, "{fts}");
        INDEX.with(|db| {
            let mut statement = db
                .prepare_cached("SELECT count(*) FROM found WHERE found MATCH ?1")
                .unwrap_or_else(|e| panic!("{e}"));
            let _: i64 = statement
                .query_row([fts], |row| row.get(0))
                .unwrap_or_else(|e| panic!("{text:?} gave {fts}: {e}"));
        });
    }
    // One note of each kind, in the order of their kinds, none longer than what was typed.
    let kinds: Vec<NoteKind> = search.notes.iter().map(|note| note.kind).collect();
    assert!(kinds.windows(2).all(|pair| pair[0] < pair[1]), "{kinds:?}");
    assert!(
        search
            .notes
            .iter()
            .all(|note| note.text.len() <= text.len().max(4))
    );
    if let Some(range) = search.amount {
        check_range(range);
    }
    match parse_amount(text) {
        Ok(Some(range)) => check_range(range),
        Ok(None) => assert!(text.trim().is_empty()),
        Err(note) => assert_eq!(note.kind, NoteKind::NotAnAmount),
    }
});

/// A range has a bound, no negative bound, and its micros agree with it at their ends.
fn check_range(range: AmountRange) {
    assert!(range.min().is_some() || range.max().is_some());
    for bound in [range.min(), range.max()].into_iter().flatten() {
        assert!(!bound.value.is_sign_negative() || bound.value.is_zero());
    }
    let Some(micros) = range.to_micros() else {
        return;
    };
    for end in [micros.min, micros.max].into_iter().flatten() {
        assert!(end >= 0);
        assert!(range.contains(Decimal::new(end, 6)), "{range:?} {micros:?}");
    }
    if let Some(min) = micros.min.filter(|min| *min > 0) {
        assert!(!range.contains(Decimal::new(min - 1, 6)));
    }
    if let Some(max) = micros.max.filter(|max| *max < i64::MAX) {
        assert!(!range.contains(Decimal::new(max + 1, 6)));
    }
}

/// How many terms, when the expression is `"…"*` and `"…"` separated by single spaces with
/// inner quotes doubled and no NUL; `None` otherwise.
fn quoted_terms(fts: &str) -> Option<usize> {
    let mut rest = fts;
    let mut terms = 0;
    loop {
        let inner = rest.strip_prefix('"')?;
        let mut end = None;
        let mut chars = inner.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '\0' => return None,
                '"' if chars.peek().is_some_and(|(_, next)| *next == '"') => {
                    chars.next();
                }
                '"' => {
                    end = Some(i);
                    break;
                }
                _ => {}
            }
        }
        terms += 1;
        let after = &inner[end? + 1..];
        let after = after.strip_prefix('*').unwrap_or(after);
        if after.is_empty() {
            return Some(terms);
        }
        rest = after.strip_prefix(' ')?;
    }
}
