//! How long an account's charts take from 100,000 stored transactions, read from the store
//! and summed: `cargo bench -p ledger --bench charts`.
//!
//! A plain timing loop over a store on disk (encrypted, as the app opens it) holding 100,000
//! booked entries over the last year (274 a day, so every day and month has work), with a
//! booked balance to rebuild from: twelve months of money in and out and a year of daily
//! balances, each run from the store's rows to the decimal sums.

// A benchmark reports on standard output.
#![allow(clippy::print_stdout)]
// A benchmark whose set-up fails has nothing to report: it stops there.
#![allow(clippy::expect_used)]

use std::hint::black_box;
use std::str::FromStr;
use std::time::{Duration, Instant};

use ledger::Ledger;
use rust_decimal::Decimal;
use store::{BalanceRecord, EntryRecord, OlderPage, Store, StoreKey};
use time::{Date, Duration as Days, Month};

const IBAN: &str = "SK3111000000002611223344";
const STORED: u32 = 100_000;
const PER_DAY: u32 = 274;
const PAGE: u32 = 100;
const RUNS: usize = 200;

fn main() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut store = Store::open(&folder.path().join("bench.sqlite3"), &StoreKey::generate())
        .expect("the store opens");
    let today = Date::from_calendar_date(2026, Month::November, 23).expect("a date");
    fill(&mut store, today);
    let ledger = Ledger::new(store);

    let first_day = Date::from_calendar_date(2025, Month::December, 1).expect("a date");
    report("charts, from the store's rows to the sums", || {
        let charts = ledger.charts(IBAN, black_box(today), 12);
        assert_eq!(charts.map(|charts| charts.months.len()).ok(), Some(12));
    });
    report("of which SQLite summing each day", || {
        let read = ledger
            .store()
            .booked_day_totals_since(IBAN, black_box(first_day));
        assert!(read.is_ok_and(|(days, _)| days.len() > 300));
    });
    let (booked, oldest) = ledger
        .store()
        .booked_day_totals_since(IBAN, first_day)
        .expect("the rows");
    let now = Decimal::from_str("1520.35").expect("an amount");
    report("of which Rust summing the days", || {
        black_box(ledger::monthly_flows(&booked, today, 12));
        black_box(ledger::daily_balances(
            &booked, oldest, now, first_day, today,
        ));
    });
}

/// Runs `work` 10 times to warm up, then `RUNS` times, and prints its p50, p95 and maximum.
fn report(name: &str, mut work: impl FnMut()) {
    for _ in 0..10 {
        work();
    }
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            work();
            started.elapsed()
        })
        .collect();
    times.sort_unstable();
    println!(
        "{name} ({STORED} stored transactions): p50 {:?}, p95 {:?}, max {:?} over {RUNS} runs",
        times[RUNS / 2],
        times[RUNS * 95 / 100],
        times[RUNS - 1]
    );
}

/// The entries in pages of 100, newest first, as scrolling stores them; and the balance.
fn fill(store: &mut Store, today: Date) {
    for page in 0..STORED / PAGE {
        let entries: Vec<EntryRecord> = (0..PAGE)
            .map(|offset| entry(page * PAGE + offset, today))
            .collect();
        let next = (page + 1 < STORED / PAGE).then_some(OlderPage {
            number: page + 2,
            up_to: None,
        });
        store
            .append_older(IBAN, &entries, next)
            .expect("a page is stored");
    }
    let balance = BalanceRecord {
        code: "ITBD".to_owned(),
        amount: Decimal::from_str("1520.35").expect("an amount"),
        currency: "EUR".to_owned(),
        as_of: None,
        credit_line: None,
    };
    store
        .save_balances(IBAN, &[balance], 0)
        .expect("the balance is stored");
}

fn entry(index: u32, today: Date) -> EntryRecord {
    let date = today - Days::days(i64::from(index / PER_DAY));
    let sign = if index.is_multiple_of(7) { "" } else { "-" };
    EntryRecord {
        entry_reference: format!("TB{index:09}"),
        pending: false,
        date,
        amount: Decimal::from_str(&format!("{sign}{}.{:02}", index % 500, index % 100))
            .expect("an amount"),
        currency: "EUR".to_owned(),
        booking_date: Some(date),
        value_date: Some(date),
        counterparty_name: Some("Kaufland Slovenská republika v.o.s.".to_owned()),
        counterparty_iban: None,
        description: None,
        bank_note: Some("Card payment".to_owned()),
        variable_symbol: None,
        specific_symbol: None,
        constant_symbol: None,
        end_to_end_reference: None,
        bank_transaction_code: None,
        raw: None,
    }
}
