//! After a user connected, used and reopened the app (an access token refreshed on the way),
//! the bank's secrets are in the keychain and nowhere else: not under the app's HOME (its files,
//! its SQLite store, WebKit's storage and caches), not in its log, and not in anything the
//! webview received over IPC.

use std::time::{Duration, Instant};

use e2e::{SecretScan, continue_in_browser, files_under, show_accounts, start_on_demo_bank};
use vault::{Keychain, SecretKind};

const BROWSER: &str = env!("CARGO_BIN_EXE_stand-in-browser");
/// The Demo Bank's registered client secret (the sandbox's test data).
const DEMO_CLIENT_SECRET: &str = "demo-client-secret";

/// Keeps, in the page, every payload the webview receives from Rust from now on: command
/// answers, errors and events all arrive through `runCallback`, which looks the callback up
/// in this map.
const RECORD_IPC: &str = r"
const callbacks = window.__TAURI_INTERNALS__.callbacks;
window.__ipcReceived = [];
callbacks.get = function (id) {
  const callback = Map.prototype.get.call(this, id);
  return callback && ((data) => {
    window.__ipcReceived.push(JSON.stringify(data) ?? String(data));
    return callback(data);
  });
};";

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn no_secret_reaches_the_home_the_log_or_the_webview() -> e2e::Result<()> {
    let env = [("BANKBOOK_DEMO_TRANSACTIONS", "300")];
    let (mut app, bank) = start_on_demo_bank("secrets", BROWSER, "approve:1", &env).await?;
    app.client().execute(RECORD_IPC, Vec::new()).await?;
    continue_in_browser(&app).await?;
    show_accounts(&app, 1).await?;
    app.find("[data-testid=transaction-row]").await?;

    // A refresh on an expired access token: the app gets a second one.
    bank.expire_access_tokens().await?;
    app.find_with_text("button", "Refresh")
        .await?
        .click()
        .await?;
    let deadline = Instant::now() + Duration::from_secs(15);
    while bank.token_requests("refresh_token").await? == 0 {
        assert!(
            Instant::now() < deadline,
            "the app did not refresh its token"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    app.scroll_history(600, 250).await?;
    let received = app
        .client()
        .execute("return window.__ipcReceived;", Vec::new())
        .await?
        .to_string();
    // The bank runs inside the app: what it issued is asked before the restart ends it.
    let issued = bank.token_digests().await?;
    app.restart().await?;
    app.find("[data-testid=transaction-row]").await?;
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
    let mut places: Vec<(String, Vec<u8>)> = files_under(&home).into_iter().chain(logs).collect();
    places.push((
        "what the webview received".to_owned(),
        received.into_bytes(),
    ));
    let _ = std::fs::remove_dir_all(&home);

    let scan = SecretScan::default()
        .plain(&refresh_token.0)
        .plain(DEMO_CLIENT_SECRET)
        .tokens(issued.access.into_iter().chain(issued.refresh));
    let leaks = scan.leaks(&places);
    assert!(leaks.is_empty(), "a secret is in {leaks:?}");

    // The checks saw what they should: two access tokens and a refresh token, the store, the
    // logs, WebKit's files, and the webview's transaction pages and consent outcome.
    assert!(
        scan.token_count() >= 3,
        "the bank issued {}",
        scan.token_count()
    );
    assert!(places.len() > 4, "only {} places looked at", places.len());
    let received = &places.last().expect("the webview's payloads").1;
    let has = |text: &[u8]| received.windows(text.len()).any(|window| window == text);
    assert!(has(b"nextCursor") && has(b"\\\"ok\\\":true"));
    Ok(())
}
