//! App start-up: deep-link registration and routing of incoming URLs.

use tauri::{App, AppHandle, Manager};
use tauri_plugin_deep_link::DeepLinkExt;

use crate::deep_link::DeepLink;

pub fn setup(app: &App) {
    // Linux has no install-time registration for an unbundled binary, and Windows debug builds
    // are never installed: register the scheme for this executable at run time.
    #[cfg(any(target_os = "linux", all(debug_assertions, windows)))]
    if let Err(error) = app.deep_link().register_all() {
        // Not fatal: the app works, only the browser cannot hand the consent back.
        tracing::warn!(%error, "could not register the deep-link scheme");
    }

    let handle = app.handle().clone();
    app.deep_link().on_open_url(move |event| {
        for url in event.urls() {
            route(&handle, &url);
        }
    });

    // Cold start: the OS started us with the callback URL as argument.
    match app.deep_link().get_current() {
        Ok(Some(urls)) => urls.iter().for_each(|url| route(app.handle(), url)),
        Ok(None) => {}
        Err(error) => tracing::warn!(%error, "could not read the launch URL"),
    }
}

/// A second launch (for example the OS delivering a callback URL) focuses the running window;
/// the URL itself reaches `on_open_url` through the single-instance plugin's forwarding.
pub fn on_second_instance(app: &AppHandle, _argv: Vec<String>, _cwd: String) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.set_focus();
    }
}

/// Every incoming URL is untrusted: parse it into a typed action or drop it with a log line.
fn route(_app: &AppHandle, url: &url::Url) {
    match DeepLink::try_from(url) {
        Ok(link) => tracing::info!(kind = link.kind(), "deep link received"),
        Err(error) => tracing::warn!(%error, "deep link rejected"),
    }
}
