/// Everything that can go wrong sealing or opening a backup.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The passphrase is not the one the backup was sealed with. Told apart from damage by the
    /// verifier in the header, checked before any of the content is read.
    #[error("wrong passphrase")]
    WrongPassphrase,
    /// The file is a Bankbook backup, but damaged: cut short, changed, or with bytes added. Says
    /// which part (`"header"`, `"key derivation parameters"`, `"content"`) for the log; the
    /// person is told only that the backup is damaged.
    #[error("the backup file is damaged ({0})")]
    Damaged(&'static str),
    /// The file does not start like a Bankbook backup: another file was chosen.
    #[error("this is not a Bankbook backup file")]
    NotABackup,
    /// A newer Bankbook wrote the file, in a format version this one does not know.
    #[error("the backup was made by a newer Bankbook (backup format {0})")]
    NewerVersion(u8),
    /// `seal` was given key derivation parameters that `open` would refuse as damaged: sealing
    /// would make a backup nobody can open. A bug in the caller, never the person's doing.
    #[error("key derivation parameters out of the bounds a backup may have")]
    ParamsOutOfBounds,
    /// Reading the input or writing the output failed (or Argon2's memory could not be had).
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

pub type Result<T> = std::result::Result<T, Error>;
