//! The smallest Tauri app: one window with an empty page that reports its first paint the way
//! Bankbook does. The yardstick for Bankbook's start-up times (`scripts/measure.sh`).

use std::time::Instant;

use tauri::State;

/// When `main` began, as Bankbook's `run()` notes the instant it starts.
struct Started(Instant);

/// The page calls this after its first frame is on screen, like Bankbook's UI.
#[tauri::command]
// Tauri hands `State` and arguments to commands by value.
#[allow(clippy::needless_pass_by_value)]
fn ui_painted(started: State<'_, Started>, milestone: String) {
    let millis = started.0.elapsed().as_millis();
    tracing::info!(target: "bankbook::startup", millis, milestone, "on screen");
}

fn main() {
    let started = Started(Instant::now());
    tracing_subscriber::fmt().init();
    let result = tauri::Builder::default()
        .manage(started)
        .invoke_handler(tauri::generate_handler![ui_painted])
        .run(tauri::generate_context!(
            "examples/bare_window/tauri.conf.json"
        ));
    if let Err(error) = result {
        tracing::error!(%error, "the bare window could not start");
        std::process::exit(1);
    }
}
