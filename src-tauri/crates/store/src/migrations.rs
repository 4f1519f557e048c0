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
    fn refuses_a_store_from_a_newer_app() {
        let mut connection = Connection::open_in_memory().unwrap();
        connection.pragma_update(None, "user_version", 999).unwrap();
        assert!(matches!(
            apply(&mut connection),
            Err(Error::TooNew { found: 999, .. })
        ));
    }
}
