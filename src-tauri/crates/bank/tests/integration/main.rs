//! The crate's integration tests, one binary: each module is what was a test file of its own,
//! linked once instead of once a file.

mod client_check;
mod common;
mod consent_errors;
mod faults;
mod five_steps;
mod redirects;
mod token_life;
