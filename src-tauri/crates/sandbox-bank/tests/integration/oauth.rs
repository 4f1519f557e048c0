//! The authorization server over HTTP: the consent pages, the token endpoint, and every refusal.

use std::time::Duration;

use reqwest::StatusCode;
use sandbox_bank::{Config, Endpoint};

use crate::common::{
    self, ClientAuth, Harness, Pkce, Tokens, error_code, location, query_value, request_id,
};

#[tokio::test]
async fn the_five_steps_work_end_to_end() {
    let harness = Harness::start().await;
    let ibans = harness.ibans();
    let pkce = Pkce::standard();

    let redirect = harness.approve(&ibans[..2], Some(&pkce)).await;
    assert_eq!(
        format!("{}:{}", redirect.scheme(), redirect.path()),
        harness.bank.client().redirect_uri
    );
    assert_eq!(
        query_value(&redirect, "state").as_deref(),
        Some("state-123")
    );
    assert_eq!(
        query_value(&redirect, "iss").as_deref(),
        Some(harness.bank.base_url()),
        "RFC 9207: the bank names itself, exactly its base URL"
    );
    let code = query_value(&redirect, "code").unwrap();

    let response = harness.exchange(&code, Some(&pkce)).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let tokens: Tokens = response.json().await.unwrap();
    assert_eq!(
        (
            tokens.token_type.as_str(),
            tokens.scope.as_str(),
            tokens.expires_in
        ),
        ("Bearer", "AISP", 1200)
    );

    let accounts = harness.get(common::ACCOUNTS, &tokens.access_token).await;
    assert_eq!(accounts.status(), StatusCode::OK);
    let information = harness
        .post(
            common::INFORMATION,
            &tokens.access_token,
            &serde_json::json!({ "iban": ibans[0] }),
        )
        .await;
    assert_eq!(information.status(), StatusCode::OK);
    let history = harness
        .page(
            &tokens.access_token,
            &serde_json::json!({ "iban": ibans[0], "page": 1, "pageSize": 10 }),
        )
        .await;
    assert_eq!(history.transactions.len(), 10);

    let refreshed = harness.refresh(&tokens.refresh_token).await;
    assert_eq!(refreshed.status(), StatusCode::OK);
    let rotated: Tokens = refreshed.json().await.unwrap();
    assert_ne!(rotated.refresh_token, tokens.refresh_token);
    assert_eq!(
        harness
            .get(common::ACCOUNTS, &rotated.access_token)
            .await
            .status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn the_pages_escape_and_protect_themselves() {
    let harness = Harness::start().await;
    let page = harness.authorize(&harness.authorize_query(None)).await;
    assert_eq!(page.headers()["cache-control"], "no-store");
    assert!(
        page.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("default-src 'none'")
    );
    let html = page.text().await.unwrap();
    assert!(html.contains("name=\"username\"") && html.contains("name=\"password\""));
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "no external resources"
    );
    let consent = harness
        .sign_in(&request_id(&html), "jana.novakova", "demo1234")
        .await
        .text()
        .await
        .unwrap();
    assert!(consent.contains("Jana Nováková"));
    assert_eq!(consent.matches("name=\"account\"").count(), 3);
    assert!(consent.contains("value=\"approve\"") && consent.contains("value=\"deny\""));
}

#[tokio::test]
async fn an_unknown_client_or_redirect_uri_gets_an_error_page_never_a_redirect() {
    let harness = Harness::start().await;
    for (name, value) in [
        ("client_id", "intruder"),
        // Before per-bank redirect paths, the app's one redirect URI: now another bank's.
        ("redirect_uri", "app.bankbook:/oauth/callback"),
        ("redirect_uri", "app.bankbook:/oauth/callback/demo/"),
        ("redirect_uri", "app.bankbook:/oauth/callback/Demo"),
        ("redirect_uri", "app.bankbook:/oauth/callback/tatra"),
        ("redirect_uri", "app.bankbook:/oauth/callback/demo?x=1"),
        ("redirect_uri", "https://evil.example/cb"),
    ] {
        let mut query = harness.authorize_query(None);
        query.retain(|(key, _)| key != name);
        query.push((name.to_owned(), value.to_owned()));
        let response = harness.authorize(&query).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{name}={value}");
        assert!(response.headers().get("location").is_none());
        assert!(
            response.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html")
        );
    }
    let mut without_redirect = harness.authorize_query(None);
    without_redirect.retain(|(key, _)| key != "redirect_uri");
    assert_eq!(
        harness.authorize(&without_redirect).await.status(),
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn other_authorize_problems_go_back_to_the_client_with_the_state() {
    let harness = Harness::start().await;
    let plain = Pkce::standard();
    let cases = [
        ("response_type", "token", "unsupported_response_type"),
        ("scope", "PISP", "invalid_scope"),
        ("code_challenge_method", "plain", "invalid_request"),
    ];
    for (name, value, expected) in cases {
        let mut query = harness.authorize_query(Some(&plain));
        query.retain(|(key, _)| key != name);
        query.push((name.to_owned(), value.to_owned()));
        let response = harness.authorize(&query).await;
        assert_eq!(response.status(), StatusCode::FOUND, "{name}={value}");
        let redirect = location(&response);
        assert_eq!(query_value(&redirect, "error").as_deref(), Some(expected));
        assert_eq!(
            query_value(&redirect, "state").as_deref(),
            Some("state-123")
        );
        assert_eq!(
            query_value(&redirect, "iss").as_deref(),
            Some(harness.bank.base_url())
        );
        assert!(query_value(&redirect, "code").is_none());
    }
    let mut twice = harness.authorize_query(None);
    twice.push(("state".to_owned(), "again".to_owned()));
    let redirect = location(&harness.authorize(&twice).await);
    assert_eq!(
        query_value(&redirect, "error").as_deref(),
        Some("invalid_request")
    );
    assert_eq!(
        query_value(&redirect, "iss").as_deref(),
        Some(harness.bank.base_url())
    );
}

#[tokio::test]
async fn a_wrong_password_shows_the_form_again_and_the_right_one_the_accounts() {
    let harness = Harness::start().await;
    let request = harness.open(None).await;
    let wrong = harness
        .sign_in(&request, "jana.novakova", "guess")
        .await
        .text()
        .await
        .unwrap();
    assert!(wrong.contains("wrong") && wrong.contains("name=\"password\""));
    let right = harness
        .sign_in(&request, "jana.novakova", "demo1234")
        .await
        .text()
        .await
        .unwrap();
    assert!(right.contains("name=\"account\""));
}

#[tokio::test]
async fn deny_redirects_with_access_denied_and_no_code() {
    let harness = Harness::start().await;
    let request = harness.open(None).await;
    harness.sign_in(&request, "peter.horvath", "demo5678").await;
    let response = harness.decide(&request, &[], "deny").await;
    assert_eq!(response.status(), StatusCode::FOUND);
    let redirect = location(&response);
    assert_eq!(
        query_value(&redirect, "error").as_deref(),
        Some("access_denied")
    );
    assert_eq!(
        query_value(&redirect, "state").as_deref(),
        Some("state-123")
    );
    assert_eq!(
        query_value(&redirect, "iss").as_deref(),
        Some(harness.bank.base_url())
    );
    assert!(query_value(&redirect, "code").is_none());
}

#[tokio::test]
async fn consent_needs_a_signed_in_live_request_and_own_ticked_accounts() {
    let harness = Harness::start().await;
    let ibans = harness.ibans();
    let unsigned = harness.open(None).await;
    assert_eq!(
        harness.decide(&unsigned, &ibans, "approve").await.status(),
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        harness.decide("forged", &ibans, "approve").await.status(),
        StatusCode::BAD_REQUEST
    );

    let request = harness.open(None).await;
    harness.sign_in(&request, "jana.novakova", "demo1234").await;
    let nothing_ticked = harness.decide(&request, &[], "approve").await;
    assert_eq!(nothing_ticked.status(), StatusCode::OK);
    assert!(
        nothing_ticked
            .text()
            .await
            .unwrap()
            .contains("Tick at least one account")
    );
    let peters = harness.bank.users()[1].accounts[0].iban.clone();
    assert_eq!(
        harness
            .decide(&request, &[peters], "approve")
            .await
            .status(),
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        harness.decide(&request, &ibans, "approve").await.status(),
        StatusCode::FOUND
    );
    assert_eq!(
        harness.decide(&request, &ibans, "approve").await.status(),
        StatusCode::BAD_REQUEST,
        "decided once"
    );
}

#[tokio::test]
async fn an_authorization_request_expires_after_ten_minutes() {
    let harness = Harness::start().await;
    let request = harness.open(None).await;
    harness
        .bank
        .admin()
        .advance_clock(Duration::from_secs(601))
        .unwrap();
    assert_eq!(
        harness
            .sign_in(&request, "jana.novakova", "demo1234")
            .await
            .status(),
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn the_token_endpoint_wants_the_registered_client_by_basic_auth() {
    let harness = Harness::start().await;
    let code = harness.code(&harness.ibans(), None).await;
    let redirect_uri = harness.bank.client().redirect_uri.clone();
    let form = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("redirect_uri", redirect_uri.as_str()),
    ];
    for auth in [
        ClientAuth::None,
        ClientAuth::Basic("bankbook-demo", "wrong"),
        ClientAuth::Basic("someone", "demo-client-secret"),
    ] {
        let response = harness.token_request(&form, auth).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{auth:?}");
        assert!(
            response.headers()["www-authenticate"]
                .to_str()
                .unwrap()
                .starts_with("Basic")
        );
        assert_eq!(error_code(response).await, "invalid_client");
    }
    assert_eq!(
        harness
            .token_request(&form, ClientAuth::Registered)
            .await
            .status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn the_redirect_uri_at_the_token_endpoint_must_match_exactly() {
    let harness = Harness::start().await;
    let code = harness.code(&harness.ibans(), None).await;
    for redirect in [
        "app.bankbook:/oauth/callback",
        "app.bankbook:/oauth/callback/demo/",
        "app.bankbook:/oauth/callback/tatra",
        "app.bankbook:/oauth/other",
    ] {
        let form = [
            ("grant_type", "authorization_code"),
            ("code", code.as_str()),
            ("redirect_uri", redirect),
        ];
        let response = harness.token_request(&form, ClientAuth::Registered).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        assert_eq!(error_code(response).await, "invalid_grant");
    }
    let without = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
    ];
    assert_eq!(
        error_code(
            harness
                .token_request(&without, ClientAuth::Registered)
                .await
        )
        .await,
        "invalid_grant"
    );
}

#[tokio::test]
async fn a_reused_code_is_refused_and_revokes_what_it_issued() {
    let harness = Harness::start().await;
    let code = harness.code(&harness.ibans(), None).await;
    let tokens: Tokens = harness.exchange(&code, None).await.json().await.unwrap();
    assert_eq!(
        harness
            .get(common::ACCOUNTS, &tokens.access_token)
            .await
            .status(),
        StatusCode::OK
    );

    let reuse = harness.exchange(&code, None).await;
    assert_eq!(reuse.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_code(reuse).await, "invalid_grant");
    let revoked = harness.get(common::ACCOUNTS, &tokens.access_token).await;
    assert_eq!(revoked.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(revoked).await, "TOKEN_REVOKED");
    assert_eq!(
        error_code(harness.refresh(&tokens.refresh_token).await).await,
        "invalid_grant"
    );
}

#[tokio::test]
async fn a_code_expires_after_ten_minutes() {
    let harness = Harness::start().await;
    let code = harness.code(&harness.ibans(), None).await;
    harness
        .bank
        .admin()
        .advance_clock(Duration::from_mins(10))
        .unwrap();
    let late = harness.exchange(&code, None).await;
    assert_eq!(late.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_code(late).await, "invalid_grant");
}

#[tokio::test]
async fn pkce_binds_the_code_to_its_verifier() {
    let harness = Harness::start().await;
    let pkce = Pkce::standard();
    let code = harness.code(&harness.ibans(), Some(&pkce)).await;
    let wrong = Pkce::new("another-verifier-of-forty-three-characters-or-more_01");
    assert_eq!(
        error_code(harness.exchange(&code, Some(&wrong)).await).await,
        "invalid_grant"
    );
    assert_eq!(
        error_code(harness.exchange(&code, None).await).await,
        "invalid_grant"
    );
    assert_eq!(
        harness.exchange(&code, Some(&pkce)).await.status(),
        StatusCode::OK
    );

    let without_challenge = harness.code(&harness.ibans(), None).await;
    assert_eq!(
        error_code(harness.exchange(&without_challenge, Some(&pkce)).await).await,
        "invalid_grant",
        "no downgrade"
    );
}

#[tokio::test]
async fn refresh_rotates_and_reusing_an_old_token_revokes_the_grant() {
    let harness = Harness::start().await;
    let first = harness.connect_all().await;
    let second: Tokens = harness
        .refresh(&first.refresh_token)
        .await
        .json()
        .await
        .unwrap();
    let third: Tokens = harness
        .refresh(&second.refresh_token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        harness
            .get(common::ACCOUNTS, &third.access_token)
            .await
            .status(),
        StatusCode::OK
    );

    let replay = harness.refresh(&first.refresh_token).await;
    assert_eq!(replay.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_code(replay).await, "invalid_grant");
    assert_eq!(
        harness
            .get(common::ACCOUNTS, &third.access_token)
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        error_code(harness.refresh(&third.refresh_token).await).await,
        "invalid_grant",
        "the whole grant is gone"
    );
    assert!(harness.bank.admin().grants()[0].revoked);
}

#[tokio::test]
async fn the_consent_ends_after_its_lifetime_and_access_tokens_with_it() {
    let lifetime = Duration::from_hours(1);
    let harness = Harness::with(
        Config::default()
            .transactions_per_account(20)
            .consent_lifetime(lifetime),
    )
    .await;
    let tokens = harness.connect_all().await;
    harness.bank.admin().advance_clock(lifetime).unwrap();
    assert_eq!(
        error_code(harness.get(common::ACCOUNTS, &tokens.access_token).await).await,
        "TOKEN_EXPIRED"
    );
    assert_eq!(
        error_code(harness.refresh(&tokens.refresh_token).await).await,
        "invalid_grant"
    );
}

#[tokio::test]
async fn malformed_token_requests_get_rfc_6749_errors() {
    let harness = Harness::start().await;
    let cases: [(&[(&str, &str)], &str); 4] = [
        (
            &[("grant_type", "password"), ("username", "x")],
            "unsupported_grant_type",
        ),
        (&[("code", "x")], "invalid_request"),
        (&[("grant_type", "authorization_code")], "invalid_request"),
        (
            &[
                ("grant_type", "refresh_token"),
                ("refresh_token", "a"),
                ("refresh_token", "b"),
            ],
            "invalid_request",
        ),
    ];
    for (form, expected) in cases {
        let response = harness.token_request(form, ClientAuth::Registered).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        assert_eq!(error_code(response).await, expected, "{form:?}");
    }
    assert_eq!(
        error_code(harness.refresh("never-issued").await).await,
        "invalid_grant"
    );
}

#[tokio::test]
async fn counters_tell_how_many_refreshes_happened() {
    let harness = Harness::start().await;
    let tokens = harness.connect_all().await;
    harness.refresh(&tokens.refresh_token).await;
    let counters = harness.bank.admin().counters();
    assert_eq!(counters.grant_type("authorization_code"), 1);
    assert_eq!(counters.grant_type("refresh_token"), 1);
    assert_eq!(counters.requests(Endpoint::Token), 2);
    assert_eq!(
        (
            counters.requests(Endpoint::Authorize),
            counters.requests(Endpoint::SignIn),
            counters.requests(Endpoint::Consent)
        ),
        (1, 1, 1)
    );
}
