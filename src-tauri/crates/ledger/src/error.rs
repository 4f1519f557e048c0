/// Everything that can go wrong serving the accounts and their history.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An IBAN that is not among the accounts the user chose to show.
    #[error("that account is not among the accounts shown")]
    UnknownAccount,
    /// An entry that is not stored for the account (never was, or no longer: the bank
    /// dropped a pending entry, or the data was removed).
    #[error("that transaction is not stored")]
    UnknownEntry,
    /// A cursor this ledger did not hand out (tampered, or from another version).
    #[error("that page of the history does not exist")]
    InvalidCursor,
    #[error("a page holds 1 to {max} transactions", max = crate::MAX_PAGE_SIZE)]
    InvalidLimit,
    /// A rule with no condition set, which would take every entry.
    #[error("a rule needs at least one condition")]
    EmptyRule,
    /// The person stopped a long task.
    #[error("stopped")]
    Cancelled,
    #[error(transparent)]
    Store(#[from] store::Error),
    #[error(transparent)]
    Bank(#[from] bank::Error),
}

pub type Result<T> = std::result::Result<T, Error>;
