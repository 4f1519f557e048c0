//! App start-up: the app core as Tauri state, its data opened, the deep-link scheme registered
//! and a URL the app was started with handed on.

use std::time::Instant;

use app::{Core, Folders};
use tauri::{App, Manager};
use tauri_plugin_deep_link::DeepLinkExt;

use crate::{
    automatic_refresh, background, browser, clock, file_dialog, launch, login_item, notifications,
    progress, webview_engine,
};

pub fn setup(app: &App, started: Instant) {
    webview_engine::tune(app);
    app.manage(
        Core::new(folders(app), browser::system(app.handle()), started)
            .with_clock(clock::system())
            .with_progress(progress::window(app.handle()))
            .with_file_dialog(file_dialog::system(app.handle()))
            .with_notifier(notifications::desktop(app.handle()))
            .with_login_item(login_item::system(app.handle()))
            .with_tray_menu(background::tray_menu(app.handle())),
    );
    // Without its data the app still opens, to say what is wrong; the first command the
    // window sends (`connection_status`) tries again.
    if let Err(error) = tauri::async_runtime::block_on(app.state::<Core>().open()) {
        tracing::error!(error = %error.for_log(), "Bankbook could not open its data");
    }
    automatic_refresh::start(app.handle());
    let slovak = tauri::async_runtime::block_on(app.state::<Core>().preferences())
        .is_ok_and(|preferences| preferences.reads_slovak());
    background::add_tray(app.handle(), slovak);

    // Linux has no install-time registration for an unbundled binary, and Windows debug builds
    // are never installed: register the scheme for this executable at run time.
    #[cfg(any(target_os = "linux", all(debug_assertions, windows)))]
    if let Err(error) = app.deep_link().register_all() {
        // Not fatal: the app works, only the browser cannot hand the consent back.
        tracing::warn!(%error, "could not register the deep-link scheme");
    }

    // macOS hands URLs to the running app through the plugin, which emits them as an event.
    // Linux and Windows pass them as a launch argument, read below without that event.
    #[cfg(target_os = "macos")]
    {
        let handle = app.handle().clone();
        app.deep_link().on_open_url(move |event| {
            for url in event.urls() {
                launch::route(&handle, url);
            }
        });
        // A URL that opened the app arrived before this listener did.
        if let Ok(Some(urls)) = app.deep_link().get_current() {
            urls.into_iter()
                .for_each(|url| launch::route(app.handle(), url));
        }
    }

    // Cold start: the OS started us with the callback URL as argument.
    if let Some(url) = launch::url_argument(launch::arguments()) {
        launch::route(app.handle(), url);
    }
}

fn folders(app: &App) -> tauri::Result<Folders> {
    let path = app.path();
    Ok(Folders {
        config: path.app_config_dir()?,
        data: path.app_data_dir()?,
    })
}
