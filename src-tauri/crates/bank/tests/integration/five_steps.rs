//! The five steps of the contract, end to end: consent, code exchange, accounts, balances,
//! history, and a refresh when the access token expires.

use bank::{BalanceKind, EntryStatus, Presence, TransactionsQuery};
use rust_decimal::Decimal;
use sandbox_bank::GrantFilter;

use crate::common::{Connection, TRANSACTIONS, iban};

#[tokio::test]
async fn consent_accounts_balances_history_and_refresh() {
    let connection = Connection::start().await;
    let ibans = connection.ibans();

    // 1. Consent to two of the three accounts, and the code exchange.
    let session = connection.connect(&ibans[..2]).await;
    assert_eq!(connection.code_exchanges(), 1);

    // 2. Exactly the consented accounts are listed.
    let accounts = session.accounts().await.unwrap();
    let listed: Vec<&str> = accounts
        .iter()
        .map(|account| account.iban.as_str())
        .collect();
    assert_eq!(listed, ibans[..2]);

    // 3. Balances: booked and available, as decimals.
    let first = iban(&ibans[0]);
    let information = session
        .account_information(&first, Presence::Attended)
        .await
        .unwrap();
    let kinds: Vec<&BalanceKind> = information.balances.iter().map(|b| &b.kind).collect();
    assert!(kinds.contains(&&BalanceKind::Booked) && kinds.contains(&&BalanceKind::Available));

    // 4. The whole history, page by page: every entry once, newest first.
    let mut entries = Vec::new();
    let mut query = TransactionsQuery::newest(first.clone());
    query.page_size = 10;
    loop {
        let page = session
            .transactions_page(&query, Presence::Attended)
            .await
            .unwrap();
        entries.extend(page.items);
        match page.next_page {
            Some(next) => query.page = next,
            None => break,
        }
    }
    assert_eq!(entries.len(), TRANSACTIONS as usize);
    let mut references: Vec<&str> = entries.iter().map(|e| e.entry_reference.as_str()).collect();
    references.sort_unstable();
    references.dedup();
    assert_eq!(references.len(), entries.len(), "an entry came twice");
    let booked_dates: Vec<_> = entries
        .iter()
        .filter_map(|entry| entry.booking_date)
        .collect();
    assert!(
        booked_dates.is_sorted_by(|newer, older| newer >= older),
        "not newest first"
    );
    // The booked balance is the booked entries' sum plus the opening balance: check the sign
    // and the currency carry through rather than the sandbox's arithmetic.
    assert!(entries.iter().all(|entry| entry.amount.currency == "EUR"));
    assert!(
        entries
            .iter()
            .any(|entry| entry.amount.amount < Decimal::ZERO)
    );
    assert!(
        entries
            .iter()
            .any(|entry| entry.status == EntryStatus::Pending)
            || TRANSACTIONS < 20
    );

    // 5. The access token expires: the next call refreshes once, silently.
    connection
        .bank
        .admin()
        .expire_access_tokens(&GrantFilter::All)
        .unwrap();
    let again = session.accounts().await.unwrap();
    assert_eq!(again.len(), 2);
    assert_eq!(connection.refreshes(), 1);
}
