//! Two sandbox banks side by side, as the end-to-end tests run them: different seeds serve
//! different accounts; each bank knows only its own client and counts only its own requests.

use std::collections::HashSet;

use reqwest::{Method, StatusCode};
use sandbox_bank::tls::TlsConfig;
use sandbox_bank::{ClientRegistration, Config, Counters};

use crate::common::{self, ClientAuth, Harness, Pkce, error_code};

fn small(seed: u64) -> Config {
    Config::default().seed(seed).transactions_per_account(12)
}

fn all_ibans(harness: &Harness) -> HashSet<String> {
    harness
        .bank
        .users()
        .into_iter()
        .flat_map(|user| user.accounts)
        .map(|account| account.iban)
        .collect()
}

fn client(name: &str) -> ClientRegistration {
    ClientRegistration {
        client_id: format!("bankbook-{name}"),
        client_secret: format!("{name}-secret"),
        redirect_uri: format!("app.bankbook:/oauth/callback/{name}"),
        name: "Bankbook".into(),
    }
}

/// The bank's counters, read over its HTTP admin interface.
#[cfg(test)]
async fn counters(harness: &Harness) -> Counters {
    let (status, counters) = harness.admin_call(Method::GET, "/counters", None).await;
    assert_eq!(status, StatusCode::OK);
    serde_json::from_value(counters).unwrap()
}

#[tokio::test]
async fn banks_with_different_seeds_serve_different_ibans() {
    let (first, second) = tokio::join!(Harness::with(small(1)), Harness::with(small(2)));
    let (first, second) = (all_ibans(&first), all_ibans(&second));
    assert_eq!((first.len(), second.len()), (6, 6), "every IBAN distinct");
    assert!(first.is_disjoint(&second), "{first:?} {second:?}");
    assert!(
        first
            .iter()
            .chain(&second)
            .all(|iban| sandbox_bank::iban::is_valid(iban))
    );
}

#[tokio::test]
async fn each_bank_knows_its_own_client_and_counts_its_own_token_requests() {
    let pki = tempfile::tempdir().unwrap();
    let https = || TlsConfig::in_dir(pki.path());
    let (alpha, beta) = tokio::join!(
        Harness::with(small(1).client(client("alpha")).tls(https())),
        Harness::with(small(2).client(client("beta")).tls(https())),
    );

    let pkce = Pkce::standard();
    let code = alpha.code(&alpha.ibans(), Some(&pkce)).await;
    // The mix-up: alpha's code taken to beta, by beta's own client.
    let at_beta = beta.exchange(&code, Some(&pkce)).await;
    assert_eq!(at_beta.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_code(at_beta).await, "invalid_grant");
    // Alpha's client at beta.
    let form = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("redirect_uri", "app.bankbook:/oauth/callback/alpha"),
    ];
    let stranger = beta
        .token_request(&form, ClientAuth::Basic("bankbook-alpha", "alpha-secret"))
        .await;
    assert_eq!(stranger.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(stranger).await, "invalid_client");

    let tokens: common::Tokens = alpha
        .exchange(&code, Some(&pkce))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        alpha.refresh(&tokens.refresh_token).await.status(),
        StatusCode::OK
    );

    let (alpha, beta) = (counters(&alpha).await, counters(&beta).await);
    assert_eq!(
        (
            alpha.grant_type("authorization_code"),
            alpha.grant_type("refresh_token")
        ),
        (1, 1)
    );
    assert_eq!(
        (
            beta.grant_type("authorization_code"),
            beta.grant_type("refresh_token")
        ),
        (2, 0)
    );
}
