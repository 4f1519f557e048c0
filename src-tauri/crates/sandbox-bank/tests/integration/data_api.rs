//! The account-information API over HTTP: shapes, paging, filters, balances, refusals.

use reqwest::StatusCode;
use rust_decimal::Decimal;
use sandbox_bank::{Config, EntryStatus, GrantFilter, NewTransaction};
use serde_json::{Value, json};

use crate::common::{self, ACCOUNTS, Harness, INFORMATION, TRANSACTIONS, error_code};

#[tokio::test]
async fn the_accounts_list_shows_the_consented_accounts_in_the_contract_shape() {
    let harness = Harness::start().await;
    let ibans = harness.ibans();
    let tokens = harness.connect(&[ibans[0].clone(), ibans[2].clone()]).await;
    let response = harness.get(ACCOUNTS, &tokens.access_token).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers().contains_key("request-id"));
    let body: Value = response.json().await.unwrap();
    assert_eq!(
        (
            body["pageNumber"].clone(),
            body["pageCount"].clone(),
            body["nextPage"].clone()
        ),
        (json!(1), json!(1), Value::Null)
    );
    let listed: Vec<&str> = body["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|account| account["identification"]["iban"].as_str().unwrap())
        .collect();
    assert_eq!(listed, [ibans[0].as_str(), ibans[2].as_str()]);
    let first = &body["accounts"][0];
    assert_eq!(
        (
            first["currency"].as_str(),
            first["servicer"]["countryCode"].as_str()
        ),
        (Some("EUR"), Some("SK"))
    );
    assert!(
        first["name"].is_string()
            && first["product"].is_string()
            && first["servicer"]["bic"].is_string()
    );

    let reversed: Value = harness
        .get(
            &format!("{ACCOUNTS}?order=desc&page=1&pageSize=10"),
            &tokens.access_token,
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        reversed["accounts"][0]["identification"]["iban"].as_str(),
        Some(ibans[2].as_str())
    );
    for bad in [
        "pageSize=9",
        "pageSize=101",
        "order=sideways",
        "page=0",
        "page=2",
    ] {
        let response = harness
            .get(&format!("{ACCOUNTS}?{bad}"), &tokens.access_token)
            .await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{bad}");
        assert_eq!(error_code(response).await, "PARAMETER_INVALID");
    }
}

#[tokio::test]
async fn data_calls_need_a_live_bearer_token() {
    let harness = Harness::start().await;
    let tokens = harness.connect_all().await;
    let without = harness
        .http
        .get(harness.url(ACCOUNTS))
        .header("Request-ID", uuid::Uuid::new_v4().to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(without.status(), StatusCode::UNAUTHORIZED);
    assert!(
        without.headers()["www-authenticate"]
            .to_str()
            .unwrap()
            .starts_with("Bearer")
    );
    assert_eq!(error_code(without).await, "UNAUTHORIZED");
    assert_eq!(
        error_code(harness.get(ACCOUNTS, "made-up").await).await,
        "UNAUTHORIZED"
    );

    harness
        .bank
        .admin()
        .expire_access_tokens(&GrantFilter::All)
        .unwrap();
    let expired = harness.get(ACCOUNTS, &tokens.access_token).await;
    assert_eq!(expired.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(expired).await, "TOKEN_EXPIRED");
    let refreshed: common::Tokens = harness
        .refresh(&tokens.refresh_token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        harness
            .get(ACCOUNTS, &refreshed.access_token)
            .await
            .status(),
        StatusCode::OK
    );

    harness
        .bank
        .admin()
        .revoke_consents(&GrantFilter::User("jana.novakova".into()))
        .unwrap();
    let revoked = harness.get(ACCOUNTS, &refreshed.access_token).await;
    assert_eq!(revoked.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(revoked).await, "TOKEN_REVOKED");
    assert_eq!(
        error_code(harness.refresh(&refreshed.refresh_token).await).await,
        "invalid_grant"
    );
}

#[tokio::test]
async fn an_access_token_lives_twenty_minutes_by_the_bank_clock() {
    let harness = Harness::start().await;
    let tokens = harness.connect_all().await;
    harness
        .bank
        .admin()
        .advance_clock(std::time::Duration::from_secs(20 * 60 - 1))
        .unwrap();
    assert_eq!(
        harness.get(ACCOUNTS, &tokens.access_token).await.status(),
        StatusCode::OK
    );
    harness
        .bank
        .admin()
        .advance_clock(std::time::Duration::from_secs(1))
        .unwrap();
    assert_eq!(
        error_code(harness.get(ACCOUNTS, &tokens.access_token).await).await,
        "TOKEN_EXPIRED"
    );
}

#[tokio::test]
async fn data_calls_need_a_uuid_request_id() {
    let harness = Harness::start().await;
    let tokens = harness.connect_all().await;
    let missing = harness
        .http
        .get(harness.url(ACCOUNTS))
        .bearer_auth(&tokens.access_token)
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_code(missing).await, "REQUEST_ID_MISSING");
    let invalid = harness
        .http
        .get(harness.url(ACCOUNTS))
        .bearer_auth(&tokens.access_token)
        .header("Request-ID", "12345")
        .send()
        .await
        .unwrap();
    assert_eq!(invalid.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_code(invalid).await, "REQUEST_ID_INVALID");
}

#[tokio::test]
async fn accounts_outside_the_consent_are_not_found() {
    let harness = Harness::start().await;
    let ibans = harness.ibans();
    let tokens = harness.connect(&ibans[..1]).await;
    let peters = harness.bank.users()[1].accounts[0].iban.clone();
    for iban in [
        ibans[1].as_str(),
        peters.as_str(),
        "SK3112000000198742637541",
    ] {
        for path in [INFORMATION, TRANSACTIONS] {
            let response = harness
                .post(path, &tokens.access_token, &json!({ "iban": iban }))
                .await;
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path} {iban}");
            assert_eq!(error_code(response).await, "ACCOUNT_NOT_FOUND");
        }
    }
}

#[tokio::test]
async fn malformed_bodies_and_parameters_are_refused() {
    let harness = Harness::start().await;
    let tokens = harness.connect_all().await;
    let iban = harness.ibans()[0].clone();
    let cases = [
        json!({ "iban": iban, "pageSize": 9 }),
        json!({ "iban": iban, "pageSize": 101 }),
        json!({ "iban": iban, "page": 0 }),
        json!({ "iban": iban, "page": 99 }),
        json!({ "iban": iban, "status": "PDNG!" }),
        json!({ "iban": iban, "dateFrom": "2026-13-01" }),
        json!({ "iban": iban, "dateFrom": "2026-05-02", "dateTo": "2026-05-01" }),
        json!({ "iban": iban, "page": "one" }),
        json!({ "status": "ALL" }),
    ];
    for body in cases {
        let response = harness
            .post(TRANSACTIONS, &tokens.access_token, &body)
            .await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(error_code(response).await, "PARAMETER_INVALID", "{body}");
    }
    let not_json = harness
        .http
        .post(harness.url(TRANSACTIONS))
        .bearer_auth(&tokens.access_token)
        .header("Request-ID", uuid::Uuid::new_v4().to_string())
        .header("Content-Type", "text/plain")
        .body("iban")
        .send()
        .await
        .unwrap();
    assert_eq!(not_json.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
}

#[tokio::test]
async fn every_page_is_full_but_the_last_and_pages_do_not_overlap() {
    let harness = Harness::start().await;
    let tokens = harness.connect_all().await;
    let iban = harness.ibans()[0].clone();
    let first = harness
        .page(
            &tokens.access_token,
            &json!({ "iban": iban, "pageSize": 10 }),
        )
        .await;
    assert_eq!(
        (
            first.page_number,
            first.page_count,
            first.page_size,
            first.next_page
        ),
        (1, 6, 10, Some(2))
    );
    let last = harness
        .page(
            &tokens.access_token,
            &json!({ "iban": iban, "pageSize": 10, "page": 6 }),
        )
        .await;
    assert_eq!((last.transactions.len(), last.next_page), (7, None));

    let entries = harness
        .all_pages(
            &tokens.access_token,
            &json!({ "iban": iban, "pageSize": 10 }),
        )
        .await;
    assert_eq!(entries.len(), 57);
    let mut references: Vec<&str> = entries
        .iter()
        .map(|entry| entry.entry_reference.as_str())
        .collect();
    references.sort_unstable();
    references.dedup();
    assert_eq!(references.len(), 57, "entry references are unique");
    assert!(
        entries
            .windows(2)
            .all(|pair| pair[0].date() >= pair[1].date()),
        "newest first"
    );
    assert!(
        entries
            .iter()
            .all(|entry| entry.amount.currency == "EUR" && entry.signed() != Decimal::ZERO)
    );
}

#[tokio::test]
async fn the_same_seed_serves_the_same_history() {
    let first = Harness::start().await;
    let second = Harness::start().await;
    let (one, two) = (first.connect_all().await, second.connect_all().await);
    let body = json!({ "iban": first.ibans()[1], "pageSize": 100 });
    let history = |page: common::TransactionsPage| {
        page.transactions
            .iter()
            .map(|entry| (entry.entry_reference.clone(), entry.signed()))
            .collect::<Vec<_>>()
    };
    assert_eq!(first.ibans(), second.ibans());
    assert_eq!(
        history(first.page(&one.access_token, &body).await),
        history(second.page(&two.access_token, &body).await)
    );
}

#[tokio::test]
async fn status_filters_split_booked_from_pending() {
    let harness = Harness::start().await;
    let tokens = harness.connect_all().await;
    let iban = harness.ibans()[0].clone();
    let all = harness
        .all_pages(
            &tokens.access_token,
            &json!({ "iban": iban, "status": "ALL", "pageSize": 100 }),
        )
        .await;
    let booked = harness
        .all_pages(
            &tokens.access_token,
            &json!({ "iban": iban, "status": "BOOK", "pageSize": 100 }),
        )
        .await;
    let pending = harness
        .all_pages(
            &tokens.access_token,
            &json!({ "iban": iban, "status": "INFO", "pageSize": 100 }),
        )
        .await;
    assert!(
        !pending.is_empty()
            && pending
                .iter()
                .all(|entry| entry.status == "INFO" && entry.booking_date.is_none())
    );
    assert!(
        booked
            .iter()
            .all(|entry| entry.status == "BOOK" && entry.booking_date.is_some())
    );
    assert_eq!(booked.len() + pending.len(), all.len());
    assert!(
        all.iter()
            .take(pending.len())
            .all(|entry| entry.status == "INFO"),
        "pending entries are the newest"
    );
}

#[tokio::test]
async fn date_filters_keep_the_inclusive_range() {
    let harness = Harness::with(
        Config::default()
            .transactions_per_account(300)
            .history_end(time::macros::date!(2026 - 05 - 14)),
    )
    .await;
    let tokens = harness.connect_all().await;
    let iban = harness.ibans()[0].clone();
    let all = harness
        .all_pages(
            &tokens.access_token,
            &json!({ "iban": iban, "pageSize": 100 }),
        )
        .await;
    let (from, to) = ("2026-04-01", "2026-04-30");
    let expected: Vec<&str> = all
        .iter()
        .filter(|entry| entry.date() >= from && entry.date() <= to)
        .map(|entry| entry.entry_reference.as_str())
        .collect();
    assert!(expected.len() > 50, "a month of history");
    let filtered = harness
        .all_pages(
            &tokens.access_token,
            &json!({ "iban": iban, "dateFrom": from, "dateTo": to, "pageSize": 10 }),
        )
        .await;
    let found: Vec<&str> = filtered
        .iter()
        .map(|entry| entry.entry_reference.as_str())
        .collect();
    assert_eq!(found, expected);
    let nothing = harness
        .page(
            &tokens.access_token,
            &json!({ "iban": iban, "dateFrom": "2030-01-01" }),
        )
        .await;
    assert_eq!(
        (
            nothing.transactions.len(),
            nothing.page_count,
            nothing.next_page
        ),
        (0, 1, None)
    );
}

#[tokio::test]
async fn balances_add_up_from_the_entries() {
    let harness = Harness::start().await;
    let tokens = harness.connect_all().await;
    for iban in harness.ibans() {
        let entries = harness
            .all_pages(
                &tokens.access_token,
                &json!({ "iban": iban, "pageSize": 100 }),
            )
            .await;
        let booked: Decimal = entries
            .iter()
            .filter(|entry| entry.status == "BOOK")
            .map(common::Transaction::signed)
            .sum();
        let held: Decimal = entries
            .iter()
            .filter(|entry| entry.status == "INFO" && entry.signed() < Decimal::ZERO)
            .map(|entry| -entry.signed())
            .sum();
        let balances = harness.balances(&tokens.access_token, &iban).await;
        assert_eq!(balances.booked, booked, "ITBD is the booked sum");
        assert_eq!(
            balances.available,
            booked + balances.credit_line.unwrap_or_default() - held,
            "ITAV"
        );
    }
    let credit_line = harness
        .balances(&tokens.access_token, &harness.ibans()[2])
        .await
        .credit_line;
    assert!(
        credit_line.is_some_and(|line| line > Decimal::ZERO),
        "the third account has a credit line"
    );
    assert_eq!(
        harness
            .balances(&tokens.access_token, &harness.ibans()[0])
            .await
            .credit_line,
        None
    );
}

#[tokio::test]
async fn added_entries_come_newest_and_a_pending_one_books_under_its_reference() {
    let harness = Harness::start().await;
    let tokens = harness.connect_all().await;
    let iban = harness.ibans()[0].clone();
    let admin = harness.bank.admin();
    let before = harness.balances(&tokens.access_token, &iban).await;

    let hold = NewTransaction::pending(&iban, Decimal::new(-4_250, 2))
        .counterparty("Kaviareň Prešporok", None)
        .description("Káva & koláč");
    let reference = admin.add_transaction(hold).unwrap();
    let salary = admin
        .add_transaction(NewTransaction::booked(&iban, Decimal::new(150_000, 2)))
        .unwrap();
    let newest = harness
        .page(&tokens.access_token, &json!({ "iban": iban }))
        .await;
    let references: Vec<&str> = newest
        .transactions
        .iter()
        .take(2)
        .map(|entry| entry.entry_reference.as_str())
        .collect();
    assert_eq!(references, [salary.as_str(), reference.as_str()]);
    assert_eq!(newest.transactions[1].status, "INFO");
    assert_eq!(
        newest.transactions[1].entry_details["transactionDetails"]["remittanceInformation"]["unstructured"],
        "Káva & koláč"
    );
    let pending = harness.balances(&tokens.access_token, &iban).await;
    assert_eq!(pending.booked, before.booked + Decimal::new(150_000, 2));
    assert_eq!(
        pending.available,
        before.available + Decimal::new(150_000, 2) - Decimal::new(4_250, 2)
    );

    admin.book_pending(&reference).unwrap();
    let after = harness
        .page(&tokens.access_token, &json!({ "iban": iban }))
        .await;
    let booked = &after.transactions[0];
    assert_eq!(
        (booked.entry_reference.as_str(), booked.status.as_str()),
        (reference.as_str(), "BOOK")
    );
    assert!(booked.booking_date.is_some());
    let settled = harness.balances(&tokens.access_token, &iban).await;
    assert_eq!(settled.booked, pending.booked - Decimal::new(4_250, 2));
    assert_eq!(settled.available, pending.available);
    assert!(admin.book_pending(&reference).is_err(), "booked once");
    assert!(
        admin
            .add_transaction(NewTransaction::booked("SK0000", Decimal::ONE))
            .is_err()
    );
    assert_eq!(
        NewTransaction::pending(&iban, Decimal::ONE).status,
        EntryStatus::Pending
    );
}
