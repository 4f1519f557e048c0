//! https over real loopback: a client trusting the test CA's file gets through, others do not;
//! banks given one folder share one CA; with a client CA, only clients presenting a
//! certificate from it get through (mutual TLS).

use std::path::Path;
use std::time::Duration;

use reqwest::StatusCode;
use sandbox_bank::tls::{CA_FILE, ClientIdentity, TestPki, TlsConfig};
use sandbox_bank::user::{ConsentUser, Decision};
use sandbox_bank::{Config, Error, SandboxBank};
use tokio::io::AsyncWriteExt as _;
use tokio::net::TcpStream;
use url::Url;

use crate::common::{self, Harness, Pkce, ca_certificate, query_value};

fn small() -> Config {
    Config::default().transactions_per_account(12)
}

/// A client trusting the CA in `pki` (and the system's roots), with `identity` if given.
#[cfg(test)]
fn client(pki: &Path, identity: Option<&ClientIdentity>) -> reqwest::Client {
    let mut builder =
        reqwest::Client::builder().add_root_certificate(ca_certificate(&pki.join(CA_FILE)));
    if let Some(identity) = identity {
        let identity = reqwest::Identity::from_pkcs8_pem(
            identity.certificate_pem.as_bytes(),
            identity.private_key_pem.as_bytes(),
        )
        .unwrap();
        builder = builder.identity(identity);
    }
    builder.build().unwrap()
}

#[tokio::test]
async fn a_client_trusting_the_ca_file_connects_a_bank_over_https() {
    let pki = tempfile::tempdir().unwrap();
    let harness = Harness::with(small().tls(TlsConfig::in_dir(pki.path()))).await;
    let base = harness.bank.base_url();
    assert_eq!(base, format!("https://{}", harness.bank.address()));

    let ca_pem = std::fs::read(pki.path().join(CA_FILE)).unwrap();
    let user = ConsentUser::new("jana.novakova", "demo1234")
        .unwrap()
        .trusting(&ca_pem)
        .unwrap();
    let mut authorize = Url::parse(&harness.url(common::AUTHORIZE)).unwrap();
    let pkce = Pkce::standard();
    authorize
        .query_pairs_mut()
        .extend_pairs(harness.authorize_query(Some(&pkce)));
    let callback = user
        .decide(&authorize, &Decision::ApproveFirst(2))
        .await
        .unwrap();
    assert_eq!(query_value(&callback, "iss").as_deref(), Some(base));

    let code = query_value(&callback, "code").unwrap();
    let tokens: common::Tokens = harness
        .exchange(&code, Some(&pkce))
        .await
        .json()
        .await
        .unwrap();
    let accounts = harness.get(common::ACCOUNTS, &tokens.access_token).await;
    assert_eq!(accounts.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_client_not_trusting_the_ca_or_speaking_http_gets_nowhere_and_the_bank_goes_on() {
    let pki = tempfile::tempdir().unwrap();
    let harness = Harness::with(small().tls(TlsConfig::in_dir(pki.path()))).await;
    let counters = harness.url("/__admin/counters");
    let stranger = reqwest::Client::new();

    assert!(stranger.get(&counters).send().await.is_err(), "not trusted");
    let plain = counters.replacen("https://", "http://", 1);
    assert!(stranger.get(&plain).send().await.is_err(), "no plain http");

    let answer = harness.http.get(&counters).send().await.unwrap();
    assert_eq!(answer.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_client_stuck_in_its_handshake_holds_up_no_one() {
    let pki = tempfile::tempdir().unwrap();
    let harness = Harness::with(small().tls(TlsConfig::in_dir(pki.path()))).await;
    let _silent = TcpStream::connect(harness.bank.address()).await.unwrap();
    let mut halfway = TcpStream::connect(harness.bank.address()).await.unwrap();
    // The first bytes of a ClientHello record, and then nothing.
    halfway.write_all(&[0x16, 0x03, 0x01, 0x02]).await.unwrap();

    let answer = tokio::time::timeout(
        Duration::from_secs(5),
        harness.http.get(harness.url("/__admin/clock")).send(),
    )
    .await
    .expect("served while two clients stall")
    .unwrap();
    assert_eq!(answer.status(), StatusCode::OK);
}

#[tokio::test]
async fn banks_started_at_once_with_one_folder_share_one_ca_file() {
    let pki = tempfile::tempdir().unwrap();
    let (first, second) = tokio::join!(
        SandboxBank::start(small().tls(TlsConfig::in_dir(pki.path()))),
        SandboxBank::start(small().seed(7).tls(TlsConfig::in_dir(pki.path()))),
    );
    let (first, second) = (first.unwrap(), second.unwrap());
    let http = client(pki.path(), None);
    for bank in [&first, &second] {
        let clock = format!("{}/__admin/clock", bank.base_url());
        assert_eq!(
            http.get(&clock).send().await.unwrap().status(),
            StatusCode::OK
        );
    }
}

#[tokio::test]
async fn with_a_client_ca_only_a_certificate_from_it_gets_through() {
    let (server_pki, client_pki, other_pki) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let clients = TestPki::in_dir(client_pki.path()).unwrap();
    let settings = TlsConfig::in_dir(server_pki.path()).client_ca(clients.ca_file());
    let bank = SandboxBank::start(small().tls(settings)).await.unwrap();
    let clock = format!("{}/__admin/clock", bank.base_url());

    let anonymous = client(server_pki.path(), None);
    assert!(
        anonymous.get(&clock).send().await.is_err(),
        "no certificate"
    );
    let foreign = TestPki::in_dir(other_pki.path())
        .unwrap()
        .client_identity("someone else")
        .unwrap();
    let stranger = client(server_pki.path(), Some(&foreign));
    assert!(
        stranger.get(&clock).send().await.is_err(),
        "a certificate from another CA"
    );

    let identity = clients.client_identity("bankbook-e2e").unwrap();
    let known = client(server_pki.path(), Some(&identity));
    let answer = known.get(&clock).send().await.unwrap();
    assert_eq!(answer.status(), StatusCode::OK);
}

#[tokio::test]
async fn on_a_mutual_tls_bank_the_consent_user_gets_through_presenting_a_client_certificate() {
    let (server_pki, client_pki) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let clients = TestPki::in_dir(client_pki.path()).unwrap();
    let settings = TlsConfig::in_dir(server_pki.path()).client_ca(clients.ca_file());
    let harness = Harness::with(small().tls(settings)).await;
    let mut authorize = Url::parse(&harness.url(common::AUTHORIZE)).unwrap();
    authorize
        .query_pairs_mut()
        .extend_pairs(harness.authorize_query(Some(&Pkce::standard())));
    let ca_pem = std::fs::read(server_pki.path().join(CA_FILE)).unwrap();
    let user = ConsentUser::new("jana.novakova", "demo1234")
        .unwrap()
        .trusting(&ca_pem)
        .unwrap();

    let refused = user.decide(&authorize, &Decision::ApproveFirst(1)).await;
    assert!(matches!(refused, Err(Error::ConsentPage(_))), "{refused:?}");

    let identity = clients.client_identity("bankbook-e2e").unwrap();
    let presenting = user
        .presenting(
            identity.certificate_pem.as_bytes(),
            identity.private_key_pem.as_bytes(),
        )
        .unwrap();
    let callback = presenting
        .decide(&authorize, &Decision::ApproveFirst(1))
        .await
        .unwrap();
    assert!(query_value(&callback, "code").is_some(), "{callback}");
}

#[tokio::test]
async fn a_client_ca_file_that_is_missing_or_holds_no_certificate_stops_the_start() {
    let pki = tempfile::tempdir().unwrap();
    let missing = TlsConfig::in_dir(pki.path()).client_ca(pki.path().join("none.pem"));
    let started = SandboxBank::start(small().tls(missing)).await;
    assert!(matches!(started, Err(Error::Tls { .. })), "{started:?}");

    let empty = pki.path().join("empty.pem");
    std::fs::write(&empty, "no certificate here\n").unwrap();
    let started =
        SandboxBank::start(small().tls(TlsConfig::in_dir(pki.path()).client_ca(empty))).await;
    assert!(matches!(started, Err(Error::Tls { .. })), "{started:?}");
}
