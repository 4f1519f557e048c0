//! Thin `#[tauri::command]` functions, one file per domain.

// Tauri hands `State` and arguments to commands by value. Commands that touch the store are
// `async`: Tauri runs those off the main thread, so a long write never freezes the window.
#![allow(clippy::needless_pass_by_value, clippy::unused_async)]

pub mod accounts;
pub mod banks;
pub mod connection;
pub mod startup;
pub mod transactions;
