//! Every screen of the app, checked with axe-core (WCAG 2.2 A and AA, and axe's best practices)
//! in English and in Slovak, in the light and in the dark theme: no serious and no critical
//! violation anywhere.
//!
//! One app session per language walks every screen a user meets, in order: the empty state, the
//! onboarding dialog's steps (the bank, waiting for the bank, a decline at the bank, the
//! accounts), the main window with transactions, its history's check broken by a bank whose
//! balance moved with no entry (and fetched again to no avail), its charts (the month's spending
//! shown as a search by a category's row), the search (results with the filters open, no
//! results with an amount it cannot read, a row's detail, the export dialog and its saved
//! message, and "Fetch the whole history" under way), Settings with its categories and a rule's
//! preview, and its backup form (with a
//! passphrase too short), the restore dialog from the empty state, the Banks screen (its list,
//! empty and with a bank, the form of a new bank, empty, with a refused field and saved, and
//! the question before removing a bank) and the disconnect dialog. On each
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
use std::time::Duration;

use e2e::{
    AppSession, Arg, AxeAudit, DemoBank, ENGLISH, Language, NewBank, SLOVAK, slow_transactions,
    start_on_demo_bank,
};
use fantoccini::key::Key;

const BROWSER: &str = env!("CARGO_BIN_EXE_stand-in-browser");
/// The fewest characters of a backup's passphrase (`app::MIN_PASSPHRASE_CHARS`).
const MIN_PASSPHRASE_CHARS: u64 = 8;

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
    let save_as = decisions.path().join("export");
    let save_as = save_as.to_string_lossy().into_owned();
    let (app, bank) = start_on_demo_bank(
        &format!("accessibility_{}", language.code),
        BROWSER,
        "none",
        &[
            ("LANG", language.locale),
            ("STAND_IN_DECISION_FILE", &decision_file),
            // Three pages of history: the main window loads the first, and "Fetch the whole
            // history" has two more to fetch.
            ("BANKBOOK_DEMO_TRANSACTIONS", "250"),
            ("BANKBOOK_SAVE_AS", &save_as),
        ],
    )
    .await?;
    let mut audit = AxeAudit::new();

    app.find_role("heading", words.empty_title).await?;
    audit.check_in_both_themes(&app, "empty-state").await?;

    app.click_role("button", language.message("data.restore.open"))
        .await?;
    app.find_role("dialog", language.message("data.restore.title"))
        .await?;
    audit.check_in_both_themes(&app, "restore").await?;
    app.click_role("button", words.cancel).await?;
    app.gone("dialog[open]", Duration::from_secs(5)).await?;

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
    // The history's check, once the first refresh gave it a balance.
    app.find(".reconciliation-ok").await?;
    audit.check_in_both_themes(&app, "main-window").await?;
    check_a_break_in_the_history(&app, &bank, &mut audit, language).await?;
    check_the_charts(&app, &mut audit, language).await?;

    check_the_search(&app, &bank, &mut audit, language).await?;

    app.click_role("button", words.settings).await?;
    app.find_role("dialog", words.settings_title).await?;
    check_settings_in_the_themes_it_sets(&app, &mut audit, language).await?;
    check_the_categories(&app, &mut audit, language).await?;
    check_the_backup_form(&app, &mut audit, language).await?;
    app.press(Key::Escape).await?;
    app.gone("dialog[open]", Duration::from_secs(5)).await?;

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

/// The charts, with the newest month's spending per category; a category's row shows its
/// transactions as a search, which is then cleared.
async fn check_the_charts(
    app: &AppSession,
    audit: &mut AxeAudit,
    language: &Language,
) -> e2e::Result<()> {
    app.click_role("button", language.message("transactions.charts.show"))
        .await?;
    // The balance's line, drawn once the charts are summed, and the month's spending.
    app.find(".chart-balance").await?;
    app.find(".spending-table").await?;
    audit.check_in_both_themes(app, "charts").await?;
    // A category's row shows its transactions: the charts make way for that search.
    app.find(".spending-show").await?.click().await?;
    app.find("[data-testid=search-filters]").await?;
    app.find("[data-testid=transaction-row] [data-testid=category-chip]")
        .await?;
    audit.check_in_both_themes(app, "spending-shown").await?;
    app.click_role("button", language.message("search.clear"))
        .await?;
    Ok(())
}

/// The bank's balance moves with no entry to show for it: the history's check says where it
/// breaks, and fetching those days again finds nothing to explain it.
async fn check_a_break_in_the_history(
    app: &AppSession,
    bank: &DemoBank,
    audit: &mut AxeAudit,
    language: &Language,
) -> e2e::Result<()> {
    let iban = app.shown_iban().await?;
    bank.shift_balance(&iban, "10.00").await?;
    app.click_role("button", language.words.refresh).await?;
    app.refreshed().await?;
    let label = language.message("transactions.reconciliation.label");
    app.find_role("region", label).await?;
    audit.check_in_both_themes(app, "history-break").await?;
    app.click_role(
        "button",
        language.message("transactions.reconciliation.fetchAgain"),
    )
    .await?;
    app.find_with_text(
        ".reconciliation p",
        language.message("transactions.reconciliation.stillMissing"),
    )
    .await?;
    Ok(())
}

/// The search: results with the filters open, nothing found (with an amount it cannot read,
/// said in a note), a row's detail, the export dialog and its saved message, and the whole
/// history being fetched (the bank's pages slowed so its progress stays on screen); then the
/// search emptied, back to the history.
async fn check_the_search(
    app: &AppSession,
    bank: &DemoBank,
    audit: &mut AxeAudit,
    language: &Language,
) -> e2e::Result<()> {
    let message = |key| language.message(key);
    // A word of the newest row's title: the search finds that row at least.
    let title = app.find(".transaction-counterparty").await?.text().await?;
    let word = title.split_whitespace().next().unwrap_or("a").to_owned();
    app.type_search(language, &word).await?;
    app.find_role("region", message("search.summary.label"))
        .await?;
    app.find_role("grid", message("search.results.label"))
        .await?;
    app.open_search_filters(language).await?;
    audit.check_in_both_themes(app, "search-results").await?;

    app.type_search(language, "qqqzzzxxy").await?;
    app.replace_in(message("search.amount.label"), "1,2,3")
        .await?;
    app.shows_text(message("search.empty.title")).await?;
    app.shows_text(language.message_start("search.note.notAnAmount"))
        .await?;
    audit.check_in_both_themes(app, "search-no-results").await?;

    app.replace_in(message("search.amount.label"), "").await?;
    app.type_search(language, &word).await?;
    app.find_role("grid", message("search.results.label"))
        .await?;
    let row = app.find("[data-testid=transaction-row]").await?;
    let title = row
        .find(fantoccini::Locator::Css(".transaction-counterparty"))
        .await?
        .prop("textContent")
        .await?
        .unwrap_or_default();
    row.click().await?;
    // The detail is named by the row's title.
    app.find_role("dialog", &title).await?;
    app.find_role("button", message("detail.copy.amount"))
        .await?;
    audit.check_in_both_themes(app, "detail").await?;
    app.press(Key::Escape).await?;
    app.gone("dialog[open]", Duration::from_secs(5)).await?;

    app.click_role("button", message("export.open")).await?;
    app.find_role("dialog", message("export.title")).await?;
    audit.check_in_both_themes(app, "export").await?;
    app.click_role("button", message("export.confirm")).await?;
    app.shows_text(language.message_start("export.saved"))
        .await?;
    audit.check_in_both_themes(app, "export-saved").await?;
    if app.count("dialog[open]").await? > 0 {
        app.press(Key::Escape).await?;
        app.gone("dialog[open]", Duration::from_secs(5)).await?;
    }

    // Long enough a page for both themes' checks while the fetch goes on.
    bank.inject_fault(slow_transactions(8_000, 60)).await?;
    app.click_role("button", message("search.wholeHistory.fetch"))
        .await?;
    app.find("progress").await?;
    let checked = audit
        .check_in_both_themes(app, "whole-history-progress")
        .await;
    bank.clear_faults().await?;
    checked?;
    app.shows_text(message("search.coverage.complete")).await?;

    app.type_search(language, "").await?;
    app.find_role("grid", language.words.transactions).await?;
    Ok(())
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
    app.gone("dialog[open]", Duration::from_secs(5)).await
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

/// Settings' backup form, with its passphrase refused as too short (the same form as empty,
/// plus the problem and its marks).
/// Categories and rules: a rule's preview of the stored transactions it would change.
async fn check_the_categories(
    app: &AppSession,
    audit: &mut AxeAudit,
    language: &Language,
) -> e2e::Result<()> {
    app.click_role("button", language.message("categories.settings.open"))
        .await?;
    app.find_role("heading", language.message("categories.editor.dialogTitle"))
        .await?;
    app.type_into(language.message("categories.rule.counterparty"), "LIDL")
        .await?;
    app.click_role("button", language.message("categories.rule.preview"))
        .await?;
    app.find("[data-testid=rule-preview]").await?;
    audit.check_in_both_themes(app, "categories").await?;
    app.click_role("button", language.message("common.back"))
        .await?;
    app.find_role("heading", language.message("settings.title"))
        .await?;
    Ok(())
}

async fn check_the_backup_form(
    app: &AppSession,
    audit: &mut AxeAudit,
    language: &Language,
) -> e2e::Result<()> {
    app.click_role("button", language.message("data.backup.open"))
        .await?;
    app.find_role("heading", language.message("data.backup.title"))
        .await?;
    app.type_into(language.message("data.backup.passphrase"), "short")
        .await?;
    app.click_role("button", language.message("data.backup.save"))
        .await?;
    let too_short = language.format(
        "data.problem.weakPassphrase",
        &[("count", Arg::Number(MIN_PASSPHRASE_CHARS))],
    );
    app.find_with_text("p", &too_short).await?;
    audit.check_in_both_themes(app, "backup-problem").await?;
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
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    app.screenshot_failure().await;
    Err(e2e::Error::NotFound("an enabled button".to_owned()))
}
