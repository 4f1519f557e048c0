//! Bankbook in the background, as a desktop has it: the tray's menu (read and clicked over the
//! `StatusNotifierItem` protocol by the test's tray host) and the notification of what an
//! automatic refresh brought (caught by the test's notification service), whose click brings
//! the hidden window back on that account. The app's clock is moved six hours on, so the next
//! automatic refresh is due while the test runs.

use std::time::{Duration, Instant};

use e2e::{
    AppSession, DemoBank, ENGLISH, NotificationSink, Onboarded, SLOVAK, TrayHost, close_window,
    midday_time_zone, onboard, window_shown,
};
use fantoccini::key::Key;
use sandbox_bank::Resource;

const BROWSER: &str = env!("CARGO_BIN_EXE_stand-in-browser");
/// Six hours and ten minutes: an account read six hours ago may be read again unattended.
const SIX_HOURS_ON: &str = "22200";

/// Waits up to `within` for the window titled Bankbook to be shown, or hidden.
async fn window_shown_after(shown: bool, within: Duration) -> e2e::Result<bool> {
    let deadline = Instant::now() + within;
    loop {
        if window_shown("Bankbook")? == shown {
            return Ok(true);
        }
        if Instant::now() > deadline {
            return Ok(false);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The IBAN of the account in the list that is not the one shown.
async fn other_account(app: &AppSession) -> e2e::Result<String> {
    let shown = app.shown_iban().await?;
    for item in app.find_all("[data-testid=account-item]").await? {
        let iban = item.attr("data-iban").await?.unwrap_or_default();
        if iban != shown {
            return Ok(iban);
        }
    }
    Err(e2e::Error::NotFound("a second account".to_owned()))
}

/// Waits until the app has saved "keep running" in its preferences: the window's choice
/// reaches the file a moment after the click.
async fn keep_running_saved(app: &AppSession) -> e2e::Result<()> {
    let file = app
        .home()
        .join(".config/app.bankbook.desktop/preferences.toml");
    for _ in 0..100 {
        if std::fs::read_to_string(&file).is_ok_and(|text| text.contains("keepRunning = true")) {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(e2e::Error::NotFound(format!(
        "keepRunning saved in {}",
        file.display()
    )))
}

/// In Settings: notifications for the account `iban`, and "keep running" on. Returns the
/// account's name as Settings says it.
async fn choose_notifications_and_keep_running(
    app: &AppSession,
    iban: &str,
) -> e2e::Result<String> {
    app.click_role("button", ENGLISH.words.settings).await?;
    app.find_role("group", ENGLISH.message("settings.notifications.legend"))
        .await?;
    let last_four = &iban[iban.len() - 4..];
    let choices = app.names_of_role("checkbox").await?;
    let account_choice = choices
        .iter()
        .find(|name| {
            name.starts_with("New transactions on") && name.ends_with(&format!("{last_four})"))
        })
        .ok_or_else(|| {
            e2e::Error::NotFound(format!(
                "the notification choice for …{last_four} (there are {choices:?})"
            ))
        })?;
    app.click_role("checkbox", account_choice).await?;
    // "New transactions on Current account (SK31 1200 … 0188)": the account's name.
    let account_name = account_choice
        .trim_start_matches("New transactions on ")
        .rsplit_once(" (")
        .map(|(name, _iban)| name.to_owned())
        .unwrap_or_default();
    app.click_role(
        "checkbox",
        ENGLISH.message("settings.background.keepRunning"),
    )
    .await?;
    app.click_role("button", ENGLISH.message("common.close"))
        .await?;
    Ok(account_name)
}

/// Clicks `notified` until the window shows. The app hears a click only once it listens for
/// one, which notify-rust starts after the `Notify` call has returned (it adds its match rule
/// for `ActionInvoked` then): a click the sink sends in between reaches no one, as a daemon's
/// would. A person's click, seconds later, always comes after.
async fn click_until_shown(sink: &NotificationSink, notified: &e2e::Notified) -> e2e::Result<()> {
    for _ in 0..15 {
        sink.click(notified).await?;
        if window_shown_after(true, Duration::from_secs(1)).await? {
            return Ok(());
        }
    }
    Err(e2e::Error::NotFound(
        "the window, brought back by the notification's click".to_owned(),
    ))
}

/// The labels of the tray icon's menu.
async fn menu_labels(tray: &TrayHost) -> e2e::Result<Vec<String>> {
    Ok(tray
        .menu(Duration::from_secs(15))
        .await?
        .into_iter()
        .map(|entry| entry.label)
        .collect())
}

/// Waits until the window shows the account `iban`.
async fn wait_until_on_account(app: &AppSession, iban: &str) -> e2e::Result<()> {
    let mut shown = String::new();
    for _ in 0..150 {
        shown = app.shown_iban().await?;
        if shown == iban {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(e2e::Error::NotFound(format!(
        "the window on the notified account (it shows {shown})"
    )))
}

/// Waits until the bank has served each of `ibans` a balance read the person took part in,
/// and none unattended.
async fn read_for_the_person(bank: &DemoBank, ibans: &[&str]) -> e2e::Result<()> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let counters = bank.counters().await?;
        let reads = ibans
            .iter()
            .map(|iban| counters.reads(iban, Resource::Balances));
        if reads.clone().all(|reads| reads.attended >= 1) {
            assert!(
                reads.clone().all(|reads| reads.unattended == 0),
                "{counters:?}"
            );
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(e2e::Error::NotFound(format!(
                "a read for the person of each account (the bank counted {counters:?})"
            )));
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn a_notification_click_opens_its_account_and_the_tray_refreshes_and_quits() -> e2e::Result<()>
{
    let sink = NotificationSink::start().await?;
    let tray = TrayHost::start().await?;
    let clock = tempfile::tempdir().map_err(|error| e2e::Error::Setup(error.to_string()))?;
    let ahead = clock.path().join("ahead");
    let ahead_text = ahead.display().to_string();
    let time_zone = midday_time_zone();
    let Onboarded { mut app, bank } = onboard(
        "in_the_background",
        BROWSER,
        2,
        2,
        &[
            ("BANKBOOK_DEMO_TRANSACTIONS", "300"),
            ("BANKBOOK_AUTOMATIC_ROUND_SECONDS", "1"),
            ("BANKBOOK_CLOCK_AHEAD_FILE", ahead_text.as_str()),
            // Noon now, about six in the evening six hours on: outside the quiet hours.
            ("TZ", time_zone.as_str()),
        ],
    )
    .await?;
    app.refreshed().await?;

    // The tray's menu, in the language the app is read in.
    assert_eq!(
        menu_labels(&tray).await?,
        ["Open Bankbook", "Refresh now", "Quit"]
    );

    // The person asks to hear of the other account's new entries, amounts hidden (the
    // default), and keeps Bankbook running with its window closed.
    let shown = app.shown_iban().await?;
    let other = other_account(&app).await?;
    let account_name = choose_notifications_and_keep_running(&app, &other).await?;
    keep_running_saved(&app).await?;
    close_window("Bankbook")?;
    app.logged("Bankbook keeps running in the background", 1)
        .await?;
    assert!(
        window_shown_after(false, Duration::from_secs(15)).await?,
        "the window stayed"
    );

    // A payment reaches the bank; six hours later (on the app's clock) the automatic refresh
    // reads both accounts and says what came to the chosen one.
    bank.reset_counters().await?;
    bank.add_transaction(&other, "-12.34", "Kaufland", false)
        .await?;
    std::fs::write(&ahead, SIX_HOURS_ON).map_err(|source| e2e::Error::io(&ahead, source))?;
    let summary = format!("1 new transaction on {account_name}");
    let notified = sink.wait_for(&summary, Duration::from_secs(30)).await?;
    assert_eq!(notified.body, "Open Bankbook to see them.");
    assert_eq!(notified.actions, ["default", "Open"]);
    let counters = bank.counters().await?;
    assert_eq!(counters.reads(&other, Resource::Balances).unattended, 1);
    assert_eq!(counters.reads(&other, Resource::Balances).refused, 0);

    // A click on it brings the window back, on that account.
    click_until_shown(&sink, &notified).await?;
    wait_until_on_account(&app, &other).await?;
    app.screenshot("opened-from-notification").await?;

    // The tray's Refresh now is the person's refresh: every account read with the PSU headers.
    bank.reset_counters().await?;
    tray.click("Refresh now").await?;
    read_for_the_person(&bank, &[shown.as_str(), other.as_str()]).await?;
    app.refreshed().await?;

    // Hidden again, the tray's Open brings it back.
    close_window("Bankbook")?;
    app.logged("Bankbook keeps running in the background", 2)
        .await?;
    assert!(window_shown_after(false, Duration::from_secs(15)).await?);
    tray.click("Open Bankbook").await?;
    assert!(
        window_shown_after(true, Duration::from_secs(15)).await?,
        "Open did not bring the window back"
    );

    // The tray speaks the language the person changes to; its Quit ends the app.
    app.click_role("button", ENGLISH.words.settings).await?;
    app.click_role("radio", SLOVAK.message("common.language.sk"))
        .await?;
    app.press(Key::Escape).await?;
    let mut labels = Vec::new();
    for _ in 0..50 {
        labels = menu_labels(&tray).await?;
        if labels
            .first()
            .is_some_and(|open| open == "Otvoriť Bankbook")
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(labels, ["Otvoriť Bankbook", "Obnoviť teraz", "Ukončiť"]);
    tray.click("Ukončiť").await?;
    let deadline = Instant::now() + Duration::from_secs(15);
    while app.app_running().await {
        assert!(Instant::now() < deadline, "the app still runs after Quit");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    drop(app.close().await);
    Ok(())
}
