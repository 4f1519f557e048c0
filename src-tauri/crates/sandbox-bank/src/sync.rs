//! Locking that survives a panicked holder: the sandbox's state stays usable for the next test.

use std::sync::{Mutex, MutexGuard, PoisonError};

/// Locks `mutex`, taking the data over even if a previous holder panicked.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
