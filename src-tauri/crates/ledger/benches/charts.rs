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

mod fixture;

use std::hint::black_box;
use std::str::FromStr;

use fixture::{IBAN, report};
use ledger::Ledger;
use rust_decimal::Decimal;
use time::{Date, Month};

const RUNS: usize = 200;

fn main() {
    let (_folder, store) = fixture::filled_store();
    let today = fixture::today();
    let ledger = Ledger::new(store);

    let first_day = Date::from_calendar_date(2025, Month::December, 1).expect("a date");
    report("charts, from the store's rows to the sums", RUNS, || {
        let charts = ledger.charts(IBAN, black_box(today), 12);
        assert_eq!(charts.map(|charts| charts.months.len()).ok(), Some(12));
    });
    report("of which SQLite summing each day", RUNS, || {
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
    report("of which Rust summing the days", RUNS, || {
        black_box(ledger::monthly_flows(&booked, today, 12));
        black_box(ledger::daily_balances(
            &booked, oldest, now, first_day, today,
        ));
    });
}
