//! Opening a connection once SQLite (SQLCipher's build) is wholly initialized.
//!
//! SQLCipher registers `sqlcipher_export` as an auto extension from `SQLITE_EXTRA_INIT`, which
//! SQLite runs after `sqlite3_initialize` has marked itself done and let other threads through:
//! a connection another thread opens meanwhile lacks the function, and an export on it fails
//! with `no such function: sqlcipher_export` (seen in parallel tests). The first connection of
//! the process is opened alone here, so that every later one finds the initialization finished.

use std::path::Path;
use std::sync::Once;

use rusqlite::Connection;

/// Opens the database at `path` once SQLite's initialization, SQLCipher's included, is over.
pub(crate) fn open(path: &Path) -> rusqlite::Result<Connection> {
    initialized();
    Connection::open(path)
}

/// An in-memory database, once SQLite's initialization is over.
pub(crate) fn open_in_memory() -> rusqlite::Result<Connection> {
    initialized();
    Connection::open_in_memory()
}

fn initialized() {
    static INITIALIZED: Once = Once::new();
    // Other threads wait here until this first open, and the initialization in it, is over.
    INITIALIZED.call_once(|| {
        if let Err(error) = Connection::open_in_memory() {
            tracing::warn!(%error, "SQLite's first connection failed");
        }
    });
}
