//! How long a search takes over 100,000 stored transactions on three accounts:
//! `cargo bench -p store --bench search`.
//!
//! A plain timing loop over a store on disk (WAL, as the app opens it): for text, text with an
//! amount range, and filters without text, the first page of 100 and the summary (count and
//! sums of everything matched), p50 and p95.

// A benchmark reports on standard output.
#![allow(clippy::print_stdout)]
// A benchmark whose set-up fails has nothing to report: it stops there.
#![allow(clippy::expect_used)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use rust_decimal::Decimal;
use store::{AmountRange, Direction, EntryRecord, OlderPage, SearchFilter, Store, StoreKey};
use time::{Date, Duration as Days};

const ACCOUNTS: [&str; 3] = [
    "SK3111000000002611223344",
    "SK5002000000001234567890",
    "SK0809000000005012345678",
];
const STORED: u32 = 100_000;
const BANK_PAGE: u32 = 100;
const PAGE: u32 = 100;
const RUNS: usize = 200;

/// Counterparties, with what they write and what the bank notes; a few of them pay in.
const PARTIES: [(&str, &str, &str); 16] = [
    (
        "Kaufland Slovenská republika v.o.s.",
        "Nákup potravín",
        "Platba kartou",
    ),
    ("COOP Jednota Hlavná", "Nákup", "Platba kartou"),
    (
        "Lidl Slovenská republika",
        "Nákup potravín",
        "Platba kartou",
    ),
    ("Tesco Stores SR a.s.", "Nákup", "Platba kartou"),
    (
        "Slovenský plynárenský priemysel a.s.",
        "Záloha plyn",
        "Trvalý príkaz",
    ),
    (
        "Západoslovenská energetika",
        "Záloha elektrina",
        "Trvalý príkaz",
    ),
    ("Orange Slovensko a.s.", "Faktúra mobil", "Inkaso"),
    ("Slovak Telekom a.s.", "Internet a TV", "Inkaso"),
    ("Dr.Max lekáreň", "Lieky", "Platba kartou"),
    ("IKEA Bratislava", "Nábytok", "Platba kartou"),
    ("Alza.sk s.r.o.", "Objednávka elektronika", "Platba kartou"),
    ("Bolt Operations OÜ", "Jazda taxi", "Platba kartou"),
    ("Mesto Bratislava", "Daň z nehnuteľnosti", "SEPA prevod"),
    ("Ján Novák", "Vrátenie požičky", "SEPA prevod"),
    ("Zamestnávateľ s.r.o.", "Mzda", "SEPA prevod"),
    ("Sociálna poisťovňa", "Dávka", "SEPA prevod"),
];

fn main() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut store = Store::open(&folder.path().join("bench.sqlite3"), &StoreKey::generate())
        .expect("the store opens");
    let filling = Instant::now();
    fill(&mut store);
    println!(
        "stored {STORED} transactions on {} accounts in {:?}",
        ACCOUNTS.len(),
        filling.elapsed()
    );
    let newest = newest();
    let cases = [
        ("text 'coop jednota'", text("coop jednota")),
        ("text 'zaloha'", text("zaloha")),
        ("text 'nakup' (a third of all)", text("nakup")),
        ("text 'SK89 7500' (IBAN groups)", text("SK89 7500")),
        (
            "text 'kaufland' + 10..50",
            SearchFilter {
                amount: Some(range(10, 50)),
                ..text("kaufland")
            },
        ),
        (
            "text 'platba' + >= 400 outgoing",
            SearchFilter {
                amount: Some(AmountRange {
                    min: Some(400_000_000),
                    max: None,
                }),
                direction: Direction::Outgoing,
                ..text("platba")
            },
        ),
        (
            "no text: 120..125",
            SearchFilter {
                amount: Some(range(120, 125)),
                ..everything()
            },
        ),
        (
            "no text: exactly 123.45",
            SearchFilter {
                amount: Some(AmountRange::exactly(123_450_000)),
                ..everything()
            },
        ),
        (
            "no text: one month a year ago",
            SearchFilter {
                date_from: Some(newest - Days::days(395)),
                date_to: Some(newest - Days::days(365)),
                ..everything()
            },
        ),
        (
            "no text: incoming, one account",
            SearchFilter {
                direction: Direction::Incoming,
                ibans: vec![ACCOUNTS[1].to_owned()],
                ..everything()
            },
        ),
        ("no text: everything", everything()),
    ];
    println!("{RUNS} runs each; first page of {PAGE} | summary");
    for (name, filter) in &cases {
        let found = store.search(filter, None, PAGE).expect("a page").len();
        let count = store.search_summary(filter).expect("a summary").count;
        let page = measure(|| {
            store
                .search(black_box(filter), None, PAGE)
                .map(|page| page.len())
        });
        let summary = measure(|| {
            store
                .search_summary(black_box(filter))
                .map(|totals| totals.count)
        });
        println!(
            "{name} ({count} match, page of {found}): page p50 {:?} p95 {:?} | summary p50 {:?} p95 {:?}",
            page[RUNS / 2],
            page[RUNS * 95 / 100],
            summary[RUNS / 2],
            summary[RUNS * 95 / 100],
        );
    }
}

fn text(words: &str) -> SearchFilter {
    let fts_match = words
        .split_whitespace()
        .map(|word| format!("\"{word}\"*"))
        .collect::<Vec<_>>()
        .join(" ");
    SearchFilter {
        fts_match: Some(fts_match),
        ..everything()
    }
}

fn everything() -> SearchFilter {
    SearchFilter {
        ibans: ACCOUNTS.map(str::to_owned).to_vec(),
        ..SearchFilter::default()
    }
}

/// Whole units, inclusive, in micros.
fn range(from: i64, to: i64) -> AmountRange {
    AmountRange {
        min: Some(from * 1_000_000),
        max: Some(to * 1_000_000),
    }
}

fn measure<T>(mut run: impl FnMut() -> store::Result<T>) -> Vec<Duration> {
    for _ in 0..20 {
        black_box(run().ok());
    }
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            let result = run();
            let elapsed = started.elapsed();
            black_box(result.expect("the search runs"));
            elapsed
        })
        .collect();
    times.sort_unstable();
    times
}

fn newest() -> Date {
    Date::from_calendar_date(2026, time::Month::November, 23).expect("a date")
}

/// A third of the entries on each account, in bank pages of 100 as scrolling stores them:
/// three a day per account, newest first.
fn fill(store: &mut Store) {
    let per_account = STORED / 3 + 1;
    for (account, iban) in (0..).zip(ACCOUNTS) {
        let count = if account == 0 {
            STORED - 2 * per_account
        } else {
            per_account
        };
        let mut index = 0;
        while index < count {
            let end = (index + BANK_PAGE).min(count);
            let entries: Vec<EntryRecord> = (index..end).map(|at| entry(at, account)).collect();
            let next = (end < count).then_some(OlderPage {
                number: end / BANK_PAGE + 1,
                up_to: None,
            });
            store
                .append_older(iban, &entries, next)
                .expect("a page is stored");
            index = end;
        }
    }
}

fn entry(index: u32, account: u32) -> EntryRecord {
    let date = newest() - Days::days(i64::from(index / 3));
    // A fixed scramble of the index: varied, and the same every run.
    let mix = index.wrapping_mul(2_654_435_761) ^ account.wrapping_mul(40_503);
    let (name, description, note) = PARTIES[(mix >> 7) as usize % PARTIES.len()];
    let incoming = matches!(
        name,
        "Zamestnávateľ s.r.o." | "Sociálna poisťovňa" | "Ján Novák"
    );
    let cents = i64::from(mix % 50_000) + 50;
    let amount = Decimal::new(if incoming { cents * 7 } else { -cents }, 2);
    EntryRecord {
        entry_reference: format!("{account}-{index:09}"),
        pending: index < 3,
        date,
        amount,
        currency: "EUR".to_owned(),
        booking_date: Some(date),
        value_date: Some(date),
        counterparty_name: Some(name.to_owned()),
        counterparty_iban: mix
            .is_multiple_of(4)
            .then(|| format!("SK{:02}7500{:016}", mix % 97, mix)),
        description: Some(format!("{description} {}", index % 1_000)),
        bank_note: Some(note.to_owned()),
        variable_symbol: mix
            .is_multiple_of(3)
            .then(|| format!("{}", 2_026_000_000 + index)),
        specific_symbol: None,
        constant_symbol: mix.is_multiple_of(3).then(|| "0308".to_owned()),
        end_to_end_reference: Some(format!("E2E{account}{index:012}")),
        bank_transaction_code: Some("PMNT-RCDT-ESCT".to_owned()),
        // The transaction as a bank sends it is about this long: it makes the rows as large
        // as the app's.
        raw: Some(format!(
            r#"{{"entryReference":"{account}-{index:09}","amount":{{"value":"{amount}","currency":"EUR"}},"creditDebitIndicator":"DBIT","status":"BOOK","bookingDate":{{"date":"{date}"}},"valueDate":{{"date":"{date}"}},"bankTransactionCode":{{"domain":{{"code":"PMNT","family":{{"code":"RCDT","subFamilyCode":"ESCT"}}}}}},"entryDetails":{{"transactionDetails":{{"references":{{"endToEndIdentification":"E2E{account}{index:012}"}},"relatedParties":{{"creditor":{{"name":"{name}"}}}},"remittanceInformation":{{"unstructured":"{description} {}"}},"additionalTransactionInformation":"{note}"}}}}}}"#,
            index % 1_000
        )),
    }
}
