//! A user without a mouse: from the empty window through connecting the Demo Bank to the main
//! window and down the whole history, with key presses alone (Tab, Shift+Tab, Enter, Space, the
//! arrows, Page Down, End, Home) sent to whatever has the focus. The consent itself happens on
//! the bank's page in the (stand-in) browser, as it would in the user's own browser.

use std::time::Duration;

use e2e::{AppSession, ENGLISH, Focused, start_on_demo_bank};
use fantoccini::key::Key;

const BROWSER: &str = env!("CARGO_BIN_EXE_stand-in-browser");

/// Waits until what has the focus satisfies `wanted`, and returns it; fails saying what has it.
async fn focus_settles(
    app: &AppSession,
    what: &str,
    wanted: impl Fn(&Focused) -> bool,
) -> e2e::Result<Focused> {
    let mut focused = app.focused().await?;
    for _ in 0..100 {
        if wanted(&focused) {
            return Ok(focused);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        focused = app.focused().await?;
    }
    app.screenshot_failure().await;
    Err(e2e::Error::NotFound(format!(
        "the focus on {what}; it is on {focused}"
    )))
}

/// The grid's `aria-rowcount` (-1 while older rows may still come).
async fn row_count(app: &AppSession) -> e2e::Result<i64> {
    let count = app
        .client()
        .execute(
            r#"return Number(document.querySelector('[role="grid"]').getAttribute("aria-rowcount"));"#,
            Vec::new(),
        )
        .await?;
    Ok(count.as_i64().unwrap_or(0))
}

/// Fails unless what has the focus shows it (an outline or a ring), as WCAG 2.4.7 asks.
async fn focus_is_visible(app: &AppSession) -> e2e::Result<()> {
    let focused = app.focused().await?;
    assert!(focused.ring, "no focus indicator on {focused}");
    Ok(())
}

fn is_row(focused: &Focused) -> bool {
    focused.role == "row" && focused.row_index.is_some()
}

/// The row a key press should move the focus to (`aria-rowindex`).
#[derive(Debug, Clone, Copy)]
enum Row {
    /// Any row: the grid's tab stop.
    Any,
    /// This one.
    At(u64),
    /// One after this one (a page down).
    After(u64),
    /// This one or one after it: End, to the footer where it was at the press, or further if
    /// older rows came in since (once the focus is there, older rows push the footer on).
    AtLeast(u64),
}

/// The grid's footer row's `aria-rowindex`, if it is in the page.
async fn footer_row(app: &AppSession) -> e2e::Result<Option<u64>> {
    let index = app
        .client()
        .execute(
            r#"const footer = document.querySelector(
                 '[role="grid"] [role="row"][data-testid^="history-"]');
               return footer ? Number(footer.getAttribute("aria-rowindex")) : null;"#,
            Vec::new(),
        )
        .await?;
    Ok(index.as_u64())
}

/// The focused row's `aria-rowindex`, once the focus is on the row `expected` (a key press's
/// focus moves after the press: the row before it must not count).
async fn focused_row(app: &AppSession, what: &str, expected: Row) -> e2e::Result<u64> {
    let mut focused = app.focused().await?;
    for _ in 0..100 {
        if let (true, Some(row)) = (is_row(&focused), focused.row_index) {
            let there = match expected {
                Row::Any => true,
                Row::At(index) => row == index,
                Row::After(index) => row > index,
                Row::AtLeast(index) => row >= index,
            };
            if there {
                return Ok(row);
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        focused = app.focused().await?;
    }
    app.screenshot_failure().await;
    Err(e2e::Error::NotFound(format!(
        "the focus on {what} ({expected:?}); it is on {focused}"
    )))
}

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn a_user_connects_and_reads_the_history_with_the_keyboard_alone() -> e2e::Result<()> {
    let words = &ENGLISH.words;
    let (mut app, _bank) = start_on_demo_bank(
        "keyboard",
        BROWSER,
        "approve:2",
        // Three pages of history: End has older pages to load.
        &[("BANKBOOK_DEMO_TRANSACTIONS", "250")],
    )
    .await?;
    app.find_role("heading", words.empty_title).await?;
    connect_with_keys(&mut app).await?;
    read_the_history_with_keys(&mut app).await?;
    app.close().await
}

/// From the empty state to the main window.
async fn connect_with_keys(app: &mut AppSession) -> e2e::Result<()> {
    let words = &ENGLISH.words;

    // The empty state: Tab reaches its one way forward, Enter takes it.
    let reached = app
        .tab_until(false, 4, |focused| {
            focused.role == "button" && focused.name == words.connect
        })
        .await?;
    assert!(reached.is_some(), "Tab never reached {:?}", words.connect);
    focus_is_visible(app).await?;
    // Settings is there too, the next stop on; Shift+Tab comes back.
    let reached = app
        .tab_until(false, 3, |focused| {
            focused.role == "button" && focused.name == words.settings
        })
        .await?;
    assert!(
        reached.is_some(),
        "Tab never reached Settings on the empty state"
    );
    let back = app
        .tab_until(true, 3, |focused| focused.name == words.connect)
        .await?;
    assert!(
        back.is_some(),
        "Shift+Tab never came back to {:?}",
        words.connect
    );
    app.press(Key::Enter).await?;

    // The dialog takes the focus; Tab goes to Continue, Shift+Tab back to Cancel.
    app.find_role("heading", words.step_bank).await?;
    focus_settles(app, "the onboarding dialog", |focused| focused.in_dialog).await?;
    let continue_button = app.find_role("button", words.continue_in_browser).await?;
    for _ in 0..50 {
        if continue_button.is_enabled().await? {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let reached = app
        .tab_until(false, 6, |focused| {
            focused.role == "button" && focused.name == words.continue_in_browser
        })
        .await?;
    assert!(reached.is_some(), "Tab never reached Continue");
    app.press_with(&[Key::Shift], char::from(Key::Tab)).await?;
    let focused = app.focused().await?;
    assert_eq!(
        (focused.role.as_str(), focused.name.as_str()),
        ("button", words.cancel)
    );
    assert!(focused.in_dialog, "Shift+Tab left the dialog: {focused}");
    focus_is_visible(app).await?;
    app.press(Key::Tab).await?;
    assert_eq!(app.focused().await?.name, words.continue_in_browser);
    // Continue is the dialog's last stop: Tab wraps around inside the dialog, Shift+Tab back.
    app.press(Key::Tab).await?;
    let wrapped = app.focused().await?;
    assert!(wrapped.in_dialog, "Tab left the dialog: {wrapped}");
    app.press_with(&[Key::Shift], char::from(Key::Tab)).await?;
    assert_eq!(app.focused().await?.name, words.continue_in_browser);
    app.screenshot("bank-step-focused").await?;
    // Space presses the focused button too.
    app.press_with(&[], ' ').await?;

    // The bank's answer: the dialog moves the focus to its new step.
    app.find_role("heading", words.step_accounts).await?;
    let focused = focus_settles(app, "the account step", |focused| {
        focused.in_dialog && focused.name == words.step_accounts
    })
    .await?;
    assert_eq!(focused.role, "region", "the step's panel: {focused}");

    // Tab to the first account, Space ticks it; Tab on to Show accounts, Enter.
    app.find(".account-option").await?;
    let reached = app
        .tab_until(false, 6, |focused| {
            focused.role == "checkbox" && focused.name != words.select_all
        })
        .await?;
    assert!(reached.is_some(), "Tab never reached an account's checkbox");
    focus_is_visible(app).await?;
    let before = app.focused().await?.checked;
    app.press_with(&[], ' ').await?;
    let after = app.focused().await?.checked;
    assert_eq!(after, before.map(|checked| !checked), "Space did not tick");
    if after == Some(false) {
        app.press_with(&[], ' ').await?;
    }
    app.screenshot("account-ticked").await?;
    let reached = app
        .tab_until(false, 8, |focused| {
            focused.role == "button" && focused.name == words.show_accounts
        })
        .await?;
    assert!(reached.is_some(), "Tab never reached Show accounts");
    focus_is_visible(app).await?;
    app.press(Key::Enter).await?;
    app.find("[data-testid=transaction-row]").await?;
    app.refreshed().await
}

/// Down the history grid, to its start.
async fn read_the_history_with_keys(app: &mut AppSession) -> e2e::Result<()> {
    let words = &ENGLISH.words;

    // The main window: Tab reaches the history grid, on one row.
    let reached = app.tab_until(false, 15, is_row).await?;
    assert!(reached.is_some(), "Tab never reached a row of the history");
    let first = focused_row(app, "a row", Row::Any).await?;
    focus_is_visible(app).await?;
    app.screenshot("history-focused").await?;

    // Arrow Down and Up move one row; Page Down about a screenful.
    app.press(Key::Down).await?;
    focused_row(app, "the next row", Row::At(first + 1)).await?;
    app.press(Key::Up).await?;
    focused_row(app, "the first row again", Row::At(first)).await?;
    app.press(Key::PageDown).await?;
    let paged = focused_row(app, "a row a page down", Row::After(first)).await?;
    assert!(paged > first + 3, "Page Down moved from {first} to {paged}");
    app.screenshot("page-down").await?;

    // End goes to the last row loaded, the footer; there, older pages load, and End goes
    // further, until the start of the history, when the grid knows its row count.
    let mut last = paged;
    let mut ends = Vec::new();
    for _ in 0..20 {
        // The footer, if it is in the page (rows far below are not): End goes at least there;
        // when it is not in the page, it is past the focused row.
        let footer = footer_row(app).await?;
        app.press(Key::End).await?;
        let expected = footer.map_or(last + 1, |footer| footer.max(last));
        let row = focused_row(app, "the footer", Row::AtLeast(expected)).await?;
        assert!(row >= last, "End went back from {last} to {row}");
        ends.push(row);
        last = row;
        if row_count(app).await? > 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    let count = row_count(app).await?;
    assert!(
        count > 0,
        "the whole history never loaded; End went to {ends:?}"
    );
    // Older pages came in while the focus went down: End found more rows than the first time.
    assert!(
        ends.first().is_some_and(|first_end| last > *first_end),
        "End found no older rows: {ends:?}"
    );
    app.press(Key::End).await?;
    let focused = focus_settles(app, "the start of the history", |focused| {
        is_row(focused) && focused.name.contains(words.history_start)
    })
    .await?;
    assert_eq!(focused.row_index, u64::try_from(count).ok());
    app.screenshot("history-end").await?;

    // Home goes back to the newest row.
    app.press(Key::Home).await?;
    focused_row(app, "the first row", Row::At(1)).await?;

    // Back up to the header's Settings: Enter opens it with the focus inside, Escape closes it
    // and the focus is back on Settings.
    let reached = app
        .tab_until(true, 10, |focused| {
            focused.role == "button" && focused.name == words.settings
        })
        .await?;
    assert!(reached.is_some(), "Shift+Tab never reached Settings");
    focus_is_visible(app).await?;
    app.press(Key::Enter).await?;
    app.find_role("dialog", words.settings_title).await?;
    focus_settles(app, "the Settings dialog", |focused| focused.in_dialog).await?;
    app.screenshot("settings-focused").await?;
    app.press(Key::Escape).await?;
    let back = focus_settles(app, "Settings again", |focused| !focused.in_dialog).await?;
    assert_eq!(
        (back.role.as_str(), back.name.as_str()),
        ("button", words.settings)
    );
    Ok(())
}
