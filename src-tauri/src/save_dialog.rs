//! The system's save dialog for exports. Opened by Rust only: the webview has no dialog
//! permission, so it can never name a path for Bankbook to write.

use app::{ExportFormat, SaveAnswer, SaveDialog};
use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::DialogExt;

/// The system's save dialog, over the main window.
#[derive(Debug)]
struct SystemSaveDialog(AppHandle);

impl SaveDialog for SystemSaveDialog {
    fn ask(&self, file_name: &str, format: ExportFormat) -> SaveAnswer<'_> {
        let (filter, extension) = match format {
            ExportFormat::Csv => ("CSV", "csv"),
            ExportFormat::Camt053 => ("camt.053 (ISO 20022 XML)", "xml"),
        };
        let mut dialog = self
            .0
            .dialog()
            .file()
            .set_file_name(file_name)
            .add_filter(filter, &[extension]);
        if let Some(window) = self.0.get_webview_window("main") {
            dialog = dialog.set_parent(&window);
        }
        // Answered on the main thread when the person closes the dialog; awaited here, off it
        // (a blocking wait on the main thread would freeze the window).
        let (answer, answered) = tokio::sync::oneshot::channel();
        dialog.save_file(move |path| {
            let path = path.and_then(|path| match path.into_path() {
                Ok(path) => Some(path),
                Err(error) => {
                    tracing::warn!(%error, "the save dialog answered with no file path");
                    None
                }
            });
            let _ = answer.send(path);
        });
        Box::pin(async move { answered.await.ok().flatten() })
    }
}

/// The system's save dialog; on the test bench, `BANKBOOK_SAVE_AS` answers it instead.
pub fn system(app: &AppHandle) -> Box<dyn SaveDialog> {
    #[cfg(feature = "test-bench")]
    if let Some(path) = std::env::var_os(test_bench::SAVE_AS_ENV) {
        return Box::new(test_bench::SaveAs(path.into()));
    }
    Box::new(SystemSaveDialog(app.clone()))
}

/// The end-to-end tests set `BANKBOOK_SAVE_AS` to the file an export is saved as, as if the
/// person had chosen it in the dialog (a WebDriver cannot reach a native dialog). Not in the
/// installer.
#[cfg(feature = "test-bench")]
mod test_bench {
    use std::path::PathBuf;

    use app::{ExportFormat, SaveAnswer, SaveDialog};

    pub const SAVE_AS_ENV: &str = "BANKBOOK_SAVE_AS";

    #[derive(Debug)]
    pub struct SaveAs(pub PathBuf);

    impl SaveDialog for SaveAs {
        fn ask(&self, _file_name: &str, _format: ExportFormat) -> SaveAnswer<'_> {
            Box::pin(std::future::ready(Some(self.0.clone())))
        }
    }
}
