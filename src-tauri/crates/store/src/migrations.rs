//! Versioned schema migrations, tracked in SQLite's `user_version`.
//!
//! Append only: a migration that has shipped is never edited, a new one is added.

use rusqlite::Connection;

use crate::{Error, Result, amounts};

/// Migration `n` (1-based) takes the schema from version `n - 1` to `n`.
const MIGRATIONS: &[&str] = &[
    // 1: the bank connection (one at a time) and the accounts the user chose to show.
    "CREATE TABLE connection (
        id                 INTEGER PRIMARY KEY CHECK (id = 1),
        bank_id            TEXT NOT NULL,
        consent_expires_at INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE selected_account (
        bank_id   TEXT NOT NULL,
        iban      TEXT NOT NULL,
        position  INTEGER NOT NULL,
        name      TEXT,
        currency  TEXT NOT NULL,
        product   TEXT,
        PRIMARY KEY (bank_id, iban)
    ) STRICT;",
    // 2: what was fetched from the bank: balances, the history, and how far back it goes.
    // Amounts are decimal text, never REAL. An entry is keyed by its bank's entry reference,
    // so a pending entry that books replaces its own row. The list is ordered by date, then by
    // `ordinal`: the bank's order within a day, counted downwards for older pages and upwards
    // for newer ones, so nothing moves when either end grows.
    "CREATE TABLE entry (
        iban              TEXT NOT NULL,
        entry_reference   TEXT NOT NULL,
        pending           INTEGER NOT NULL CHECK (pending IN (0, 1)),
        date              TEXT NOT NULL,
        ordinal           INTEGER NOT NULL,
        amount            TEXT NOT NULL,
        currency          TEXT NOT NULL,
        booking_date      TEXT,
        value_date        TEXT,
        counterparty_name TEXT,
        counterparty_iban TEXT,
        description       TEXT,
        bank_note         TEXT,
        variable_symbol   TEXT,
        specific_symbol   TEXT,
        constant_symbol   TEXT,
        PRIMARY KEY (iban, entry_reference)
    ) STRICT;
    CREATE INDEX entry_in_list_order ON entry (iban, date, ordinal);
    CREATE TABLE balance (
        iban        TEXT NOT NULL,
        position    INTEGER NOT NULL,
        code        TEXT NOT NULL,
        amount      TEXT NOT NULL,
        currency    TEXT NOT NULL,
        as_of       TEXT,
        credit_line TEXT,
        PRIMARY KEY (iban, position)
    ) STRICT;
    CREATE TABLE account_sync (
        iban                 TEXT PRIMARY KEY,
        balances_fetched_at  INTEGER,
        history_next_page    INTEGER,
        history_up_to        TEXT,
        history_complete     INTEGER NOT NULL DEFAULT 0,
        history_refreshed_at INTEGER
    ) STRICT;",
    // 3: several banks at once: one connection per bank, in the order they were connected
    // (the rowid, kept when a connection is renewed).
    "CREATE TABLE bank_connection (
        bank_id            TEXT PRIMARY KEY,
        consent_expires_at INTEGER NOT NULL
    ) STRICT;
    INSERT INTO bank_connection (bank_id, consent_expires_at)
        SELECT bank_id, consent_expires_at FROM connection;
    DROP TABLE connection;",
    // 4: search, the detail panel and export. The entry table is rebuilt around an INTEGER
    // PRIMARY KEY: the full-text index names rows by rowid, and VACUUM (run when a bank's data
    // is removed) may renumber an implicit rowid. New: the end-to-end reference, the bank
    // transaction code, the transaction as the bank sent it (`raw`, NULL for rows stored
    // before), and the amount in micros for exact integer filters and sums
    // (`bankbook_amount_micros`, a Rust function: NULL where micros are not exact).
    // `entry_search` indexes the text a person looks for; what entry lacks as a column comes
    // from VIRTUAL generated columns, so FTS5's 'rebuild' and 'integrity-check' can read it:
    // both references, the three symbols, the counterparty's IBAN compact and in groups of
    // four as it is printed. 'secure-delete' removes a deleted entry's words from the index at
    // once, as `secure_delete` does for the table's pages.
    "CREATE TABLE entry_v4 (
        id                    INTEGER PRIMARY KEY,
        iban                  TEXT NOT NULL,
        entry_reference       TEXT NOT NULL,
        pending               INTEGER NOT NULL CHECK (pending IN (0, 1)),
        date                  TEXT NOT NULL,
        ordinal               INTEGER NOT NULL,
        amount                TEXT NOT NULL,
        amount_micros         INTEGER,
        currency              TEXT NOT NULL,
        booking_date          TEXT,
        value_date            TEXT,
        counterparty_name     TEXT,
        counterparty_iban     TEXT,
        description           TEXT,
        bank_note             TEXT,
        variable_symbol       TEXT,
        specific_symbol       TEXT,
        constant_symbol       TEXT,
        end_to_end_reference  TEXT,
        bank_transaction_code TEXT,
        raw                   TEXT,
        search_references TEXT GENERATED ALWAYS AS
            (concat_ws(' ', entry_reference, end_to_end_reference)) VIRTUAL,
        search_symbols TEXT GENERATED ALWAYS AS
            (concat_ws(' ', variable_symbol, specific_symbol, constant_symbol)) VIRTUAL,
        counterparty_iban_compact TEXT GENERATED ALWAYS AS
            (replace(counterparty_iban, ' ', '')) VIRTUAL,
        search_iban TEXT GENERATED ALWAYS AS (concat_ws(' ', counterparty_iban_compact,
            substr(counterparty_iban_compact, 1, 4), substr(counterparty_iban_compact, 5, 4),
            substr(counterparty_iban_compact, 9, 4), substr(counterparty_iban_compact, 13, 4),
            substr(counterparty_iban_compact, 17, 4), substr(counterparty_iban_compact, 21, 4),
            substr(counterparty_iban_compact, 25, 4), substr(counterparty_iban_compact, 29, 4),
            substr(counterparty_iban_compact, 33, 4))) VIRTUAL,
        UNIQUE (iban, entry_reference)
    ) STRICT;
    INSERT INTO entry_v4 (iban, entry_reference, pending, date, ordinal, amount, amount_micros,
            currency, booking_date, value_date, counterparty_name, counterparty_iban,
            description, bank_note, variable_symbol, specific_symbol, constant_symbol)
        SELECT iban, entry_reference, pending, date, ordinal, amount,
            bankbook_amount_micros(amount), currency, booking_date, value_date,
            counterparty_name, counterparty_iban, description, bank_note, variable_symbol,
            specific_symbol, constant_symbol
        FROM entry;
    DROP TABLE entry;
    ALTER TABLE entry_v4 RENAME TO entry;
    CREATE INDEX entry_in_list_order ON entry (iban, date, ordinal);
    -- Search order, covering what filters and totals read: a search without words walks it
    -- (from a date, when it has one) without reading the rows, which `raw` makes large.
    CREATE INDEX entry_in_search_order ON entry
        (date DESC, iban, ordinal DESC, amount_micros, pending, currency, amount);
    -- Magnitudes, for an exact amount or a narrow range: a walk of the search order would test
    -- every entry. An amount without micros has -1, so its exact test (in Rust) is one seek.
    CREATE INDEX entry_by_magnitude ON entry (ifnull(abs(amount_micros), -1));
    CREATE VIRTUAL TABLE entry_search USING fts5 (
        counterparty_name, description, bank_note, search_references, search_symbols,
        search_iban,
        content = 'entry', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
    );
    INSERT INTO entry_search (entry_search, rank) VALUES ('secure-delete', 1);
    CREATE TRIGGER entry_search_insert AFTER INSERT ON entry BEGIN
        INSERT INTO entry_search (rowid, counterparty_name, description, bank_note,
                search_references, search_symbols, search_iban)
            VALUES (new.id, new.counterparty_name, new.description, new.bank_note,
                new.search_references, new.search_symbols, new.search_iban);
    END;
    CREATE TRIGGER entry_search_delete AFTER DELETE ON entry BEGIN
        INSERT INTO entry_search (entry_search, rowid, counterparty_name, description,
                bank_note, search_references, search_symbols, search_iban)
            VALUES ('delete', old.id, old.counterparty_name, old.description, old.bank_note,
                old.search_references, old.search_symbols, old.search_iban);
    END;
    CREATE TRIGGER entry_search_update AFTER UPDATE OF counterparty_name, counterparty_iban,
            description, bank_note, entry_reference, end_to_end_reference, variable_symbol,
            specific_symbol, constant_symbol ON entry BEGIN
        INSERT INTO entry_search (entry_search, rowid, counterparty_name, description,
                bank_note, search_references, search_symbols, search_iban)
            VALUES ('delete', old.id, old.counterparty_name, old.description, old.bank_note,
                old.search_references, old.search_symbols, old.search_iban);
        INSERT INTO entry_search (rowid, counterparty_name, description, bank_note,
                search_references, search_symbols, search_iban)
            VALUES (new.id, new.counterparty_name, new.description, new.bank_note,
                new.search_references, new.search_symbols, new.search_iban);
    END;
    INSERT INTO entry_search (entry_search) VALUES ('rebuild');",
    // 5: the reads of each account's balances and newest entries, the person's and the app's
    // own, for PSD2's four unattended reads a day; a day's worth is kept. And the accounts
    // still shown that a renewed consent no longer covers: kept, no longer updated. And what
    // the desktop notifications need: when each bank's renewal was last announced, the
    // accounts whose new entries are announced, and the settings (quiet hours, amounts).
    "CREATE TABLE account_read (
        iban       TEXT NOT NULL,
        at         INTEGER NOT NULL,
        unattended INTEGER NOT NULL CHECK (unattended IN (0, 1))
    ) STRICT;
    CREATE INDEX account_read_by_account ON account_read (iban, at);
    CREATE TABLE no_longer_consented (
        bank_id TEXT NOT NULL,
        iban    TEXT NOT NULL,
        PRIMARY KEY (bank_id, iban)
    ) STRICT;
    ALTER TABLE bank_connection ADD COLUMN renewal_notified_at INTEGER;
    CREATE TABLE notified_account (iban TEXT PRIMARY KEY) STRICT;
    CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;",
    // 6: the booked balances the bank reported, each with how far the stored history reached
    // then (the bank's day, and the newest entry's ordinal on it): what reconciliation checks
    // the stored entries against. And an account's booked entries by day, covering what the
    // charts sum, so they read one account's year and no row.
    "CREATE TABLE balance_checkpoint (
        id              INTEGER PRIMARY KEY,
        iban            TEXT NOT NULL,
        at              INTEGER NOT NULL,
        as_of           TEXT NOT NULL,
        booked          TEXT NOT NULL,
        through_ordinal INTEGER
    ) STRICT;
    CREATE INDEX balance_checkpoint_by_account ON balance_checkpoint (iban, at);
    CREATE INDEX entry_booked_by_day ON entry (iban, pending, date, amount_micros, amount);",
    // 7: categories. The app's own (`key` set) are named in the reading language unless the
    // person renamed them. The person's rules, each a set of conditions. A category chosen by
    // hand is kept apart from the entry, keyed as the entry is, so it outlives the row: a hold
    // that books, or an entry fetched again, is stored as a new row. `entry.category_id` is
    // what the list, the filter and the charts read: the choice, else what the rules said when
    // the entry was stored (NULL: not categorised yet, which only lasts within a write).
    "CREATE TABLE category (
        id       INTEGER PRIMARY KEY,
        key      TEXT UNIQUE,
        name     TEXT,
        colour   TEXT NOT NULL,
        position INTEGER NOT NULL,
        CHECK (key IS NOT NULL OR name IS NOT NULL)
    ) STRICT;
    INSERT INTO category (key, colour, position) VALUES
        ('groceries', '#2e7d32', 0), ('eating_out', '#ef6c00', 1), ('transport', '#1565c0', 2),
        ('housing_energy', '#6d4c41', 3), ('phone_internet', '#00838f', 4),
        ('shopping', '#ad1457', 5), ('health', '#c62828', 6), ('leisure', '#6a1b9a', 7),
        ('cash', '#558b2f', 8), ('own_transfers', '#546e7a', 9), ('income', '#00796b', 10),
        ('fees', '#8d6e63', 11), ('other', '#757575', 12);
    CREATE TABLE category_rule (
        id                INTEGER PRIMARY KEY,
        category_id       INTEGER NOT NULL REFERENCES category (id) ON DELETE CASCADE,
        counterparty      TEXT,
        description       TEXT,
        counterparty_iban TEXT,
        min_amount        TEXT,
        max_amount        TEXT,
        direction         TEXT CHECK (direction IN ('in', 'out'))
    ) STRICT;
    CREATE TABLE category_choice (
        iban            TEXT NOT NULL,
        entry_reference TEXT NOT NULL,
        category_id     INTEGER NOT NULL REFERENCES category (id) ON DELETE CASCADE,
        PRIMARY KEY (iban, entry_reference)
    ) STRICT;
    ALTER TABLE entry ADD COLUMN category_id INTEGER REFERENCES category (id) ON DELETE SET NULL;
    CREATE INDEX entry_by_category ON entry (category_id, date);
    CREATE INDEX entry_uncategorised ON entry (iban) WHERE category_id IS NULL;",
];

/// Brings the schema up to date, each step in its own transaction.
pub fn apply(connection: &mut Connection) -> Result<()> {
    // Migration 4 reads amounts through Rust.
    amounts::register(connection)?;
    let known = u32::try_from(MIGRATIONS.len()).unwrap_or(u32::MAX);
    let found: u32 = connection.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if found > known {
        return Err(Error::TooNew { found, known });
    }
    for (version, sql) in (found + 1..).zip(&MIGRATIONS[found as usize..]) {
        let transaction = connection.transaction()?;
        transaction.execute_batch(sql)?;
        transaction.pragma_update(None, "user_version", version)?;
        transaction.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrates_a_new_store_to_the_latest_version_once() {
        let mut connection = Connection::open_in_memory().unwrap();
        apply(&mut connection).unwrap();
        apply(&mut connection).unwrap();
        let version: u32 = connection
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .unwrap();
        assert_eq!(version as usize, MIGRATIONS.len());
        connection
            .execute(
                "INSERT INTO selected_account VALUES ('demo', 'SK31', 0, NULL, 'EUR', NULL)",
                [],
            )
            .unwrap();
    }

    #[test]
    fn keeps_the_one_connection_of_an_older_store() {
        let mut connection = Connection::open_in_memory().unwrap();
        for sql in &MIGRATIONS[..2] {
            connection.execute_batch(sql).unwrap();
        }
        connection.pragma_update(None, "user_version", 2).unwrap();
        connection
            .execute("INSERT INTO connection VALUES (1, 'demo', 1800000000)", [])
            .unwrap();
        apply(&mut connection).unwrap();
        let kept: (String, i64) = connection
            .query_row(
                "SELECT bank_id, consent_expires_at FROM bank_connection",
                [],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .unwrap();
        assert_eq!(kept, ("demo".to_owned(), 1_800_000_000));
    }

    #[test]
    fn version_4_keeps_every_entry_with_its_micros_and_indexes_it() {
        let mut connection = Connection::open_in_memory().unwrap();
        for sql in &MIGRATIONS[..3] {
            connection.execute_batch(sql).unwrap();
        }
        connection.pragma_update(None, "user_version", 3).unwrap();
        connection
            .execute_batch(
                "INSERT INTO entry (iban, entry_reference, pending, date, ordinal, amount,
                     currency, counterparty_name, counterparty_iban, variable_symbol)
                 VALUES
                 ('A', 'r1', 0, '2026-03-02', 1, '-45.10', 'EUR', 'Záloha plyn',
                     'SK89 7500 0000 0000 1234 5671', '20260001'),
                 ('A', 'r2', 1, '2026-03-01', 0, '0.0000001', 'EUR', NULL, NULL, NULL),
                 ('B', 'r1', 0, '2026-03-01', 0, '12345678901234567.10', 'CZK', 'COOP Jednota',
                     NULL, NULL);",
            )
            .unwrap();
        apply(&mut connection).unwrap();
        let rows: Vec<(String, String, Option<i64>)> = connection
            .prepare("SELECT iban, entry_reference, amount_micros FROM entry ORDER BY id")
            .unwrap()
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let expected = [
            ("A", "r1", Some(-45_100_000)),
            ("A", "r2", None),
            ("B", "r1", None),
        ]
        .map(|(iban, reference, micros)| (iban.to_owned(), reference.to_owned(), micros));
        assert_eq!(rows, expected);
        connection
            .execute_batch("INSERT INTO entry_search (entry_search) VALUES ('integrity-check')")
            .unwrap();
        let found = |query: &str| -> Vec<String> {
            connection
                .prepare(
                    "SELECT entry.iban || '/' || entry_reference FROM entry_search
                     JOIN entry ON entry.id = entry_search.rowid
                     WHERE entry_search MATCH ?1 ORDER BY entry.id",
                )
                .unwrap()
                .query_map([query], |row| row.get(0))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap()
        };
        assert_eq!(found("zaloha plyn"), ["A/r1"]);
        assert_eq!(found("\"sk89\"* \"7500\"*"), ["A/r1"]);
        assert_eq!(found("SK8975000000000012345671"), ["A/r1"]);
        assert_eq!(found("coop jed*"), ["B/r1"]);
        assert_eq!(found("r1"), ["A/r1", "B/r1"]);
        assert_eq!(found("20260001"), ["A/r1"]);
    }

    #[test]
    fn refuses_a_store_from_a_newer_app() {
        let mut connection = Connection::open_in_memory().unwrap();
        connection.pragma_update(None, "user_version", 999).unwrap();
        assert!(matches!(
            apply(&mut connection),
            Err(Error::TooNew { found: 999, .. })
        ));
    }
}
