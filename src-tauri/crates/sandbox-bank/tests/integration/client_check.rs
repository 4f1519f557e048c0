//! What the app's "Check" of a bank relies on (RFC 6749 5.2): a token request with a made-up
//! code tells a wrong client (401 `invalid_client`) from a right one (400 `invalid_grant`), and
//! the counters show the bank's token requests by grant type.

use reqwest::{Method, StatusCode};

use crate::common::{ClientAuth, Harness, error_code};

#[tokio::test]
async fn a_made_up_code_tells_a_wrong_client_from_a_right_one() {
    let harness = Harness::start().await;
    let redirect_uri = harness.bank.client().redirect_uri.clone();
    let form = [
        ("grant_type", "authorization_code"),
        ("code", "bankbook-check-not-a-code"),
        ("redirect_uri", redirect_uri.as_str()),
    ];

    for wrong in [
        ClientAuth::Basic("bankbook-demo", "not-the-secret"),
        ClientAuth::Basic("someone-else", "demo-client-secret"),
    ] {
        let answer = harness.token_request(&form, wrong).await;
        assert_eq!(answer.status(), StatusCode::UNAUTHORIZED, "{wrong:?}");
        assert!(
            answer.headers()["www-authenticate"]
                .to_str()
                .unwrap()
                .starts_with("Basic")
        );
        assert_eq!(error_code(answer).await, "invalid_client");
    }

    let right = harness.token_request(&form, ClientAuth::Registered).await;
    assert_eq!(right.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_code(right).await, "invalid_grant");
    assert!(harness.bank.admin().grants().is_empty(), "nothing granted");

    let (status, counters) = harness.admin_call(Method::GET, "/counters", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(counters["grantTypes"]["authorization_code"], 3);
    assert_eq!(counters["endpoints"]["token"], 3);
    assert!(counters["grantTypes"].get("refresh_token").is_none());
}
