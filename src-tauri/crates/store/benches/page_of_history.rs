//! How long a page of 100 takes from 100,000 stored transactions:
//! `cargo bench -p store --bench page_of_history`.
//!
//! A plain timing loop over a store on disk (WAL, as the app opens it): the newest page, a page
//! from the middle and the oldest page, each after the cursor the previous page would give.
//! Then the copy of the whole store under another key, which a backup and a restore make.

// A benchmark reports on standard output.
#![allow(clippy::print_stdout)]
// A benchmark whose set-up fails has nothing to report: it stops there.
#![allow(clippy::expect_used)]

use std::hint::black_box;
use std::str::FromStr;
use std::time::{Duration, Instant};

use rust_decimal::Decimal;
use store::{EntryRecord, ListPosition, OlderPage, Store, StoreKey};
use time::{Date, Duration as Days};

const IBAN: &str = "SK3111000000002611223344";
const STORED: u32 = 100_000;
const PAGE: u32 = 100;
const RUNS: usize = 2_000;

fn main() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut store = Store::open(&folder.path().join("bench.sqlite3"), &StoreKey::generate())
        .expect("the store opens");
    let filling = Instant::now();
    fill(&mut store);
    println!(
        "stored {STORED} transactions in {:?} ({} bank pages of 100)",
        filling.elapsed(),
        STORED / PAGE
    );

    let middle = position_of(&store, STORED / 2);
    let last = position_of(&store, STORED - PAGE);
    for (name, after) in [
        ("newest page", None),
        ("page at 50,000", Some(middle)),
        ("oldest page", Some(last)),
    ] {
        let times = measure(&store, after.as_ref());
        println!(
            "{name}: p50 {:?}, p99 {:?} over {RUNS} runs",
            times[RUNS / 2],
            times[RUNS * 99 / 100]
        );
    }

    let copy = folder.path().join("copy.sqlite3");
    let copying = Instant::now();
    store
        .copy_to(&copy, &StoreKey::generate())
        .expect("the store is copied");
    let size = std::fs::metadata(&copy).map_or(0, |metadata| metadata.len());
    println!(
        "the whole store copied under another key in {:?} ({} MiB)",
        copying.elapsed(),
        size / (1024 * 1024)
    );
}

fn measure(store: &Store, after: Option<&ListPosition>) -> Vec<Duration> {
    for _ in 0..100 {
        black_box(store.entries_after(IBAN, after, PAGE).ok());
    }
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            let page = store.entries_after(IBAN, black_box(after), PAGE);
            let elapsed = started.elapsed();
            assert_eq!(page.map(|page| page.len()).ok(), Some(PAGE as usize));
            elapsed
        })
        .collect();
    times.sort_unstable();
    times
}

/// The position of the entry `index` rows from the top, as a cursor would carry it.
fn position_of(store: &Store, index: u32) -> ListPosition {
    let mut after = None;
    let mut skipped = 0;
    while skipped + 1_000 <= index {
        let page = store
            .entries_after(IBAN, after.as_ref(), 1_000)
            .expect("a page");
        after = page.last().map(|entry| entry.position);
        skipped += 1_000;
    }
    after.expect("the store holds that many")
}

/// 100,000 entries in pages of 100, as scrolling stores them: three a day, newest first.
fn fill(store: &mut Store) {
    let newest = Date::from_calendar_date(2026, time::Month::November, 23).expect("a date");
    for page in 0..STORED / PAGE {
        let entries: Vec<EntryRecord> = (0..PAGE)
            .map(|offset| entry(page * PAGE + offset, newest))
            .collect();
        let next = (page + 1 < STORED / PAGE).then_some(OlderPage {
            number: page + 2,
            up_to: None,
        });
        store
            .append_older(IBAN, &entries, next)
            .expect("a page is stored");
    }
}

fn entry(index: u32, newest: Date) -> EntryRecord {
    let date = newest - Days::days(i64::from(index / 3));
    EntryRecord {
        entry_reference: format!("TB{index:09}"),
        pending: false,
        date,
        amount: Decimal::from_str(&format!("-{}.{:02}", index % 500, index % 100))
            .expect("an amount"),
        currency: "EUR".to_owned(),
        booking_date: Some(date),
        value_date: Some(date),
        counterparty_name: Some("Kaufland Slovenská republika v.o.s.".to_owned()),
        counterparty_iban: Some("SK8975000000000012345671".to_owned()),
        description: Some(format!("Invoice {index}")),
        bank_note: Some("Card payment".to_owned()),
        variable_symbol: Some(format!("{index}")),
        specific_symbol: None,
        constant_symbol: Some("0308".to_owned()),
        end_to_end_reference: None,
        bank_transaction_code: None,
        raw: None,
    }
}
