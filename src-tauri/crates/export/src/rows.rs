//! Feeding a writer: progress and cancel between rows, and nothing left behind on a stop.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::{Error, ExportRow, Result};

/// How many rows go between two progress reports (plus one report at the end).
pub const PROGRESS_EVERY: u64 = 100;

/// A file being written row by row. Dropping it before [`finish`](Self::finish) removes what
/// was written; only `finish` gives the file its name.
pub trait RowWriter {
    fn write_row(&mut self, row: &ExportRow) -> Result<()>;

    /// Completes the file and renames it over the target; returns the rows written.
    fn finish(self) -> Result<u64>;
}

/// Writes every row to `writer` and finishes the file; returns the rows written.
///
/// `cancel` is polled before each row and before the file is finished: once it is set the
/// export stops with [`Error::Cancelled`] and leaves no file. `progress` is told the rows
/// written so far every [`PROGRESS_EVERY`] rows and once at the end. A row the iterator fails
/// to give stops the export with [`Error::Source`], leaving no file either.
pub fn write_rows<W, I, E>(
    mut writer: W,
    rows: I,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(u64),
) -> Result<u64>
where
    W: RowWriter,
    I: IntoIterator<Item = std::result::Result<ExportRow, E>>,
    E: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let mut written = 0_u64;
    for row in rows {
        if cancel.load(Ordering::Relaxed) {
            return Err(Error::Cancelled);
        }
        writer.write_row(&row.map_err(|error| Error::Source(error.into()))?)?;
        written += 1;
        if written.is_multiple_of(PROGRESS_EVERY) {
            progress(written);
        }
    }
    if cancel.load(Ordering::Relaxed) {
        return Err(Error::Cancelled);
    }
    let written = writer.finish()?;
    progress(written);
    Ok(written)
}
