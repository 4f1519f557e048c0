//! Balances from the store at once, fresh from the bank on request.

use bank::Presence;
use ledger::Scope;

use crate::common::{BANK, Harness};

#[tokio::test]
async fn balances_are_stale_until_fetched_then_equal_the_banks() {
    let harness = Harness::start(40).await;
    let before = harness.ledger.overview(BANK).unwrap();
    assert_eq!(before.len(), 3);
    assert!(
        before
            .iter()
            .all(|account| account.stale && account.balances.balances.is_empty())
    );

    harness
        .ledger
        .refresh(
            &harness.session,
            BANK,
            Scope::Everything,
            Presence::Attended,
        )
        .await
        .unwrap();

    let after = harness.ledger.overview(BANK).unwrap();
    for account in &after {
        assert!(!account.stale);
        assert!(account.balances.fetched_at.is_some());
        let iban = bank::Iban::parse(&account.account.iban).unwrap();
        let at_the_bank = harness
            .session
            .account_information(&iban, Presence::Attended)
            .await
            .unwrap();
        let stored: Vec<(String, String)> = account
            .balances
            .balances
            .iter()
            .map(|balance| (balance.code.clone(), balance.amount.to_string()))
            .collect();
        let expected: Vec<(String, String)> = at_the_bank
            .balances
            .iter()
            .map(|balance| {
                (
                    balance.kind.code().to_owned(),
                    balance.amount.amount.to_string(),
                )
            })
            .collect();
        assert_eq!(stored, expected);
        assert!(!stored.is_empty());
    }
    let ibans: Vec<&str> = after
        .iter()
        .map(|account| account.account.iban.as_str())
        .collect();
    assert_eq!(ibans, harness.ibans);
}

#[tokio::test]
async fn a_refresh_fetches_balances_and_the_newest_history_of_every_account() {
    let harness = Harness::start(40).await;
    harness
        .ledger
        .refresh(
            &harness.session,
            BANK,
            Scope::Everything,
            Presence::Attended,
        )
        .await
        .unwrap();
    for iban in &harness.ibans {
        let page = harness
            .ledger
            .stored_page(BANK, iban, None, 100)
            .unwrap()
            .unwrap();
        assert_eq!(page.entries.len(), 40);
        assert!(page.complete);
    }
    assert!(
        harness
            .ledger
            .overview(BANK)
            .unwrap()
            .iter()
            .all(|account| !account.stale)
    );
}

#[tokio::test]
async fn a_refresh_of_what_is_stale_skips_what_was_just_fetched() {
    let harness = Harness::start(300).await;
    let iban = &harness.ibans[0];
    // The list's first page: the newest entries of this account are as fresh as can be.
    harness.page(iban, None).await;
    harness.admin().await.reset_counters();

    harness
        .ledger
        .refresh(&harness.session, BANK, Scope::Stale, Presence::Attended)
        .await
        .unwrap();

    let counters = harness.admin().await.counters();
    // Balances of all three, never fetched; the newest pages of the two not yet listed.
    assert_eq!(counters.requests(sandbox_bank::Endpoint::Information), 3);
    assert_eq!(counters.requests(sandbox_bank::Endpoint::Transactions), 2);
    harness.admin().await.reset_counters();
    harness
        .ledger
        .refresh(&harness.session, BANK, Scope::Stale, Presence::Attended)
        .await
        .unwrap();
    assert_eq!(
        harness
            .admin()
            .await
            .counters()
            .requests(sandbox_bank::Endpoint::Transactions),
        0
    );
    assert!(
        harness
            .ledger
            .overview(BANK)
            .unwrap()
            .iter()
            .all(|account| !account.stale)
    );
}

#[tokio::test]
async fn an_account_the_bank_refuses_does_not_stop_the_others() {
    let harness = Harness::start(40).await;
    // An account of another customer: the bank answers 404 for it.
    let bank = harness.connector.demo_bank().await.unwrap();
    let stranger = bank.users()[1].accounts[0].iban.clone();
    let mut shown = harness.ledger.store().selected_accounts(BANK).unwrap();
    shown.insert(
        0,
        store::SelectedAccount {
            iban: stranger,
            name: None,
            currency: "EUR".to_owned(),
            product: None,
        },
    );
    harness
        .ledger
        .store()
        .select_accounts(BANK, &shown)
        .unwrap();

    let refreshed = harness
        .ledger
        .refresh(
            &harness.session,
            BANK,
            Scope::Everything,
            Presence::Attended,
        )
        .await;

    assert!(
        matches!(
            &refreshed,
            Err(ledger::Error::Bank(bank::Error::Rejected { .. }))
        ),
        "{refreshed:?}"
    );
    let overview = harness.ledger.overview(BANK).unwrap();
    assert!(overview[0].stale);
    assert!(overview[1..].iter().all(|account| !account.stale));
}
