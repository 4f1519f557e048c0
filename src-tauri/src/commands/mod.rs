//! Thin `#[tauri::command]` functions, one file per domain.

// Tauri hands `State` and arguments to commands by value.
#![allow(clippy::needless_pass_by_value)]

pub mod accounts;
pub mod banks;
pub mod connection;
pub mod startup;
pub mod transactions;
