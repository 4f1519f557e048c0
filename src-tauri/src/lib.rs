//! Bankbook's Tauri shell: wiring only. Logic lives in the app core (`crates/app`) and the
//! crates beside it.

mod automatic_refresh;
mod background;
mod browser;
mod clock;
mod file_dialog;
mod ipc;
mod launch;
mod logging;
mod login_item;
mod notifications;
mod progress;
mod setup;
mod webview_engine;
mod window;

/// Starts the app. Called by `main.rs`.
pub fn run() {
    let started = std::time::Instant::now();
    logging::init();
    launch::refuse_arguments_that_are_not_text();

    let result = tauri::Builder::default()
        // Single-instance first: a second launch (the OS handing us a callback URL) must be
        // forwarded to this process before any other plugin sees it.
        .plugin(tauri_plugin_single_instance::init(
            launch::on_second_instance,
        ))
        .plugin(tauri_plugin_deep_link::init())
        .plugin(tauri_plugin_opener::init())
        // For the export's save dialog, opened from Rust: the window's capability grants none
        // of its permissions.
        .plugin(tauri_plugin_dialog::init())
        // "Start at login", set from Rust only: the window's capability grants none of its
        // permissions.
        .plugin(tauri_plugin_autostart::Builder::new().build())
        .on_window_event(background::on_window_event)
        .invoke_handler(ipc::handler())
        .setup(move |app| {
            setup::setup(app, started);
            Ok(())
        })
        .run(tauri::generate_context!());

    if let Err(error) = result {
        tracing::error!(%error, "Bankbook could not start");
        std::process::exit(1);
    }
}
