//! Connecting to the in-process Demo Bank as the app will: a consent in the "browser", the
//! callback, and a restart that keeps the connection.

#![cfg(test)]

use bank::{Callback, Unmatched};
use connection::{Connector, Error, Link};
use sandbox_bank::Config;
use sandbox_bank::user::{ConsentUser, Decision};
use url::Url;
use vault::Keychain;

fn param(url: &Url, name: &str) -> Option<String> {
    url.query_pairs()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.into_owned())
}

/// The bank's answer as the app parses it from the deep link.
fn answer(url: &Url) -> Callback {
    Callback::try_from(url).unwrap()
}

/// The same answer arriving on `path` instead of its own bank's.
fn on_path(url: &Url, path: &str) -> Callback {
    let mut moved = url.clone();
    moved.set_path(path);
    answer(&moved)
}

/// A connector whose config folder (beside `data`, no banks.toml) offers the Demo Bank only.
fn connector(data: &std::path::Path, keychain: &Keychain) -> Connector {
    Connector::new(&data.join("config"), data, keychain.clone()).with_demo_config(
        Config::default()
            .transactions_per_account(20)
            .state_file(data.join(connection::DEMO_BANK_STATE_FILE)),
    )
}

async fn consent(connector: &Connector, decision: &Decision) -> Url {
    let page = connector.start_consent("demo").await.unwrap();
    ConsentUser::new("jana.novakova", "demo1234")
        .unwrap()
        .decide(&page, decision)
        .await
        .unwrap()
}

async fn demo_ibans(connector: &Connector) -> Vec<String> {
    let bank = connector.demo_bank().await.unwrap();
    let user = bank.users().into_iter().next().unwrap();
    user.accounts
        .into_iter()
        .map(|account| account.iban)
        .collect()
}

/// The user consents to every account and the code is exchanged; the tokens are then in the
/// keychain. Returns when the consent ends.
async fn connect_every_account(connector: &Connector) -> time::OffsetDateTime {
    let ibans = demo_ibans(connector).await;
    let callback = consent(connector, &Decision::Approve(ibans)).await;
    connector
        .complete_consent(&answer(&callback))
        .await
        .unwrap()
        .session
        .consent_expires_at()
}

/// The bank was asked to exchange no code.
async fn assert_no_code_exchanged(connector: &Connector) {
    let bank = connector.demo_bank().await.unwrap();
    assert_eq!(bank.admin().counters().grant_type("authorization_code"), 0);
}

/// The answer with its query replaced by `pairs`.
fn with_query(url: &Url, pairs: &[(&str, &str)]) -> Url {
    let mut forged = url.clone();
    forged.query_pairs_mut().clear().extend_pairs(pairs);
    forged
}

fn keychain() -> Keychain {
    Keychain::with_store(keyring_core::mock::Store::new().unwrap())
}

#[tokio::test]
async fn a_consent_given_in_the_browser_connects_to_the_chosen_accounts() {
    let data = tempfile::tempdir().unwrap();
    let connector = connector(data.path(), &keychain());
    let ibans = demo_ibans(&connector).await;

    let callback = consent(&connector, &Decision::Approve(ibans[..2].to_vec())).await;
    assert_eq!(
        callback.path(),
        "/oauth/callback/demo",
        "the Demo Bank's own path"
    );
    let connected = connector
        .complete_consent(&answer(&callback))
        .await
        .unwrap();

    assert_eq!(connected.bank_id, "demo");
    let accounts = connected.session.accounts().await.unwrap();
    let listed: Vec<&str> = accounts
        .iter()
        .map(|account| account.iban.as_str())
        .collect();
    assert_eq!(listed, ibans[..2]);
}

#[tokio::test]
async fn a_forged_callback_makes_no_token_request() {
    let data = tempfile::tempdir().unwrap();
    let connector = connector(data.path(), &keychain());
    let ibans = demo_ibans(&connector).await;
    let callback = consent(&connector, &Decision::Approve(ibans)).await;
    let code = param(&callback, "code").unwrap();
    let forged = with_query(&callback, &[("code", &code), ("state", "not-our-state")]);

    let outcome = connector.complete_consent(&answer(&forged)).await;

    assert!(
        matches!(outcome, Err(Error::Unmatched(Unmatched::UnknownState))),
        "{outcome:?}"
    );
    assert_no_code_exchanged(&connector).await;
}

/// RFC 9700 section 4.4: bank A's answer arriving on bank B's path is not sent to B.
#[tokio::test]
async fn an_answer_on_another_banks_path_makes_no_token_request() {
    let data = tempfile::tempdir().unwrap();
    let connector = connector(data.path(), &keychain());
    let ibans = demo_ibans(&connector).await;
    let callback = consent(&connector, &Decision::Approve(ibans)).await;

    let outcome = connector
        .complete_consent(&on_path(&callback, "/oauth/callback/tatra-banka"))
        .await;

    assert!(
        matches!(outcome, Err(Error::Unmatched(Unmatched::UnknownState))),
        "{outcome:?}"
    );
    assert_no_code_exchanged(&connector).await;
    // The consent still waits for its own bank's answer.
    connector
        .complete_consent(&answer(&callback))
        .await
        .unwrap();
}

/// RFC 9207: an answer naming another issuer than the bank is refused before the exchange.
#[tokio::test]
async fn an_answer_naming_another_issuer_makes_no_token_request() {
    let data = tempfile::tempdir().unwrap();
    let connector = connector(data.path(), &keychain());
    let ibans = demo_ibans(&connector).await;
    let callback = consent(&connector, &Decision::Approve(ibans)).await;
    let (code, state) = (
        param(&callback, "code").unwrap(),
        param(&callback, "state").unwrap(),
    );
    let forged = with_query(
        &callback,
        &[
            ("code", code.as_str()),
            ("state", &state),
            ("iss", "https://evil.example"),
        ],
    );

    let outcome = connector.complete_consent(&answer(&forged)).await;

    assert!(
        matches!(outcome, Err(Error::Bank(bank::Error::CallbackRejected(_)))),
        "{outcome:?}"
    );
    assert_no_code_exchanged(&connector).await;
}

#[tokio::test]
async fn a_refusal_ends_only_the_consent_whose_state_it_carries() {
    let data = tempfile::tempdir().unwrap();
    let connector = connector(data.path(), &keychain());

    let callback = consent(&connector, &Decision::Deny).await;

    assert_eq!(param(&callback, "error").as_deref(), Some("access_denied"));
    assert!(matches!(
        connector.refuse_consent("demo", "someone-else's"),
        Err(Error::Unmatched(_))
    ));
    let state = param(&callback, "state").unwrap();
    assert!(matches!(
        connector.refuse_consent("tatra-banka", &state),
        Err(Error::Unmatched(_))
    ));
    connector.refuse_consent("demo", &state).unwrap();
    assert!(
        matches!(
            connector.refuse_consent("demo", &state),
            Err(Error::Unmatched(_))
        ),
        "a state is used once"
    );
}

#[tokio::test]
async fn a_restarted_app_resumes_the_connection_from_the_keychain() {
    let data = tempfile::tempdir().unwrap();
    let keychain = keychain();
    let first_run = connector(data.path(), &keychain);
    let consent_ends = connect_every_account(&first_run).await;
    drop(first_run);

    // A new process: a new Demo Bank on another port, the same data folder and keychain.
    // The saved link opens its session only when the bank is first needed.
    let second_run = connector(data.path(), &keychain);
    let link = Link::saved("demo".to_owned(), consent_ends);
    assert_eq!(link.consent_expires_at(), consent_ends);
    let session = link.session(&second_run).await.unwrap();

    assert_eq!(session.accounts().await.unwrap().len(), 3);
    let again = link.session(&second_run).await.unwrap();
    assert!(std::ptr::eq(session, again), "opened once");
}

#[tokio::test]
async fn an_unknown_bank_is_refused_before_anything_starts() {
    let data = tempfile::tempdir().unwrap();
    let connector = connector(data.path(), &keychain());

    let outcome = connector.start_consent("no-such-bank").await;

    assert!(matches!(outcome, Err(Error::UnknownBank(_))), "{outcome:?}");
}

#[tokio::test]
async fn disconnecting_a_saved_link_clears_the_keychain_without_the_bank() {
    let data = tempfile::tempdir().unwrap();
    let keychain = keychain();
    let first_run = connector(data.path(), &keychain);
    let consent_ends = connect_every_account(&first_run).await;

    // Another run, which has not started its Demo Bank: the tokens still go.
    let second_run = connector(data.path(), &keychain);
    Link::saved("demo".to_owned(), consent_ends)
        .forget(&second_run)
        .await
        .unwrap();

    let session = first_run.resume("demo", consent_ends).await.unwrap();
    assert!(matches!(
        session.accounts().await,
        Err(bank::Error::ConsentRequired(_))
    ));
}
