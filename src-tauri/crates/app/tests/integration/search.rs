//! Search over what the app stored from the Demo Bank: accent-free words find accented
//! entries, the totals are the stored entries' own sums, paging visits each match once, bad
//! input is noted rather than refused, and the detail shows everything the bank sent.

#![cfg(test)]

use std::collections::BTreeMap;

use app::{Direction, ErrorCode, PageDirection, QueryNoteKind, SearchPage, SearchQuery};
use rust_decimal::Decimal;
use store::EntryRecord;

use crate::common::{Setup, with_whole_history};

/// Two accounts of 150 entries each: two bank pages per account.
fn setup() -> Setup {
    Setup::new(150, 2)
}

fn text(text: &str) -> SearchQuery {
    SearchQuery {
        text: text.to_owned(),
        ..SearchQuery::default()
    }
}

/// Slovak letters without their marks, as a person types in a hurry.
fn without_accents(text: &str) -> String {
    text.chars()
        .map(|char| match char {
            'á' | 'ä' => 'a',
            'č' => 'c',
            'ď' => 'd',
            'é' => 'e',
            'í' => 'i',
            'ĺ' | 'ľ' => 'l',
            'ň' => 'n',
            'ó' | 'ô' => 'o',
            'ŕ' => 'r',
            'š' => 's',
            'ť' => 't',
            'ú' => 'u',
            'ý' => 'y',
            'ž' => 'z',
            'Á' => 'A',
            'Č' => 'C',
            'Š' => 'S',
            'Ž' => 'Z',
            other => other,
        })
        .collect()
}

#[tokio::test]
async fn an_accent_free_word_finds_the_accented_entry() {
    let (app, ibans) = with_whole_history(&setup()).await;
    let entries = app.stored_entries(&ibans[0]);
    let (accented, word) = entries
        .iter()
        .find_map(|entry| {
            let word = entry
                .record
                .description
                .as_deref()?
                .split_whitespace()
                .find(|word| !word.is_ascii() && word.chars().count() > 3)?;
            Some((entry, word.to_owned()))
        })
        .expect("the Demo Bank's history has accented descriptions");
    let typed = without_accents(&word).to_lowercase();
    assert_ne!(typed, word);

    let mut found = Vec::new();
    let mut cursor = None;
    loop {
        let page = app
            .core
            .search_transactions(text(&typed), cursor, 200, PageDirection::Older)
            .await
            .unwrap();
        found.extend(page.items);
        cursor = page.next_cursor;
        if cursor.is_none() {
            break;
        }
    }
    assert!(
        found
            .iter()
            .any(|item| item.iban == ibans[0]
                && item.transaction.id == accented.record.entry_reference),
        "{typed:?} did not find {word:?}"
    );
}

#[tokio::test]
async fn the_totals_are_the_stored_entries_own_sums() {
    let (app, ibans) = with_whole_history(&setup()).await;
    let stored: Vec<EntryRecord> = ibans
        .iter()
        .flat_map(|iban| app.stored_entries(iban))
        .map(|entry| entry.record)
        .collect();

    let everything = app
        .core
        .search_summary(SearchQuery::default())
        .await
        .unwrap();
    assert_eq!(everything.count as usize, stored.len());
    assert_eq!(sums(&everything), hand_sums(stored.iter()));
    assert!(everything.coverage.complete);
    let oldest = stored.iter().map(|entry| entry.date).min().unwrap();
    assert_eq!(everything.coverage.stored_since, Some(oldest.to_string()));
    assert!(everything.notes.is_empty());

    let outgoing_over_ten = SearchQuery {
        amount: ">10".to_owned(),
        direction: Direction::Outgoing,
        iban: Some(ibans[1].clone()),
        ..SearchQuery::default()
    };
    let filtered = app.core.search_summary(outgoing_over_ten).await.unwrap();
    let by_hand: Vec<&EntryRecord> = stored
        .iter()
        .filter(|entry| {
            app.stored_entries(&ibans[1])
                .iter()
                .any(|own| own.record.entry_reference == entry.entry_reference)
                && entry.amount < Decimal::from(-10)
        })
        .collect();
    assert!(!by_hand.is_empty());
    assert_eq!(filtered.count as usize, by_hand.len());
    assert_eq!(sums(&filtered), hand_sums(by_hand.into_iter()));
}

/// Per currency: (incoming, outgoing, incoming count, outgoing count).
type Sums = BTreeMap<String, (Decimal, Decimal, u32, u32)>;

fn sums(summary: &app::SearchSummary) -> Sums {
    summary
        .totals
        .iter()
        .map(|totals| {
            (
                totals.currency.clone(),
                (
                    totals.incoming.parse().unwrap(),
                    totals.outgoing.parse().unwrap(),
                    totals.incoming_count,
                    totals.outgoing_count,
                ),
            )
        })
        .collect()
}

fn hand_sums<'a>(entries: impl Iterator<Item = &'a EntryRecord>) -> Sums {
    let mut sums = Sums::new();
    for entry in entries {
        let sum = sums.entry(entry.currency.clone()).or_default();
        if entry.amount > Decimal::ZERO {
            sum.0 += entry.amount;
            sum.2 += 1;
        } else if entry.amount < Decimal::ZERO {
            sum.1 += entry.amount;
            sum.3 += 1;
        }
    }
    sums
}

#[tokio::test]
async fn paging_through_the_matches_visits_each_once_and_back_up_the_same_pages() {
    let (app, _) = with_whole_history(&setup()).await;
    let query = SearchQuery {
        direction: Direction::Outgoing,
        ..SearchQuery::default()
    };
    let count = app.core.search_summary(query.clone()).await.unwrap().count;

    let mut pages: Vec<SearchPage> = Vec::new();
    let mut cursor = None;
    loop {
        let page = app
            .core
            .search_transactions(query.clone(), cursor, 7, PageDirection::Older)
            .await
            .unwrap();
        assert!(page.items.len() <= 7);
        let dates: Vec<String> = page
            .items
            .iter()
            .map(|item| item.transaction.date.clone())
            .collect();
        assert!(
            dates.windows(2).all(|pair| pair[0] >= pair[1]),
            "newest first"
        );
        cursor = page.next_cursor.clone();
        pages.push(page);
        if cursor.is_none() {
            break;
        }
    }
    let seen: Vec<(String, String)> = pages.iter().flat_map(ids_of).collect();
    assert_eq!(seen.len(), count as usize);
    let mut distinct = seen.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), seen.len(), "a match came twice");

    // Back up from the last page, as a list that let its top pages go: the same pages again.
    assert_eq!(pages[0].previous_cursor, None);
    let mut above = pages.last().unwrap().previous_cursor.clone();
    let mut back_up = vec![ids_of(pages.last().unwrap())];
    while let Some(cursor) = above {
        let page = app
            .core
            .search_transactions(query.clone(), Some(cursor), 7, PageDirection::Newer)
            .await
            .unwrap();
        back_up.push(ids_of(&page));
        above = page.previous_cursor;
    }
    back_up.reverse();
    let down: Vec<Vec<(String, String)>> = pages.iter().map(ids_of).collect();
    assert_eq!(back_up, down);
}

/// Each match of `page` as its account and id.
fn ids_of(page: &SearchPage) -> Vec<(String, String)> {
    page.items
        .iter()
        .map(|item| (item.iban.clone(), item.transaction.id.clone()))
        .collect()
}

#[tokio::test]
async fn bad_input_is_noted_and_searched_as_text() {
    let (app, ibans) = with_whole_history(&Setup::new(30, 1)).await;
    let odd = SearchQuery {
        text: format!("\"unbalanced NEAR( -plyn* {}", "x".repeat(10_000)),
        amount: "1,2,3".to_owned(),
        date_from: Some("2026-05-01".to_owned()),
        date_to: Some("2026-04-01".to_owned()),
        ..SearchQuery::default()
    };
    let summary = app.core.search_summary(odd.clone()).await.unwrap();
    let kinds: Vec<QueryNoteKind> = summary.notes.iter().map(|note| note.kind).collect();
    for kind in [
        QueryNoteKind::TooLong,
        QueryNoteKind::NotAnAmount,
        QueryNoteKind::BadDateRange,
    ] {
        assert!(kinds.contains(&kind), "{kind:?} not in {kinds:?}");
    }
    app.core
        .search_transactions(odd, None, 50, PageDirection::Older)
        .await
        .unwrap();

    for refused in [
        app.core
            .search_transactions(
                SearchQuery::default(),
                Some("not-a-cursor".to_owned()),
                50,
                PageDirection::Older,
            )
            .await
            .unwrap_err(),
        app.core
            .search_transactions(SearchQuery::default(), None, 0, PageDirection::Older)
            .await
            .unwrap_err(),
        // Back up from nowhere: a page above needs the cursor it is above.
        app.core
            .search_transactions(SearchQuery::default(), None, 50, PageDirection::Newer)
            .await
            .unwrap_err(),
        app.core
            .search_summary(SearchQuery {
                iban: Some("SK0000000000000000000000".to_owned()),
                ..SearchQuery::default()
            })
            .await
            .unwrap_err(),
    ] {
        assert_eq!(refused.code(), ErrorCode::InvalidInput, "{refused:?}");
    }
    assert!(!ibans.is_empty());
}

#[tokio::test]
async fn the_detail_has_what_the_bank_sent() {
    let (app, ibans) = with_whole_history(&Setup::new(30, 1)).await;
    let entry = app
        .stored_entries(&ibans[0])
        .into_iter()
        .find(|entry| entry.record.end_to_end_reference.is_some())
        .expect("an entry with an end-to-end reference")
        .record;

    let detail = app
        .core
        .transaction_detail(ibans[0].clone(), entry.entry_reference.clone())
        .await
        .unwrap();

    assert_eq!(detail.transaction.id, entry.entry_reference);
    assert_eq!(detail.end_to_end_reference, entry.end_to_end_reference);
    assert_eq!(detail.bank_transaction_code, entry.bank_transaction_code);
    assert!(detail.bank_transaction_code.is_some());
    let raw = detail.raw.unwrap();
    assert!(
        raw.starts_with("{\n  \"entryReference\": ") || raw.contains("\n  \"entryReference\": "),
        "{raw}"
    );
    assert!(
        raw.contains(&format!("\"{}\"", entry.entry_reference)),
        "{raw}"
    );
    let parsed: serde_json::Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(parsed["entryReference"], entry.entry_reference.as_str());

    for (iban, id) in [
        (ibans[0].clone(), "no-such-entry".to_owned()),
        ("SK0000000000000000000000".to_owned(), entry.entry_reference),
    ] {
        let refused = app.core.transaction_detail(iban, id).await.unwrap_err();
        assert_eq!(refused.code(), ErrorCode::InvalidInput, "{refused:?}");
    }
}
