//! The crate's integration tests, one binary: each module is what was a test file of its own,
//! linked once instead of once a file.

mod admin_http;
mod binary_https;
mod budget;
mod client_check;
mod common;
mod data_api;
mod faults;
mod host;
mod large_history;
mod lifecycle;
mod oauth;
mod persistence;
mod tls;
mod two_banks;
mod user;
