//! No Secret Service on the desktop: connecting a bank says so in the dialog, and the tokens
//! the bank issued are written nowhere instead (no plaintext fallback).

use e2e::{BareBus, SecretScan, continue_in_browser, files_under, start_on_demo_bank};

const BROWSER: &str = env!("CARGO_BIN_EXE_stand-in-browser");

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn without_a_secret_service_the_dialog_says_so_and_no_token_is_written() -> e2e::Result<()> {
    let bus = BareBus::start()?;
    let env = [("DBUS_SESSION_BUS_ADDRESS", bus.address())];
    let (mut app, bank) = start_on_demo_bank("no_keychain", BROWSER, "approve:1", &env).await?;
    continue_in_browser(&app).await?;

    let notice = app.find("[role=alert]").await?.text().await?;
    assert!(
        notice.contains("can't use your system keychain"),
        "{notice}"
    );
    assert_eq!(app.count(".account-option").await?, 0);
    app.screenshot("no-keychain").await?;
    // The bank did issue tokens: they were kept nowhere.
    assert_eq!(bank.token_requests("authorization_code").await?, 1);
    let issued = bank.token_digests().await?;
    let home = app.keep_home();
    app.close().await?;

    let scan = SecretScan::default().tokens(issued.access.into_iter().chain(issued.refresh));
    assert!(scan.token_count() >= 2);
    let places = files_under(&home);
    let _ = std::fs::remove_dir_all(&home);
    let leaks = scan.leaks(&places);
    assert!(leaks.is_empty(), "a token is in {leaks:?}");
    Ok(())
}
