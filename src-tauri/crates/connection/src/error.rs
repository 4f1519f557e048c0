/// Everything that can go wrong connecting to a bank.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no bank is configured with the id {0:?}")]
    UnknownBank(String),
    /// A real bank's client secret belongs in the keychain and is not there yet.
    #[error("the client secret of {0} is not in the keychain")]
    NoClientSecret(String),
    /// A bank with a client certificate whose private key is not in the keychain.
    #[error("the client certificate's private key of {0} is not in the keychain")]
    NoClientKey(String),
    /// A callback whose state matches no consent in progress: forged, stale or reused.
    #[error("this answer from the bank matches no connection in progress: {0}")]
    Unmatched(#[from] bank::Unmatched),
    #[error("the Demo Bank could not start: {0}")]
    DemoBank(#[from] sandbox_bank::Error),
    #[error(transparent)]
    Bank(#[from] bank::Error),
    #[error(transparent)]
    Vault(#[from] vault::Error),
}

pub type Result<T> = std::result::Result<T, Error>;
