//! Every screen of the app, checked with axe-core (WCAG 2.2 A and AA, and axe's best practices)
//! in English and in Slovak, in the light and in the dark theme: no serious and no critical
//! violation anywhere.
//!
//! One app session per language walks every screen a user meets, in order: the empty state, the
//! onboarding dialog's steps (the bank, waiting for the bank, a decline at the bank, the
//! accounts), the main window with transactions, Settings, the Banks screen (its list, empty and
//! with a bank, the form of a new bank, empty, with a refused field and saved, and the question
//! before removing a bank) and the disconnect dialog. On each
//! screen both themes are checked, switched as the Settings dialog switches them (it sets
//! `<html data-theme>`; the Settings screen itself is checked in the themes its own radio
//! buttons set, which shows they do): walking every screen again in the other theme, or
//! restarting with a stored preference, would cost as much again, and a theme is only CSS over
//! the same DOM. Each check's result is in
//! `$BANKBOOK_ARTEFACTS/axe/<language>-<theme>-<screen>.json`, counted in `axe/summary.tsv`,
//! with a screenshot in `accessibility_<language>/<theme>/<screen>.png`.
//!
//! The stand-in browser reads its decision from a file at each consent: none at first (the
//! waiting step), then a decline (the failure step), then an approval (the accounts).

use std::path::Path;

use e2e::{AppSession, Arg, AxeAudit, ENGLISH, Language, NewBank, SLOVAK, start_on_demo_bank};
use fantoccini::key::Key;

const BROWSER: &str = env!("CARGO_BIN_EXE_stand-in-browser");

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn every_screen_in_english_has_no_serious_accessibility_violation() -> e2e::Result<()> {
    walk_every_screen(&ENGLISH).await
}

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn every_screen_in_slovak_has_no_serious_accessibility_violation() -> e2e::Result<()> {
    walk_every_screen(&SLOVAK).await
}

async fn walk_every_screen(language: &Language) -> e2e::Result<()> {
    let words = &language.words;
    let decisions =
        tempfile::tempdir().map_err(|source| e2e::Error::io(Path::new("tmp"), source))?;
    let decision = decisions.path().join("decision");
    let decide = |text: &str| {
        std::fs::write(&decision, text).map_err(|source| e2e::Error::io(&decision, source))
    };
    decide("none")?;
    let decision_file = decision.to_string_lossy().into_owned();
    let (app, _bank) = start_on_demo_bank(
        &format!("accessibility_{}", language.code),
        BROWSER,
        "none",
        &[
            ("LANG", language.locale),
            ("STAND_IN_DECISION_FILE", &decision_file),
            // One page of history: the main window with transactions, little to load.
            ("BANKBOOK_DEMO_TRANSACTIONS", "40"),
        ],
    )
    .await?;
    let mut audit = AxeAudit::new();

    app.find_role("heading", words.empty_title).await?;
    audit.check_in_both_themes(&app, "empty-state").await?;

    app.click_role("button", words.connect).await?;
    app.find_role("heading", words.step_bank).await?;
    let continue_button = app.find_role("button", words.continue_in_browser).await?;
    wait_until_enabled(&app, &continue_button).await?;
    audit.check_in_both_themes(&app, "onboarding-bank").await?;

    continue_button.click().await?;
    app.find_role("button", words.open_again).await?;
    audit
        .check_in_both_themes(&app, "onboarding-waiting")
        .await?;

    // Back to the bank, and this time the user declines at the bank.
    app.click_role("button", words.cancel).await?;
    decide("deny")?;
    let continue_button = app.find_role("button", words.continue_in_browser).await?;
    wait_until_enabled(&app, &continue_button).await?;
    continue_button.click().await?;
    app.find_role("heading", words.step_failed).await?;
    app.find_role("button", words.try_again).await?;
    audit
        .check_in_both_themes(&app, "onboarding-declined")
        .await?;

    decide("approve:2")?;
    app.click_role("button", words.try_again).await?;
    app.find_role("heading", words.step_accounts).await?;
    app.find(".account-option").await?;
    audit
        .check_in_both_themes(&app, "onboarding-accounts")
        .await?;

    for checkbox in app.find_all(".account-option input[type=checkbox]").await? {
        if !checkbox.is_selected().await? {
            checkbox.click().await?;
        }
    }
    app.click_role("button", words.show_accounts).await?;
    app.find("[data-testid=transaction-row]").await?;
    app.refreshed().await?;
    audit.check_in_both_themes(&app, "main-window").await?;

    app.click_role("button", words.settings).await?;
    app.find_role("dialog", words.settings_title).await?;
    check_settings_in_the_themes_it_sets(&app, &mut audit, language).await?;
    app.press(Key::Escape).await?;
    app.gone("dialog[open]", std::time::Duration::from_secs(5))
        .await?;

    check_the_banks_screen(&app, &mut audit, language).await?;

    app.click_role("button", &language.disconnect_bank(words.demo_bank))
        .await?;
    // The dialog by its title, which names the bank ("Disconnect Demo Bank?").
    let title = language.format(
        "connection.disconnect.title",
        &[("bank", Arg::Text(words.demo_bank))],
    );
    app.find_role("dialog", &title).await?;
    audit.check_in_both_themes(&app, "disconnect").await?;
    app.click_role("button", words.cancel).await?;

    app.close().await?;
    audit.passed()
}

/// The Banks screen from the header: its list with no bank yet, the form of a new bank (empty,
/// with a field Rust refused, and saved, with its redirect URI to copy), the list with that bank,
/// and the question before removing it; then closed again.
async fn check_the_banks_screen(
    app: &AppSession,
    audit: &mut AxeAudit,
    language: &Language,
) -> e2e::Result<()> {
    let words = &language.words;
    let message = |key| language.message(key);
    app.click_role("button", words.banks).await?;
    app.find_role("dialog", message("banks.title")).await?;
    app.shows_text(message("banks.list.empty")).await?;
    audit.check_in_both_themes(app, "banks-empty").await?;

    app.click_role("button", message("banks.add")).await?;
    app.find_role("heading", message("banks.add")).await?;
    app.find_role("textbox", message("banks.form.name")).await?;
    audit.check_in_both_themes(app, "banks-form").await?;

    // Saved with nothing filled in: Rust refuses the first field, said next to it.
    app.click_role("button", message("banks.form.save")).await?;
    app.find("[aria-invalid=true]").await?;
    app.shows_text(message("banks.problem.missing.name"))
        .await?;
    audit
        .check_in_both_themes(app, "banks-form-problem")
        .await?;

    let bank = NewBank {
        name: "Test Bank".to_owned(),
        base_url: "https://127.0.0.1:9".to_owned(),
        client_id: "bankbook".to_owned(),
        client_secret: "not-a-real-secret".to_owned(),
        ..NewBank::default()
    };
    app.fill_bank_form(language, &bank).await?;
    app.save_bank_form(language, &bank.name, true).await?;
    app.find_role("textbox", message("banks.form.redirect.label"))
        .await?;
    audit.check_in_both_themes(app, "banks-form-saved").await?;

    app.click_role("button", message("banks.form.back")).await?;
    let row = |key| language.format(key, &[("bank", Arg::Text(&bank.name))]);
    app.find_role("button", &row("banks.row.editLabel")).await?;
    audit.check_in_both_themes(app, "banks-list").await?;

    app.click_role("button", &row("banks.row.removeLabel"))
        .await?;
    app.find_role("group", &row("banks.remove.question"))
        .await?;
    audit.check_in_both_themes(app, "banks-remove").await?;
    app.click_role("button", words.cancel).await?;

    app.click_role("button", message("common.close")).await?;
    app.gone("dialog[open]", std::time::Duration::from_secs(5))
        .await
}

/// The Settings dialog, checked in the light and the dark theme as it sets them itself (its
/// radio buttons), which shows it sets `<html data-theme>` as the other screens' checks assume;
/// then back to the system's theme, which removes the attribute.
async fn check_settings_in_the_themes_it_sets(
    app: &AppSession,
    audit: &mut AxeAudit,
    language: &Language,
) -> e2e::Result<()> {
    let words = &language.words;
    for (theme, label) in [
        (Some("light"), words.theme_light),
        (Some("dark"), words.theme_dark),
        (None, words.theme_system),
    ] {
        app.click_role("radio", label).await?;
        let shown = app.settled_theme(theme).await?;
        assert_eq!(
            shown.as_deref(),
            theme,
            "Settings' {label:?} set data-theme"
        );
        if let Some(theme) = theme {
            audit.check(app, "settings").await?;
            app.screenshot_as(&format!("{theme}/settings")).await?;
        }
    }
    Ok(())
}

/// Waits until `button` can be pressed (the dialog enables Continue once the banks are listed).
async fn wait_until_enabled(
    app: &AppSession,
    button: &fantoccini::elements::Element,
) -> e2e::Result<()> {
    for _ in 0..150 {
        if button.is_enabled().await? {
            return Ok(());
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    app.screenshot_failure().await;
    Err(e2e::Error::NotFound("an enabled button".to_owned()))
}
