//! An account's history: pages from the store, older bank pages fetched when the store runs
//! out, and the newest bank pages fetched on refresh until they reach what is stored.

use bank::{
    Iban, PAGE_SIZES, Page, Presence, RefreshTokenStore, Session, Transaction, TransactionsQuery,
};
use store::{EntryRecord, HistorySync, ListPosition, OlderPage, StoredEntry};
use time::Date;

use crate::balances::{Scope, is_stale, stale_before};
use crate::categories::categorise_new;
use crate::convert::entry_record;
use crate::{Error, Ledger, Result, cursor, now};

/// The most entries one page of the UI's list may ask for.
pub const MAX_PAGE_SIZE: u32 = 200;
/// Bank pages one request for older history may fetch: after a refresh, the first older pages
/// can repeat what is stored, but a request must not page through a whole history.
const MAX_OLDER_PAGES_PER_REQUEST: u32 = 5;
/// Newest bank pages a refresh fetches before giving up on reaching what is stored; past it
/// the stored history is started again from the top rather than left with a gap.
const MAX_REFRESH_PAGES: u32 = 10;

/// A page of history, newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryPage {
    pub entries: Vec<StoredEntry>,
    /// For the next, older page; `None` when there is none.
    pub next_cursor: Option<String>,
    /// For the page just newer than this one, which a list that let it go asks for again when
    /// scrolled back up; `None` at the top of the list.
    pub previous_cursor: Option<String>,
    /// Nothing older exists at the bank.
    pub complete: bool,
}

/// What one older bank page brought.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct OlderFetched {
    /// Entries stored that were not before.
    pub added: usize,
    /// Bank pages still to fetch after it, when the bank says how many its listing has.
    pub pages_left: Option<u32>,
}

/// A request for a page, checked.
#[derive(Debug, Clone, Copy)]
struct PageRequest {
    after: Option<ListPosition>,
    limit: u32,
}

impl PageRequest {
    fn parse(cursor: Option<&str>, limit: u32) -> Result<Self> {
        if !(1..=MAX_PAGE_SIZE).contains(&limit) {
            return Err(Error::InvalidLimit);
        }
        // An empty cursor is the top of the list, like none.
        let after = cursor
            .filter(|cursor| !cursor.is_empty())
            .map(cursor::decode)
            .transpose()?;
        Ok(Self { after, limit })
    }
}

impl Ledger {
    /// The page after `cursor` if the store can answer it alone, without the bank.
    pub fn stored_page(
        &self,
        bank_id: &str,
        iban: &str,
        cursor: Option<&str>,
        limit: u32,
    ) -> Result<Option<HistoryPage>> {
        let request = PageRequest::parse(cursor, limit)?;
        self.selected(bank_id, iban)?;
        let (entries, sync) = self.read(iban, request)?;
        Ok(answerable(&entries, &sync, request).then(|| page(entries, &sync, request)))
    }

    /// The page after `cursor`, fetching older bank pages when the store runs out. Concurrent
    /// requests for one account share a fetch: the later ones find its page in the store.
    pub async fn page<S: RefreshTokenStore>(
        &self,
        session: &Session<S>,
        bank_id: &str,
        iban: &str,
        cursor: Option<&str>,
        limit: u32,
    ) -> Result<HistoryPage> {
        let request = PageRequest::parse(cursor, limit)?;
        self.selected(bank_id, iban)?;
        let _fetching = self.fetching.lock(iban).await;
        // The bank no longer serves an account its consent dropped: what is stored is all.
        let only_stored = self.store().is_no_longer_consented(iban)?;
        let mut fetched = 0;
        loop {
            let (entries, mut sync) = self.read(iban, request)?;
            sync.complete |= only_stored;
            if answerable(&entries, &sync, request) || fetched == MAX_OLDER_PAGES_PER_REQUEST {
                return Ok(page(entries, &sync, request));
            }
            // Asked again each time: the user may have removed the account meanwhile.
            self.selected(bank_id, iban)?;
            // The person scrolled to it.
            self.fetch_older(session, iban, &sync, Presence::Attended)
                .await?;
            fetched += 1;
        }
    }

    /// The page just newer than `cursor`. Always from the store: the list came down through it.
    pub fn newer_page(
        &self,
        bank_id: &str,
        iban: &str,
        cursor: &str,
        limit: u32,
    ) -> Result<HistoryPage> {
        let request = PageRequest::parse(Some(cursor), limit)?;
        let before = request.after.ok_or(Error::InvalidCursor)?;
        self.selected(bank_id, iban)?;
        // One more than asked for, the farthest from the cursor: whether it exists says if the
        // list goes on upwards.
        let mut entries = self.store().entries_before(iban, &before, limit + 1)?;
        let more_above = entries.len() > limit as usize;
        if more_above {
            entries.remove(0);
        }
        Ok(HistoryPage {
            previous_cursor: more_above
                .then(|| entries.first().map(|entry| cursor::encode(&entry.position)))
                .flatten(),
            next_cursor: Some(cursor::encode(
                entries.last().map_or(&before, |entry| &entry.position),
            )),
            complete: false,
            entries,
        })
    }

    /// Fetches the bank's newest entries of `iban` until they reach what is stored.
    /// Returns how many entries were new.
    pub async fn refresh_history<S: RefreshTokenStore>(
        &self,
        session: &Session<S>,
        iban: &str,
        scope: Scope,
        presence: Presence,
    ) -> Result<usize> {
        let before = self.store().history_sync(iban)?;
        let _fetching = self.fetching.lock(iban).await;
        let sync = self.store().history_sync(iban)?;
        // Decided under the lock, so a fetch of the newest page that ran meanwhile counts.
        let fresh_enough = scope == Scope::Stale && !is_stale(sync.refreshed_at, stale_before());
        // The newest page was fetched while this refresh waited (the list's first page, or
        // another refresh): share that fetch instead of repeating it.
        let shared =
            sync.started() && (!before.started() || sync.refreshed_at != before.refreshed_at);
        if fresh_enough || shared {
            return Ok(0);
        }
        if !sync.started() {
            return Ok(self
                .fetch_older(session, iban, &sync, presence)
                .await?
                .added);
        }
        let mut newest = Vec::new();
        for number in 1..=MAX_REFRESH_PAGES {
            let whole_listing = OlderPage {
                number,
                up_to: None,
            };
            let fetched = fetch(session, iban, whole_listing, presence).await?;
            let references: Vec<&str> = fetched
                .items
                .iter()
                .map(|entry| entry.entry_reference.as_str())
                .collect();
            let reached_stored = self.store().holds_booked(iban, &references)?;
            let last = fetched.next_page.is_none();
            newest.extend(records(fetched.items));
            if reached_stored || last {
                let Some(mut store) = self.store_for_writing(iban)? else {
                    return Ok(0);
                };
                let added = store.prepend_newer(
                    iban,
                    &newest,
                    listed_after(&newest, last),
                    now().unix_timestamp(),
                )?;
                categorise_new(&mut store, iban)?;
                tracing::info!(added, pages = number, "history refreshed");
                return Ok(added);
            }
        }
        tracing::warn!(
            pages = MAX_REFRESH_PAGES,
            "the newest entries do not reach the stored history: fetching it again from the top"
        );
        let Some(mut store) = self.store_for_writing(iban)? else {
            return Ok(0);
        };
        store.reset_history(iban)?;
        let next = continuation(EVERYTHING, Some(MAX_REFRESH_PAGES + 1), &newest);
        let added = store.append_older(iban, &newest, next)?;
        categorise_new(&mut store, iban)?;
        store.mark_history_refreshed(iban, now().unix_timestamp())?;
        Ok(added)
    }

    /// Fetches the bank page after those stored and stores it with where the next one is.
    pub(crate) async fn fetch_older<S: RefreshTokenStore>(
        &self,
        session: &Session<S>,
        iban: &str,
        sync: &HistorySync,
        presence: Presence,
    ) -> Result<OlderFetched> {
        let page = sync.next.unwrap_or(EVERYTHING);
        let fetched = fetch(session, iban, page, presence).await?;
        // The pages after this one in the listing being paged, when the bank says.
        let pages_left = match fetched.next_page {
            None => Some(0),
            Some(_) => fetched
                .page_count
                .map(|count| count.saturating_sub(fetched.page_number)),
        };
        let records = records(fetched.items);
        let next = continuation(page, fetched.next_page, &records);
        let Some(mut store) = self.store_for_writing(iban)? else {
            return Ok(OlderFetched::default());
        };
        let added = store.append_older(iban, &records, next)?;
        categorise_new(&mut store, iban)?;
        if !sync.started() {
            // The first page is the newest: as fresh as a refresh.
            store.mark_history_refreshed(iban, now().unix_timestamp())?;
        }
        tracing::debug!(page = page.number, added, "older history fetched");
        Ok(OlderFetched { added, pages_left })
    }

    /// One more row than asked for: whether it exists says if the stored list goes on.
    fn read(&self, iban: &str, request: PageRequest) -> Result<(Vec<StoredEntry>, HistorySync)> {
        let store = self.store();
        let entries = store.entries_after(iban, request.after.as_ref(), request.limit + 1)?;
        Ok((entries, store.history_sync(iban)?))
    }
}

/// The date after which `newest` holds everything the bank lists: the whole listing when it
/// ended, else every day but the oldest one reached, which may go on in the next page.
fn listed_after(newest: &[EntryRecord], reached_the_end: bool) -> Option<Date> {
    if reached_the_end {
        return Some(Date::MIN);
    }
    newest.iter().map(|entry| entry.date).min()
}

/// A full page is stored, or everything there is.
fn answerable(entries: &[StoredEntry], sync: &HistorySync, request: PageRequest) -> bool {
    entries.len() >= request.limit as usize || sync.complete
}

fn page(mut entries: Vec<StoredEntry>, sync: &HistorySync, request: PageRequest) -> HistoryPage {
    let stored_beyond = entries.len() > request.limit as usize;
    entries.truncate(request.limit as usize);
    let complete = sync.complete && !stored_beyond;
    let next_cursor = if complete {
        None
    } else {
        // Nothing new yet (the bank was asked enough for one request): the same place again.
        Some(
            entries
                .last()
                .map(|entry| cursor::encode(&entry.position))
                .or_else(|| request.after.as_ref().map(cursor::encode))
                .unwrap_or_default(),
        )
    };
    let previous_cursor = request
        .after
        .as_ref()
        .map(|after| cursor::encode(entries.first().map_or(after, |entry| &entry.position)));
    HistoryPage {
        entries,
        next_cursor,
        previous_cursor,
        complete,
    }
}

/// The first page of the bank's whole listing: the newest entries.
const EVERYTHING: OlderPage = OlderPage {
    number: 1,
    up_to: None,
};

/// Where the history goes on below `page`, given the bank's next page number and what `page`
/// held. Past the first pages of the whole listing, it goes on in the listing of entries up to
/// the oldest date reached: its pages stay put when entries arrive or go at the top. That
/// listing repeats the entries of that date already stored; they are stored once.
fn continuation(
    page: OlderPage,
    next_page: Option<u32>,
    records: &[EntryRecord],
) -> Option<OlderPage> {
    let number = next_page?;
    let oldest = records.iter().map(|entry| entry.date).min();
    Some(match (page.up_to, oldest) {
        (Some(_), _) | (None, None) => OlderPage { number, ..page },
        (None, Some(oldest)) => OlderPage {
            number: 1,
            up_to: Some(oldest),
        },
    })
}

async fn fetch<S: RefreshTokenStore>(
    session: &Session<S>,
    iban: &str,
    page: OlderPage,
    presence: Presence,
) -> Result<Page<Transaction>> {
    let mut query = TransactionsQuery::newest(Iban::parse(iban)?).page(page.number);
    query.date_to = page.up_to;
    debug_assert_eq!(query.page_size, *PAGE_SIZES.end());
    Ok(session.transactions_page(&query, presence).await?)
}

pub(crate) fn records(transactions: Vec<Transaction>) -> Vec<EntryRecord> {
    let today = now().date();
    transactions
        .into_iter()
        .map(|transaction| entry_record(transaction, today))
        .collect()
}
