//! Start-up times: the UI reports its milestones against the process's start.

use serde::Deserialize;
use ts_rs::TS;

use crate::core::Core;
use crate::error::Result;

/// A moment of start-up the UI reports, for the start-up times in the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Milestone {
    /// The first frame is on screen.
    FirstPaint,
    /// The accounts with their balances are on screen.
    Accounts,
    /// The first transactions are on screen.
    Transactions,
}

impl Core {
    /// The UI calls this once per milestone, once its frame is on screen.
    pub async fn ui_painted(&self, milestone: Milestone) -> Result<()> {
        let millis = self.started.elapsed().as_millis();
        let milestone = match milestone {
            Milestone::FirstPaint => "first_paint",
            Milestone::Accounts => "accounts",
            Milestone::Transactions => "transactions",
        };
        tracing::info!(target: "bankbook::startup", millis, milestone, "on screen");
        Ok(())
    }
}
