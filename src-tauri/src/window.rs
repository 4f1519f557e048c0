//! The main window, brought up again: from a notification, the tray, a second launch.

use tauri::{AppHandle, Manager};

/// Shows the main window, restored and focused.
pub fn bring_up(app: &AppHandle) {
    let Some(window) = app.get_webview_window("main") else {
        tracing::warn!("no main window to bring up");
        return;
    };
    for outcome in [window.show(), window.unminimize(), window.set_focus()] {
        if let Err(error) = outcome {
            tracing::warn!(%error, "the window could not be brought up");
        }
    }
}

/// Hides the main window; Bankbook goes on without it.
pub fn hide(app: &AppHandle) {
    if let Some(window) = app.get_webview_window("main")
        && let Err(error) = window.hide()
    {
        tracing::warn!(%error, "the window could not be hidden");
    }
}
