//! Opening the bank's consent page in the user's browser (never in a webview: RFC 8252).

use tauri::AppHandle;
use tauri_plugin_opener::OpenerExt;
use url::Url;

use crate::error::Error;

/// Names a command that opens URLs instead of the system's default browser: the end-to-end
/// tests set it to a stand-in that acts as the user; anyone may set it to their browser.
pub const BROWSER_ENV: &str = "BANKBOOK_BROWSER";

pub fn open(app: &AppHandle, url: &Url) -> Result<(), Error> {
    if let Some(command) = std::env::var_os(BROWSER_ENV) {
        let mut browser = std::process::Command::new(command)
            .arg(url.as_str())
            .spawn()
            .map_err(|error| Error::Browser(error.to_string()))?;
        // Reaped when it exits, so no zombie is left behind.
        std::thread::spawn(move || browser.wait());
        return Ok(());
    }
    app.opener()
        .open_url(url.as_str(), None::<&str>)
        .map_err(|error| Error::Browser(error.to_string()))
}
