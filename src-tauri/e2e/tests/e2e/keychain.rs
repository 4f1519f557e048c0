//! No Secret Service on the desktop: the key to the person's data lives there, so Bankbook says
//! it can't open its data and why, and writes nothing instead: no store it could not encrypt,
//! no key in a file (no plaintext fallback).

use e2e::{BareBus, data_folder, start_on_demo_bank};

const BROWSER: &str = env!("CARGO_BIN_EXE_stand-in-browser");

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn without_a_secret_service_the_data_stays_closed_and_nothing_is_written() -> e2e::Result<()>
{
    let bus = BareBus::start()?;
    let env = [("DBUS_SESSION_BUS_ADDRESS", bus.address())];
    let (mut app, _bank) = start_on_demo_bank("no_keychain", BROWSER, "approve:1", &env).await?;

    app.find_role("heading", "Bankbook can't open its data")
        .await?;
    let notice = app.find("[role=alert]").await?.text().await?;
    assert!(notice.contains("the key to your data"), "{notice}");
    assert!(
        notice.contains("No keychain service is running."),
        "{notice}"
    );
    app.find_role("button", "Try again").await?;
    app.screenshot("no-keychain").await?;
    let home = app.keep_home();
    app.close().await?;

    let store = data_folder(&home).join("bankbook.sqlite3");
    let made = store.exists();
    let _ = std::fs::remove_dir_all(&home);
    assert!(!made, "a store was made without a key in the keychain");
    Ok(())
}
