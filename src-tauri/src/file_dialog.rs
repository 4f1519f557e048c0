//! The system's save and open dialogs, for exports and backups. Opened by Rust only: the
//! webview has no dialog permission, so it can never name a path for Bankbook to write or read.

use app::{FileAnswer, FileDialog, FileKind};
use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder, FilePath};

/// The system's dialogs, over the main window.
#[derive(Debug)]
struct SystemFileDialog(AppHandle);

impl SystemFileDialog {
    fn builder(&self, kind: FileKind) -> FileDialogBuilder<tauri::Wry> {
        let mut dialog = self
            .0
            .dialog()
            .file()
            .add_filter(kind.filter_name(), &[kind.extension()]);
        if let Some(window) = self.0.get_webview_window("main") {
            dialog = dialog.set_parent(&window);
        }
        dialog
    }
}

impl FileDialog for SystemFileDialog {
    fn save_as(&self, file_name: &str, kind: FileKind) -> FileAnswer<'_> {
        let (answer, answered) = tokio::sync::oneshot::channel();
        self.builder(kind)
            .set_file_name(file_name)
            .save_file(move |path| {
                let _ = answer.send(path.and_then(into_path));
            });
        // Answered on the main thread when the person closes the dialog; awaited here, off it
        // (a blocking wait on the main thread would freeze the window).
        Box::pin(async move { answered.await.ok().flatten() })
    }

    fn open(&self, kind: FileKind) -> FileAnswer<'_> {
        let (answer, answered) = tokio::sync::oneshot::channel();
        self.builder(kind).pick_file(move |path| {
            let _ = answer.send(path.and_then(into_path));
        });
        Box::pin(async move { answered.await.ok().flatten() })
    }
}

fn into_path(path: FilePath) -> Option<std::path::PathBuf> {
    match path.into_path() {
        Ok(path) => Some(path),
        Err(error) => {
            tracing::warn!(%error, "the file dialog answered with no file path");
            None
        }
    }
}

/// The system's dialogs; on the test bench, `BANKBOOK_SAVE_AS` and `BANKBOOK_OPEN_FILE` answer
/// them instead.
pub fn system(app: &AppHandle) -> Box<dyn FileDialog> {
    #[cfg(feature = "test-bench")]
    if let Some(answers) = test_bench::Answers::from_env() {
        return Box::new(answers);
    }
    Box::new(SystemFileDialog(app.clone()))
}

/// The end-to-end tests set `BANKBOOK_SAVE_AS` to the file an export or a backup is saved as,
/// and `BANKBOOK_OPEN_FILE` to the backup a restore opens, as if the person had chosen them in
/// the dialog (a WebDriver cannot reach a native dialog). Not in the installer.
#[cfg(feature = "test-bench")]
mod test_bench {
    use std::path::PathBuf;

    use app::{FileAnswer, FileDialog, FileKind};

    const SAVE_AS_ENV: &str = "BANKBOOK_SAVE_AS";
    const OPEN_FILE_ENV: &str = "BANKBOOK_OPEN_FILE";

    /// The dialogs' answers; one not set is the dialog closed.
    #[derive(Debug)]
    pub struct Answers {
        save_as: Option<PathBuf>,
        open: Option<PathBuf>,
    }

    impl Answers {
        pub fn from_env() -> Option<Self> {
            let save_as = std::env::var_os(SAVE_AS_ENV).map(PathBuf::from);
            let open = std::env::var_os(OPEN_FILE_ENV).map(PathBuf::from);
            (save_as.is_some() || open.is_some()).then_some(Self { save_as, open })
        }
    }

    impl FileDialog for Answers {
        fn save_as(&self, _file_name: &str, _kind: FileKind) -> FileAnswer<'_> {
            Box::pin(std::future::ready(self.save_as.clone()))
        }

        fn open(&self, _kind: FileKind) -> FileAnswer<'_> {
            Box::pin(std::future::ready(self.open.clone()))
        }
    }
}
