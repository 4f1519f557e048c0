//! A consent that goes wrong: refused at the bank, a callback that is not ours, a code used
//! twice, a verifier that does not match.

use bank::{Error, Unmatched};
use sandbox_bank::user::Decision;
use vault::Sensitive;

use crate::common::{Connection, param};

#[tokio::test]
async fn a_refusal_at_the_bank_comes_back_as_access_denied_and_asks_for_no_token() {
    let connection = Connection::start().await;

    let callback = connection.consent(&Decision::Deny).await;

    assert_eq!(param(&callback, "error"), "access_denied");
    assert!(callback.query_pairs().all(|(key, _)| key != "code"));
    assert_eq!(connection.code_exchanges(), 0);
}

#[tokio::test]
async fn a_callback_with_a_state_we_did_not_send_matches_nothing() {
    let connection = Connection::start().await;
    let callback = connection
        .consent(&Decision::Approve(connection.ibans()))
        .await;

    let forged = connection.pending.take("demo", "a-state-we-never-sent");

    assert_eq!(forged.unwrap_err(), Unmatched::UnknownState);
    // The real state is still usable once, then no more.
    let state = param(&callback, "state");
    assert!(connection.pending.take("demo", &state).is_ok());
    assert_eq!(
        connection.pending.take("demo", &state).unwrap_err(),
        Unmatched::UnknownState
    );
    assert_eq!(connection.code_exchanges(), 0);
}

#[tokio::test]
async fn a_code_works_once() {
    let connection = Connection::start().await;
    let callback = connection
        .consent(&Decision::Approve(connection.ibans()))
        .await;
    let code = Sensitive(param(&callback, "code"));
    let verifier = connection
        .pending
        .take("demo", &param(&callback, "state"))
        .unwrap()
        .verifier;
    let verifier_again = oauth2::PkceCodeVerifier::new(verifier.secret().clone());

    connection
        .oauth
        .exchange_code(&code, verifier)
        .await
        .unwrap();
    let reused = connection.oauth.exchange_code(&code, verifier_again).await;

    assert!(
        matches!(&reused, Err(Error::TokenRefused { code }) if code == "invalid_grant"),
        "{reused:?}"
    );
    // RFC 6749 section 4.1.2: the reuse also revoked what the code had issued.
    assert!(
        connection
            .bank
            .admin()
            .grants()
            .iter()
            .all(|grant| grant.revoked)
    );
}

#[tokio::test]
async fn a_wrong_pkce_verifier_is_refused() {
    let connection = Connection::start().await;
    let callback = connection
        .consent(&Decision::Approve(connection.ibans()))
        .await;
    let code = Sensitive(param(&callback, "code"));
    let wrong = oauth2::PkceCodeVerifier::new("x".repeat(64));

    let outcome = connection.oauth.exchange_code(&code, wrong).await;

    assert!(
        matches!(&outcome, Err(Error::TokenRefused { code }) if code == "invalid_grant"),
        "{outcome:?}"
    );
}
