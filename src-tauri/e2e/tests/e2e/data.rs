//! The person's data and its key: a backup made in one install and restored in a fresh one
//! with a keychain of its own shows the same accounts and rows; a locked keychain keeps the
//! data closed, and unchanged, until it is unlocked; a keychain that lost the key offers to
//! start again, and moves the data aside only when the person confirms. The screens met on the
//! way are checked with axe-core in both themes (the locked one in English, the key-gone ones
//! in Slovak; the backup and restore dialogs are in the `accessibility` walk in both).

use e2e::{
    AppSession, AxeAudit, ENGLISH, Onboarded, PrivateKeyring, SLOVAK, data_folder, onboard,
    start_on_demo_bank,
};
use fantoccini::key::Key;

const BROWSER: &str = env!("CARGO_BIN_EXE_stand-in-browser");
const PASSPHRASE: &str = "correct horse battery";

/// The text of the first rows of the list, as shown, read at once (the list redraws its rows
/// as pages arrive).
async fn first_rows(app: &AppSession) -> e2e::Result<Vec<String>> {
    // The rows with their categories: the names come in one answer for every row, after the
    // rows themselves, so a row read before it would lack them.
    app.find("[data-testid=transaction-row] [data-testid=category-chip]")
        .await?;
    let texts = app
        .client()
        .execute(
            "return [...document.querySelectorAll('[data-testid=transaction-row]')]\
             .slice(0, 5).map((row) => row.textContent);",
            Vec::new(),
        )
        .await?;
    serde_json::from_value(texts).map_err(setup_error)
}

fn setup_error(error: impl std::fmt::Display) -> e2e::Error {
    e2e::Error::Setup(error.to_string())
}

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn a_backup_restored_on_a_fresh_install_shows_the_same_accounts_and_rows() -> e2e::Result<()>
{
    let folder = tempfile::tempdir().map_err(setup_error)?;
    let file = folder.path().join("jana.bankbook-backup");
    let file_text = file.to_str().ok_or_else(|| setup_error("not UTF-8"))?;
    let Onboarded {
        mut app,
        bank: _bank,
    } = onboard(
        "backup_made",
        BROWSER,
        1,
        1,
        &[("BANKBOOK_SAVE_AS", file_text)],
    )
    .await?;
    app.refreshed().await?;
    let rows = first_rows(&app).await?;
    assert!(!rows.is_empty());

    app.click_role("button", "Settings").await?;
    app.click_role("button", "Back up…").await?;
    app.type_into("Passphrase", PASSPHRASE).await?;
    app.type_into("Type the passphrase again", PASSPHRASE)
        .await?;
    app.click_role("button", "Choose where to save…").await?;
    app.find_with_text(
        "[role=status]",
        "Your data is backed up in jana.bankbook-backup.",
    )
    .await?;
    app.screenshot("backed-up").await?;
    app.close().await?;
    assert!(
        std::fs::read(&file)
            .map_err(setup_error)?
            .starts_with(b"BANKBOOK-BACKUP\0")
    );

    // Another computer: a fresh HOME, a keychain of its own.
    let keyring = PrivateKeyring::start()?;
    let (mut fresh, _bank) = start_on_demo_bank(
        "backup_restored",
        BROWSER,
        "none",
        &[("BANKBOOK_OPEN_FILE", file_text), keyring.env()],
    )
    .await?;
    fresh.click_role("button", "Restore a backup…").await?;
    fresh.click_role("button", "Choose a backup file…").await?;
    fresh
        .find_with_text("[role=status]", "Backup file: jana.bankbook-backup")
        .await?;
    fresh
        .type_into("The backup's passphrase", "not the passphrase")
        .await?;
    fresh.click_role("button", "Restore").await?;
    fresh
        .find_with_text(
            "p",
            "That passphrase doesn't open this backup. Check it and try again.",
        )
        .await?;
    fresh.screenshot("wrong-passphrase").await?;
    // Found again: the field is drawn anew with its problem.
    let passphrase = fresh
        .find_role("textbox", "The backup's passphrase")
        .await?;
    passphrase.clear().await?;
    passphrase.send_keys(PASSPHRASE).await?;
    fresh.click_role("button", "Restore").await?;

    assert_eq!(first_rows(&fresh).await?, rows);
    fresh.screenshot("restored").await?;
    fresh.close().await?;
    Ok(())
}

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn the_data_waits_for_a_locked_keychain_and_starts_again_only_when_the_key_is_gone()
-> e2e::Result<()> {
    let keyring = PrivateKeyring::start()?;
    let Onboarded {
        mut app,
        bank: _bank,
    } = onboard("data_key", BROWSER, 1, 1, &[keyring.env()]).await?;
    app.refreshed().await?;
    let rows = first_rows(&app).await?;
    let folder = data_folder(app.home());
    let store = folder.join("bankbook.sqlite3");
    let mut audit = AxeAudit::new();

    // Locked at the next start: the data stays closed, and unchanged, until it is unlocked.
    let closed = app
        .restart_after(|_| {
            keyring.lock()?;
            std::fs::read(&store).map_err(setup_error)
        })
        .await?;
    app.find_role("heading", "Your Bankbook data is locked")
        .await?;
    app.find_role("button", "Try again").await?;
    assert!(
        app.find_all("[data-testid=transaction-row]")
            .await?
            .is_empty()
    );
    assert_eq!(std::fs::read(&store).map_err(setup_error)?, closed);
    app.screenshot("locked").await?;
    audit.check_in_both_themes(&app, "locked-data").await?;
    keyring.unlock()?;
    app.click_role("button", "Try again").await?;
    assert_eq!(first_rows(&app).await?, rows);

    // Slovak from the next start on, as the person chose it in Settings; then a keychain that
    // lost everything, the store's key too.
    let language = &SLOVAK;
    app.click_role("button", ENGLISH.words.settings).await?;
    app.click_role("radio", language.message("common.language.sk"))
        .await?;
    app.press(Key::Escape).await?;
    let closed = app
        .restart_after(|_| {
            keyring.wipe()?;
            std::fs::read(&store).map_err(setup_error)
        })
        .await?;
    app.find_role("heading", language.message("data.keyGone.title"))
        .await?;
    audit.check_in_both_themes(&app, "key-gone").await?;
    app.click_role("button", language.message("data.startAgain.open"))
        .await?;
    app.find_role("dialog", language.message("data.startAgain.title"))
        .await?;
    audit.check_in_both_themes(&app, "start-again").await?;
    // Cancelled: nothing moves.
    app.click_role("button", language.message("common.cancel"))
        .await?;
    assert_eq!(std::fs::read(&store).map_err(setup_error)?, closed);

    app.click_role("button", language.message("data.startAgain.open"))
        .await?;
    app.click_role("button", language.message("data.startAgain.confirm"))
        .await?;
    app.find("[role=status]").await?;
    audit.check_in_both_themes(&app, "started-again").await?;
    let kept = folder.join("bankbook unreadable.sqlite3");
    assert_eq!(std::fs::read(&kept).map_err(setup_error)?, closed);
    app.click_role("button", language.message("data.startAgain.continue"))
        .await?;
    app.find_role("heading", language.message("onboarding.emptyState.title"))
        .await?;
    app.screenshot("started-again").await?;
    app.close().await?;
    audit.passed()
}
