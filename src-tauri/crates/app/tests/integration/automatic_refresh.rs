//! The refreshes the app makes on its own over a simulated day: the Demo Bank's clock and the
//! app's move together, a quarter of an hour at a time.

// Test code: its helpers unwrap as the tests do.
#![cfg(test)]

use std::sync::Arc;
use std::time::Duration;

use app::{Clock, UNATTENDED_READS_PER_DAY};
use sandbox_bank::Endpoint;
use sandbox_bank::Resource;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::common::{App, DEMO, DemoBankAdmin, Setup, TestClock};

const STEP: Duration = Duration::from_mins(15);
const STEPS_IN_A_DAY: u32 = 96;

#[tokio::test]
async fn a_day_reads_each_account_four_times_unattended_and_never_meets_the_limit() {
    let clock = Arc::new(TestClock::at_a_whole_second());
    let mut setup = Setup::new(150, 2);
    setup.clock = Some(Arc::clone(&clock) as Arc<dyn Clock>);
    let mut app = App::new(&setup);
    let ibans = app.connect().await;
    // As the window does after a consent: the person's first refresh.
    app.core.refresh_bank(DEMO.to_owned(), false).await.unwrap();
    let bank = DemoBankAdmin::of(&app);

    let mut left_as_shown = Vec::new();
    for _ in 0..STEPS_IN_A_DAY {
        clock.advance(STEP);
        bank.advance_clock(STEP).await;
        let outcome = app.core.refresh_on_its_own().await.unwrap();
        assert!(outcome.failures.is_empty(), "{outcome:?}");
        let status = app.core.connection_status().await.unwrap();
        let shown = &status.connections[0].automatic_refresh;
        assert_eq!(shown.per_day, UNATTENDED_READS_PER_DAY);
        if left_as_shown.last() != Some(&shown.left) {
            left_as_shown.push(shown.left);
        }
    }

    let counters = bank.counters().await;
    for iban in &ibans {
        for resource in [Resource::Balances, Resource::Transactions] {
            let reads = counters.reads(iban, resource);
            assert_eq!(
                (reads.unattended, reads.refused),
                (4, 0),
                "{resource:?}: {reads:?}"
            );
        }
    }
    assert_eq!(left_as_shown, [4, 3, 2, 1, 0]);
    // Used up: the next waits until the first of the day is a day old (with a margin for the
    // bank's clock).
    let status = app.core.connection_status().await.unwrap();
    let next = status.connections[0]
        .automatic_refresh
        .next_at
        .clone()
        .unwrap();
    let next = OffsetDateTime::parse(&next, &Rfc3339).unwrap();
    let first_of_the_day = clock.now() - time::Duration::hours(18);
    assert_eq!(
        next,
        first_of_the_day + time::Duration::days(1) + time::Duration::minutes(10)
    );

    // The person may still refresh, and the bank hears that they asked.
    app.core.refresh_bank(DEMO.to_owned(), false).await.unwrap();
    let after = bank.counters().await;
    for iban in &ibans {
        let (before, now) = (
            counters.reads(iban, Resource::Balances),
            after.reads(iban, Resource::Balances),
        );
        assert_eq!((now.attended, now.refused), (before.attended + 1, 0));
    }
    let psu = after.last_attended.expect("the person's headers");
    assert_eq!(psu.ip_address.as_deref(), Some("127.0.0.1"));
    assert!(psu.user_agent.unwrap().starts_with("Bankbook/"));
    assert!(psu.device_os.is_some());
}

#[tokio::test]
async fn the_budget_is_kept_across_a_restart() {
    let clock = Arc::new(TestClock::at_a_whole_second());
    let mut setup = Setup::new(50, 1);
    setup.clock = Some(Arc::clone(&clock) as Arc<dyn Clock>);
    let mut app = App::new(&setup);
    app.connect().await;
    // Just chosen, never fetched: the window's refresh for the person comes first.
    let before_the_window = app.core.refresh_on_its_own().await.unwrap();
    assert!(before_the_window.bank_ids.is_empty());
    app.core.refresh_bank(DEMO.to_owned(), false).await.unwrap();
    clock.advance(Duration::from_hours(6));
    let first = app.core.refresh_on_its_own().await.unwrap();
    assert_eq!(first.bank_ids, [DEMO]);
    let status = app.core.connection_status().await.unwrap();
    assert_eq!(status.connections[0].automatic_refresh.left, 3);

    let restarted = crate::common::core_on(&app.root, app.keychain().clone())
        .with_clock(Arc::clone(&clock) as Arc<dyn Clock>);
    let status = restarted.connection_status().await.unwrap();
    let shown = &status.connections[0].automatic_refresh;
    assert_eq!(shown.left, 3);
    let next = OffsetDateTime::parse(shown.next_at.as_deref().unwrap(), &Rfc3339).unwrap();
    assert_eq!(next, clock.now() + time::Duration::hours(6));
    let again = restarted.refresh_on_its_own().await.unwrap();
    assert!(again.bank_ids.is_empty(), "not its turn yet");
}

#[tokio::test]
async fn a_renewed_consent_that_drops_an_account_keeps_it_shown_and_no_longer_updates_it() {
    let mut app = App::new(&Setup::new(150, 2));
    let ibans = app.connect().await;
    app.core.refresh_bank(DEMO.to_owned(), false).await.unwrap();
    let kept = app.stored_entries(&ibans[1]).len();
    assert!(kept > 0);

    // Renewed, with only the first account consented: it is chosen; the second stays.
    app.approve_next(1);
    let renewed = app.connect().await;
    assert_eq!(renewed, ibans[..1]);
    let status = app.core.connection_status().await.unwrap();
    let shown: Vec<&str> = status.connections[0]
        .selected_accounts
        .iter()
        .map(|account| account.iban.as_str())
        .collect();
    assert_eq!(shown, ibans);
    let overview = app.core.accounts_overview().await.unwrap();
    let dropped = overview
        .iter()
        .find(|account| account.account.iban == ibans[1])
        .unwrap();
    assert!(dropped.no_longer_consented && !dropped.stale);
    assert!(!overview[0].no_longer_consented);

    // A refresh reads only what the consent covers, and succeeds; the dropped account's history
    // is what is stored, whole.
    app.core.refresh_bank(DEMO.to_owned(), false).await.unwrap();
    let page = app
        .core
        .transactions_page(ibans[1].clone(), None, 200, app::PageDirection::Older)
        .await
        .unwrap();
    assert_eq!(page.items.len(), kept);
    assert!(page.complete && page.next_cursor.is_none());
    let fetched = app
        .core
        .fetch_whole_history(Some(ibans[1].clone()))
        .await
        .unwrap();
    assert_eq!(fetched.added, 0);
    assert_eq!(app.stored_entries(&ibans[1]).len(), kept);
}

#[tokio::test]
async fn a_bank_that_fails_is_tried_again_a_minute_later_not_at_the_next_round() {
    let clock = Arc::new(TestClock::at_a_whole_second());
    let mut setup = Setup::new(50, 2);
    setup.clock = Some(Arc::clone(&clock) as Arc<dyn Clock>);
    let mut app = App::new(&setup);
    app.connect().await;
    app.core.refresh_bank(DEMO.to_owned(), false).await.unwrap();
    let bank = DemoBankAdmin::of(&app);
    clock.advance(Duration::from_hours(6));
    bank.inject_fault(serde_json::json!({
        "kind": "service_unavailable",
        "endpoint": "information",
        "lasts": { "requests": 100 },
    }))
    .await;

    // Each round that tries reads one account: its read is logged before the bank fails it.
    let mut tried_at = Vec::new();
    for second in (0..=240).step_by(30) {
        let before = bank.counters().await.requests(Endpoint::Information);
        let outcome = app.core.refresh_on_its_own().await.unwrap();
        let after = bank.counters().await.requests(Endpoint::Information);
        if after > before {
            assert_eq!(outcome.failures.len(), 1, "{outcome:?}");
            tried_at.push(second);
        } else {
            assert!(outcome.failures.is_empty(), "{outcome:?}");
        }
        clock.advance(Duration::from_secs(30));
    }
    // The first account fails at once; the second waits a minute; then none is due (each
    // waits six hours from its failed read).
    assert_eq!(tried_at, [0, 60]);
}
