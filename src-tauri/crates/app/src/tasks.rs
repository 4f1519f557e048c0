//! Long tasks the person can follow and stop: fetching the whole history, and exports.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::core::Core;
use crate::error::{Error, Result};

/// A long task; one of each kind runs at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum TaskKind {
    /// Fetching the whole history from the bank.
    History,
    /// Writing an export file.
    Export,
    /// Previewing or applying a category rule over the stored entries.
    Categorise,
}

/// How far a long task got: bank pages fetched (history), rows written (export) or stored
/// entries read (categorise).
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

/// The long tasks running, each with its cancel flag.
#[derive(Debug, Default)]
pub(crate) struct Tasks {
    running: Mutex<HashMap<TaskKind, Arc<AtomicBool>>>,
}

/// A long task while it runs; dropping it (the task ended, or its future was dropped) lets
/// the next of its kind start.
#[derive(Debug)]
pub(crate) struct RunningTask<'a> {
    tasks: &'a Tasks,
    kind: TaskKind,
    cancel: Arc<AtomicBool>,
}

impl Tasks {
    /// Registers a task of `kind`. A second while one runs is refused: a fetch of the whole
    /// history is shown with its progress, and a second export would open a second save
    /// dialog, so the window waits for the first to end (or cancels it).
    pub(crate) fn start(&self, kind: TaskKind) -> Result<RunningTask<'_>> {
        let mut running = self.running.lock().unwrap_or_else(PoisonError::into_inner);
        if running.contains_key(&kind) {
            return Err(Error::TaskRunning(kind));
        }
        let cancel = Arc::new(AtomicBool::new(false));
        running.insert(kind, Arc::clone(&cancel));
        Ok(RunningTask {
            tasks: self,
            kind,
            cancel,
        })
    }

    /// Raises the cancel flag of the running task of `kind`, if one runs.
    fn cancel(&self, kind: TaskKind) {
        let running = self.running.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(cancel) = running.get(&kind) {
            cancel.store(true, Ordering::Relaxed);
        }
    }
}

impl RunningTask<'_> {
    /// The flag `cancel_task` raises.
    pub(crate) fn cancel_flag(&self) -> &AtomicBool {
        &self.cancel
    }

    /// The flag, for work on another thread.
    pub(crate) fn shared_cancel_flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.cancel)
    }

    pub(crate) fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

impl Drop for RunningTask<'_> {
    fn drop(&mut self) {
        // Work it handed to another thread stops too when its future is dropped.
        self.cancel.store(true, Ordering::Relaxed);
        self.tasks
            .running
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&self.kind);
    }
}

impl Core {
    /// Stops the running task of `task`'s kind at its next step; what it finished stays.
    /// Nothing running of that kind: nothing to do.
    pub async fn cancel_task(&self, task: TaskKind) -> Result<()> {
        tracing::info!(?task, "cancel asked");
        self.tasks.cancel(task);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ExportFormat, SearchQuery};

    /// Tauri runs commands on its thread pool: their futures must be `Send` (checked at
    /// compile time; the closures never run).
    #[test]
    fn long_tasks_can_run_on_any_thread() {
        fn send<T: Send>(_: T) {}
        let _ = |core: &Core| send(core.fetch_whole_history(None));
        let _ = |core: &Core| {
            send(core.export_transactions(SearchQuery::default(), ExportFormat::Csv));
        };
        let _ = |core: &Core| send(core.search_summary(SearchQuery::default()));
        let _ = |core: &Core| send(core.cancel_task(TaskKind::Export));
    }

    #[test]
    fn one_task_of_a_kind_at_a_time_and_cancel_reaches_it() {
        let tasks = Tasks::default();
        let history = tasks.start(TaskKind::History).unwrap();
        assert!(tasks.start(TaskKind::History).is_err());
        let export = tasks.start(TaskKind::Export).unwrap();
        tasks.cancel(TaskKind::History);
        assert!(history.cancelled());
        assert!(!export.cancelled());
        drop(history);
        let again = tasks.start(TaskKind::History).unwrap();
        assert!(!again.cancelled(), "a new task starts with its own flag");
    }

    #[test]
    fn a_task_dropped_stops_its_work_on_other_threads() {
        let tasks = Tasks::default();
        let export = tasks.start(TaskKind::Export).unwrap();
        let flag = export.shared_cancel_flag();
        drop(export);
        assert!(flag.load(Ordering::Relaxed));
    }
}
