//! Thin `#[tauri::command]` functions, one file per domain.

pub mod banks;
pub mod startup;
