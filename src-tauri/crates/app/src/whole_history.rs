//! Fetching an account's whole history from the bank, so that search covers all of it.

use serde::Serialize;
use ts_rs::TS;

use ledger::HistoryAccount;

use crate::core::Core;
use crate::error::Result;
use crate::tasks::{TaskKind, TaskProgress};

/// How a fetch of the whole history ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HistoryFetched {
    /// Entries stored that were not before.
    pub added: u32,
    /// Every fetched account's whole history is stored.
    pub complete: bool,
    /// The person stopped it; what was fetched until then is kept.
    pub cancelled: bool,
}

impl Core {
    /// Pages the bank back as far as it serves for `iban` (`None`: every shown account),
    /// reporting `history` progress; `cancel_task(history)` stops it between pages.
    /// One fetch at a time: a second while one runs is refused (`TaskRunning`).
    pub async fn fetch_whole_history(&self, iban: Option<String>) -> Result<HistoryFetched> {
        // Before any wait: a cancel that comes while the data opens is seen.
        let task = self.tasks.start(TaskKind::History)?;
        let data = &*self.data().await?;
        let shown = data.consented_shown_accounts(iban.as_deref())?;
        let links = shown
            .iter()
            .map(|shown| data.link(&shown.bank_id))
            .collect::<Result<Vec<_>>>()?;
        let mut accounts = Vec::with_capacity(shown.len());
        for (shown, link) in shown.iter().zip(&links) {
            accounts.push(HistoryAccount {
                bank_id: &shown.bank_id,
                iban: &shown.account.iban,
                session: link.session(&data.connector).await?,
            });
        }
        let report = |done, total| {
            self.progress.report(TaskProgress {
                task: TaskKind::History,
                done,
                total,
            });
        };
        report(0, None);
        let fetched = data
            .ledger
            .fetch_whole_history(&accounts, task.cancel_flag(), &mut |done, total| {
                report(done, total);
            })
            .await?;
        Ok(HistoryFetched {
            added: u32::try_from(fetched.added).unwrap_or(u32::MAX),
            complete: fetched.complete,
            cancelled: fetched.cancelled,
        })
    }
}
