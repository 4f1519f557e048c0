//! Every match of a search, read from the store a chunk at a time: for an export, which writes
//! them all on a blocking thread while the store serves the window between two chunks.

use std::sync::{Arc, Mutex, PoisonError};

use store::{FoundEntry, SearchFilter, SearchPosition, Store};

use crate::{Ledger, Result, Search};

/// Matches read at once for an export: large enough to be quick, small enough that the store
/// is not held long.
pub const EXPORT_CHUNK: u32 = 500;

/// The matches of a search in its order, newest first; owns what it needs, so it can go to
/// another thread. Entries stored while it reads (a refresh) may come too.
#[derive(Debug)]
pub struct SearchMatches {
    store: Arc<Mutex<Store>>,
    filter: SearchFilter,
    after: Option<SearchPosition>,
    chunk: std::vec::IntoIter<FoundEntry>,
    /// The last chunk was read, or reading failed.
    ended: bool,
}

impl Ledger {
    /// Every match of `search`, read as they are taken.
    pub fn search_matches(&self, search: &Search) -> SearchMatches {
        SearchMatches {
            store: Arc::clone(&self.store),
            filter: search.filter().clone(),
            after: None,
            chunk: Vec::new().into_iter(),
            ended: false,
        }
    }
}

impl SearchMatches {
    /// How many entries match now.
    pub fn total(&self) -> Result<u32> {
        Ok(self.store().search_summary(&self.filter)?.count)
    }

    fn store(&self) -> std::sync::MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The next chunk after the last match read; empty at the end.
    fn read_chunk(&self) -> Result<Vec<FoundEntry>> {
        Ok(self
            .store()
            .search(&self.filter, self.after.as_ref(), EXPORT_CHUNK)?)
    }
}

impl Iterator for SearchMatches {
    type Item = Result<FoundEntry>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(found) = self.chunk.next() {
            return Some(Ok(found));
        }
        if self.ended {
            return None;
        }
        let chunk = match self.read_chunk() {
            Ok(chunk) => chunk,
            Err(error) => {
                self.ended = true;
                return Some(Err(error));
            }
        };
        self.ended = chunk.len() < EXPORT_CHUNK as usize;
        self.after = chunk.last().map(FoundEntry::position);
        self.chunk = chunk.into_iter();
        self.chunk.next().map(Ok)
    }
}
