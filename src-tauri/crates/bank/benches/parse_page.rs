//! How long parsing one 100-transaction page takes: `cargo bench -p bank --bench parse_page`.
//!
//! A plain timing loop (no benchmark framework to build): it prints the median and the 99th
//! percentile of many runs over a page shaped like the contract's.

// A benchmark reports on standard output.
#![allow(clippy::print_stdout)]

use std::hint::black_box;
use std::time::{Duration, Instant};

const RUNS: usize = 5_000;

fn main() {
    let page = page_of(100);
    // Warm caches and the allocator before measuring.
    for _ in 0..200 {
        black_box(bank::parse_transactions_page(black_box(page.as_bytes())).ok());
    }
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            let parsed = bank::parse_transactions_page(black_box(page.as_bytes()));
            let elapsed = started.elapsed();
            assert_eq!(parsed.map(|page| page.items.len()).ok(), Some(100));
            elapsed
        })
        .collect();
    times.sort_unstable();
    println!(
        "parse a 100-transaction page ({} bytes): p50 {:?}, p99 {:?} over {RUNS} runs",
        page.len(),
        times[RUNS / 2],
        times[RUNS * 99 / 100]
    );
}

fn page_of(count: usize) -> String {
    let entries: Vec<String> = (0..count)
        .map(|index| {
            format!(
                r#"{{"entryReference":"TB-20260415{index:05}","status":"BOOK","creditDebitIndicator":"DBIT",
   "amount":{{"value":{}.{:02},"currency":"EUR"}},"bookingDate":{{"date":"2026-04-15"}},"valueDate":{{"date":"2026-04-15"}},
   "bankTransactionCode":{{"proprietary":{{"code":"PMNT-ICDT-ESCT"}}}},
   "entryDetails":{{"transactionDetails":{{
     "references":{{"endToEndIdentification":"/VS2026{index:04}/SS/KS0308"}},
     "relatedParties":{{"creditor":{{"name":"Example Shop s.r.o."}},"creditorAccount":{{"identification":{{"iban":"SK8975000000000012345671"}}}}}},
     "remittanceInformation":{{"unstructured":"Invoice 2026{index:04}"}},
     "additionalTransactionInformation":"SEPA transfer"}}}}}}"#,
                index * 7 % 500,
                index % 100
            )
        })
        .collect();
    format!(
        r#"{{"pageNumber":1,"pageCount":10,"pageSize":{count},"nextPage":2,"transactions":[{}]}}"#,
        entries.join(",")
    )
}
