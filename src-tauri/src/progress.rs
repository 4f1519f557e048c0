//! Long tasks' progress, told to the window as the `task-progress` event.

use app::{ProgressSink, TaskProgress};
use tauri::AppHandle;

use crate::ipc;

#[derive(Debug)]
struct WindowProgress(AppHandle);

impl ProgressSink for WindowProgress {
    fn report(&self, progress: TaskProgress) {
        ipc::task_progress(&self.0, &progress);
    }
}

/// Progress for the window's progress bars.
pub fn window(app: &AppHandle) -> Box<dyn ProgressSink> {
    Box::new(WindowProgress(app.clone()))
}
