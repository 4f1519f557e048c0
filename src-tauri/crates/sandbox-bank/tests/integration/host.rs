//! DNS rebinding: the bank answers only requests whose `Host` is its own `127.0.0.1:<port>`.
//! A page on a name an attacker re-points at 127.0.0.1 reaches the port, but its requests say
//! the attacker's name; every route refuses them with 421 in its own words.

use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, HOST};
use serde_json::{Value, json};

use crate::common::{ACCOUNTS, AUTHORIZE, Harness, TOKEN, TRANSACTIONS, error_code};

/// The hosts a rebinding page (or anything but the bank's own base URL) would send.
fn foreign_hosts(harness: &Harness) -> Vec<String> {
    let port = harness.bank.address().port();
    vec![
        "evil.example".to_owned(),
        format!("evil.example:{port}"),
        format!("localhost:{port}"),
        "127.0.0.1".to_owned(),
        format!("127.0.0.1:{}", port.wrapping_add(1)),
    ]
}

#[tokio::test]
async fn a_request_naming_another_host_is_refused_on_every_route() {
    let harness = Harness::start().await;
    let tokens = harness.connect_all().await;
    let query = harness.authorize_query(None);
    for host in foreign_hosts(&harness) {
        let page = harness
            .http
            .get(harness.url(AUTHORIZE))
            .query(&query)
            .header(HOST, &host)
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), StatusCode::MISDIRECTED_REQUEST, "{host}");
        assert!(
            page.headers()[CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with("text/html")
        );

        let token = harness
            .http
            .post(harness.url(TOKEN))
            .header(HOST, &host)
            .form(&[
                ("grant_type", "refresh_token"),
                ("refresh_token", &tokens.refresh_token),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(token.status(), StatusCode::MISDIRECTED_REQUEST, "{host}");
        let body: Value = token.json().await.unwrap();
        assert_eq!(body["error"], "invalid_request", "{host}");

        let accounts = harness
            .http
            .get(harness.url(ACCOUNTS))
            .bearer_auth(&tokens.access_token)
            .header("Request-ID", "0b8a8d1c-6f0e-4a55-9a47-3c1f2b6f8d10")
            .header(HOST, &host)
            .send()
            .await
            .unwrap();
        assert_eq!(accounts.status(), StatusCode::MISDIRECTED_REQUEST, "{host}");
        assert_eq!(error_code(accounts).await, "MISDIRECTED_REQUEST", "{host}");

        let transactions = harness
            .http
            .post(harness.url(TRANSACTIONS))
            .bearer_auth(&tokens.access_token)
            .header(HOST, &host)
            .json(&json!({ "iban": harness.ibans()[0] }))
            .send()
            .await
            .unwrap();
        assert_eq!(
            transactions.status(),
            StatusCode::MISDIRECTED_REQUEST,
            "{host}"
        );

        for admin in ["/__admin/counters", "/__admin/clock", "/nowhere"] {
            let answer = harness
                .http
                .get(harness.url(admin))
                .header(HOST, &host)
                .send()
                .await
                .unwrap();
            assert_eq!(
                answer.status(),
                StatusCode::MISDIRECTED_REQUEST,
                "{host} {admin}"
            );
            let body: Value = answer.json().await.unwrap();
            assert!(body["error"].is_string(), "{host} {admin}");
        }
    }

    let counters = harness.bank.admin().counters();
    assert_eq!(
        counters.grant_type("refresh_token"),
        0,
        "no refused request reached the token logic"
    );
    assert_eq!(
        harness.get(ACCOUNTS, &tokens.access_token).await.status(),
        StatusCode::OK,
        "the tokens were not used up"
    );
}

#[tokio::test]
async fn the_banks_own_address_is_served_whether_named_by_default_or_explicitly() {
    let harness = Harness::start().await;
    let tokens = harness.connect_all().await;
    assert_eq!(
        harness.get(ACCOUNTS, &tokens.access_token).await.status(),
        StatusCode::OK
    );
    let own = harness.bank.address().to_string();
    let explicit = harness
        .http
        .get(harness.url("/__admin/clock"))
        .header(HOST, &own)
        .send()
        .await
        .unwrap();
    assert_eq!(explicit.status(), StatusCode::OK);
    assert_eq!(
        harness.bank.base_url(),
        format!("http://{own}"),
        "the base URL names the host the bank answers to"
    );
}
