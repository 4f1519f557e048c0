//! The crate's integration tests, one binary: each module is what was a test file of its own,
//! linked once instead of once a file.

mod automatic_refresh;
mod backup;
mod banks;
mod categories;
mod charts;
mod common;
mod core;
mod export;
mod locked_data;
mod notifications;
mod reconciliation;
mod search;
mod whole_history;
