//! The person's browser, where a bank's consent page opens (never a webview: RFC 8252). The
//! shell provides it; tests provide one that acts as the person.

use std::fmt::Debug;

use url::Url;

/// Opens pages in the person's browser.
pub trait Browser: Send + Sync + Debug {
    /// Opens `url`; the error says why it could not, in words for the log.
    fn open(&self, url: &Url) -> Result<(), String>;
}
