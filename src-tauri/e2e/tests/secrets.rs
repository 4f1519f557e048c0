//! After a user connected, used and reopened the app, the bank's secrets are in the keychain
//! and nowhere in the app's HOME: not in its files, its SQLite store, its logs, nor WebKit's
//! storage and caches.

use std::path::{Path, PathBuf};

use e2e::{Onboarded, onboard};
use vault::{Keychain, SecretKind};

const BROWSER: &str = env!("CARGO_BIN_EXE_stand-in-browser");
/// The Demo Bank's registered client secret (the sandbox's test data).
const DEMO_CLIENT_SECRET: &str = "demo-client-secret";

/// Every file under `folder` whose bytes contain `needle` (every file for an empty `needle`).
fn files_containing(folder: &Path, needle: &[u8]) -> Vec<PathBuf> {
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
            } else if std::fs::read(&path).is_ok_and(|bytes| {
                needle.is_empty() || bytes.windows(needle.len()).any(|window| window == needle)
            }) {
                found.push(path);
            }
        }
    }
    found
}

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn no_secret_is_written_under_the_apps_home() -> e2e::Result<()> {
    let Onboarded { mut app, .. } = onboard(
        "secrets",
        BROWSER,
        1,
        1,
        &[("BANKBOOK_DEMO_TRANSACTIONS", "300")],
    )
    .await?;
    app.find("[data-testid=transaction-row]").await?;
    app.restart().await?;
    app.find("[data-testid=transaction-row]").await?;
    let home = app.keep_home();
    app.close().await?;

    // The app's own keychain entry, read as the app reads it (a debug build, like this test).
    let refresh_token = Keychain::system()
        .vault("demo")
        .expect("the keychain opens")
        .get(SecretKind::RefreshToken)
        .await
        .expect("the keychain answers")
        .expect("the app kept a refresh token");

    let leaks: Vec<(&str, Vec<PathBuf>)> = [
        ("the refresh token", refresh_token.0.as_bytes()),
        ("the client secret", DEMO_CLIENT_SECRET.as_bytes()),
    ]
    .into_iter()
    .map(|(what, needle)| (what, files_containing(&home, needle)))
    .filter(|(_, files)| !files.is_empty())
    .collect();
    let files = files_containing(&home, b"");
    let _ = std::fs::remove_dir_all(&home);
    assert!(leaks.is_empty(), "secrets under the HOME: {leaks:?}");
    // The scan read something: the store, the logs, WebKit's files.
    assert!(files.len() > 3, "only {} files under the HOME", files.len());
    Ok(())
}
