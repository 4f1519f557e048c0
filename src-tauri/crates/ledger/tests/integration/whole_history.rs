//! The whole history fetched page after page: to the bank's end, exactly what the bank lists,
//! stopped by the bank's limit with what was fetched kept, and taken up again afterwards.

#![cfg(test)]

use std::sync::atomic::AtomicBool;
use std::time::Duration;

use ledger::HistoryAccount;
use sandbox_bank::{Endpoint, Fault, FaultKind};

use crate::common::{BANK, Harness};

fn accounts(harness: &Harness) -> Vec<HistoryAccount<'_, vault::Vault>> {
    harness
        .ibans
        .iter()
        .map(|iban| HistoryAccount {
            bank_id: BANK,
            iban,
            session: &harness.session,
        })
        .collect()
}

#[tokio::test]
async fn every_account_is_fetched_to_the_end_as_the_bank_lists_it() {
    let harness = Harness::start(230).await;
    let mut reports = Vec::new();

    let fetched = harness
        .ledger
        .fetch_whole_history(
            &accounts(&harness),
            &AtomicBool::new(false),
            &mut |done, total| reports.push((done, total)),
        )
        .await
        .unwrap();

    assert!(fetched.complete && !fetched.cancelled);
    for iban in &harness.ibans {
        let stored = harness.scroll_to_the_end(iban, 200).await;
        assert_eq!(stored, harness.bank_listing(iban).await);
    }
    // Three accounts of three pages: each says its count with its first page.
    let (done, total) = *reports.last().unwrap();
    assert_eq!(total, Some(done));
    assert!(
        reports[..harness.ibans.len() - 1]
            .iter()
            .all(|(_, total)| total.is_none())
    );
    assert!(
        reports[harness.ibans.len() - 1..]
            .iter()
            .all(|(_, total)| total.is_some())
    );
}

#[tokio::test]
async fn the_banks_limit_stops_it_and_what_was_fetched_stays() {
    let harness = Harness::start(300).await;
    let iban = harness.ibans[0].clone();
    let admin = harness.admin().await;
    let only_first = [HistoryAccount {
        bank_id: BANK,
        iban: &iban,
        session: &harness.session,
    }];

    let stopped = harness
        .ledger
        .fetch_whole_history(&only_first, &AtomicBool::new(false), &mut |_, _| {
            // After the first page the bank asks to come back in two minutes.
            admin.inject_fault(
                Fault::new(FaultKind::RateLimited {
                    retry_after_seconds: 120,
                })
                .on(Endpoint::Transactions)
                .times(10),
            );
        })
        .await
        .unwrap_err();

    let ledger::Error::Bank(bank::Error::RateLimited { retry_after, .. }) = stopped else {
        panic!("{stopped:?}");
    };
    assert_eq!(retry_after, Some(Duration::from_mins(2)));
    assert_eq!(harness.ledger.store().entry_count(&iban).unwrap(), 100);

    admin.clear_faults();
    let rest = harness
        .ledger
        .fetch_whole_history(&only_first, &AtomicBool::new(false), &mut |_, _| {})
        .await
        .unwrap();
    assert!(rest.complete);
    assert_eq!(
        harness.scroll_to_the_end(&iban, 200).await,
        harness.bank_listing(&iban).await
    );
}

#[tokio::test]
async fn a_failing_account_leaves_the_others_to_be_fetched_and_is_told_after() {
    let harness = Harness::start(230).await;
    let admin = harness.admin().await;
    // The first page asked for, the first account's, is refused for two minutes.
    admin.inject_fault(
        Fault::new(FaultKind::RateLimited {
            retry_after_seconds: 120,
        })
        .on(Endpoint::Transactions)
        .times(1),
    );

    let failed = harness
        .ledger
        .fetch_whole_history(&accounts(&harness), &AtomicBool::new(false), &mut |_, _| {})
        .await
        .unwrap_err();

    assert!(
        matches!(failed, ledger::Error::Bank(bank::Error::RateLimited { .. })),
        "{failed:?}"
    );
    let store = harness.ledger.store();
    assert_eq!(store.entry_count(&harness.ibans[0]).unwrap(), 0);
    for iban in &harness.ibans[1..] {
        assert!(
            store.history_sync(iban).unwrap().complete,
            "fetched to its end"
        );
    }
}
