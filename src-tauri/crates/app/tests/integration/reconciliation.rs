//! Reconciliation against the Demo Bank: a few days of payments, each followed by a refresh;
//! an entry lost from the store is found on the day it was booked, and fetching that period
//! again brings it back.

// Test code: its helpers unwrap as the tests do.
#![cfg(test)]

use std::time::Duration;

use app::HistoryBreak;
use rust_decimal::Decimal;

use crate::common::{App, DEMO, DemoBankAdmin, Setup};

const A_DAY: Duration = Duration::from_hours(24);

#[tokio::test]
async fn a_lost_entry_is_found_on_its_day_and_fetching_that_period_again_brings_it_back() {
    let mut app = App::new(&Setup::new(60, 1));
    let iban = app.connect().await.remove(0);
    // The first refresh stores the whole (short) history and the first checkpoint.
    app.core.refresh_bank(DEMO.to_owned(), false).await.unwrap();
    let bank = DemoBankAdmin::of(&app);
    for (amount, counterparty) in [
        ("-12.34", "Kaufland"),
        ("-5.60", "Bistro Stur"),
        ("25.00", "Martin Kováč"),
    ] {
        bank.advance_clock(A_DAY).await;
        bank.add_entry(&iban, amount, counterparty).await;
        app.core.refresh_bank(DEMO.to_owned(), false).await.unwrap();
    }

    let whole = app.core.reconciliation(iban.clone()).await.unwrap();
    assert!(whole.checked && whole.complete, "{whole:?}");
    assert!(whole.breaks.is_empty(), "{whole:?}");
    let opening: Decimal = whole.opening.as_deref().unwrap().parse().unwrap();
    assert!(
        opening.is_zero(),
        "the history starts with the account: {opening}"
    );

    let entries = app.stored_entries(&iban);
    let dated = |name: &str| {
        entries
            .iter()
            .find(|entry| entry.record.counterparty_name.as_deref() == Some(name))
            .unwrap()
            .record
            .clone()
    };
    let (before, lost) = (dated("Kaufland"), dated("Bistro Stur"));
    app.stored()
        .forget_entry(&iban, &lost.entry_reference)
        .unwrap();

    let broken = app.core.reconciliation(iban.clone()).await.unwrap();
    let found = HistoryBreak {
        from: before.date.to_string(),
        to: lost.date.to_string(),
        missing: "-5.60".to_owned(),
    };
    assert_eq!(broken.breaks, std::slice::from_ref(&found));

    let mended = app
        .core
        .fetch_period_again(iban.clone(), found.from, found.to)
        .await
        .unwrap();
    assert!(mended.breaks.is_empty(), "{mended:?}");
    assert!(
        app.stored_entries(&iban)
            .iter()
            .any(|entry| entry.record.entry_reference == lost.entry_reference)
    );
}
