//! One account: its generated archive plus the live entries that can still change (pending
//! card holds, and what the admin adds).

use std::sync::Mutex;

use rust_decimal::Decimal;
#[cfg(feature = "admin")]
use time::Date;

use super::AccountKind;
use super::archive::Archive;
use super::entry::{Entry, HistoryFilter};
use super::paging::{self, BeyondLastPage, Page, PageRequest};
use crate::sync::lock;
#[cfg(feature = "admin")]
use {super::entry::EntryStatus, super::generator, super::new_transaction::NewTransaction};

#[derive(Debug)]
pub(crate) struct Account {
    pub iban: String,
    pub name: String,
    pub kind: AccountKind,
    /// The overdraft included in the available balance, on credit-line accounts.
    pub credit_line: Option<Decimal>,
    /// Numbers the references of the entries the admin adds.
    #[cfg(feature = "admin")]
    ordinal: u64,
    archive: Archive,
    /// The booked balance of the archive alone (fixed when the account is generated).
    archive_balance: Decimal,
    /// What the admin moved the booked balance by without an entry: a bank's own error, for
    /// reconciliation to find.
    #[cfg(feature = "admin")]
    shift: Mutex<Decimal>,
    live: Mutex<LiveEntries>,
}

/// Entries newer than the archive, newest first; few, so they are scanned.
#[derive(Debug)]
struct LiveEntries {
    newest_first: Vec<Entry>,
    #[cfg(feature = "admin")]
    next_index: u64,
}

/// The balances the information endpoint reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Balances {
    /// ITBD: the sum of the booked entries.
    pub booked: Decimal,
    /// ITAV: booked, plus the credit line, less pending debits.
    pub available: Decimal,
    pub credit_line: Option<Decimal>,
}

/// An account's fixed facts, given when the bank generates it.
#[derive(Debug)]
pub(crate) struct AccountSetup {
    pub iban: String,
    pub name: String,
    pub kind: AccountKind,
    #[cfg(feature = "admin")]
    pub ordinal: u64,
    pub credit_line: Option<Decimal>,
}

impl Account {
    pub(crate) fn new(setup: AccountSetup, archive: Archive) -> Self {
        let live = LiveEntries {
            newest_first: archive.pending_entries(),
            #[cfg(feature = "admin")]
            next_index: archive.next_index(),
        };
        Self {
            iban: setup.iban,
            name: setup.name,
            kind: setup.kind,
            credit_line: setup.credit_line,
            #[cfg(feature = "admin")]
            ordinal: setup.ordinal,
            archive_balance: archive.booked_balance(),
            #[cfg(feature = "admin")]
            shift: Mutex::new(Decimal::ZERO),
            archive,
            live: Mutex::new(live),
        }
    }

    /// A page of the entries `filter` admits, newest first. Costs the live entries plus the
    /// page, whatever the length of the history.
    pub(crate) fn history_page(
        &self,
        filter: &HistoryFilter,
        request: PageRequest,
    ) -> Result<Page<Entry>, BeyondLastPage> {
        let live: Vec<Entry> = lock(&self.live)
            .newest_first
            .iter()
            .filter(|entry| filter.admits(entry))
            .cloned()
            .collect();
        let archived = self.archive.positions(filter);
        let live_count = live.len() as u64;
        let total = live_count + (archived.end - archived.start);
        paging::page(total, request, |index| {
            match usize::try_from(index)
                .ok()
                .and_then(|index| live.get(index))
            {
                Some(entry) => entry.clone(),
                None => self.archive.entry_at(archived.start + index - live_count),
            }
        })
    }

    /// The generated history, for the savings account that mirrors this one's closes.
    pub(crate) fn archive(&self) -> &Archive {
        &self.archive
    }

    pub(crate) fn balances(&self) -> Balances {
        let live = lock(&self.live);
        let booked = self.archive_balance
            + live
                .newest_first
                .iter()
                .map(Entry::booked_amount)
                .sum::<Decimal>();
        #[cfg(feature = "admin")]
        let booked = booked + *lock(&self.shift);
        let held: Decimal = live.newest_first.iter().map(Entry::pending_debit).sum();
        let available = booked + self.credit_line.unwrap_or_default() - held;
        Balances {
            booked,
            available,
            credit_line: self.credit_line,
        }
    }

    /// Adds `new` as the newest entry, made `today`; returns its entry reference.
    #[cfg(feature = "admin")]
    pub(crate) fn add(&self, new: NewTransaction, today: Date) -> crate::Result<String> {
        let mut live = lock(&self.live);
        let reference = generator::reference(self.ordinal, live.next_index, today);
        let entry = new.into_entry(reference.clone(), today)?;
        live.next_index += 1;
        live.newest_first.insert(0, entry);
        Ok(reference)
    }

    /// Moves the booked balance by `amount` with no entry to show for it.
    #[cfg(feature = "admin")]
    pub(crate) fn shift_balance(&self, amount: Decimal) {
        *lock(&self.shift) += amount;
    }

    /// Books the pending entry `reference` today, keeping its reference and moving it to the
    /// newest end (it is ordered by its new booking date). False if no such pending entry.
    #[cfg(feature = "admin")]
    pub(crate) fn book(&self, reference: &str, today: Date) -> bool {
        let mut live = lock(&self.live);
        let found = live
            .newest_first
            .iter()
            .position(|entry| entry.reference == reference && entry.status == EntryStatus::Pending);
        let Some(position) = found else { return false };
        let mut entry = live.newest_first.remove(position);
        entry.book(today);
        live.newest_first.insert(0, entry);
        true
    }

    /// Releases the pending entry `reference` (a card hold the merchant never claimed): it
    /// leaves the listing, and every entry after it moves up one place. False if no such entry.
    #[cfg(feature = "admin")]
    pub(crate) fn release(&self, reference: &str) -> bool {
        let mut live = lock(&self.live);
        let before = live.newest_first.len();
        live.newest_first
            .retain(|entry| entry.reference != reference || entry.status != EntryStatus::Pending);
        live.newest_first.len() < before
    }
}
