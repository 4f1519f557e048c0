//! After a user connected, used and reopened the app (an access token refreshed on the way),
//! the bank's secrets are in the keychain and nowhere else: not under the app's HOME (its files,
//! its SQLite store, WebKit's storage and caches), not in its log, and not in anything the
//! webview received over IPC. The person's data (IBANs, account and counterparty names) is in
//! no file under HOME and in no log either: the store is encrypted.

use std::time::{Duration, Instant};

use e2e::{
    AppSession, DemoBank, SecretScan, continue_in_browser, data_folder, files_under, show_accounts,
    start_on_demo_bank,
};
use vault::{Keychain, SecretKind};

const BROWSER: &str = env!("CARGO_BIN_EXE_stand-in-browser");
/// The Demo Bank's registered client secret (the sandbox's test data).
const DEMO_CLIENT_SECRET: &str = "demo-client-secret";

/// Clicks Refresh until the app has asked the bank for a new access token with its refresh
/// token, and waits for the refresh to end. A click while the app refreshes by itself is
/// ignored, and that refresh may have used the token before it expired: then it clicks again.
/// The Demo Bank of a restarted app is not up until the app needs it, so its counters are not
/// there to read at first.
async fn refresh_for_a_new_access_token(app: &AppSession, bank: &DemoBank) -> e2e::Result<()> {
    let before = bank.token_requests("refresh_token").await.unwrap_or(0);
    for _ in 0..3 {
        app.refreshed().await?;
        app.find_with_text("button", "Refresh")
            .await?
            .click()
            .await?;
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if bank
                .token_requests("refresh_token")
                .await
                .is_ok_and(|requests| requests > before)
            {
                return app.refreshed().await;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
    Err(e2e::Error::NotFound(
        "a request for a new access token".to_owned(),
    ))
}

/// What the window shows of the person: the accounts' IBANs and names, and the counterparties
/// of the rows on screen (texts of 6 characters or more, which cannot turn up by chance).
async fn personal_data_on_screen(app: &AppSession) -> e2e::Result<Vec<String>> {
    let shown = app
        .client()
        .execute(
            r"const texts = (css) => [...document.querySelectorAll(css)].map((e) => e.textContent);
              const ibans = [...document.querySelectorAll('[data-testid=account-item]')]
                .map((e) => e.dataset.iban);
              return [...ibans, ...texts('.account-title'), ...texts('.transaction-counterparty')]
                .map((text) => (text ?? '').trim())
                .filter((text) => text.length >= 6);",
            Vec::new(),
        )
        .await?;
    let mut texts: Vec<String> = shown
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|text| text.as_str().map(str::to_owned))
        .collect();
    texts.sort();
    texts.dedup();
    Ok(texts)
}

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn no_secret_reaches_the_home_the_log_or_the_webview() -> e2e::Result<()> {
    let env = [("BANKBOOK_DEMO_TRANSACTIONS", "300")];
    let (mut app, bank) = start_on_demo_bank("secrets", BROWSER, "approve:1", &env).await?;
    app.record_ipc().await?;
    continue_in_browser(&app).await?;
    show_accounts(&app, 1).await?;
    app.refreshed().await?;

    // A refresh on an expired access token: the app gets a second one.
    bank.expire_access_tokens().await?;
    refresh_for_a_new_access_token(&app, &bank).await?;
    app.scroll_history(600, 250).await?;
    let personal = personal_data_on_screen(&app).await?;
    let mut received = vec![app.ipc_received().await?];
    // The bank runs inside the app: what it issued is asked before the restart ends it.
    let mut issued = bank.token_digests().await?;

    // Restarted, the app has only its refresh token: a refresh gets it a third access token.
    app.restart().await?;
    app.record_ipc().await?;
    refresh_for_a_new_access_token(&app, &bank).await?;
    received.push(app.ipc_received().await?);
    let after_the_restart = bank.token_digests().await?;
    issued.access.extend(after_the_restart.access);
    issued.refresh.extend(after_the_restart.refresh);
    let home = app.keep_home();
    let artefacts = app.artefacts().to_owned();
    app.close().await?;

    let refresh_token = Keychain::system()
        .vault("demo")
        .expect("the keychain opens")
        .get(SecretKind::RefreshToken)
        .await
        .expect("the keychain answers")
        .expect("the app kept a refresh token");
    let logs = files_under(&artefacts).into_iter().filter(|(path, _)| {
        std::path::Path::new(path)
            .extension()
            .is_some_and(|extension| extension == "log")
    });
    let on_disk: Vec<(String, Vec<u8>)> = files_under(&home).into_iter().chain(logs).collect();
    let store_file = store::StoreFile::at(&data_folder(&home).join("bankbook.sqlite3"))
        .expect("the store's first bytes read");
    let mut places = on_disk.clone();
    for (run, payloads) in received.into_iter().enumerate() {
        let place = format!("what the webview received in run {run}");
        places.push((place, payloads.into_bytes()));
    }
    let _ = std::fs::remove_dir_all(&home);

    let scan = SecretScan::default()
        .plain(&refresh_token.0)
        .plain(DEMO_CLIENT_SECRET)
        .tokens(issued.access.into_iter().chain(issued.refresh));
    let leaks = scan.leaks(&places);
    assert!(leaks.is_empty(), "a secret is in {leaks:?}");

    // The person's data: nowhere on disk in plain text, UTF-16 included; the store encrypted.
    // Not empty, and not SQLite's plaintext header.
    assert_eq!(store_file, store::StoreFile::Encrypted);
    let personal_scan = personal
        .iter()
        .fold(SecretScan::default(), |scan, text| scan.plain(text));
    let exposed = personal_scan.leaks(&on_disk);
    println!(
        "personal data: {} texts looked for in {} files and logs, found in {}",
        personal.len(),
        on_disk.len(),
        exposed.len()
    );
    assert!(exposed.is_empty(), "personal data is in {exposed:?}");
    // It looked for the account (IBAN and name) and a page of counterparties.
    assert!(personal.len() >= 10, "only {personal:?} looked for");
    assert!(
        personal.iter().any(|text| text.starts_with("SK")),
        "{personal:?}"
    );

    // The checks saw what they should: three access tokens and a refresh token, the store,
    // the logs, WebKit's files, and the webview's transaction pages and consent outcome.
    let issued = scan.token_count();
    assert!(issued >= 4, "the bank issued {issued} tokens");
    assert!(places.len() > 5, "only {} places looked at", places.len());
    let received = &places[places.len() - 2].1;
    let has = |text: &[u8]| received.windows(text.len()).any(|window| window == text);
    assert!(has(b"nextCursor") && has(b"\\\"ok\\\":true"));
    Ok(())
}
