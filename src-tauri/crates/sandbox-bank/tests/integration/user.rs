//! The consent-page stand-in goes through the real pages like a person would.

use sandbox_bank::user::{ConsentUser, Decision};
use url::Url;

use crate::common::{self, Harness, Pkce, query_value};

#[cfg(test)]
fn authorize_url(harness: &Harness) -> Url {
    let mut url = Url::parse(&harness.url(common::AUTHORIZE)).unwrap();
    url.query_pairs_mut()
        .extend_pairs(harness.authorize_query(Some(&Pkce::standard())));
    url
}

#[tokio::test]
async fn approving_two_accounts_redirects_with_a_code_for_those_two() {
    let harness = Harness::start().await;
    let ibans = harness.ibans();
    let user = ConsentUser::new("jana.novakova", "demo1234").unwrap();
    let decision = Decision::Approve(ibans[..2].to_vec());

    let callback = user
        .decide(&authorize_url(&harness), &decision)
        .await
        .unwrap();

    assert!(
        callback
            .as_str()
            .starts_with("app.bankbook:/oauth/callback/demo?")
    );
    assert_eq!(
        query_value(&callback, "state").as_deref(),
        Some("state-123")
    );
    let code = query_value(&callback, "code").unwrap();
    let tokens = harness.exchange(&code, Some(&Pkce::standard())).await;
    assert!(tokens.status().is_success());
    let grants = harness.bank.admin().grants();
    assert_eq!(grants.len(), 1);
    assert_eq!(grants[0].accounts, ibans[..2]);
}

#[tokio::test]
async fn denying_redirects_with_access_denied() {
    let harness = Harness::start().await;
    let user = ConsentUser::new("jana.novakova", "demo1234").unwrap();

    let callback = user
        .decide(&authorize_url(&harness), &Decision::Deny)
        .await
        .unwrap();

    assert_eq!(
        query_value(&callback, "error").as_deref(),
        Some("access_denied")
    );
    assert_eq!(query_value(&callback, "code"), None);
}

#[tokio::test]
async fn a_wrong_password_stops_at_the_sign_in_page() {
    let harness = Harness::start().await;
    let user = ConsentUser::new("jana.novakova", "wrong").unwrap();

    let outcome = user
        .decide(
            &authorize_url(&harness),
            &Decision::Approve(harness.ibans()),
        )
        .await;

    assert!(outcome.is_err());
    assert!(harness.bank.admin().grants().is_empty());
}
