//! The history as the list pages through it, against the sandbox bank over loopback HTTP.

use bank::Presence;
use std::collections::HashSet;
use std::str::FromStr;

use futures_util::future::join_all;
use ledger::{Error, Scope};
use rust_decimal::Decimal;
use sandbox_bank::{Endpoint, Fault, FaultKind, NewTransaction};

use crate::common::{BANK, Harness, open_ledger, references_of};

#[tokio::test]
async fn scrolling_to_the_end_shows_every_entry_once_in_the_banks_order() {
    let harness = Harness::start(1_000).await;
    let iban = &harness.ibans[0];
    let bank_order = harness.bank_listing(iban).await;
    harness.admin().await.reset_counters();

    let shown = harness.scroll_to_the_end(iban, 100).await;

    assert_eq!(shown, bank_order);
    // Pages of 100 from the bank, each once: ceil(1,000 / 100), and one more because the
    // listing up to the first page's oldest day repeats that day's entries.
    assert_eq!(harness.transaction_requests().await, 11);
    // Smaller pages in the UI do not cost more bank pages.
    let again = harness.scroll_to_the_end(iban, 37).await;
    assert_eq!(again, bank_order);
    assert_eq!(harness.transaction_requests().await, 11);
}

#[tokio::test]
async fn concurrent_requests_for_the_same_page_share_one_fetch() {
    let harness = Harness::start(300).await;
    let iban = &harness.ibans[0];
    harness.admin().await.reset_counters();

    let requests = (0..8).map(|_| harness.ledger.page(&harness.session, BANK, iban, None, 100));
    let pages: Vec<_> = join_all(requests)
        .await
        .into_iter()
        .map(Result::unwrap)
        .collect();

    let first = references_of(&pages[0]);
    assert_eq!(first.len(), 100);
    assert!(pages.iter().all(|page| references_of(page) == first));
    assert_eq!(harness.transaction_requests().await, 1);
}

#[tokio::test]
async fn a_restart_serves_the_stored_history_without_the_bank() {
    let harness = Harness::start(250).await;
    let iban = &harness.ibans[0];
    let shown = harness.scroll_to_the_end(iban, 100).await;

    let restarted = open_ledger(harness.folder.path());
    let mut cursor: Option<String> = None;
    let mut again = Vec::new();
    loop {
        let page = restarted
            .stored_page(BANK, iban, cursor.as_deref(), 100)
            .unwrap()
            .expect("the store answers alone");
        again.extend(references_of(&page));
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    assert_eq!(again, shown);
}

#[tokio::test]
async fn a_refresh_brings_new_entries_to_the_top_once() {
    let harness = Harness::start(250).await;
    let iban = &harness.ibans[0];
    harness.scroll_to_the_end(iban, 100).await;
    let admin = harness.admin().await;
    let added = admin
        .add_transaction(
            NewTransaction::booked(iban.clone(), Decimal::from_str("-42.10").unwrap())
                .counterparty("Bratislava City Library", None),
        )
        .unwrap();

    assert_eq!(
        harness
            .ledger
            .refresh_history(
                &harness.session,
                iban,
                Scope::Everything,
                Presence::Attended
            )
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        harness
            .ledger
            .refresh_history(
                &harness.session,
                iban,
                Scope::Everything,
                Presence::Attended
            )
            .await
            .unwrap(),
        0
    );

    let shown = harness.scroll_to_the_end(iban, 100).await;
    assert_eq!(shown, harness.bank_listing(iban).await);
    assert!(shown.contains(&added));
    assert_eq!(shown.iter().collect::<HashSet<_>>().len(), shown.len());
}

#[tokio::test]
async fn a_pending_entry_that_books_shows_once_booked() {
    let harness = Harness::start(120).await;
    let iban = &harness.ibans[0];
    let admin = harness.admin().await;
    let hold = admin
        .add_transaction(NewTransaction::pending(
            iban.clone(),
            Decimal::from_str("-9.99").unwrap(),
        ))
        .unwrap();
    let first = harness.page(iban, None).await;
    assert!(
        first
            .entries
            .iter()
            .any(|entry| entry.record.entry_reference == hold && entry.record.pending)
    );

    admin.book_pending(&hold).unwrap();
    harness
        .ledger
        .refresh_history(
            &harness.session,
            iban,
            Scope::Everything,
            Presence::Attended,
        )
        .await
        .unwrap();

    let shown = harness.scroll_to_the_end(iban, 100).await;
    assert_eq!(
        shown.iter().filter(|reference| **reference == hold).count(),
        1
    );
    assert_eq!(shown, harness.bank_listing(iban).await);
    let page = harness
        .ledger
        .page(&harness.session, BANK, iban, None, 200)
        .await
        .unwrap();
    let booked = page
        .entries
        .iter()
        .find(|entry| entry.record.entry_reference == hold)
        .unwrap();
    assert!(!booked.record.pending);
    assert_eq!(booked.record.amount.to_string(), "-9.99");
}

#[tokio::test]
async fn older_pages_after_a_refresh_skip_what_moved_down() {
    let harness = Harness::start(300).await;
    let iban = &harness.ibans[0];
    // The first page is stored; then 30 entries arrive, shifting every bank page by 30.
    harness.page(iban, None).await;
    let admin = harness.admin().await;
    for cents in 1..=30 {
        admin
            .add_transaction(NewTransaction::booked(iban.clone(), Decimal::new(cents, 2)))
            .unwrap();
    }
    harness
        .ledger
        .refresh_history(
            &harness.session,
            iban,
            Scope::Everything,
            Presence::Attended,
        )
        .await
        .unwrap();

    let shown = harness.scroll_to_the_end(iban, 100).await;
    assert_eq!(shown, harness.bank_listing(iban).await);
}

#[tokio::test]
async fn bad_requests_are_refused_before_the_bank_is_asked() {
    let harness = Harness::start(20).await;
    let iban = &harness.ibans[0];
    harness.admin().await.reset_counters();
    let ledger = &harness.ledger;
    let session = &harness.session;

    for limit in [0, 201, u32::MAX] {
        assert!(matches!(
            ledger.page(session, BANK, iban, None, limit).await,
            Err(Error::InvalidLimit)
        ));
    }
    for cursor in ["x", "0.2026-02-30.1", &"1".repeat(10_000)] {
        assert!(matches!(
            ledger.page(session, BANK, iban, Some(cursor), 10).await,
            Err(Error::InvalidCursor)
        ));
    }
    for unknown in ["SK0000000000000000000000", "", "not an iban"] {
        assert!(matches!(
            ledger.page(session, BANK, unknown, None, 10).await,
            Err(Error::UnknownAccount)
        ));
    }
    assert!(matches!(
        ledger.page(session, "another-bank", iban, None, 10).await,
        Err(Error::UnknownAccount)
    ));
    assert_eq!(harness.transaction_requests().await, 0);
}

#[tokio::test]
async fn an_empty_history_is_complete_at_once() {
    let harness = Harness::start(0).await;
    let iban = &harness.ibans[0];
    let page = harness.page(iban, None).await;
    assert!(page.complete);
    assert_eq!(page.next_cursor, None);
    assert_eq!(
        harness.ledger.stored_page(BANK, iban, None, 100).unwrap(),
        Some(page)
    );
}

#[tokio::test]
async fn a_refresh_that_waited_for_the_first_page_shares_its_fetch() {
    let harness = Harness::start(300).await;
    let iban = &harness.ibans[0];
    harness.admin().await.reset_counters();

    let ledger = &harness.ledger;
    let (page, refreshed, again) = tokio::join!(
        ledger.page(&harness.session, BANK, iban, None, 100),
        ledger.refresh_history(
            &harness.session,
            iban,
            Scope::Everything,
            Presence::Attended
        ),
        ledger.refresh_history(
            &harness.session,
            iban,
            Scope::Everything,
            Presence::Attended
        ),
    );

    assert_eq!(page.unwrap().entries.len(), 100);
    assert!(refreshed.is_ok() && again.is_ok());
    assert_eq!(harness.transaction_requests().await, 1);
}

#[tokio::test]
async fn a_list_that_let_its_top_pages_go_gets_them_back_in_order() {
    let harness = Harness::start(250).await;
    let iban = &harness.ibans[0];
    let everything = harness.scroll_to_the_end(iban, 100).await;
    let ledger = &harness.ledger;
    let first = harness.page(iban, None).await;
    assert_eq!(first.previous_cursor, None);
    let second = harness.page(iban, first.next_cursor.as_deref()).await;
    let third = harness.page(iban, second.next_cursor.as_deref()).await;

    // Scrolled down to the third page, the list dropped the first two; going back up:
    let back = ledger
        .newer_page(BANK, iban, third.previous_cursor.as_deref().unwrap(), 100)
        .unwrap();
    assert_eq!(references_of(&back), references_of(&second));
    let top = ledger
        .newer_page(BANK, iban, back.previous_cursor.as_deref().unwrap(), 100)
        .unwrap();
    assert_eq!(references_of(&top), everything[..100]);
    assert_eq!(top.previous_cursor, None);
    // A short page at the top: fewer than asked for, and nothing above.
    let short = ledger
        .newer_page(BANK, iban, third.previous_cursor.as_deref().unwrap(), 150)
        .unwrap();
    assert_eq!(references_of(&short), everything[..200][50..]);
    assert!(short.previous_cursor.is_some());
    assert!(matches!(
        ledger.newer_page(BANK, iban, "", 100),
        Err(Error::InvalidCursor)
    ));
}

#[tokio::test]
async fn a_hold_released_at_the_top_skips_nothing_further_down() {
    let harness = Harness::start(400).await;
    let iban = &harness.ibans[0];
    let admin = harness.admin().await;
    let hold = admin
        .add_transaction(NewTransaction::pending(
            iban.clone(),
            Decimal::from_str("-5.00").unwrap(),
        ))
        .unwrap();
    // Two pages stored; then the hold goes, and the bank's whole listing moves up by one.
    let first = harness.page(iban, None).await;
    harness.page(iban, first.next_cursor.as_deref()).await;
    admin.release_pending(&hold).unwrap();

    let shown = harness.scroll_to_the_end(iban, 100).await;

    let at_the_bank = harness.bank_listing(iban).await;
    let missing: Vec<&String> = at_the_bank
        .iter()
        .filter(|entry| !shown.contains(entry))
        .collect();
    assert!(missing.is_empty(), "missing {missing:?}");
}

#[tokio::test]
async fn an_answer_arriving_after_the_data_was_removed_is_not_stored() {
    let harness = Harness::start(300).await;
    let iban = &harness.ibans[0];
    let admin = harness.admin().await;
    admin.inject_fault(
        Fault::new(FaultKind::Latency { millis: 400 })
            .on(Endpoint::Transactions)
            .times(1),
    );

    // The user disconnects and removes the data while the first page is on its way.
    let remove = async {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        harness
            .ledger
            .store()
            .forget_connection(BANK, false)
            .unwrap();
    };
    let (fetched, ()) = tokio::join!(
        harness.ledger.page(&harness.session, BANK, iban, None, 100),
        remove
    );

    assert!(matches!(fetched, Err(Error::UnknownAccount)), "{fetched:?}");
    assert_eq!(harness.ledger.store().entry_count(iban).unwrap(), 0);
    assert!(!harness.ledger.store().history_sync(iban).unwrap().started());
}
