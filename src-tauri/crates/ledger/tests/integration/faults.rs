//! A bank that fails mid-history: the error says what happened, retries stay bounded, what was
//! stored before the fault stays, and paging goes on where it stopped once the bank is back.

#![cfg(test)]

use sandbox_bank::{Endpoint, Fault, FaultKind};

use crate::common::{BANK, Harness, references_of};

/// Stores the first page, lets `fault` hit the next `times` transaction requests, asks for the
/// second page, and returns the error and how many requests that took.
async fn second_page_under(fault: FaultKind, times: u32) -> (Harness, ledger::Error, u64) {
    let harness = Harness::start(300).await;
    let iban = harness.ibans[0].clone();
    let first = harness.page(&iban, None).await;
    let admin = harness.admin().await;
    admin.reset_counters();
    admin.inject_fault(Fault::new(fault).on(Endpoint::Transactions).times(times));

    let failed = harness
        .ledger
        .page(
            &harness.session,
            BANK,
            &iban,
            first.next_cursor.as_deref(),
            100,
        )
        .await
        .unwrap_err();

    let requests = harness.transaction_requests().await;
    (harness, failed, requests)
}

/// After the fault: the first page is still stored, and the whole history pages through.
async fn goes_on_afterwards(harness: &Harness) {
    let iban = &harness.ibans[0];
    assert_eq!(harness.ledger.store().entry_count(iban).unwrap(), 100);
    harness.admin().await.clear_faults();
    let shown = harness.scroll_to_the_end(iban, 100).await;
    assert_eq!(shown, harness.bank_listing(iban).await);
}

#[tokio::test]
async fn an_outage_is_retried_a_bounded_number_of_times_and_loses_nothing() {
    let (harness, error, requests) = second_page_under(FaultKind::ServerError, 10).await;
    assert!(
        matches!(
            error,
            ledger::Error::Bank(bank::Error::BankUnavailable { status: 500, .. })
        ),
        "{error:?}"
    );
    assert_eq!(requests, 3);
    goes_on_afterwards(&harness).await;
}

#[tokio::test]
async fn broken_answers_are_refused_without_retrying_and_lose_nothing() {
    for fault in [FaultKind::MalformedJson, FaultKind::WrongContentType] {
        let (harness, error, requests) = second_page_under(fault, 1).await;
        assert!(
            matches!(error, ledger::Error::Bank(bank::Error::Malformed { .. })),
            "{fault:?}: {error:?}"
        );
        assert_eq!(requests, 1, "{fault:?}");
        goes_on_afterwards(&harness).await;
    }
}

#[tokio::test]
async fn a_body_cut_off_in_transit_is_fetched_again() {
    let harness = Harness::start(300).await;
    let iban = &harness.ibans[0];
    let admin = harness.admin().await;
    admin.inject_fault(
        Fault::new(FaultKind::TruncatedBody)
            .on(Endpoint::Transactions)
            .times(1),
    );

    let first = harness.page(iban, None).await;

    // One request cut off, one retry that arrived whole.
    assert_eq!(admin.counters().requests(Endpoint::Transactions), 2);
    assert_eq!(
        references_of(&first),
        harness.bank_listing(iban).await[..100]
    );
}

#[tokio::test]
async fn the_nightly_break_is_handed_back_with_when_to_come_back() {
    let (harness, error, requests) = second_page_under(FaultKind::TechnicalBreak, 1).await;
    let ledger::Error::Bank(bank_error) = &error else {
        panic!("{error:?}")
    };
    assert!(bank_error.retry_after().is_some(), "{error:?}");
    // The break lasts longer than the client would wait: no retries into it.
    assert_eq!(requests, 1);
    goes_on_afterwards(&harness).await;
}

#[tokio::test]
async fn a_page_that_failed_is_asked_for_again_by_the_same_cursor() {
    let (harness, _, _) = second_page_under(FaultKind::ServiceUnavailable, 3).await;
    let iban = &harness.ibans[0];
    let first = harness
        .ledger
        .stored_page(BANK, iban, None, 100)
        .unwrap()
        .unwrap();
    harness.admin().await.clear_faults();
    let second = harness.page(iban, first.next_cursor.as_deref()).await;
    assert_eq!(references_of(&second).len(), 100);
    assert_eq!(
        references_of(&second),
        harness.bank_listing(iban).await[100..200]
    );
}
