//! Refreshing without being asked, within PSD2's limit: at most four reads of an account in
//! any 24 hours that the person did not ask for (RTS article 36(5)(b)), spread over the day:
//! one when six hours have passed since the account was last read, by the app or for the
//! person. The reads are logged in the store, so the budget survives a restart.

use bank::Presence;
use serde::Serialize;
use store::AccountRead;
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime};
use ts_rs::TS;

use crate::clock::Clock;
use crate::core::Core;
use crate::error::{IpcError, Result};
use crate::opened::Opened;

/// Reads of an account the app may make on its own in any 24 hours.
pub const UNATTENDED_READS_PER_DAY: u32 = 4;

/// The day shared out among its reads.
const SPACING: Duration = Duration::hours(6);
/// How long a read counts against the budget here: the bank's 24 hours and ten minutes more,
/// as the bank counts by its own clock, from when the read reached it.
const COUNTED_FOR: Duration = Duration::minutes(24 * 60 + 10);

/// A bank's automatic refreshes as its group shows them.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AutomaticRefresh {
    /// How many of its `perDay` the account with the fewest has left in the last 24 hours.
    pub left: u32,
    pub per_day: u32,
    /// RFC 3339: around when the next one runs; null when none will (no accounts shown, or
    /// the consent has ended).
    pub next_at: Option<String>,
}

/// What a round of automatic refreshes did, for the window to read again what changed.
#[derive(Debug, Clone, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RefreshedOnItsOwn {
    /// The banks with an account refreshed.
    pub bank_ids: Vec<String>,
    /// New entries per account, those with none left out.
    pub arrived: Vec<Arrived>,
    /// The banks whose refresh failed, and why (an ended consent asks to reconnect).
    pub failures: Vec<BankFailure>,
}

impl RefreshedOnItsOwn {
    /// Whether the window has anything to read again or to say.
    pub fn changed_anything(&self) -> bool {
        !(self.bank_ids.is_empty() && self.failures.is_empty())
    }
}

/// Entries new to the store after an automatic refresh.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Arrived {
    pub bank_id: String,
    pub iban: String,
    pub count: u32,
}

/// A bank whose automatic refresh failed.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BankFailure {
    pub bank_id: String,
    pub error: IpcError,
}

/// One account's budget at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Budget {
    left: u32,
    /// When the next read may be made: now or later.
    next: OffsetDateTime,
}

impl Budget {
    fn due(self, now: OffsetDateTime) -> bool {
        self.left > 0 && self.next <= now
    }
}

/// The budget left by `reads` (oldest first) at `now`.
fn budget(reads: &[AccountRead], now: OffsetDateTime) -> Budget {
    let at = |read: &AccountRead| {
        OffsetDateTime::from_unix_timestamp(read.at).unwrap_or(OffsetDateTime::UNIX_EPOCH)
    };
    let unattended: Vec<OffsetDateTime> = reads
        .iter()
        .filter(|read| read.unattended)
        .map(at)
        .filter(|read_at| *read_at + COUNTED_FOR > now)
        .collect();
    let used = u32::try_from(unattended.len()).unwrap_or(u32::MAX);
    let left = UNATTENDED_READS_PER_DAY.saturating_sub(used);
    let spaced = reads
        .iter()
        .map(at)
        .max()
        .map_or(now, |last| last + SPACING);
    // Used up: the next waits until the oldest of the last four has left the 24 hours.
    let slot_frees = match used.checked_sub(UNATTENDED_READS_PER_DAY) {
        Some(beyond) => unattended[beyond as usize] + COUNTED_FOR,
        None => now,
    };
    Budget {
        left,
        next: spaced.max(slot_frees).max(now),
    }
}

impl Core {
    /// Refreshes, without the person, each shown account whose turn it is, within its budget;
    /// the shell calls this every minute while Bankbook runs. Data not open yet is left
    /// alone: the window opens it.
    pub async fn refresh_on_its_own(&self) -> Result<RefreshedOnItsOwn> {
        let mut outcome = RefreshedOnItsOwn::default();
        let Some(data) = self.opened() else {
            return Ok(outcome);
        };
        let now = self.clock.now();
        for link in data.links() {
            let bank_id = link.bank_id().to_owned();
            if link.consent_expires_at() <= now {
                continue;
            }
            let due = due_accounts(&data, &bank_id, now)?;
            if due.is_empty() || !self.retry_later.may_try(&bank_id, now) {
                continue;
            }
            match refresh_accounts(&data, &link, &due, &*self.clock).await {
                Ok(arrived) => {
                    self.retry_later.succeeded(&bank_id);
                    outcome.bank_ids.push(bank_id.clone());
                    outcome.arrived.extend(arrived);
                }
                Err(error) => {
                    self.retry_later.failed(&bank_id, now);
                    tracing::warn!(error = %error.for_log(), "an automatic refresh failed");
                    outcome.failures.push(BankFailure {
                        bank_id: bank_id.clone(),
                        error: IpcError::from(&error),
                    });
                }
            }
            keep_consent_end(&data, &link)?;
        }
        if let Err(error) = self.announce(&data, &outcome).await {
            tracing::warn!(error = %error.for_log(), "the notifications could not be made");
        }
        Ok(outcome)
    }
}

/// `bank_id`'s shown accounts whose turn it is at `now`. An account never fetched is not yet:
/// the window fetches it for the person as soon as it is chosen, and an automatic read before
/// that would spend one of the day's four for nothing.
fn due_accounts(data: &Opened, bank_id: &str, now: OffsetDateTime) -> Result<Vec<String>> {
    let mut due = Vec::new();
    for (iban, budget) in budgets(data, bank_id, now)? {
        if budget.due(now) && data.store().balances(&iban)?.fetched_at.is_some() {
            due.push(iban);
        }
    }
    Ok(due)
}

/// The budget of each of `bank_id`'s shown accounts its consent covers, at `now`.
fn budgets(data: &Opened, bank_id: &str, now: OffsetDateTime) -> Result<Vec<(String, Budget)>> {
    let store = data.store();
    let mut budgets = Vec::new();
    for account in store.consented_shown_accounts(bank_id)? {
        let reads = store.reads_since(&account.iban, (now - COUNTED_FOR).unix_timestamp())?;
        budgets.push((account.iban, budget(&reads, now)));
    }
    Ok(budgets)
}

/// Reads each of `ibans` once, unattended, logging each read before it is made: a read the
/// bank counted and the app did not would overdraw the budget.
async fn refresh_accounts(
    data: &Opened,
    link: &connection::Link,
    ibans: &[String],
    clock: &dyn Clock,
) -> Result<Vec<Arrived>> {
    let session = link.session(&data.connector).await?;
    let mut arrived = Vec::new();
    for iban in ibans {
        // When this read is made, not when the round began: the bank counts it from then.
        let read = AccountRead {
            at: clock.now().unix_timestamp(),
            unattended: true,
        };
        data.store().record_read(iban, read)?;
        let count = data
            .ledger
            .refresh_account(session, iban, Presence::Unattended)
            .await?;
        if count > 0 {
            arrived.push(Arrived {
                bank_id: link.bank_id().to_owned(),
                iban: iban.clone(),
                count: u32::try_from(count).unwrap_or(u32::MAX),
            });
        }
    }
    tracing::info!(accounts = ibans.len(), "refreshed on its own");
    Ok(arrived)
}

/// Logs a read the person asked for of each of `bank_id`'s shown accounts: the next automatic
/// one waits its six hours from it.
pub(crate) fn record_attended_reads(
    data: &Opened,
    bank_id: &str,
    now: OffsetDateTime,
) -> Result<()> {
    let store = data.store();
    for account in store.consented_shown_accounts(bank_id)? {
        let read = AccountRead {
            at: now.unix_timestamp(),
            unattended: false,
        };
        store.record_read(&account.iban, read)?;
    }
    Ok(())
}

/// Saves the consent's end as the bank last said it.
pub(crate) fn keep_consent_end(data: &Opened, link: &connection::Link) -> Result<()> {
    data.store()
        .update_consent_end(link.bank_id(), link.consent_expires_at().unix_timestamp())?;
    Ok(())
}

/// `bank_id`'s automatic refreshes at `now`, as its group shows them.
pub(crate) fn plan(
    data: &Opened,
    bank_id: &str,
    consent_expires_at: OffsetDateTime,
    now: OffsetDateTime,
) -> Result<AutomaticRefresh> {
    let budgets: Vec<Budget> = budgets(data, bank_id, now)?
        .into_iter()
        .map(|(_, budget)| budget)
        .collect();
    let left = budgets
        .iter()
        .map(|budget| budget.left)
        .min()
        .unwrap_or(UNATTENDED_READS_PER_DAY);
    let next = budgets
        .iter()
        .map(|budget| budget.next)
        .min()
        .filter(|next| *next < consent_expires_at);
    Ok(AutomaticRefresh {
        left,
        per_day: UNATTENDED_READS_PER_DAY,
        next_at: next.and_then(|next| next.format(&Rfc3339).ok()),
    })
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    const START: OffsetDateTime = datetime!(2026-11-30 08:00 UTC);

    fn read(hours: i64, unattended: bool) -> AccountRead {
        AccountRead {
            at: (START + Duration::hours(hours)).unix_timestamp(),
            unattended,
        }
    }

    #[test]
    fn an_account_never_read_is_due_at_once() {
        assert_eq!(
            budget(&[], START),
            Budget {
                left: 4,
                next: START
            }
        );
    }

    #[test]
    fn the_next_read_waits_six_hours_after_any_read() {
        let reads = [read(0, false)];
        let at_five = START + Duration::hours(5);
        assert!(!budget(&reads, at_five).due(at_five));
        let at_six = START + Duration::hours(6);
        assert_eq!(budget(&reads, at_five).next, at_six);
        assert!(budget(&reads, at_six).due(at_six));
    }

    #[test]
    fn four_unattended_reads_in_a_day_wait_for_the_oldest_to_leave_it() {
        let reads = [
            read(0, true),
            read(1, true),
            read(2, true),
            read(3, true),
            read(10, false),
        ];
        let now = START + Duration::hours(20);
        let budget = budget(&reads, now);
        assert_eq!(budget.left, 0);
        assert!(!budget.due(now));
        assert_eq!(budget.next, START + COUNTED_FOR);
        // The person's reads are never counted; a read counts for the day and the margin.
        let after = START + COUNTED_FOR + Duration::minutes(30);
        let later = super::budget(&reads, after);
        assert_eq!(later.left, 1);
        assert!(later.due(after));
    }
}
