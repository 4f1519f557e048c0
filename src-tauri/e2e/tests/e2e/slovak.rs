//! A user whose system is Slovak (LANG=sk_SK.UTF-8) gets Bankbook in Slovak: the empty state,
//! the onboarding dialog and the main window by their Slovak headings and buttons, plurals as
//! Slovak has them ("2 účty"), money as Slovakia writes it ("1 234,56 €", with no-break spaces),
//! dates and relative times in Slovak; and the Settings dialog switches to the dark theme.
//! Screenshots of the onboarding dialog and the main window in both themes are kept as
//! `slovak/<screen>-<theme>.png` in the artefacts.

use std::path::Path;

use e2e::{AppSession, Arg, DemoBank, ENGLISH, SLOVAK, start_on_demo_bank};
use fantoccini::key::Key;

const BROWSER: &str = env!("CARGO_BIN_EXE_stand-in-browser");

/// U+00A0, which Slovak formatting puts between thousands and before the currency.
const NO_BREAK_SPACE: char = '\u{a0}';

/// `-12345.6` (the bank's decimal text) in euros as Slovak formatting writes it, with the
/// app's typographic minus: `−12 345,60 €`.
fn slovak_euros(decimal: &str) -> String {
    let (sign, magnitude) = decimal
        .strip_prefix('-')
        .map_or(("", decimal), |magnitude| ("\u{2212}", magnitude));
    let (whole, fraction) = magnitude.split_once('.').unwrap_or((magnitude, ""));
    let mut grouped = String::new();
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            grouped.push(NO_BREAK_SPACE);
        }
        grouped.push(digit);
    }
    format!("{sign}{grouped},{fraction:0<2}{NO_BREAK_SPACE}€")
}

#[test]
fn slovak_euros_are_written_as_in_slovakia() {
    assert_eq!(slovak_euros("1234.56"), "1\u{a0}234,56\u{a0}€");
    assert_eq!(slovak_euros("-14922.1"), "\u{2212}14\u{a0}922,10\u{a0}€");
    assert_eq!(slovak_euros("999"), "999,00\u{a0}€");
}

/// The Slovak names of the months, as a long date has them ("28. februára 2027").
const MONTHS_GENITIVE: [&str; 12] = [
    "januára",
    "februára",
    "marca",
    "apríla",
    "mája",
    "júna",
    "júla",
    "augusta",
    "septembra",
    "októbra",
    "novembra",
    "decembra",
];

const WEEKDAYS: [&str; 7] = [
    "pondelok", "utorok", "streda", "štvrtok", "piatok", "sobota", "nedeľa",
];

/// The text of the first element matching `css`, as the page has it: WebDriver's element text
/// would turn the no-break spaces into plain ones.
async fn text_of(app: &AppSession, css: &str) -> e2e::Result<String> {
    let element = app.find(css).await?;
    let text = app
        .client()
        .execute(
            "return arguments[0].textContent;",
            vec![
                serde_json::to_value(&element)
                    .map_err(|error| e2e::Error::Setup(error.to_string()))?,
            ],
        )
        .await?;
    Ok(text.as_str().unwrap_or_default().trim().to_owned())
}

/// The page's text, as shown.
async fn page_text(app: &AppSession) -> e2e::Result<String> {
    let text = app
        .client()
        .execute("return document.body.innerText;", Vec::new())
        .await?;
    Ok(text.as_str().unwrap_or_default().to_owned())
}

/// What `preferences.toml` under the app's config folder says, if it is there.
fn stored_preferences(home: &Path) -> Option<String> {
    e2e::files_under(&home.join(".config"))
        .into_iter()
        .find(|(path, _)| path.ends_with("/preferences.toml"))
        .map(|(_, bytes)| String::from_utf8_lossy(&bytes).into_owned())
}

/// Waits (up to 5 s) until `preferences.toml` holds `line`: the UI changes at once, the file
/// once the app has saved it. Fails with what the file says.
async fn preferences_hold(home: &Path, line: &str) -> e2e::Result<()> {
    let mut stored = String::new();
    for _ in 0..50 {
        stored = stored_preferences(home).unwrap_or_default();
        if stored.contains(line) {
            return Ok(());
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    Err(e2e::Error::NotFound(format!(
        "{line} in preferences.toml, which says: {stored:?}"
    )))
}

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn a_slovak_system_gets_bankbook_in_slovak() -> e2e::Result<()> {
    let (app, bank) = start_on_demo_bank(
        "slovak",
        BROWSER,
        "approve:2",
        &[
            ("LANG", SLOVAK.locale),
            ("BANKBOOK_DEMO_TRANSACTIONS", "120"),
        ],
    )
    .await?;

    onboard_in_slovak(&app).await?;
    main_window_in_slovak(&app, &bank).await?;
    dark_theme_from_settings(&app).await?;
    app.close().await
}

/// The empty state and the onboarding dialog, up to the main window.
async fn onboard_in_slovak(app: &AppSession) -> e2e::Result<()> {
    let words = &SLOVAK.words;
    // The empty state.
    app.find_role("heading", words.empty_title).await?;
    let lang = app
        .client()
        .execute("return document.documentElement.lang;", Vec::new())
        .await?;
    assert_eq!(
        lang.as_str(),
        Some("sk"),
        "<html lang> says the page's language"
    );
    let text = page_text(app).await?;
    let read_only = SLOVAK.message("onboarding.emptyState.readOnly.title");
    assert!(text.contains(read_only), "no {read_only:?} in: {text}");
    app.find_role("button", words.settings).await?;
    app.screenshot_as("empty-state-light").await?;

    // The onboarding dialog, in both themes.
    app.click_role("button", words.connect).await?;
    app.find_role("dialog", words.dialog_title).await?;
    app.find_role("heading", words.step_bank).await?;
    app.find_role("button", words.cancel).await?;
    let continue_button = app.find_role("button", words.continue_in_browser).await?;
    app.find_with_text(".bank-option .bank-name", words.demo_bank)
        .await?;
    for theme in ["light", "dark"] {
        app.apply_theme(Some(theme)).await?;
        app.screenshot_as(&format!("onboarding-dialog-{theme}"))
            .await?;
    }
    app.apply_theme(None).await?;

    // The accounts the bank shared: "2 účty", Slovak's plural for two to four.
    continue_button.click().await?;
    app.find_role("heading", words.step_accounts).await?;
    app.find(".account-option").await?;
    let step = page_text(app).await?;
    let lead = SLOVAK.format("onboarding.accountStep.lead", &[("count", Arg::Number(2))]);
    assert!(step.contains(&lead), "the account step says: {step}");
    assert!(lead.contains(" 2 účty"), "Slovak's plural for two: {lead}");
    for checkbox in app.find_all(".account-option input[type=checkbox]").await? {
        if !checkbox.is_selected().await? {
            checkbox.click().await?;
        }
    }
    let selected = SLOVAK.format(
        "onboarding.accountPicker.count",
        &[("count", Arg::Number(2)), ("total", Arg::Number(2))],
    );
    assert!(page_text(app).await?.contains(&selected), "no {selected:?}");
    app.click_role("button", words.show_accounts).await?;

    app.find("[data-testid=transaction-row]").await?;
    app.refreshed().await
}

/// The main window's words, money, dates and times.
async fn main_window_in_slovak(app: &AppSession, bank: &DemoBank) -> e2e::Result<()> {
    let words = &SLOVAK.words;
    // The main window.
    // The header's buttons, and the Demo Bank's group's, named with the bank.
    let demo_bank = words.demo_bank;
    for button in [
        words.connect_another.to_owned(),
        words.banks.to_owned(),
        words.settings.to_owned(),
        words.refresh.to_owned(),
        SLOVAK.choose_accounts_at(demo_bank),
        SLOVAK.disconnect_bank(demo_bank),
    ] {
        app.find_role("button", &button).await?;
    }
    app.find_role("region", demo_bank).await?;
    app.find_role("grid", words.transactions).await?;

    // Money: every booked balance as Slovakia writes it, one of them of a thousand or more.
    let mut thousands = 0;
    for item in app.find_all("[data-testid=account-item]").await? {
        let iban = item.attr("data-iban").await?.unwrap_or_default();
        let at_the_bank = bank.account(&iban, 0).await?;
        let shown = wait_for_balance(app, &iban).await?;
        assert_eq!(
            shown,
            slovak_euros(&at_the_bank.booked),
            "{iban}'s booked balance"
        );
        let whole = at_the_bank.booked.trim_start_matches('-');
        if whole
            .split('.')
            .next()
            .is_some_and(|whole| whole.len() >= 4)
        {
            thousands += 1;
        }
    }
    assert!(
        thousands > 0,
        "no balance of a thousand euros or more to check"
    );

    // Dates and times in Slovak: the consent's end, the days of the history, the last update.
    // Each bank's group says until when Bankbook may read it.
    let until = text_of(app, ".bank-group .connection-until").await?;
    assert!(
        until.starts_with(SLOVAK.message_start("connection.accessEndsIn"))
            && MONTHS_GENITIVE.iter().any(|month| until.contains(month)),
        "the consent's end: {until:?}"
    );
    let shown = page_text(app).await?;
    let today = SLOVAK.message("transactions.today");
    assert!(shown.contains(today), "no {today:?} (today) in the history");
    // A full date as a header ("Sobota 28. novembra 2026", capitalized as a header is).
    let full_date = shown.lines().any(|line| {
        let line = line.trim().to_lowercase();
        WEEKDAYS
            .iter()
            .any(|day| line.starts_with(&format!("{day} ")))
            && MONTHS_GENITIVE
                .iter()
                .any(|month| line.contains(&format!(". {month} ")))
    });
    assert!(
        full_date,
        "no Slovak full date among the history's days: {shown}"
    );
    let fresh = SLOVAK.message("accounts.freshness.justNow");
    assert!(
        shown.contains(fresh),
        "no {fresh:?}: the balances' freshness"
    );
    app.screenshot_as("main-window-light").await?;

    Ok(())
}

/// Settings: the dark theme, as a user picks it, applied and remembered.
async fn dark_theme_from_settings(app: &AppSession) -> e2e::Result<()> {
    let words = &SLOVAK.words;
    let light_background = app.page_background().await?;
    app.click_role("button", words.settings).await?;
    app.find_role("dialog", words.settings_title).await?;
    app.click_role("radio", words.theme_dark).await?;
    assert_eq!(
        app.settled_theme(Some("dark")).await?.as_deref(),
        Some("dark")
    );
    app.screenshot_as("settings-dark").await?;
    app.press(Key::Escape).await?;
    app.gone("dialog[open]", std::time::Duration::from_secs(5))
        .await?;
    // The page turns dark (a transition may fade it).
    let mut background = app.page_background().await?;
    for _ in 0..30 {
        if background != light_background {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        background = app.page_background().await?;
    }
    assert_ne!(
        background, light_background,
        "the dark theme changed nothing"
    );
    app.screenshot_as("main-window-dark").await?;
    preferences_hold(app.home(), "theme = \"dark\"").await?;

    // English chosen in Settings: the window speaks English at once, and it is remembered.
    app.click_role("button", words.settings).await?;
    app.find_role("dialog", words.settings_title).await?;
    app.find_role("radio", SLOVAK.message("common.language.en"))
        .await?
        .click()
        .await?;
    app.find_role("dialog", ENGLISH.words.settings_title)
        .await?;
    app.press(Key::Escape).await?;
    app.find_role(
        "button",
        &ENGLISH.choose_accounts_at(ENGLISH.words.demo_bank),
    )
    .await?;
    let lang = app
        .client()
        .execute("return document.documentElement.lang;", Vec::new())
        .await?;
    assert_eq!(lang.as_str(), Some("en"));
    preferences_hold(app.home(), "language = \"en\"").await?;
    Ok(())
}

/// The booked balance shown for `iban`, once it is loaded.
async fn wait_for_balance(app: &AppSession, iban: &str) -> e2e::Result<String> {
    let css =
        format!("[data-testid=account-item][data-iban=\"{iban}\"] [data-testid=balance-booked]");
    for _ in 0..150 {
        let text = text_of(app, &css).await?;
        if text != "—" && !text.is_empty() {
            return Ok(text);
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    Err(e2e::Error::NotFound(format!("{iban}'s booked balance")))
}
