//! After a user connected, used and reopened the app (an access token refreshed on the way),
//! the bank's secrets are in the keychain and nowhere else: not under the app's HOME (its files,
//! its SQLite store, WebKit's storage and caches), not in its log, and not in anything the
//! webview received over IPC.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use e2e::{continue_in_browser, show_accounts, start_on_demo_bank};
use sha2::{Digest, Sha256};
use vault::{Keychain, SecretKind};

const BROWSER: &str = env!("CARGO_BIN_EXE_stand-in-browser");
/// The Demo Bank's registered client secret (the sandbox's test data).
const DEMO_CLIENT_SECRET: &str = "demo-client-secret";
/// The bank's tokens: 256 random bits in base64url, 43 characters.
const TOKEN_LENGTH: usize = 43;

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

/// Every file under `folder`.
fn files_under(folder: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut folders = vec![folder.to_owned()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                found.push(path);
            }
        }
    }
    found
}

/// The SHA-256 (hex) of every 43-character window of the base64url runs in `bytes`: a token
/// written anywhere, in any text around it, has its digest among these.
fn token_digests_in(bytes: &[u8]) -> HashSet<String> {
    let is_token_byte = |byte: &u8| byte.is_ascii_alphanumeric() || *byte == b'-' || *byte == b'_';
    bytes
        .split(|byte| !is_token_byte(byte))
        .filter(|run| (TOKEN_LENGTH..=4 * TOKEN_LENGTH).contains(&run.len()))
        .flat_map(|run| run.windows(TOKEN_LENGTH))
        .map(hex_digest)
        .collect()
}

/// SHA-256 in 64 lowercase hex digits, as the bank reports its tokens' digests.
fn hex_digest(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .fold(String::new(), |mut hex, byte| {
            use std::fmt::Write;
            let _ = write!(hex, "{byte:02x}");
            hex
        })
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

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
    let logs = files_under(&artefacts)
        .into_iter()
        .filter(|path| path.extension().is_some_and(|extension| extension == "log"));
    let mut places: Vec<(String, Vec<u8>)> = files_under(&home)
        .into_iter()
        .chain(logs)
        .filter_map(|path| Some((path.display().to_string(), std::fs::read(&path).ok()?)))
        .collect();
    places.push((
        "what the webview received".to_owned(),
        received.into_bytes(),
    ));
    let _ = std::fs::remove_dir_all(&home);

    let issued: HashSet<&String> = issued.access.iter().chain(&issued.refresh).collect();
    let leaks: Vec<&str> = places
        .iter()
        .filter(|(_, bytes)| {
            contains(bytes, refresh_token.0.as_bytes())
                || contains(bytes, DEMO_CLIENT_SECRET.as_bytes())
                || token_digests_in(bytes)
                    .iter()
                    .any(|digest| issued.contains(digest))
        })
        .map(|(place, _)| place.as_str())
        .collect();
    assert!(leaks.is_empty(), "a secret is in {leaks:?}");

    // The checks saw what they should: two access tokens and a refresh token, the store, the
    // logs, WebKit's files, and the webview's transaction pages and consent outcome.
    assert!(issued.len() >= 3, "the bank issued {issued:?}");
    assert!(places.len() > 4, "only {} places looked at", places.len());
    let received = &places.last().expect("the webview's payloads").1;
    assert!(contains(received, b"nextCursor") && contains(received, b"\\\"ok\\\":true"));
    Ok(())
}

#[test]
fn a_token_is_found_in_any_text_around_it() {
    let token = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE";
    assert_eq!(token.len(), TOKEN_LENGTH);
    let digest = hex_digest(token.as_bytes());
    for text in [
        format!("Authorization: Bearer {token}\n"),
        format!("{{\"access_token\":\"{token}\"}}"),
        format!("x{token}y"),
    ] {
        assert!(
            token_digests_in(text.as_bytes()).contains(&digest),
            "{text}"
        );
    }
    assert!(!token_digests_in(b"no token here").contains(&digest));
}
