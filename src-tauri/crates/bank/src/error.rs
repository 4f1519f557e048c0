/// Everything that can go wrong talking to a bank.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A bank answer that does not fit the contract; names what was wrong, never the data.
    #[error("the bank's answer could not be read: {0}")]
    Malformed(String),
}

pub type Result<T> = std::result::Result<T, Error>;
