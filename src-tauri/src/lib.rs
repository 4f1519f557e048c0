//! Bankbook's Tauri shell: wiring only. Logic lives in the crates under `crates/`.

mod browser;
mod commands;
mod consent;
mod error;
mod launch;
mod logging;
mod setup;
mod startup;
mod state;

/// Starts the app. Called by `main.rs`.
pub fn run() {
    let clock = startup::StartupClock::now();
    logging::init();
    launch::refuse_arguments_that_are_not_text();

    let result = tauri::Builder::default()
        // Single-instance first: a second launch (the OS handing us a callback URL) must be
        // forwarded to this process before any other plugin sees it.
        .plugin(tauri_plugin_single_instance::init(
            setup::on_second_instance,
        ))
        .plugin(tauri_plugin_deep_link::init())
        .plugin(tauri_plugin_opener::init())
        .manage(clock)
        .invoke_handler(tauri::generate_handler![
            commands::banks::list_banks,
            commands::connection::connection_status,
            commands::connection::start_consent,
            commands::connection::reopen_consent_page,
            commands::connection::cancel_consent,
            commands::connection::consented_accounts,
            commands::connection::select_accounts,
            commands::connection::disconnect,
            commands::accounts::accounts_overview,
            commands::accounts::refresh_accounts,
            commands::transactions::transactions_page,
            commands::startup::ui_painted,
        ])
        .setup(|app| {
            setup::setup(app);
            Ok(())
        })
        .run(tauri::generate_context!());

    if let Err(error) = result {
        tracing::error!(%error, "Bankbook could not start");
        std::process::exit(1);
    }
}
