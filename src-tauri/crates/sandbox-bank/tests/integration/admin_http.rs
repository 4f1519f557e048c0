//! The admin interface over HTTP under `/__admin`: the same powers as the in-process handle.

use reqwest::StatusCode;
use sandbox_bank::{Config, SandboxBank};
use serde_json::{Value, json};

use crate::common::{ACCOUNTS, Harness, error_code};

async fn admin(
    harness: &Harness,
    method: reqwest::Method,
    path: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    harness.admin_call(method, path, body).await
}

#[tokio::test]
async fn grants_are_listed_expired_and_revoked() {
    let harness = Harness::start().await;
    let tokens = harness.connect_all().await;
    let (status, grants) = admin(&harness, reqwest::Method::GET, "/grants", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        (
            grants[0]["username"].as_str(),
            grants[0]["revoked"].as_bool()
        ),
        (Some("jana.novakova"), Some(false))
    );
    assert_eq!(grants[0]["accounts"].as_array().unwrap().len(), 3);
    let id = grants[0]["id"].clone();

    let (_, expired) = admin(
        &harness,
        reqwest::Method::POST,
        "/tokens/expire",
        Some(json!({ "grantId": id })),
    )
    .await;
    assert_eq!(expired["expired"], 1);
    assert_eq!(
        error_code(harness.get(ACCOUNTS, &tokens.access_token).await).await,
        "TOKEN_EXPIRED"
    );

    let (status, _) = admin(
        &harness,
        reqwest::Method::POST,
        "/consents/revoke",
        Some(json!({ "username": "nobody" })),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (_, revoked) = admin(
        &harness,
        reqwest::Method::POST,
        "/consents/revoke",
        Some(json!({ "username": "jana.novakova" })),
    )
    .await;
    assert_eq!(revoked["revoked"], 1);
    assert_eq!(
        error_code(harness.refresh(&tokens.refresh_token).await).await,
        "invalid_grant"
    );
}

#[tokio::test]
async fn transactions_are_added_and_booked() {
    let harness = Harness::start().await;
    let tokens = harness.connect_all().await;
    let iban = harness.ibans()[1].clone();
    let body = json!({ "iban": iban, "amount": "-19.99", "status": "INFO", "counterpartyName": "Alza.sk", "description": "Kábel" });
    let (status, added) = admin(&harness, reqwest::Method::POST, "/transactions", Some(body)).await;
    assert_eq!(status, StatusCode::CREATED);
    let reference = added["entryReference"].as_str().unwrap().to_owned();
    let newest = harness
        .page(&tokens.access_token, &json!({ "iban": iban }))
        .await;
    assert_eq!(
        (
            newest.transactions[0].entry_reference.as_str(),
            newest.transactions[0].status.as_str()
        ),
        (reference.as_str(), "INFO")
    );
    assert_eq!(newest.transactions[0].amount.value.get(), "19.99");

    let (status, _) = admin(
        &harness,
        reqwest::Method::POST,
        &format!("/transactions/{reference}/book"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let booked = harness
        .page(
            &tokens.access_token,
            &json!({ "iban": iban, "status": "BOOK" }),
        )
        .await;
    assert_eq!(
        (
            booked.transactions[0].entry_reference.as_str(),
            booked.transactions[0].status.as_str()
        ),
        (reference.as_str(), "BOOK")
    );

    let (status, _) = admin(
        &harness,
        reqwest::Method::POST,
        &format!("/transactions/{reference}/book"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = admin(
        &harness,
        reqwest::Method::POST,
        "/transactions",
        Some(json!({ "iban": "SK00", "amount": "1.00" })),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = admin(
        &harness,
        reqwest::Method::POST,
        "/transactions",
        Some(json!({ "iban": iban, "amount": 1.5 })),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "amounts are strings");
}

#[tokio::test]
async fn faults_are_injected_listed_and_cleared() {
    let harness = Harness::start().await;
    let tokens = harness.connect_all().await;
    let fault = json!({ "kind": "rate_limited", "retryAfterSeconds": 7, "endpoint": "accounts", "lasts": { "requests": 3 } });
    let (status, created) = admin(&harness, reqwest::Method::POST, "/faults", Some(fault)).await;
    assert_eq!(
        (status, created["id"].as_u64()),
        (StatusCode::CREATED, Some(1))
    );
    assert_eq!(
        harness.get(ACCOUNTS, &tokens.access_token).await.status(),
        StatusCode::TOO_MANY_REQUESTS
    );
    let (_, listed) = admin(&harness, reqwest::Method::GET, "/faults", None).await;
    assert_eq!(
        (
            listed[0]["kind"].as_str(),
            listed[0]["remainingRequests"].as_u64()
        ),
        (Some("rate_limited"), Some(2))
    );
    let (status, _) = admin(&harness, reqwest::Method::DELETE, "/faults", None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(
        harness.get(ACCOUNTS, &tokens.access_token).await.status(),
        StatusCode::OK
    );
    let (status, _) = admin(
        &harness,
        reqwest::Method::POST,
        "/faults",
        Some(json!({ "kind": "gremlins", "lasts": { "requests": 1 } })),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn counters_and_the_clock_are_read_and_moved() {
    let harness = Harness::start().await;
    let tokens = harness.connect_all().await;
    harness.refresh(&tokens.refresh_token).await;
    let (_, counters) = admin(&harness, reqwest::Method::GET, "/counters", None).await;
    assert_eq!(counters["endpoints"]["token"], 2);
    assert_eq!(counters["grantTypes"]["refresh_token"], 1);
    assert!(
        counters["endpoints"].get("grants").is_none(),
        "admin calls are not counted"
    );
    let (status, _) = admin(&harness, reqwest::Method::DELETE, "/counters", None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (_, counters) = admin(&harness, reqwest::Method::GET, "/counters", None).await;
    assert_eq!(
        counters,
        json!({ "endpoints": {}, "grantTypes": {}, "reads": {}, "lastAttended": null })
    );

    let (_, before) = admin(&harness, reqwest::Method::GET, "/clock", None).await;
    let (_, after) = admin(
        &harness,
        reqwest::Method::POST,
        "/clock/advance",
        Some(json!({ "seconds": 1200 })),
    )
    .await;
    assert!(after["now"].as_str() > before["now"].as_str());
    assert_eq!(
        error_code(harness.get(ACCOUNTS, &tokens.access_token).await).await,
        "TOKEN_EXPIRED"
    );
}

#[tokio::test]
async fn an_account_snapshot_gives_its_balances_and_newest_entries_in_listing_order() {
    let bank = SandboxBank::start(Config::default().transactions_per_account(150))
        .await
        .unwrap();
    let iban = bank.users()[0].accounts[0].iban.clone();
    let http = reqwest::Client::new();
    let url = format!("{}/__admin/accounts/{iban}?entries=120", bank.base_url());
    let snapshot: Value = http.get(&url).send().await.unwrap().json().await.unwrap();

    let direct = bank.admin().account_snapshot(&iban, 120).unwrap();
    assert_eq!(snapshot["booked"], direct.booked.to_string());
    assert_eq!(snapshot["available"], direct.available.to_string());
    let references = snapshot["entryReferences"].as_array().unwrap();
    assert_eq!(references.len(), 120);
    assert_eq!(references[0], direct.entry_references[0].as_str());
    let everything = bank.admin().account_snapshot(&iban, 1_000).unwrap();
    assert_eq!(everything.entry_references.len(), 150);
    assert_eq!(
        everything.entry_references[..120],
        direct.entry_references[..]
    );

    let unknown = format!(
        "{}/__admin/accounts/SK0000000000000000000000",
        bank.base_url()
    );
    assert_eq!(http.get(&unknown).send().await.unwrap().status(), 404);
}

#[tokio::test]
async fn a_shifted_balance_moves_with_no_entry_to_show_for_it() {
    let bank = SandboxBank::start(Config::default().transactions_per_account(30))
        .await
        .unwrap();
    let iban = bank.users()[0].accounts[0].iban.clone();
    let before = bank.admin().account_snapshot(&iban, 100).unwrap();
    let http = reqwest::Client::new();
    let shift = |iban: &str| format!("{}/__admin/accounts/{iban}/balance/shift", bank.base_url());
    let response = http
        .post(shift(&iban))
        .json(&json!({ "amount": "10.00" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);

    let after = bank.admin().account_snapshot(&iban, 100).unwrap();
    assert_eq!(after.booked - before.booked, "10.00".parse().unwrap());
    assert_eq!(after.available - before.available, "10.00".parse().unwrap());
    assert_eq!(after.entry_references, before.entry_references);
    let unknown = http
        .post(shift("SK0000000000000000000000"))
        .json(&json!({ "amount": "1" }))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_clock_runs_at_most_ten_years_ahead_and_a_larger_advance_is_refused() {
    let harness = Harness::start().await;
    let tokens = harness.connect_all().await;
    let (_, before) = admin(&harness, reqwest::Method::GET, "/clock", None).await;
    for seconds in [u64::MAX, 3_660 * 86_400 + 1] {
        let (status, refused) = admin(
            &harness,
            reqwest::Method::POST,
            "/clock/advance",
            Some(json!({ "seconds": seconds })),
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{seconds}");
        assert!(
            refused["error"]
                .as_str()
                .unwrap()
                .contains("at most 3660 days ahead"),
            "{refused}"
        );
    }
    let (_, after) = admin(&harness, reqwest::Method::GET, "/clock", None).await;
    assert_eq!(
        before["now"].as_str().unwrap()[..10],
        after["now"].as_str().unwrap()[..10],
        "a refused advance leaves the clock"
    );
    assert_eq!(
        harness.get(ACCOUNTS, &tokens.access_token).await.status(),
        StatusCode::OK,
        "the bank goes on serving"
    );

    let (status, moved) = admin(
        &harness,
        reqwest::Method::POST,
        "/clock/advance",
        Some(json!({ "seconds": 3_660 * 86_400 })),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "exactly the maximum is allowed");
    let year = |now: &Value| now["now"].as_str().unwrap()[..4].parse::<i32>().unwrap();
    assert!(
        (9..=11).contains(&(year(&moved) - year(&before))),
        "{moved}"
    );
    let (status, _) = admin(
        &harness,
        reqwest::Method::POST,
        "/clock/advance",
        Some(json!({ "seconds": 1 })),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "not a second further");
    assert!(
        harness
            .bank
            .admin()
            .advance_clock(std::time::Duration::MAX)
            .is_err(),
        "in-process too"
    );
    assert_eq!(
        error_code(harness.get(ACCOUNTS, &tokens.access_token).await).await,
        "TOKEN_EXPIRED",
        "ten years later, and still answering"
    );
}
