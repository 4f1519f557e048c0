/// Everything that can go wrong with the local store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("local database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The file was written by a newer Bankbook; opening it could lose data.
    #[error("the local database is from a newer Bankbook (schema {found}, this app knows {known})")]
    TooNew { found: u32, known: u32 },
}

pub type Result<T> = std::result::Result<T, Error>;
