//! The crate's integration tests, one binary: each module is what was a test file of its own,
//! linked once instead of once a file.

mod camt_export;
mod common;
mod csv_export;
