//! The Banks screen's "Check" against real servers on loopback: the sandbox bank (plain http,
//! https, https with mutual TLS), a web server that is no bank, and a port nothing listens on.

#![cfg(test)]

use std::path::Path;
use std::time::Duration;

use bank::{ClientCheck, OAuthConfig, Timeouts, check_client, http_client};
use sandbox_bank::tls::{ClientIdentity, TestPki, TlsConfig};
use sandbox_bank::{Config, RunningBank, SandboxBank};
use url::Url;
use vault::Sensitive;

/// What the app would send for the bank at `base_url`, with `client_id` and `secret`.
fn config(base_url: &str, client_id: &str, secret: &str) -> OAuthConfig {
    OAuthConfig {
        base_url: Url::parse(base_url).unwrap(),
        client_id: client_id.to_owned(),
        client_secret: Sensitive(secret.to_owned()),
        redirect_uri: "app.bankbook:/oauth/callback/checked".to_owned(),
    }
}

/// The sandbox's own client registration, as the app would have it.
fn registered(bank: &RunningBank) -> OAuthConfig {
    let client = bank.client();
    config(bank.base_url(), &client.client_id, &client.client_secret)
}

/// The app's client for `url`: the system's trust store, short timeouts.
fn app_client(url: &str) -> reqwest::Client {
    http_client(
        &Url::parse(url).unwrap(),
        None,
        Timeouts {
            connect: Duration::from_secs(3),
            request: Duration::from_secs(10),
        },
    )
    .unwrap()
}

/// A client trusting the test CA in `pki`, presenting `identity` when given (as the app does
/// with `SSL_CERT_FILE` and a profile's certificate and key).
fn trusting(pki: &TestPki, identity: Option<&ClientIdentity>) -> reqwest::Client {
    let mut builder = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(10))
        .add_root_certificate(reqwest::Certificate::from_pem(pki.ca_pem().as_bytes()).unwrap());
    if let Some(identity) = identity {
        builder = builder.identity(
            reqwest::Identity::from_pkcs8_pem(
                identity.certificate_pem.as_bytes(),
                identity.private_key_pem.as_bytes(),
            )
            .unwrap(),
        );
    }
    builder.build().unwrap()
}

async fn start(config: Config) -> RunningBank {
    SandboxBank::start(config.transactions_per_account(10))
        .await
        .expect("the sandbox starts")
}

#[tokio::test]
async fn the_right_secret_is_accepted_and_a_wrong_one_or_id_rejected() {
    let bank = start(Config::default()).await;
    let http = app_client(bank.base_url());
    let right = registered(&bank);

    assert_eq!(
        check_client(&right, &http).await.unwrap(),
        ClientCheck::Accepted
    );
    let wrong_secret = OAuthConfig {
        client_secret: Sensitive("not-the-secret".to_owned()),
        ..right.clone()
    };
    assert_eq!(
        check_client(&wrong_secret, &http).await.unwrap(),
        ClientCheck::ClientRejected
    );
    let wrong_id = OAuthConfig {
        client_id: "someone-else".to_owned(),
        ..right
    };
    assert_eq!(
        check_client(&wrong_id, &http).await.unwrap(),
        ClientCheck::ClientRejected
    );
    // A check gives nothing away: no grant came of it.
    assert!(bank.admin().grants().is_empty());
}

#[tokio::test]
async fn nothing_listening_or_no_such_host_is_unreachable() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let closed = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    for url in [closed.as_str(), "https://bank.invalid"] {
        let check = check_client(&config(url, "c", "s"), &app_client(url))
            .await
            .unwrap();
        assert_eq!(check, ClientCheck::Unreachable, "{url}");
    }
}

#[tokio::test]
async fn a_web_server_that_is_no_bank_is_an_unexpected_answer() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let site = axum::Router::new().fallback(|| async {
        axum::response::Html("<html><body>Welcome to our bank</body></html>")
    });
    let server = tokio::spawn(async move { axum::serve(listener, site).await });

    let check = check_client(&config(&url, "c", "s"), &app_client(&url))
        .await
        .unwrap();

    assert_eq!(check, ClientCheck::UnexpectedAnswer);
    server.abort();
}

#[tokio::test]
async fn a_bank_whose_certificate_is_not_trusted_is_named_so() {
    let pki = tempfile::tempdir().unwrap();
    let bank = start(Config::default().tls(TlsConfig::in_dir(pki.path()))).await;
    assert!(bank.base_url().starts_with("https://"));

    let check = check_client(&registered(&bank), &app_client(bank.base_url()))
        .await
        .unwrap();
    assert_eq!(check, ClientCheck::ServerNotTrusted);

    let ca = TestPki::in_dir(pki.path()).unwrap();
    let check = check_client(&registered(&bank), &trusting(&ca, None))
        .await
        .unwrap();
    assert_eq!(check, ClientCheck::Accepted);
}

#[tokio::test]
async fn a_mutual_tls_bank_refuses_no_certificate_or_a_stranger_and_takes_its_own() {
    let pki = tempfile::tempdir().unwrap();
    let ca = TestPki::in_dir(pki.path()).unwrap();
    let bank =
        start(Config::default().tls(TlsConfig::in_dir(pki.path()).client_ca(ca.ca_file()))).await;
    let ours = ca.client_identity("bankbook").unwrap();
    let stranger = stranger_identity(&pki.path().join("elsewhere"));

    for (client, what) in [
        (trusting(&ca, None), "no certificate"),
        (
            trusting(&ca, Some(&stranger)),
            "a certificate from another CA",
        ),
    ] {
        let check = check_client(&registered(&bank), &client).await.unwrap();
        assert_eq!(check, ClientCheck::ClientCertificateRefused, "{what}");
    }
    let check = check_client(&registered(&bank), &trusting(&ca, Some(&ours)))
        .await
        .unwrap();
    assert_eq!(check, ClientCheck::Accepted);
}

/// A client identity from a CA the bank does not know.
fn stranger_identity(folder: &Path) -> ClientIdentity {
    TestPki::in_dir(folder)
        .unwrap()
        .client_identity("stranger")
        .unwrap()
}
