//! Versioned schema migrations, tracked in SQLite's `user_version`.
//!
//! Append only: a migration that has shipped is never edited, a new one is added.

use rusqlite::Connection;

use crate::{Error, Result};

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
];

/// Brings the schema up to date, each step in its own transaction.
pub fn apply(connection: &mut Connection) -> Result<()> {
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
    fn refuses_a_store_from_a_newer_app() {
        let mut connection = Connection::open_in_memory().unwrap();
        connection.pragma_update(None, "user_version", 999).unwrap();
        assert!(matches!(
            apply(&mut connection),
            Err(Error::TooNew { found: 999, .. })
        ));
    }
}
