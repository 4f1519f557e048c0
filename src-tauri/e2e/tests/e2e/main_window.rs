//! The main window of a connected app: balances as the bank has them, the whole history by
//! scrolling, new entries after Refresh, and a restart that shows what is stored before
//! asking the bank anything.

use e2e::{AppSession, DemoBank, Onboarded, onboard};
use fantoccini::key::Key;

const BROWSER: &str = env!("CARGO_BIN_EXE_stand-in-browser");

/// Waits until the sidebar shows a booked balance, and returns it as shown.
async fn booked_balance(app: &AppSession) -> e2e::Result<String> {
    for _ in 0..150 {
        let text = app
            .find("[data-testid=balance-booked]")
            .await?
            .text()
            .await?;
        if text != "—" {
            return Ok(text);
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    Err(e2e::Error::NotFound("a booked balance".to_owned()))
}

/// An amount as shown (`-€1,520.30`, `1 520,30 €`) is the bank's (`-1520.3`) in sign and
/// digits, whatever the locale's separators and symbol; the currency shows at least two decimals.
fn same_amount(shown: &str, at_the_bank: &str) -> bool {
    let digits: String = shown.chars().filter(char::is_ascii_digit).collect();
    let negative = shown.contains('-') || shown.contains('\u{2212}');
    let magnitude = at_the_bank.trim_start_matches('-');
    let (whole, fraction) = magnitude.split_once('.').unwrap_or((magnitude, ""));
    digits == format!("{whole}{fraction:0<2}") && negative == at_the_bank.starts_with('-')
}

async fn rows_with_id(app: &AppSession, id: &str) -> e2e::Result<usize> {
    app.count(&format!("[data-testid=transaction-row][data-id=\"{id}\"]"))
        .await
}

/// Waits until the newest row is `id` (after a refresh).
async fn wait_for_first_row(app: &AppSession, id: &str) -> e2e::Result<()> {
    for _ in 0..150 {
        if app.first_row_id().await? == id {
            return Ok(());
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    Err(e2e::Error::NotFound(format!("{id} at the top of the list")))
}

/// Whether the transaction list comes to rest (the same scroll position twice in a row) at a
/// position, in pixels from the top, that satisfies `wanted`. It usually does within a few
/// frames; the bound is generous (15 s) because three test sessions share two cores, and a
/// webview starved for a while is slow, not wrong (a 3 s bound failed once under that load).
async fn scrolls_to(app: &AppSession, wanted: impl Fn(u64) -> bool) -> e2e::Result<bool> {
    let mut last = None;
    for _ in 0..150 {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        let top = app
            .client()
            .execute(
                r#"return Math.round(document.querySelector('[data-testid="transaction-list"]').scrollTop);"#,
                Vec::new(),
            )
            .await?
            .as_u64();
        if top.is_some() && top == last && top.is_some_and(&wanted) {
            return Ok(true);
        }
        last = top;
    }
    Ok(false)
}

async fn refresh(app: &AppSession) -> e2e::Result<()> {
    app.find_with_text("button", "Refresh")
        .await?
        .click()
        .await?;
    Ok(())
}

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn the_balances_and_every_transaction_of_a_long_history_are_shown() -> e2e::Result<()> {
    let Onboarded { mut app, bank } = onboard(
        "main_window_history",
        BROWSER,
        1,
        1,
        &[("BANKBOOK_DEMO_TRANSACTIONS", "1000")],
    )
    .await?;
    let iban = app.shown_iban().await?;
    let at_the_bank = bank.account(&iban, 2_000).await?;
    let booked = booked_balance(&app).await?;
    assert!(
        same_amount(&booked, &at_the_bank.booked),
        "shown {booked}, the bank has {}",
        at_the_bank.booked
    );
    let available = app
        .find("[data-testid=balance-available]")
        .await?
        .text()
        .await?;
    assert!(same_amount(&available, &at_the_bank.available));
    app.find("[data-testid=transaction-row]").await?;
    app.screenshot("main-window").await?;

    // The keyboard scrolls the list: on a row of the grid, Page Down moves it, Home brings it
    // back. A click on a row opens its detail, and closing that gives the focus back to the row.
    app.find("[data-testid=transaction-row]")
        .await?
        .click()
        .await?;
    app.find("dialog[open]").await?;
    app.press(Key::Escape).await?;
    app.gone("dialog[open]", std::time::Duration::from_secs(5))
        .await?;
    app.press(Key::PageDown).await?;
    assert!(
        scrolls_to(&app, |top| top > 0).await?,
        "Page Down did not scroll"
    );
    app.press(Key::Home).await?;
    assert!(
        scrolls_to(&app, |top| top == 0).await?,
        "Home did not scroll back"
    );

    let scrolled = app.scroll_history(600, usize::MAX).await?;

    assert!(scrolled.reached_the_end);
    assert_eq!(scrolled.ids.len(), 1_000);
    assert_eq!(scrolled.ids, at_the_bank.entry_references);
    app.find("[data-testid=history-end]").await?;
    app.screenshot("end-of-history").await?;
    // Pages of 100: ceil(1,000 / 100), none fetched twice, and one more because the older
    // pages come from the listing up to the first page's oldest day, which repeats that day.
    assert_eq!(bank.transaction_pages().await?, 11);
    app.close().await
}

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn new_and_booked_entries_appear_once_after_refresh() -> e2e::Result<()> {
    let Onboarded { mut app, bank } = onboard(
        "main_window_refresh",
        BROWSER,
        1,
        1,
        &[("BANKBOOK_DEMO_TRANSACTIONS", "300")],
    )
    .await?;
    let iban = app.shown_iban().await?;
    booked_balance(&app).await?;
    app.find("[data-testid=transaction-row]").await?;

    let added = bank
        .add_transaction(&iban, "-42.10", "Bratislava City Library", false)
        .await?;
    refresh(&app).await?;
    wait_for_first_row(&app, &added).await?;
    assert_eq!(rows_with_id(&app, &added).await?, 1);
    app.screenshot("added-at-the-bank").await?;

    let hold = bank
        .add_transaction(&iban, "-9.99", "Slovnaft", true)
        .await?;
    refresh(&app).await?;
    wait_for_first_row(&app, &hold).await?;
    let pending_row = format!("[data-testid=transaction-row][data-id=\"{hold}\"] .badge-pending");
    assert_eq!(app.count(&pending_row).await?, 1);
    app.screenshot("pending").await?;

    bank.book(&hold).await?;
    refresh(&app).await?;
    for _ in 0..150 {
        if app.count(&pending_row).await? == 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(app.count(&pending_row).await?, 0);
    assert_eq!(rows_with_id(&app, &hold).await?, 1);
    assert_eq!(rows_with_id(&app, &added).await?, 1);

    // Everything, once, in the bank's order.
    let scrolled = app.scroll_history(600, usize::MAX).await?;
    assert_eq!(
        scrolled.ids,
        bank.account(&iban, 1_000).await?.entry_references
    );
    app.screenshot("booked").await?;
    app.close().await
}

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn a_restart_shows_the_stored_accounts_and_history_before_asking_the_bank() -> e2e::Result<()>
{
    let Onboarded { mut app, bank } = onboard(
        "main_window_restart",
        BROWSER,
        2,
        2,
        &[("BANKBOOK_DEMO_TRANSACTIONS", "300")],
    )
    .await?;
    let booked = booked_balance(&app).await?;
    let newest = app.first_row_id().await?;

    app.restart().await?;

    assert_eq!(booked_balance(&app).await?, booked);
    assert_eq!(app.count("[data-testid=account-item]").await?, 2);
    assert_eq!(app.first_row_id().await?, newest);
    app.screenshot("restarted").await?;
    // The app starts its Demo Bank on the first request it needs: none was made.
    assert!(!DemoBank::is_running(&bank).await);
    app.close().await
}

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn a_consent_revoked_while_scrolling_asks_to_reconnect_and_keeps_the_rows() -> e2e::Result<()>
{
    let Onboarded { mut app, bank } = onboard(
        "main_window_revoked",
        BROWSER,
        1,
        1,
        &[("BANKBOOK_DEMO_TRANSACTIONS", "500")],
    )
    .await?;
    booked_balance(&app).await?;
    let newest = app.first_row_id().await?;

    bank.revoke_consents().await?;
    app.scroll_history(600, 250).await?;

    app.find_with_text("button", "Reconnect").await?;
    app.screenshot("reconnect-offered").await?;
    // What was loaded stays: back at the top, the newest entry is still there.
    app.scroll_history_to_top().await?;
    assert_eq!(app.first_row_id().await?, newest);
    app.screenshot("rows-kept").await?;
    app.close().await
}
