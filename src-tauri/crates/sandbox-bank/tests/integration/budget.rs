//! PSD2's four unattended reads a day per account and resource, as the bank enforces them.

// Test code: its helper expects as the tests do.
#![cfg(test)]

use reqwest::StatusCode;
use sandbox_bank::{Resource, UNATTENDED_READS_PER_DAY};
use serde_json::{Value, json};

use crate::common::{Harness, INFORMATION, TRANSACTIONS, Tokens};

const DAY: u64 = 24 * 3600;

/// A data call with the PSU headers, or without them.
async fn read(
    harness: &Harness,
    path: &str,
    token: &str,
    body: &Value,
    attended: bool,
) -> reqwest::Response {
    let mut request = harness
        .http
        .post(harness.url(path))
        .bearer_auth(token)
        .header("Request-ID", uuid::Uuid::new_v4().to_string())
        .header("Content-Type", "application/json; charset=utf-8")
        .body(body.to_string());
    if attended {
        request = request
            .header("PSU-IP-Address", "192.0.2.10")
            .header("PSU-Device-OS", "Linux")
            .header("PSU-User-Agent", "Bankbook/0.1.0");
    }
    request.send().await.expect("the bank answers")
}

#[tokio::test]
async fn a_fifth_unattended_read_of_a_day_waits_and_the_person_is_never_counted() {
    let harness = Harness::start().await;
    let tokens = harness.connect_all().await;
    let (token, iban) = (&tokens.access_token, harness.ibans()[0].clone());
    let balances = json!({ "iban": iban });

    for _ in 0..UNATTENDED_READS_PER_DAY {
        let served = read(&harness, INFORMATION, token, &balances, false).await;
        assert_eq!(served.status(), StatusCode::OK);
    }
    let refused = read(&harness, INFORMATION, token, &balances, false).await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry_after: u64 = refused.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((DAY - 60..=DAY).contains(&retry_after), "{retry_after}");
    let body: Value = refused.json().await.unwrap();
    assert_eq!(body["errorCode"], "ACCESS_EXCEEDED");

    // The person asking is served, and another resource has its own four.
    let attended = read(&harness, INFORMATION, token, &balances, true).await;
    assert_eq!(attended.status(), StatusCode::OK);
    let first_page = json!({ "iban": iban, "page": 1, "pageSize": 10 });
    let listing = read(&harness, TRANSACTIONS, token, &first_page, false).await;
    assert_eq!(listing.status(), StatusCode::OK);
    // Paging on through that listing is the same read, however many pages.
    for page in 2..=UNATTENDED_READS_PER_DAY + 2 {
        let next = json!({ "iban": iban, "page": page, "pageSize": 10 });
        let served = read(&harness, TRANSACTIONS, token, &next, false).await;
        assert_eq!(served.status(), StatusCode::OK, "page {page}");
    }

    let counters = harness.bank.admin().counters();
    let reads = counters.reads(&iban, Resource::Balances);
    assert_eq!((reads.unattended, reads.refused, reads.attended), (4, 1, 1));
    assert_eq!(counters.reads(&iban, Resource::Transactions).unattended, 1);
    let psu = counters.last_attended.expect("the person's headers");
    assert_eq!(psu.ip_address.as_deref(), Some("192.0.2.10"));
    assert_eq!(psu.user_agent.as_deref(), Some("Bankbook/0.1.0"));

    // A day after the first read its slot is free again.
    harness
        .bank
        .admin()
        .advance_clock(std::time::Duration::from_secs(retry_after))
        .unwrap();
    let tokens: Tokens = harness
        .refresh(&tokens.refresh_token)
        .await
        .json()
        .await
        .unwrap();
    let next_day = read(
        &harness,
        INFORMATION,
        &tokens.access_token,
        &balances,
        false,
    )
    .await;
    assert_eq!(next_day.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_token_answer_says_how_long_the_consent_still_lives() {
    let harness = Harness::start().await;
    let tokens = harness.connect_all().await;
    let ninety_days = 90 * DAY;
    assert!((ninety_days - 60..=ninety_days).contains(&tokens.refresh_token_expires_in));
    harness
        .bank
        .admin()
        .advance_clock(std::time::Duration::from_secs(84 * DAY))
        .unwrap();
    let refreshed: Tokens = harness
        .refresh(&tokens.refresh_token)
        .await
        .json()
        .await
        .unwrap();
    let six_days = 6 * DAY;
    assert!((six_days - 60..=six_days).contains(&refreshed.refresh_token_expires_in));
}
