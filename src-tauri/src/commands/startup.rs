use tauri::State;

use crate::startup::StartupClock;

/// The UI calls this once, after its first frame is on screen.
#[tauri::command]
pub fn ui_painted(clock: State<'_, StartupClock>) {
    let millis = clock.elapsed().as_millis();
    tracing::info!(target: "bankbook::startup", millis, "first paint");
}
