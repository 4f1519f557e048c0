//! The person's browser, where a bank's consent page opens (never a webview: RFC 8252). The
//! shell provides it; tests provide one that acts as the person.

use std::fmt::Debug;

use url::Url;

use crate::error::Result;

/// Opens pages in the person's browser.
pub trait Browser: Send + Sync + Debug {
    /// Opens `url`; a failure is [`crate::Error::browser`] with the system's reason.
    fn open(&self, url: &Url) -> Result<()>;
}
