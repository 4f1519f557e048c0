use std::collections::HashSet;
use std::str::FromStr;

use rust_decimal::Decimal;
use time::Date;
use time::macros::date;

use super::matching::{Amounts, Words};
use super::*;
use crate::{EntryRecord, SelectedAccount};

const CURRENT: &str = "SK3111000000002611223344";
const SAVINGS: &str = "SK5000000000000000000055";
const DAY: Date = date!(2026 - 03 - 10);

fn record(reference: &str, date: Date, amount: &str, name: &str) -> EntryRecord {
    EntryRecord {
        entry_reference: reference.to_owned(),
        pending: false,
        date,
        amount: Decimal::from_str(amount).unwrap(),
        currency: "EUR".to_owned(),
        booking_date: Some(date),
        value_date: Some(date),
        counterparty_name: Some(name.to_owned()),
        counterparty_iban: None,
        description: None,
        bank_note: None,
        variable_symbol: None,
        specific_symbol: None,
        constant_symbol: None,
        end_to_end_reference: None,
        bank_transaction_code: None,
        raw: None,
    }
}

fn pending(reference: &str, date: Date, amount: &str, name: &str) -> EntryRecord {
    EntryRecord {
        pending: true,
        booking_date: None,
        ..record(reference, date, amount, name)
    }
}

/// A MATCH expression as the `query` crate builds it: every word a quoted prefix.
fn words(text: &str) -> String {
    text.split_whitespace()
        .map(|word| format!("\"{}\"*", word.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" ")
}

fn both() -> Vec<String> {
    vec![CURRENT.to_owned(), SAVINGS.to_owned()]
}

fn filter(text: &str) -> SearchFilter {
    SearchFilter {
        fts_match: Some(words(text)),
        ibans: both(),
        ..SearchFilter::default()
    }
}

/// The references `filter` finds, in search order, all of them.
fn found(store: &Store, filter: &SearchFilter) -> Vec<String> {
    store
        .search(filter, None, 1_000)
        .unwrap()
        .into_iter()
        .map(|found| found.entry.record.entry_reference)
        .collect()
}

fn text(store: &Store, words: &str) -> Vec<String> {
    found(store, &filter(words))
}

fn assert_index_in_step(store: &Store) {
    store
        .connection
        .execute_batch("INSERT INTO entry_search (entry_search) VALUES ('integrity-check')")
        .unwrap();
}

/// Terms the full-text index holds, deleted entries' included until they are purged.
fn indexed_terms(store: &Store) -> i64 {
    store
        .connection
        .execute_batch(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.terms
                 USING fts5vocab(main, entry_search, 'row')",
        )
        .unwrap();
    store
        .connection
        .query_row("SELECT count(*) FROM temp.terms", [], |row| row.get(0))
        .unwrap()
}

/// A store with a few entries on two accounts.
fn sample() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let mut gas = record("gas", date!(2026 - 03 - 02), "-45.10", "SPP a.s.");
    gas.description = Some("Záloha plyn marec".to_owned());
    gas.counterparty_iban = Some("SK8975000000000012345671".to_owned());
    gas.variable_symbol = Some("20260001".to_owned());
    gas.constant_symbol = Some("0308".to_owned());
    gas.end_to_end_reference = Some("/VS20260001/SS/KS0308".to_owned());
    let mut coop = record(
        "coop",
        date!(2026 - 03 - 05),
        "-12.50",
        "COOP Jednota Hlavna",
    );
    coop.bank_note = Some("Platba kartou".to_owned());
    let salary = record(
        "salary",
        date!(2026 - 03 - 01),
        "1500.00",
        "Employer s.r.o.",
    );
    let hold = pending("hold", DAY, "-3.20", "Kaviareň Ďurko");
    store
        .append_older(CURRENT, &[hold, coop, gas, salary], None)
        .unwrap();
    let interest = record("interest", date!(2026 - 03 - 05), "0.12", "Úroky");
    let transfer = record("transfer", date!(2026 - 03 - 02), "-100", "Presun COOP");
    store
        .append_older(SAVINGS, &[interest, transfer], None)
        .unwrap();
    store
}

#[test]
fn words_without_accents_and_in_any_case_find_the_entry() {
    let store = sample();
    assert_eq!(text(&store, "zaloha plyn"), ["gas"]);
    assert_eq!(text(&store, "ZÁLOHA"), ["gas"]);
    assert_eq!(text(&store, "coop jednota"), ["coop"]);
    assert_eq!(text(&store, "coop"), ["coop", "transfer"]);
    assert_eq!(text(&store, "kaviaren durko"), ["hold"]);
    assert_eq!(text(&store, "platba kart"), ["coop"]);
    assert_eq!(text(&store, "jednota plyn"), Vec::<String>::new());
}

#[test]
fn references_symbols_and_the_iban_with_or_without_spaces_are_found() {
    let store = sample();
    assert_eq!(text(&store, "SK89 7500"), ["gas"]);
    assert_eq!(text(&store, "sk89 7500 0000 0000 1234 5671"), ["gas"]);
    assert_eq!(text(&store, "SK8975000000000012345671"), ["gas"]);
    assert_eq!(text(&store, "SK897500"), ["gas"]);
    assert_eq!(text(&store, "20260001"), ["gas"]);
    assert_eq!(text(&store, "0308"), ["gas"]);
    assert_eq!(text(&store, "VS20260001"), ["gas"]);
    assert_eq!(text(&store, "salary"), ["salary"]);
}

#[test]
fn amounts_match_on_their_magnitude() {
    let store = sample();
    let with = |min: Option<i64>, max: Option<i64>| {
        found(
            &store,
            &SearchFilter {
                amount: Some(AmountRange { min, max }),
                ..filter("")
            },
        )
    };
    assert_eq!(with(Some(12_500_000), Some(12_500_000)), ["coop"]);
    assert_eq!(
        with(Some(3_200_000), Some(45_100_000)),
        ["hold", "coop", "gas"]
    );
    assert_eq!(with(Some(100_000_000), None), ["transfer", "salary"]);
    assert_eq!(with(None, Some(3_200_000)), ["hold", "interest"]);
    assert_eq!(with(Some(5), Some(1)), Vec::<String>::new());
    let coop_by_text_and_amount = SearchFilter {
        amount: Some(AmountRange::exactly(12_500_000)),
        ..filter("coop")
    };
    assert_eq!(found(&store, &coop_by_text_and_amount), ["coop"]);
}

#[test]
fn direction_status_dates_and_accounts_narrow_the_matches() {
    let store = sample();
    let all = filter("");
    assert_eq!(
        found(&store, &all),
        ["hold", "coop", "interest", "gas", "transfer", "salary"]
    );
    let incoming = SearchFilter {
        direction: Direction::Incoming,
        ..filter("")
    };
    assert_eq!(found(&store, &incoming), ["interest", "salary"]);
    let outgoing = SearchFilter {
        direction: Direction::Outgoing,
        ..filter("")
    };
    assert_eq!(
        found(&store, &outgoing),
        ["hold", "coop", "gas", "transfer"]
    );
    let pending_only = SearchFilter {
        pending_only: true,
        ..filter("")
    };
    assert_eq!(found(&store, &pending_only), ["hold"]);
    let mut store = store;
    let pets = store.add_category("Pets", "#123456").unwrap();
    store.choose_category(CURRENT, "gas", Some(pets)).unwrap();
    store
        .choose_category(SAVINGS, "interest", Some(pets))
        .unwrap();
    let of_pets = SearchFilter {
        category_id: Some(pets),
        ..filter("")
    };
    assert_eq!(found(&store, &of_pets), ["interest", "gas"]);
    let march_2_to_5 = SearchFilter {
        date_from: Some(date!(2026 - 03 - 02)),
        date_to: Some(date!(2026 - 03 - 05)),
        ..filter("")
    };
    assert_eq!(
        found(&store, &march_2_to_5),
        ["coop", "interest", "gas", "transfer"]
    );
    let savings = SearchFilter {
        ibans: vec![SAVINGS.to_owned()],
        ..filter("coop")
    };
    assert_eq!(found(&store, &savings), ["transfer"]);
    let none = SearchFilter {
        ibans: Vec::new(),
        ..filter("")
    };
    assert!(found(&store, &none).is_empty());
    assert_eq!(
        store.search_summary(&none).unwrap(),
        SearchTotals::default()
    );
}

#[test]
fn paging_visits_every_match_once_in_one_order() {
    let mut store = Store::open_in_memory().unwrap();
    // Several accounts with entries on the same days: the order must break the ties.
    for (account, iban) in ["A", "C", "B"].into_iter().enumerate() {
        let entries: Vec<EntryRecord> = (0..37)
            .map(|index| {
                let date = date!(2026 - 03 - 01) + time::Duration::days(index / 5);
                record(&format!("{account}-{index}"), date, "-1.00", "Shop")
            })
            .collect();
        store.append_older(iban, &entries[..20], None).unwrap();
        store.prepend_newer(iban, &entries[20..], None, 1).unwrap();
    }
    let filter = SearchFilter {
        fts_match: Some(words("shop")),
        ibans: ["A", "B", "C"].map(str::to_owned).to_vec(),
        ..SearchFilter::default()
    };
    let everything = store.search(&filter, None, 1_000).unwrap();
    assert_eq!(everything.len(), 111);
    let positions: Vec<SearchPosition> = everything.iter().map(FoundEntry::position).collect();
    for pair in positions.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let ordered = (b.date, &a.iban, b.ordinal) < (a.date, &b.iban, a.ordinal);
        assert!(ordered, "{a:?} then {b:?}");
    }
    for (filter, page) in [
        (filter.clone(), 7),
        (
            SearchFilter {
                fts_match: None,
                ..filter
            },
            10,
        ),
    ] {
        let mut after: Option<SearchPosition> = None;
        let mut paged = Vec::new();
        loop {
            let found = store.search(&filter, after.as_ref(), page).unwrap();
            let Some(last) = found.last() else { break };
            after = Some(last.position());
            paged.extend(found);
        }
        assert_eq!(paged, everything);
        let once: HashSet<SearchPosition> = paged.iter().map(FoundEntry::position).collect();
        assert_eq!(once.len(), 111);
    }
}

/// Two accounts with several entries a day, the same days on both, some of them not shops.
fn shops_on_the_same_days() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    for iban in [SAVINGS, CURRENT] {
        let entries: Vec<EntryRecord> = (0..45)
            .map(|index| {
                let date = date!(2026 - 03 - 20) - time::Duration::days(index / 4);
                let amount = format!("-{}.50", index % 6);
                let name = if index % 5 == 3 { "Bakery" } else { "Shop" };
                record(&format!("{iban}-{index}"), date, &amount, name)
            })
            .collect();
        store.append_older(iban, &entries, None).unwrap();
    }
    store
}

/// `filter`'s matches as `plan` finds them, paged from the top `size` at a time.
fn pages_down(
    store: &Store,
    filter: &SearchFilter,
    plan: &Plan,
    size: u32,
) -> Vec<Vec<FoundEntry>> {
    let mut pages = Vec::new();
    let mut after: Option<SearchPosition> = None;
    loop {
        let page = store
            .search_with(filter, after.as_ref(), size, plan)
            .unwrap();
        let Some(last) = page.last() else {
            return pages;
        };
        after = Some(last.position());
        pages.push(page);
    }
}

/// `filter`'s matches as `plan` finds them, paged up from `position` to the top, `size` at a
/// time, the pages in search order.
fn pages_up(
    store: &Store,
    filter: &SearchFilter,
    plan: &Plan,
    position: &SearchPosition,
    size: u32,
) -> Vec<Vec<FoundEntry>> {
    let mut pages = Vec::new();
    let mut before = position.clone();
    loop {
        let page = store
            .search_before_with(filter, &before, size, plan)
            .unwrap();
        let Some(first) = page.first() else {
            pages.reverse();
            return pages;
        };
        before = first.position();
        pages.push(page);
    }
}

#[test]
fn paging_back_up_from_any_page_reads_the_pages_above_it_again_whatever_the_plan() {
    let store = shops_on_the_same_days();
    let filters = [
        filter("shop"),
        SearchFilter {
            amount: Some(AmountRange {
                min: Some(1_000_000),
                max: Some(3_500_000),
            }),
            ..filter("shop")
        },
        SearchFilter {
            amount: Some(AmountRange {
                min: Some(2_500_000),
                max: Some(4_500_000),
            }),
            ..filter("")
        },
        filter(""),
    ];
    for filter in filters {
        let everything = found(&store, &filter);
        assert!(everything.len() > 30, "{filter:?}: {}", everything.len());
        for words in [Words::First, Words::AsFilter] {
            for amounts in [Amounts::Tested, Amounts::Indexed] {
                let plan = store.plan_with(&filter, words, amounts).unwrap();
                // SQLite's own IN and the account test on every entry too.
                let unshortened = Plan {
                    found: None,
                    every_account: false,
                    ..plan.clone()
                };
                for plan in [plan, unshortened] {
                    let pages = pages_down(&store, &filter, &plan, 7);
                    let references: Vec<String> = pages
                        .concat()
                        .into_iter()
                        .map(|found| found.entry.record.entry_reference)
                        .collect();
                    assert_eq!(references, everything, "{filter:?} {plan:?}");
                    for (below, page) in pages.iter().enumerate().skip(1) {
                        let up = pages_up(&store, &filter, &plan, &page[0].position(), 7);
                        assert_eq!(up, pages[..below], "{filter:?} {plan:?} above page {below}");
                    }
                    let top = pages[0][0].position();
                    let above_top = store.search_before_with(&filter, &top, 7, &plan).unwrap();
                    assert!(above_top.is_empty(), "{filter:?} {plan:?}");
                }
            }
        }
    }
}

#[test]
fn a_page_back_up_ends_just_before_its_position_even_one_that_is_no_match() {
    let store = shops_on_the_same_days();
    let shops = filter("shop");
    let everything = store.search(&shops, None, 1_000).unwrap();
    let last = everything.last().unwrap().position();
    assert_eq!(
        store.search_before(&shops, &last, 1_000).unwrap(),
        everything[..everything.len() - 1]
    );
    // A bakery sits between two shops of its account: the page above it ends with the shop
    // above it.
    let bakery = SearchPosition {
        date: date!(2026 - 03 - 20),
        iban: CURRENT.to_owned(),
        ordinal: -4,
    };
    let above_bakery = store.search_before(&shops, &bakery, 2).unwrap();
    let references: Vec<&str> = above_bakery
        .iter()
        .map(|found| found.entry.record.entry_reference.as_str())
        .collect();
    assert_eq!(references, [format!("{CURRENT}-1"), format!("{CURRENT}-2")]);
    let nobody = SearchFilter {
        ibans: Vec::new(),
        ..shops
    };
    assert!(store.search_before(&nobody, &last, 10).unwrap().is_empty());
}

#[test]
fn totals_are_exact_per_currency_and_count_everything_matched() {
    let mut store = Store::open_in_memory().unwrap();
    let mut dollars = record("usd", DAY, "-7.25", "Shop");
    dollars.currency = "USD".to_owned();
    let entries = [
        record("a", DAY, "0.1", "Shop"),
        record("b", DAY, "0.2", "Shop"),
        record("c", DAY, "-0.3", "Shop"),
        // More than six decimals and too large for micros: summed from their text.
        record("d", DAY, "0.00000001", "Shop"),
        record("e", DAY, "-0.00000002", "Shop"),
        record("f", DAY, "-12345678901234567.10", "Shop"),
        record("zero", DAY, "0.00", "Shop"),
        dollars,
    ];
    store.append_older(CURRENT, &entries, None).unwrap();
    let totals = store.search_summary(&filter("shop")).unwrap();
    let decimal = |text: &str| Decimal::from_str(text).unwrap();
    assert_eq!(totals.count, 8);
    assert_eq!(
        totals.currencies,
        [
            CurrencyTotals {
                currency: "EUR".to_owned(),
                incoming: decimal("0.30000001"),
                outgoing: decimal("-12345678901234567.40000002"),
                incoming_count: 3,
                outgoing_count: 3,
            },
            CurrencyTotals {
                currency: "USD".to_owned(),
                incoming: Decimal::ZERO,
                outgoing: decimal("-7.25"),
                incoming_count: 0,
                outgoing_count: 1,
            }
        ]
    );
    // The amount filter and the direction read amounts without micros exactly too.
    let tiny = SearchFilter {
        amount: Some(AmountRange {
            min: None,
            max: Some(0),
        }),
        ..filter("")
    };
    assert_eq!(found(&store, &tiny), ["zero"]);
    let below_a_micro = SearchFilter {
        amount: Some(AmountRange {
            min: None,
            max: Some(1),
        }),
        direction: Direction::Outgoing,
        ..filter("")
    };
    assert_eq!(found(&store, &below_a_micro), ["e"]);
    let incoming = SearchFilter {
        direction: Direction::Incoming,
        ..filter("")
    };
    assert_eq!(found(&store, &incoming), ["a", "b", "d"]);
}

#[test]
fn an_unreadable_match_is_a_clear_error() {
    let store = sample();
    for bad in ["\"unbalanced", "AND", "nope: word", "a NEAR("] {
        let filter = SearchFilter {
            fts_match: Some(bad.to_owned()),
            ..filter("")
        };
        let error = store.search(&filter, None, 10).unwrap_err();
        assert!(
            matches!(error, Error::UnreadableSearch(_)),
            "{bad}: {error:?}"
        );
        let error = store.search_summary(&filter).unwrap_err();
        assert!(
            matches!(error, Error::UnreadableSearch(_)),
            "{bad}: {error:?}"
        );
        // What was typed (a name, maybe) stays out of the message the log gets.
        let message = error.to_string();
        for typed in ["unbalanced", "AND", "nope", "NEAR"] {
            assert!(!message.contains(typed), "{message}");
        }
    }
    let blank = SearchFilter {
        fts_match: Some("  ".to_owned()),
        ..filter("")
    };
    assert_eq!(found(&store, &blank).len(), 6);
}

#[test]
fn the_detail_has_everything_kept_and_lists_leave_the_raw_entry_out() {
    let mut store = Store::open_in_memory().unwrap();
    let mut gas = record("gas", DAY, "-45.10", "SPP");
    gas.end_to_end_reference = Some("/VS20260001/SS/KS0308".to_owned());
    gas.bank_transaction_code = Some("PMNT-ICDT-STDO".to_owned());
    gas.raw = Some(r#"{"entryReference":"gas"}"#.to_owned());
    store.append_older(CURRENT, &[gas.clone()], None).unwrap();
    let detail = store.entry(CURRENT, "gas").unwrap().unwrap();
    assert_eq!(detail.record, gas);
    assert_eq!(store.entry(CURRENT, "other").unwrap(), None);
    assert_eq!(store.entry(SAVINGS, "gas").unwrap(), None);
    let listed = store.search(&filter("spp"), None, 1).unwrap();
    assert_eq!(listed[0].entry.record.raw, None);
    assert_eq!(
        listed[0].entry.record.bank_transaction_code.as_deref(),
        Some("PMNT-ICDT-STDO")
    );
    assert_eq!(
        store.entries_after(CURRENT, None, 1).unwrap()[0].record,
        EntryRecord { raw: None, ..gas }
    );
}

#[test]
fn coverage_is_the_oldest_stored_entry_and_whether_all_is_stored() {
    let mut store = sample();
    let coverage = store.history_coverage(&both()).unwrap();
    assert_eq!(coverage.stored_since, Some(date!(2026 - 03 - 01)));
    // `sample` stored each account's oldest page.
    assert!(coverage.complete);
    store.reset_history(SAVINGS).unwrap();
    let coverage = store.history_coverage(&both()).unwrap();
    assert_eq!(coverage.stored_since, Some(date!(2026 - 03 - 01)));
    assert!(!coverage.complete);
    let savings = store.history_coverage(&[SAVINGS.to_owned()]).unwrap();
    assert_eq!(savings, Coverage::default());
    assert_eq!(store.history_coverage(&[]).unwrap(), Coverage::default());
}

#[test]
fn the_index_follows_a_hold_that_books_with_other_words() {
    let mut store = Store::open_in_memory().unwrap();
    let hold = pending("card-1", DAY, "-3.20", "PAYPAL *PENDING");
    store.append_older(CURRENT, &[hold], None).unwrap();
    assert_eq!(text(&store, "paypal pending"), ["card-1"]);
    // Booked the same day (updated in place) and then a day later (removed and re-added).
    let booked = record("card-1", DAY, "-3.25", "Kaufland Trnava");
    store.prepend_newer(CURRENT, &[booked], None, 1).unwrap();
    assert_index_in_step(&store);
    assert!(text(&store, "paypal").is_empty());
    assert_eq!(text(&store, "kaufland"), ["card-1"]);
    let later = record("card-1", DAY.next_day().unwrap(), "-3.25", "Kaufland Nitra");
    store.prepend_newer(CURRENT, &[later], None, 2).unwrap();
    assert_index_in_step(&store);
    assert!(text(&store, "trnava").is_empty());
    assert_eq!(text(&store, "kaufland nitra"), ["card-1"]);
    // The bank corrects the text of an entry it lists again: updated in place.
    let corrected = record(
        "card-1",
        DAY.next_day().unwrap(),
        "-3.25",
        "Kaufland Nové Zámky",
    );
    store.append_older(CURRENT, &[corrected], None).unwrap();
    assert_index_in_step(&store);
    assert!(text(&store, "nitra").is_empty());
    assert_eq!(text(&store, "nove zamky"), ["card-1"]);
    let totals = store.search_summary(&filter("kaufland")).unwrap();
    assert_eq!(totals.count, 1);
    assert_eq!(
        totals.currencies[0].outgoing,
        Decimal::from_str("-3.25").unwrap()
    );
}

#[test]
fn the_index_follows_refreshes_released_holds_and_resets() {
    let mut store = sample();
    let newer = record("new", date!(2026 - 03 - 12), "-9.99", "Lidl Bratislava");
    store
        .prepend_newer(CURRENT, &[newer], Some(date!(2026 - 03 - 09)), 1)
        .unwrap();
    assert_index_in_step(&store);
    assert_eq!(text(&store, "lidl"), ["new"]);
    // The hold dated after 9 March was not listed again: released, and gone from the index.
    assert!(text(&store, "durko").is_empty());
    store.reset_history(CURRENT).unwrap();
    assert_index_in_step(&store);
    assert!(text(&store, "lidl").is_empty());
    assert!(text(&store, "zaloha").is_empty());
    assert_eq!(text(&store, "coop"), ["transfer"]);
}

#[test]
fn disconnecting_keeps_or_removes_what_is_found_and_leaves_no_words_behind() {
    let mut store = sample();
    for (bank, iban) in [("demo", CURRENT), ("tatra", SAVINGS)] {
        store
            .save_connection(&crate::SavedConnection {
                bank_id: bank.to_owned(),
                consent_expires_at: 0,
            })
            .unwrap();
        let account = SelectedAccount {
            iban: iban.to_owned(),
            name: None,
            currency: "EUR".to_owned(),
            product: None,
        };
        store.select_accounts(bank, &[account]).unwrap();
    }
    store.forget_connection("demo", true).unwrap();
    assert_index_in_step(&store);
    assert_eq!(text(&store, "coop"), ["coop", "transfer"]);
    store.forget_connection("demo", false).unwrap();
    assert_index_in_step(&store);
    assert_eq!(text(&store, "coop"), ["transfer"]);
    assert!(text(&store, "zaloha").is_empty());
    // The data of both banks removed: secure-delete leaves no term of theirs in the index.
    store.forget_connection("tatra", false).unwrap();
    assert_index_in_step(&store);
    assert_eq!(indexed_terms(&store), 0);
    // The store goes on: the index is still there and in step.
    store
        .append_older(CURRENT, &[record("x", DAY, "1", "Again")], None)
        .unwrap();
    assert_eq!(text(&store, "again"), ["x"]);
    assert_index_in_step(&store);
}

/// SQLite's plan for `select` from what `filter` matches, then `tail`.
fn plan(store: &Store, select: &str, filter: &SearchFilter, words: Words, tail: &str) -> String {
    let plan = Plan {
        words,
        amounts: Amounts::Tested,
        found: None,
        every_account: false,
    };
    planned(store, select, filter, &plan, tail)
}

fn planned(store: &Store, select: &str, filter: &SearchFilter, plan: &Plan, tail: &str) -> String {
    let matching = Matching::planned(filter, plan);
    let sql = format!("EXPLAIN QUERY PLAN {select} {} {tail}", matching.sql);
    let mut statement = store.connection.prepare(&sql).unwrap();
    let steps: Vec<String> = statement
        .query_map(params_from_iter(matching.values), |row| row.get(3))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    steps.join("; ")
}

#[test]
fn a_search_without_words_or_with_many_walks_the_search_order_index() {
    let store = sample();
    let narrow = SearchFilter {
        ibans: vec![CURRENT.to_owned()],
        amount: Some(AmountRange::exactly(1)),
        direction: Direction::Outgoing,
        pending_only: true,
        ..filter("")
    };
    let many = SearchFilter {
        amount: Some(AmountRange::exactly(1)),
        ..filter("many words")
    };
    for (filter, words) in [
        (filter(""), Words::First),
        (narrow, Words::First),
        (many, Words::AsFilter),
    ] {
        let page = plan(
            &store,
            "SELECT entry.raw",
            &filter,
            words,
            "ORDER BY entry.date DESC, entry.iban, entry.ordinal DESC LIMIT 100",
        );
        assert!(page.contains("entry_in_search_order"), "{page}");
        assert!(!page.contains("TEMP B-TREE"), "{page}");
        let totals = plan(
            &store,
            "SELECT bankbook_totals(entry.currency, entry.amount_micros, entry.amount)",
            &filter,
            words,
            "",
        );
        assert!(
            totals.contains("COVERING INDEX entry_in_search_order"),
            "{totals}"
        );
    }
}

#[test]
fn a_page_back_up_walks_the_search_order_index_the_other_way() {
    let store = sample();
    let position = SearchPosition {
        date: DAY,
        iban: CURRENT.to_owned(),
        ordinal: -1,
    };
    for (filter, words) in [
        (filter(""), Words::First),
        (filter("many words"), Words::AsFilter),
    ] {
        let plan = store.plan_with(&filter, words, Amounts::Tested).unwrap();
        let mut matching = Matching::planned(&filter, &plan);
        matching.before(&position);
        let sql = format!(
            "EXPLAIN QUERY PLAN SELECT entry.raw {} ORDER BY {SEARCH_ORDER_REVERSED} LIMIT 100",
            matching.sql
        );
        let mut statement = store.connection.prepare(&sql).unwrap();
        let steps: Vec<String> = statement
            .query_map(params_from_iter(matching.values), |row| row.get(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let page = steps.join("; ");
        // Sought from the position, not walked from the oldest entry.
        assert!(page.contains("entry_in_search_order (date>?)"), "{page}");
        assert!(!page.contains("TEMP B-TREE"), "{page}");
    }
}

#[test]
fn words_found_first_or_as_a_filter_find_the_same() {
    let store = sample();
    let filters = [
        filter("coop"),
        filter("s"),
        SearchFilter {
            amount: Some(AmountRange {
                min: Some(12_500_000),
                max: None,
            }),
            ..filter("a")
        },
        SearchFilter {
            direction: Direction::Outgoing,
            date_to: Some(date!(2026 - 03 - 05)),
            ibans: vec![CURRENT.to_owned()],
            ..filter("platba")
        },
    ];
    for filter in filters {
        let first = store
            .search_with(
                &filter,
                None,
                100,
                &store
                    .plan_with(&filter, Words::First, Amounts::Tested)
                    .unwrap(),
            )
            .unwrap();
        let as_filter = store
            .search_with(
                &filter,
                None,
                100,
                &store
                    .plan_with(&filter, Words::AsFilter, Amounts::Tested)
                    .unwrap(),
            )
            .unwrap();
        assert_eq!(first, as_filter, "{filter:?}");
        let after = first.first().map(FoundEntry::position);
        assert_eq!(
            store
                .search_with(
                    &filter,
                    after.as_ref(),
                    2,
                    &store
                        .plan_with(&filter, Words::First, Amounts::Tested)
                        .unwrap()
                )
                .unwrap(),
            store
                .search_with(
                    &filter,
                    after.as_ref(),
                    2,
                    &store
                        .plan_with(&filter, Words::AsFilter, Amounts::Tested)
                        .unwrap()
                )
                .unwrap(),
        );
        assert_eq!(
            store
                .summary_with(
                    &filter,
                    &store
                        .plan_with(&filter, Words::First, Amounts::Tested)
                        .unwrap()
                )
                .unwrap(),
            store
                .summary_with(
                    &filter,
                    &store
                        .plan_with(&filter, Words::AsFilter, Amounts::Tested)
                        .unwrap()
                )
                .unwrap(),
        );
    }
}

#[test]
fn a_rare_amount_is_found_through_the_magnitude_index() {
    let store = sample();
    let exact = SearchFilter {
        amount: Some(AmountRange::exactly(12_500_000)),
        ..filter("")
    };
    assert_eq!(
        store.amounts_strategy(&exact, Words::First).unwrap(),
        Amounts::Indexed
    );
    assert_eq!(
        store.amounts_strategy(&filter(""), Words::First).unwrap(),
        Amounts::Tested
    );
    let page = planned(
        &store,
        "SELECT entry.raw",
        &exact,
        &store
            .plan_with(&exact, Words::First, Amounts::Indexed)
            .unwrap(),
        "ORDER BY entry.date DESC, entry.iban, entry.ordinal DESC LIMIT 100",
    );
    assert!(page.contains("MULTI-INDEX OR"), "{page}");
    assert!(page.contains("entry_by_magnitude"), "{page}");
}

#[test]
fn amounts_indexed_or_tested_find_the_same_and_add_up_the_same() {
    let mut store = sample();
    let mut dollars = record("usd", date!(2026 - 03 - 04), "-12.50", "Shop");
    dollars.currency = "USD".to_owned();
    // Without micros: found and summed from their text on either path.
    let entries = [
        dollars,
        record("tiny", date!(2026 - 03 - 04), "12.5000001", "Shop"),
        record(
            "huge",
            date!(2026 - 03 - 04),
            "-12345678901234567.5",
            "Shop",
        ),
    ];
    store.append_older(CURRENT, &entries, None).unwrap();
    let ranges = [
        AmountRange::exactly(12_500_000),
        AmountRange {
            min: Some(12_500_000),
            max: Some(12_500_001),
        },
        AmountRange {
            min: Some(10_000_000),
            max: None,
        },
        AmountRange {
            min: None,
            max: Some(5_000_000),
        },
    ];
    for amount in ranges {
        for words in ["", "shop"] {
            let filter = SearchFilter {
                amount: Some(amount),
                ..filter(words)
            };
            let plan = |amounts| store.plan_with(&filter, Words::AsFilter, amounts).unwrap();
            assert_eq!(
                store
                    .search_with(&filter, None, 100, &plan(Amounts::Tested))
                    .unwrap(),
                store
                    .search_with(&filter, None, 100, &plan(Amounts::Indexed))
                    .unwrap(),
                "{filter:?}"
            );
            assert_eq!(
                store.summary_with(&filter, &plan(Amounts::Tested)).unwrap(),
                store
                    .summary_with(&filter, &plan(Amounts::Indexed))
                    .unwrap(),
                "{filter:?}"
            );
        }
    }
}

#[test]
fn totals_in_one_pass_equal_the_entries_found_added_up() {
    let mut store = sample();
    let mut entries = Vec::new();
    for (at, amount) in ["-1.25", "3.10", "0", "-0.000001", "7", "-2.5"]
        .iter()
        .enumerate()
    {
        for currency in ["CZK", "EUR", "USD"] {
            let mut entry = record(&format!("{currency}{at}"), DAY, amount, "Mixed");
            entry.currency = currency.to_owned();
            entries.push(entry);
        }
    }
    store.append_older(CURRENT, &entries, None).unwrap();
    // No match at all: the aggregate sees no row and still answers.
    for filter in [
        filter(""),
        filter("mixed"),
        filter("shop"),
        filter("nowhere"),
    ] {
        let found = store.search(&filter, None, 10_000).unwrap();
        let mut expected: Vec<CurrencyTotals> = Vec::new();
        for entry in found.iter().map(|found| &found.entry.record) {
            let at = if let Some(at) = expected.iter().position(|t| t.currency == entry.currency) {
                at
            } else {
                expected.push(CurrencyTotals {
                    currency: entry.currency.clone(),
                    incoming: Decimal::ZERO,
                    outgoing: Decimal::ZERO,
                    incoming_count: 0,
                    outgoing_count: 0,
                });
                expected.len() - 1
            };
            let totals = &mut expected[at];
            if entry.amount > Decimal::ZERO {
                totals.incoming += entry.amount;
                totals.incoming_count += 1;
            } else if entry.amount < Decimal::ZERO {
                totals.outgoing += entry.amount;
                totals.outgoing_count += 1;
            }
        }
        expected.sort_by(|a, b| a.currency.cmp(&b.currency));
        let totals = store.search_summary(&filter).unwrap();
        assert_eq!(totals.count as usize, found.len(), "{filter:?}");
        assert_eq!(totals.currencies, expected, "{filter:?}");
    }
}

#[test]
fn leaving_out_the_account_test_or_sqlites_in_finds_the_same() {
    let store = sample();
    let one = SearchFilter {
        ibans: vec![CURRENT.to_owned()],
        ..filter("")
    };
    assert!(store.plan(&filter(""), 0).unwrap().every_account);
    assert!(!store.plan(&one, 0).unwrap().every_account);
    for filter in [filter(""), filter("s"), filter("platba"), one] {
        let plan = store
            .plan_with(&filter, Words::AsFilter, Amounts::Tested)
            .unwrap();
        let words = filter
            .fts_match
            .as_deref()
            .is_some_and(|text| !text.is_empty());
        assert_eq!(plan.found.is_some(), words);
        // SQLite's own IN and the account test on every entry: the plan before either.
        let before = Plan {
            found: None,
            every_account: false,
            ..plan.clone()
        };
        assert_eq!(
            store.search_with(&filter, None, 100, &plan).unwrap(),
            store.search_with(&filter, None, 100, &before).unwrap(),
            "{filter:?}"
        );
        assert_eq!(
            store.summary_with(&filter, &plan).unwrap(),
            store.summary_with(&filter, &before).unwrap(),
            "{filter:?}"
        );
    }
}

#[test]
fn totals_past_what_sixty_four_bits_of_micros_hold_are_exact() {
    let mut store = Store::open_in_memory().unwrap();
    // Each fits i64 micros (9.2e12 units at most); their sums do not.
    let entries = [
        record("a", DAY, "9000000000000", "Shop"),
        record("b", DAY, "9000000000000.5", "Shop"),
        record("c", DAY, "-9223372036854", "Shop"),
        record("d", DAY, "-9223372036854.775807", "Shop"),
    ];
    store.append_older(CURRENT, &entries, None).unwrap();

    let totals = store.search_summary(&filter("shop")).unwrap();

    let decimal = |text: &str| Decimal::from_str(text).unwrap();
    assert_eq!(totals.count, 4);
    assert_eq!(totals.currencies[0].incoming, decimal("18000000000000.5"));
    assert_eq!(
        totals.currencies[0].outgoing,
        decimal("-18446744073708.775807")
    );
}
