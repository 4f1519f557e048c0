//! One bank fetch per account at a time: a second request for the same history waits for the
//! first, then finds its page in the store instead of fetching it again.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use tokio::sync::{Mutex as AsyncMutex, OwnedMutexGuard};

#[derive(Debug, Default)]
pub(crate) struct AccountLocks {
    locks: Mutex<HashMap<String, Arc<AsyncMutex<()>>>>,
}

impl AccountLocks {
    pub(crate) async fn lock(&self, iban: &str) -> OwnedMutexGuard<()> {
        let lock = self
            .locks
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .entry(iban.to_owned())
            .or_default()
            .clone();
        lock.lock_owned().await
    }
}
