//! The person's browser, where a bank's consent page opens (never a webview: RFC 8252).

use tauri::AppHandle;
use tauri_plugin_opener::OpenerExt;
use url::Url;

/// The system's default browser.
#[derive(Debug)]
struct SystemBrowser(AppHandle);

impl app::Browser for SystemBrowser {
    fn open(&self, url: &Url) -> app::Result<()> {
        self.0
            .opener()
            .open_url(url.as_str(), None::<&str>)
            .map_err(app::Error::browser)
    }
}

/// The system's browser; on the test bench, the command `BANKBOOK_BROWSER` names instead.
pub fn system(app: &AppHandle) -> Box<dyn app::Browser> {
    #[cfg(feature = "test-bench")]
    if let Some(command) = std::env::var_os(test_bench::BROWSER_ENV) {
        return Box::new(test_bench::CommandBrowser(command));
    }
    Box::new(SystemBrowser(app.clone()))
}

/// The end-to-end tests and a headless `make run` set `BANKBOOK_BROWSER` to a stand-in that
/// acts as the person at the bank's page. Not in the installer.
#[cfg(feature = "test-bench")]
mod test_bench {
    use std::ffi::OsString;

    use url::Url;

    pub const BROWSER_ENV: &str = "BANKBOOK_BROWSER";

    #[derive(Debug)]
    pub struct CommandBrowser(pub OsString);

    impl app::Browser for CommandBrowser {
        fn open(&self, url: &Url) -> app::Result<()> {
            let mut browser = std::process::Command::new(&self.0)
                .arg(url.as_str())
                .spawn()
                .map_err(app::Error::browser)?;
            // Reaped when it exits, so no zombie is left behind.
            std::thread::spawn(move || browser.wait());
            Ok(())
        }
    }
}
