//! The system's file dialogs, opened by Rust so that the webview never names a path: where to
//! save an export or a backup, which backup to restore.

use std::path::PathBuf;
use std::pin::Pin;

use crate::export::ExportFormat;

/// What a dialog saves or opens: its filter and extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Export(ExportFormat),
    Backup,
}

impl FileKind {
    /// The filter's name in the dialog.
    pub fn filter_name(self) -> &'static str {
        match self {
            Self::Export(ExportFormat::Csv) => "CSV",
            Self::Export(ExportFormat::Camt053) => "camt.053 (ISO 20022 XML)",
            Self::Backup => "Bankbook backup",
        }
    }

    /// The file name's extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Export(format) => format.extension(),
            Self::Backup => BACKUP_EXTENSION,
        }
    }
}

/// A backup file's extension.
pub const BACKUP_EXTENSION: &str = "bankbook-backup";

/// The system's save and open dialogs.
pub trait FileDialog: Send + Sync + std::fmt::Debug {
    /// Asks where to save, suggesting `file_name`; `None` when the person closes the dialog.
    fn save_as(&self, file_name: &str, kind: FileKind) -> FileAnswer<'_>;
    /// Asks which file to open; `None` when the person closes the dialog.
    fn open(&self, kind: FileKind) -> FileAnswer<'_>;
}

/// The path the person chose, once they close the dialog; `None`: closed without choosing.
pub type FileAnswer<'a> = Pin<Box<dyn Future<Output = Option<PathBuf>> + Send + 'a>>;

/// Answers every question with "closed": a core with no window has no dialog to show.
#[derive(Debug)]
pub struct NoFileDialog;

impl FileDialog for NoFileDialog {
    fn save_as(&self, _file_name: &str, _kind: FileKind) -> FileAnswer<'_> {
        Box::pin(std::future::ready(None))
    }

    fn open(&self, _kind: FileKind) -> FileAnswer<'_> {
        Box::pin(std::future::ready(None))
    }
}
