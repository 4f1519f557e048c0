//! Long synchronous work (Argon2, encryption, copies of the store) off the async runtime.

use crate::error::{Error, Result};

/// Runs `work` on the blocking pool; a panic in it goes on as a panic here.
pub(crate) async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    match tokio::task::spawn_blocking(work).await {
        Ok(result) => result,
        Err(failed) if failed.is_panic() => std::panic::resume_unwind(failed.into_panic()),
        // The runtime is shutting down: the app is closing.
        Err(failed) => Err(Error::Interrupted(failed.to_string())),
    }
}
