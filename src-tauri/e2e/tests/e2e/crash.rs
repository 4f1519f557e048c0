//! The app killed with SIGKILL in the middle of a sync: its store is intact, holds the bank's
//! history in order up to the last page it committed, and the restarted app goes on from there
//! to the end without a gap or a repeat.

use std::time::{Duration, Instant};

use e2e::{Onboarded, data_folder, onboard};
use serde_json::json;

const BROWSER: &str = env!("CARGO_BIN_EXE_stand-in-browser");
const HISTORY: usize = 1_000;

/// Keeps the list scrolled to its loaded end, so the app fetches page after page.
const KEEP_SCROLLING: &str = r#"
const list = document.querySelector('[data-testid="transaction-list"]');
setInterval(() => { list.scrollTop = list.scrollHeight; }, 50);
"#;

/// The key of the app's store, from the session's keychain, where the app keeps it.
async fn store_key() -> e2e::Result<store::StoreKey> {
    let missing = |what: &str| e2e::Error::Setup(format!("the store's key: {what}"));
    let text = vault::Keychain::system()
        .store_key()
        .await
        .map_err(|error| missing(&error.to_string()))?
        .ok_or_else(|| missing("not in the keychain"))?;
    store::StoreKey::from_hex(text.expose()).ok_or_else(|| missing("not as the app wrote it"))
}

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn killed_mid_sync_the_store_is_whole_and_the_app_goes_on() -> e2e::Result<()> {
    let Onboarded { mut app, bank } = onboard(
        "crash_mid_sync",
        BROWSER,
        1,
        1,
        &[("BANKBOOK_DEMO_TRANSACTIONS", &HISTORY.to_string())],
    )
    .await?;
    let iban = app.shown_iban().await?;
    // Nothing of the app's own in flight: its first page, the refresh after connecting.
    app.refreshed().await?;

    // Slow pages, so the kill lands while one is on its way.
    bank.inject_fault(
        json!({"kind": "latency", "millis": 300, "endpoint": "transactions",
        "lasts": {"seconds": 600}}),
    )
    .await?;
    bank.reset_counters().await?;
    app.client().execute(KEEP_SCROLLING, Vec::new()).await?;
    let deadline = Instant::now() + Duration::from_secs(30);
    while bank.transaction_pages().await? < 4 {
        assert!(Instant::now() < deadline, "the app fetched no older pages");
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    app.kill_app().await?;

    // The store as the crash left it.
    let path = data_folder(app.home()).join("bankbook.sqlite3");
    let key = store_key().await?;
    let integrity: String = rusqlite::Connection::open(&path)
        .and_then(|connection| {
            connection.execute_batch(&format!("PRAGMA key = \"x'{}'\";", key.to_hex()))?;
            connection.query_row("PRAGMA integrity_check", [], |row| row.get(0))
        })
        .expect("the store opens after the crash");
    assert_eq!(integrity, "ok");
    let stored: Vec<String> = store::Store::open(&path, &key)
        .and_then(|store| store.entries_after(&iban, None, 100_000))
        .expect("the store reads after the crash")
        .into_iter()
        .map(|entry| entry.record.entry_reference)
        .collect();

    // The restarted app goes on from what is stored (its Demo Bank, back with it, starts with
    // the first older page it is asked for, and holds the same history).
    app.restart().await?;
    let scrolled = app.scroll_history(600, usize::MAX).await?;
    let listed = bank.account(&iban, HISTORY).await?.entry_references;
    assert!(scrolled.reached_the_end);
    assert_eq!(scrolled.ids, listed);

    // At least the first page and the older pages answered before the fourth was asked for.
    assert!(stored.len() >= 250, "only {} stored", stored.len());
    assert!(
        stored.len() < HISTORY,
        "the kill came after the whole history"
    );
    assert_eq!(stored, listed[..stored.len()]);
    app.screenshot("after-the-crash").await?;
    app.close().await
}
