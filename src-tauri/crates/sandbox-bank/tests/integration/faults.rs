//! Injected faults over HTTP: each kind, on each kind of endpoint, by count and by time window.

use std::time::{Duration, Instant};

use reqwest::StatusCode;
use sandbox_bank::{Endpoint, Fault, FaultKind};
use serde_json::{Value, json};

use crate::common::{self, ACCOUNTS, ClientAuth, Harness, TRANSACTIONS, error_code};

#[tokio::test]
async fn latency_delays_the_answer_and_then_serves_it() {
    let harness = Harness::start().await;
    let tokens = harness.connect_all().await;
    harness
        .bank
        .admin()
        .inject_fault(Fault::new(FaultKind::Latency { millis: 300 }).on(Endpoint::Accounts));
    let started = Instant::now();
    let response = harness.get(ACCOUNTS, &tokens.access_token).await;
    // A lower bound the server's sleep guarantees, not a performance expectation.
    assert!(started.elapsed() >= Duration::from_millis(300));
    assert_eq!(response.status(), StatusCode::OK);
    assert!(harness.bank.admin().faults().is_empty(), "used up");
}

#[tokio::test]
async fn server_errors_unavailability_and_rate_limits_answer_in_each_endpoints_words() {
    let harness = Harness::start().await;
    let tokens = harness.connect_all().await;
    let admin = harness.bank.admin();

    admin.inject_fault(Fault::new(FaultKind::ServerError).on(Endpoint::Token));
    let token = harness.refresh(&tokens.refresh_token).await;
    assert_eq!(token.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(error_code(token).await, "server_error");

    admin.inject_fault(Fault::new(FaultKind::ServiceUnavailable).on(Endpoint::Accounts));
    let accounts = harness.get(ACCOUNTS, &tokens.access_token).await;
    assert_eq!(accounts.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(error_code(accounts).await, "SERVICE_UNAVAILABLE");

    admin.inject_fault(
        Fault::new(FaultKind::RateLimited {
            retry_after_seconds: 30,
        })
        .on(Endpoint::Transactions),
    );
    let history = harness
        .post(
            TRANSACTIONS,
            &tokens.access_token,
            &json!({ "iban": harness.ibans()[0] }),
        )
        .await;
    assert_eq!(history.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(history.headers()["retry-after"], "30");
    assert_eq!(error_code(history).await, "TOO_MANY_REQUESTS");

    admin.inject_fault(Fault::new(FaultKind::ServerError).on(Endpoint::Authorize));
    let page = harness.authorize(&harness.authorize_query(None)).await;
    assert_eq!(page.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert!(
        page.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );

    assert_eq!(
        harness.get(ACCOUNTS, &tokens.access_token).await.status(),
        StatusCode::OK,
        "each fault hit once"
    );
}

#[tokio::test]
async fn a_counted_fault_hits_exactly_that_many_requests_of_its_endpoint() {
    let harness = Harness::start().await;
    let tokens = harness.connect_all().await;
    harness.bank.admin().inject_fault(
        Fault::new(FaultKind::ServiceUnavailable)
            .on(Endpoint::Accounts)
            .times(2),
    );
    let iban = harness.ibans()[0].clone();
    assert_eq!(
        harness
            .post(TRANSACTIONS, &tokens.access_token, &json!({ "iban": iban }))
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        harness.get(ACCOUNTS, &tokens.access_token).await.status(),
        StatusCode::SERVICE_UNAVAILABLE
    );
    assert_eq!(
        harness.get(ACCOUNTS, &tokens.access_token).await.status(),
        StatusCode::SERVICE_UNAVAILABLE
    );
    assert_eq!(
        harness.get(ACCOUNTS, &tokens.access_token).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn malformed_json_keeps_the_status_but_breaks_the_body() {
    let harness = Harness::start().await;
    let tokens = harness.connect_all().await;
    harness
        .bank
        .admin()
        .inject_fault(Fault::new(FaultKind::MalformedJson).on(Endpoint::Accounts));
    let response = harness.get(ACCOUNTS, &tokens.access_token).await;
    assert_eq!(response.status(), StatusCode::OK);
    let text = response.text().await.unwrap();
    assert!(text.starts_with('{'));
    assert!(serde_json::from_str::<Value>(&text).is_err());
}

#[tokio::test]
async fn a_truncated_body_breaks_off_mid_answer() {
    let harness = Harness::start().await;
    let tokens = harness.connect_all().await;
    harness
        .bank
        .admin()
        .inject_fault(Fault::new(FaultKind::TruncatedBody).on(Endpoint::Transactions));
    let response = harness
        .post(
            TRANSACTIONS,
            &tokens.access_token,
            &json!({ "iban": harness.ibans()[0] }),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.content_length().is_some_and(|length| length > 100));
    assert!(
        response.bytes().await.is_err(),
        "the connection closes before the promised length"
    );
    let again = harness
        .post(
            TRANSACTIONS,
            &tokens.access_token,
            &json!({ "iban": harness.ibans()[0] }),
        )
        .await;
    assert!(again.bytes().await.is_ok(), "the bank serves again");
}

#[tokio::test]
async fn a_wrong_content_type_answers_html() {
    let harness = Harness::start().await;
    let tokens = harness.connect_all().await;
    harness
        .bank
        .admin()
        .inject_fault(Fault::new(FaultKind::WrongContentType).on(Endpoint::Token));
    let response = harness.refresh(&tokens.refresh_token).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(response.json::<Value>().await.is_err());
}

#[tokio::test]
async fn the_technical_break_closes_every_endpoint_for_its_window_but_not_the_admin() {
    let harness = Harness::start().await;
    let tokens = harness.connect_all().await;
    let admin = harness.bank.admin();
    admin.inject_fault(Fault::new(FaultKind::TechnicalBreak).for_duration(Duration::from_hours(1)));

    let data = harness.get(ACCOUNTS, &tokens.access_token).await;
    assert_eq!(data.status(), StatusCode::SERVICE_UNAVAILABLE);
    let retry_after: u64 = data.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((3500..=3600).contains(&retry_after));
    assert_eq!(error_code(data).await, "SERVICE_UNAVAILABLE");
    let token = harness.refresh(&tokens.refresh_token).await;
    assert_eq!(
        (token.status(), error_code(token).await.as_str()),
        (StatusCode::SERVICE_UNAVAILABLE, "temporarily_unavailable")
    );
    assert_eq!(
        harness
            .authorize(&harness.authorize_query(None))
            .await
            .status(),
        StatusCode::SERVICE_UNAVAILABLE
    );
    let counters = harness
        .http
        .get(harness.url("/__admin/counters"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        counters.status(),
        StatusCode::OK,
        "the admin interface is never faulted"
    );

    admin.advance_clock(Duration::from_hours(1)).unwrap();
    let refreshed = harness.refresh(&tokens.refresh_token).await;
    assert_eq!(refreshed.status(), StatusCode::OK, "the window has closed");
    let refreshed: common::Tokens = refreshed.json().await.unwrap();
    assert_eq!(
        harness
            .get(ACCOUNTS, &refreshed.access_token)
            .await
            .status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn faulted_requests_are_counted_and_counters_reset() {
    let harness = Harness::start().await;
    let tokens = harness.connect_all().await;
    let admin = harness.bank.admin();
    admin.inject_fault(Fault::new(FaultKind::ServerError).on(Endpoint::Token));
    harness.refresh(&tokens.refresh_token).await;
    harness
        .token_request(
            &[("grant_type", "client_credentials")],
            ClientAuth::Registered,
        )
        .await;
    let counters = admin.counters();
    assert_eq!(
        counters.requests(Endpoint::Token),
        3,
        "exchange, faulted refresh, unsupported grant"
    );
    assert_eq!(
        counters.grant_type("refresh_token"),
        0,
        "the faulted refresh never reached the token logic"
    );
    assert_eq!(counters.grant_type("unsupported"), 1);
    admin.reset_counters();
    assert_eq!(admin.counters(), sandbox_bank::Counters::default());
}
