//! A consent's last week: the bank says six days are left, the bank's group asks to renew, a
//! desktop notification says so once (caught on the session bus by the notification sink, in
//! the notification service's place), and renewing keeps every stored row and the accounts
//! shown. The banner is checked with axe in both languages and both themes.

use std::time::Duration;

use e2e::{
    AppSession, AxeAudit, ENGLISH, NotificationSink, Onboarded, SLOVAK, midday_time_zone, onboard,
    show_accounts_in,
};
use fantoccini::key::Key;

const BROWSER: &str = env!("CARGO_BIN_EXE_stand-in-browser");
const DAY: Duration = Duration::from_hours(24);

/// The bank group's state line ("Access ends in 6 days (…)"), as the page has it.
async fn access_state(app: &AppSession) -> e2e::Result<String> {
    Ok(app
        .find(".bank-group .connection-until")
        .await?
        .text()
        .await?)
}

/// Waits until the bank group's state line starts with `start`.
async fn wait_for_access_state(app: &AppSession, start: &str) -> e2e::Result<String> {
    let mut state = String::new();
    for _ in 0..150 {
        state = access_state(app).await?;
        if state.starts_with(start) {
            return Ok(state);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(e2e::Error::NotFound(format!(
        "{start:?} (the state says {state:?})"
    )))
}

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn a_consent_in_its_last_week_asks_to_renew_and_renewing_keeps_everything() -> e2e::Result<()>
{
    let sink = NotificationSink::start().await?;
    let time_zone = midday_time_zone();
    let Onboarded { mut app, bank } = onboard(
        "consent_renewal",
        BROWSER,
        2,
        1,
        &[
            ("BANKBOOK_DEMO_TRANSACTIONS", "300"),
            // A round of automatic refreshes every second, at noon: outside the quiet hours.
            ("BANKBOOK_AUTOMATIC_ROUND_SECONDS", "1"),
            ("TZ", time_zone.as_str()),
        ],
    )
    .await?;
    app.refreshed().await?;
    let shown = app.shown_iban().await?;
    let mut audit = AxeAudit::new();

    // 84 days on at the bank: the next token it issues says six days of the consent are left.
    bank.advance_clock(84 * DAY).await?;
    app.click_role("button", "Refresh").await?;
    app.refreshed().await?;
    wait_for_access_state(&app, "Access ends in 6 days").await?;
    app.find_role("button", "Renew access to Demo Bank").await?;
    let newest = app.first_row_id().await?;
    app.screenshot("renewal-banner").await?;
    audit.check_in_both_themes(&app, "renewal-banner").await?;

    // The next round of automatic refreshes says it on the desktop, once: the rounds after it,
    // a second apart, do not say it again that day.
    let renew = "Renew your access to Demo Bank";
    let notified = sink.wait_for(renew, Duration::from_secs(20)).await?;
    assert_eq!(
        notified.body,
        "It ends in 6 days. Open Bankbook and choose Renew access."
    );
    assert_eq!(notified.app_name, "Bankbook");
    tokio::time::sleep(Duration::from_secs(4)).await;
    let renewals = sink
        .notified()
        .into_iter()
        .filter(|notified| notified.summary == renew)
        .count();
    assert_eq!(renewals, 1);

    // Settings with its notification and background choices, checked like the banner; then
    // Slovak, where the person renews.
    app.click_role("button", ENGLISH.words.settings).await?;
    app.find_role("group", ENGLISH.message("settings.notifications.legend"))
        .await?;
    app.screenshot("settings").await?;
    audit.check_in_both_themes(&app, "settings").await?;
    app.click_role("radio", SLOVAK.message("common.language.sk"))
        .await?;
    app.find_role("group", SLOVAK.message("settings.notifications.legend"))
        .await?;
    audit.check_in_both_themes(&app, "settings-sk").await?;
    app.press(Key::Escape).await?;
    wait_for_access_state(&app, "Prístup skončí o 6 dní").await?;
    audit
        .check_in_both_themes(&app, "renewal-banner-sk")
        .await?;
    app.screenshot("renewal-banner-sk").await?;
    app.click_role("button", "Obnoviť prístup k banke Demo banka")
        .await?;

    // A fresh consent at the bank, then the account choice with what is shown ticked.
    show_accounts_in(&app, 1, &SLOVAK).await?;
    app.refreshed().await?;
    let renewed = wait_for_access_state(&app, "Prístup skončí o 90 dní").await?;
    assert!(
        app.find_all(".renewal-notice").await?.is_empty(),
        "the banner went: {renewed}"
    );
    assert_eq!(app.shown_iban().await?, shown);
    assert_eq!(app.first_row_id().await?, newest);
    app.screenshot("renewed").await?;
    app.close().await?;
    audit.passed()
}
