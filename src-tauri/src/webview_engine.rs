//! The web engine tuned for a single-page app that shows one window of data: drawn on the CPU,
//! no caches meant for browsing, and no web storage (the app keeps nothing in the webview; its
//! data is in the store).
//!
//! Linux only (WebKitGTK). macOS's `WKWebView` and Windows' `WebView2` keep no back-forward cache for
//! a page that never navigates, and size their caches by themselves.

/// Applies the settings to the main window's webview.
#[cfg(target_os = "linux")]
pub fn tune(app: &tauri::App) {
    use tauri::Manager;

    let Some(window) = app.get_webview_window("main") else {
        return;
    };
    let applied = window.with_webview(|platform| {
        use webkit2gtk::{
            CacheModel, HardwareAccelerationPolicy, SettingsExt, WebContextExt, WebViewExt,
        };

        let webview = platform.inner();
        if let Some(context) = webview.context() {
            // The smallest memory cache and no back-forward cache: the page loads its few files
            // once and never navigates. The default (a web browser's) keeps up to a quarter of
            // the machine's memory class in decoded resources and whole pages.
            context.set_cache_model(CacheModel::DocumentViewer);
        }
        if let Some(settings) = WebViewExt::settings(&webview) {
            // Text and flat colours, drawn on the CPU: no compositing layers in GL textures. The
            // list then keeps the display's pace at a wheel's pace, and the page's memory holds
            // no texture pool (measured under Xvfb, where GL is Mesa's software renderer:
            // frames p95 from 75 ms to 17 ms, web process about a third smaller; see
            // scripts/measure.sh). It also spares the app the GPU drivers' blank-window
            // troubles that WebKitGTK apps meet.
            settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
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
        }
    });
    if let Err(error) = applied {
        // Not fatal: the defaults work, at a higher memory cost.
        tracing::warn!(%error, "could not tune the web engine");
    }
}

#[cfg(not(target_os = "linux"))]
pub fn tune(_app: &tauri::App) {}
