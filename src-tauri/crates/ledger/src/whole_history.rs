//! Fetching accounts' whole history from their bank, so that search covers all of it: older
//! bank pages one after another until the bank has no older one, stoppable between pages.

use std::sync::atomic::{AtomicBool, Ordering};

use bank::{Presence, RefreshTokenStore, Session};

use crate::{Ledger, Result};

/// An account whose history to fetch, with the session of its bank.
#[derive(Debug)]
pub struct HistoryAccount<'a, S: RefreshTokenStore> {
    pub bank_id: &'a str,
    pub iban: &'a str,
    pub session: &'a Session<S>,
}

/// How a fetch of the whole history ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WholeHistory {
    /// Entries stored that were not before.
    pub added: usize,
    /// Every account's whole history is stored.
    pub complete: bool,
    /// Stopped by the cancel flag; the pages fetched until then are kept.
    pub cancelled: bool,
}

/// Where one account stands.
#[derive(Debug, Clone, Copy)]
struct Account {
    /// Bank pages still to fetch, when known.
    pages_left: Option<u32>,
    /// Nothing more to fetch for it: its history is stored, or it is no longer shown.
    finished: bool,
}

impl Ledger {
    /// Fetches older bank pages of every account in `accounts` until each history is stored
    /// whole. The accounts take turns, a page each, so that every bank says early how many
    /// pages its account has: `progress` is told the pages fetched and, once every account's
    /// count is known, the pages in all. `cancel` is read before each page.
    ///
    /// A failure of an account's page (the consent, the bank's limit with a long
    /// `Retry-After`, the network) ends that account's turns; the others are fetched to their
    /// end, and then the first failure is the fetch's error. Every page stored stays.
    pub async fn fetch_whole_history<S: RefreshTokenStore>(
        &self,
        accounts: &[HistoryAccount<'_, S>],
        cancel: &AtomicBool,
        progress: &mut (dyn FnMut(u32, Option<u32>) + Send),
    ) -> Result<WholeHistory> {
        let mut states = accounts
            .iter()
            .map(|account| self.starting_state(account))
            .collect::<Result<Vec<_>>>()?;
        let mut outcome = WholeHistory::default();
        let mut first_failure = None;
        let mut pages = 0;
        while states.iter().any(|state| !state.finished) {
            for (index, account) in accounts.iter().enumerate() {
                if states[index].finished {
                    continue;
                }
                if cancel.load(Ordering::Relaxed) {
                    outcome.cancelled = true;
                    return Ok(outcome);
                }
                let fetched = match self.next_older_page(account).await {
                    Ok(Some(fetched)) => fetched,
                    Ok(None) => {
                        states[index].finished = true;
                        continue;
                    }
                    // The others go on: one bank's ended consent is not every bank's.
                    Err(error) => {
                        tracing::warn!(error = %error, "fetching an account's older history failed; the other accounts go on");
                        states[index].finished = true;
                        first_failure.get_or_insert(error);
                        continue;
                    }
                };
                pages += 1;
                outcome.added += fetched.added;
                states[index] = Account {
                    pages_left: fetched.pages_left,
                    finished: self.store().history_sync(account.iban)?.complete,
                };
                progress(pages, total(pages, &states));
            }
        }
        if let Some(error) = first_failure {
            tracing::info!(
                pages,
                added = outcome.added,
                "whole history fetched but for a failure"
            );
            return Err(error);
        }
        outcome.complete = accounts.iter().try_fold(true, |complete, account| {
            Ok::<_, crate::Error>(complete && self.store().history_sync(account.iban)?.complete)
        })?;
        tracing::info!(pages, added = outcome.added, "whole history fetched");
        Ok(outcome)
    }

    fn starting_state<S: RefreshTokenStore>(
        &self,
        account: &HistoryAccount<'_, S>,
    ) -> Result<Account> {
        self.selected(account.bank_id, account.iban)?;
        let complete = self.store().history_sync(account.iban)?.complete;
        Ok(Account {
            pages_left: complete.then_some(0),
            finished: complete,
        })
    }

    /// The next older bank page of `account`, fetched and stored under the account's lock (so
    /// the list's own paging does not fetch it too); `None` when there is nothing left to
    /// fetch for it: its history is complete, it is no longer shown, or the bank's listing did
    /// not move on.
    async fn next_older_page<S: RefreshTokenStore>(
        &self,
        account: &HistoryAccount<'_, S>,
    ) -> Result<Option<crate::history::OlderFetched>> {
        let _fetching = self.fetching.lock(account.iban).await;
        // Asked each time: the person may have removed the account meanwhile.
        if self.selected(account.bank_id, account.iban).is_err() {
            return Ok(None);
        }
        let before = self.store().history_sync(account.iban)?;
        if before.complete {
            return Ok(None);
        }
        let fetched = self
            .fetch_older(account.session, account.iban, &before, Presence::Attended)
            .await?;
        let after = self.store().history_sync(account.iban)?;
        if !after.complete && after.next == before.next {
            // Storing it changed nothing: asking again would ask for the same page for ever.
            tracing::warn!("an older history page did not move the history on; stopping");
            return Ok(None);
        }
        Ok(Some(fetched))
    }
}

/// The pages in all, once every unfinished account's count is known.
fn total(done: u32, states: &[Account]) -> Option<u32> {
    states
        .iter()
        .filter(|state| !state.finished)
        .try_fold(done, |sum, state| {
            Some(sum.saturating_add(state.pages_left?))
        })
}
