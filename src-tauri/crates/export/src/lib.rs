//! Writes transactions to a file a person hands to their accountant: CSV for spreadsheets, or
//! an ISO 20022 camt.053.001.08 statement for accounting software.
//!
//! Rows stream through a [`RowWriter`] ([`CsvWriter`] or [`CamtWriter`]) into a temporary file
//! beside the target; [`write_rows`] feeds one from the rows, reports progress and polls a
//! cancel flag between rows. Only a finished export takes the target's name: a cancelled or
//! failed one leaves no file behind.

mod camt;
mod csv_file;
mod error;
mod labels;
mod row;
mod rows;

pub use camt::{CamtAccount, CamtHeader, CamtWriter, StatementBalance};
pub use csv_file::CsvWriter;
pub use error::{Error, Result};
pub use labels::{Language, category_name};
pub use row::ExportRow;
pub use rows::{PROGRESS_EVERY, RowWriter, write_rows};
