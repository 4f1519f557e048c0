/// Everything that can go wrong talking to a bank.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A bank answer that does not fit the contract; names the endpoint and what was wrong,
    /// never the data.
    #[error("the bank's answer from {endpoint} could not be read: {reason}")]
    Malformed {
        endpoint: &'static str,
        reason: String,
    },
}

impl Error {
    pub(crate) fn malformed(endpoint: &'static str, reason: impl Into<String>) -> Self {
        Self::Malformed {
            endpoint,
            reason: reason.into(),
        }
    }
}

pub type Result<T> = std::result::Result<T, Error>;
