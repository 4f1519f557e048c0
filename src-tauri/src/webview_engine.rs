//! The web engine tuned for a single-page app that shows one window of data: no caches meant for
//! browsing, and no web storage (the app keeps nothing in the webview; its data is in the store).
//!
//! Drawing on the CPU (`hardware-acceleration-policy: never`) would make the list lighter and
//! smoother under Xvfb, but with WebKitGTK 2.50 `WebKitWebDriver`'s sessions then hang, whether
//! the policy is set here (after the page has started loading) or by
//! `WEBKIT_DISABLE_COMPOSITING_MODE=1` before the process starts: the onboarding test stalls,
//! every time, once the consent's answer has arrived. WebKit's open fix for non-composited frames
//! that strand callers waiting for a repaint is <https://github.com/WebKit/WebKit/pull/73787>.
//!
//! Linux only (WebKitGTK): on Windows and macOS nothing changes, their webviews keep their
//! defaults (web storage on but unused); they keep no back-forward cache for a page that never
//! navigates and size their caches by themselves.

/// Applies the settings to the main window's webview.
#[cfg(target_os = "linux")]
pub fn tune(app: &tauri::App) {
    use tauri::Manager;

    let Some(window) = app.get_webview_window("main") else {
        return;
    };
    let applied = window.with_webview(|platform| {
        use webkit2gtk::{CacheModel, SettingsExt, WebContextExt, WebViewExt};

        let webview = platform.inner();
        // The smallest memory cache and no back-forward cache: the page loads its few files
        // once and never navigates. The default (a web browser's) sizes them for browsing.
        if let Some(context) = webview.context() {
            context.set_cache_model(CacheModel::DocumentViewer);
        } else {
            tracing::warn!("the webview has no web context: its cache model stays");
        }
        let Some(settings) = WebViewExt::settings(&webview) else {
            tracing::warn!("the webview has no settings: the web engine keeps its defaults");
            return;
        };
        settings.set_enable_page_cache(false);
        // Nothing is kept in the webview: no database, local storage or application cache
        // to fill or to hold personal data.
        settings.set_enable_html5_database(false);
        settings.set_enable_html5_local_storage(false);
        settings.set_enable_offline_web_application_cache(false);
        // Nor is anything played or drawn in 3-D.
        settings.set_enable_media(false);
        settings.set_enable_webaudio(false);
        settings.set_enable_webgl(false);
    });
    // Only the hand-off to the main thread can fail here; the settings are applied there.
    if let Err(error) = applied {
        // Not fatal: the defaults work, at a higher memory cost.
        tracing::warn!(%error, "could not tune the web engine");
    }
}

#[cfg(not(target_os = "linux"))]
pub fn tune(_app: &tauri::App) {}
