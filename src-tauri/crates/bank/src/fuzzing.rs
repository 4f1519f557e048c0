//! Entry points for the fuzz targets in `src-tauri/fuzz`, compiled only under `cargo fuzz`
//! (`--cfg fuzzing`): the parsers of bank answers that are not public API.

use std::time::{Duration, Instant, SystemTime};

use crate::IssuedTokens;

/// A token endpoint answer as the `oauth2` crate reads it (JSON), then as the session keeps it.
pub fn token_response(body: &[u8]) -> Option<IssuedTokens> {
    let response: crate::oauth::TokenAnswer = serde_json::from_slice(body).ok()?;
    Some(crate::oauth::issued(&response, Instant::now()))
}

/// A `Retry-After` header value.
pub fn retry_after(value: &str) -> Option<Duration> {
    crate::api::parse_retry_after(value, SystemTime::now())
}
