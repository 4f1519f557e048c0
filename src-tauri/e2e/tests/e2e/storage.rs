//! A data folder the app cannot write, in the real app: a read-only folder at start-up and a
//! disk that fills up while the user scrolls are said on screen, lose nothing, crash nothing,
//! and the app carries on once the disk is fixed.

use std::fs;
use std::path::Path;
use std::process::Command;

use e2e::{AppSession, Arg, ENGLISH, Error, SmallDisk, data_folder, onboard};

const BROWSER: &str = env!("CARGO_BIN_EXE_stand-in-browser");

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn a_read_only_data_folder_is_said_on_screen_and_try_again_recovers() -> e2e::Result<()> {
    let mut app = AppSession::start("storage_read_only").await?;
    app.find_with_text("button", ENGLISH.words.connect).await?;

    let disk = app
        .restart_after(|home| {
            let disk = SmallDisk::mount(&data_folder(home), 8 * 1024)?;
            disk.set_read_only(true)?;
            Ok(disk)
        })
        .await?;

    let alert = app.find("[role=alert]").await?.text().await?;
    app.screenshot("read-only").await?;
    let heading = app.find("h1").await?.text().await?;
    assert_eq!(heading, ENGLISH.message("errors.status.cannotOpen"));
    // What is out of reach, in the UI's words, and where.
    let folder = data_folder(app.home()).display().to_string();
    let read_only = ENGLISH.format(
        "errors.detail.folder.readOnly",
        &[("path", Arg::Text(&folder))],
    );
    assert!(alert.contains(&read_only), "{alert}");
    assert!(app.log()?.contains("Bankbook could not open its data"));

    disk.set_read_only(false)?;
    app.find_with_text("button", ENGLISH.words.try_again)
        .await?
        .click()
        .await?;
    app.find_with_text("button", ENGLISH.words.connect).await?;
    app.screenshot("recovered").await?;
    app.close().await
}

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn a_full_disk_keeps_the_rows_says_so_and_retry_goes_on() -> e2e::Result<()> {
    let onboarded = onboard("storage_full", BROWSER, 1, 1, &[]).await?;
    let (mut app, bank) = (onboarded.app, onboarded.bank);
    let iban = app.shown_iban().await?;
    app.find("[data-testid=transaction-row]").await?;

    // The app's data moves onto a small disk of its own, as it was.
    let disk = app.restart_after(move_data_to_a_small_disk).await?;
    // The restarted window paints before it has read the store: wait for the rows, then count.
    app.find("[data-testid=transaction-row]").await?;
    let shown_before = app.count("[data-testid=transaction-row]").await?;
    assert!(shown_before > 0, "the stored rows did not come back");

    let filler = disk.fill()?;
    let before_the_fault = app.scroll_history(600, 400).await?;
    let error = app
        .find("[data-testid=history-error]")
        .await?
        .text()
        .await?;
    assert!(error.contains("can't save to its data folder"), "{error}");
    assert!(app.count("[data-testid=transaction-row]").await? > 0);
    assert!(app.log()?.contains("database or disk is full"));
    app.screenshot("disk-full").await?;

    fs::remove_file(&filler).map_err(|source| Error::io(&filler, source))?;
    app.find_with_text(
        "[data-testid=history-error] button",
        ENGLISH.words.try_again,
    )
    .await?
    .click()
    .await?;
    let after_the_fault = app.scroll_history(600, 400).await?;

    // Every row, from the top, once and in the bank's order: nothing lost at the fault.
    let mut shown = before_the_fault.ids;
    for id in after_the_fault.ids {
        if !shown.contains(&id) {
            shown.push(id);
        }
    }
    assert!(shown.len() >= 400, "only {} rows", shown.len());
    let listed = bank.account(&iban, shown.len()).await?.entry_references;
    assert_eq!(shown, listed);
    app.screenshot("space-freed").await?;
    app.close().await
}

/// Moves the data folder's files onto a fresh 32 MiB tmpfs mounted in its place.
fn move_data_to_a_small_disk(home: &Path) -> e2e::Result<SmallDisk> {
    let folder = data_folder(home);
    let before = home.join("data-before-the-small-disk");
    fs::rename(&folder, &before).map_err(|source| Error::io(&folder, source))?;
    let disk = SmallDisk::mount(&folder, 32 * 1024)?;
    let copied = Command::new("cp")
        .arg("-a")
        .arg(before.join("."))
        .arg(&folder)
        .status()
        .map_err(|source| Error::io(&before, source))?;
    if !copied.success() {
        return Err(Error::Setup(format!("cp -a into {}", folder.display())));
    }
    Ok(disk)
}
