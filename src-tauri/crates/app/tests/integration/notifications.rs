//! Desktop notifications after the automatic refreshes: the new entries of the accounts the
//! person chose (amounts shown or hidden), none in the quiet hours, and a consent's renewal at
//! most once a day.

// Test code: its helpers unwrap as the tests do.
#![cfg(test)]

use std::sync::Arc;
use std::time::Duration;

use app::{Clock, NotificationSettings};

use crate::common::{App, DEMO, DemoBankAdmin, Notifications, Setup, TestClock};

const HOUR: Duration = Duration::from_hours(1);

struct Notified {
    app: App,
    clock: Arc<TestClock>,
    notifications: Notifications,
    bank: DemoBankAdmin,
    ibans: Vec<String>,
}

/// Two accounts shown, refreshed by the person; the local time 10:00.
async fn notified() -> Notified {
    let clock = Arc::new(TestClock::at_a_whole_second());
    clock.local_hour(10);
    let notifications = Notifications::default();
    let mut setup = Setup::new(120, 2);
    setup.clock = Some(Arc::clone(&clock) as Arc<dyn Clock>);
    setup.notifications = Some(notifications.clone());
    let mut app = App::new(&setup);
    let ibans = app.connect().await;
    app.core.refresh_bank(DEMO.to_owned(), false).await.unwrap();
    let bank = DemoBankAdmin::of(&app);
    Notified {
        app,
        clock,
        notifications,
        bank,
        ibans,
    }
}

fn settings(accounts: &[String], show_amounts: bool) -> NotificationSettings {
    NotificationSettings {
        accounts: accounts.to_vec(),
        show_amounts,
        quiet_from: "22:00".to_owned(),
        quiet_until: "07:00".to_owned(),
    }
}

#[tokio::test]
async fn new_entries_of_a_chosen_account_are_announced_with_or_without_amounts() {
    let Notified {
        app,
        clock,
        notifications,
        bank,
        ibans,
    } = notified().await;
    let saved = app
        .core
        .save_notification_settings(settings(&ibans[..1], false))
        .await
        .unwrap();
    assert_eq!(saved, settings(&ibans[..1], false));
    for (amount, who) in [
        ("-12.50", "Kaufland"),
        ("-3.20", "Foodora"),
        ("2100.00", "Employer"),
    ] {
        bank.add_entry(&ibans[0], amount, who).await;
    }
    bank.add_entry(&ibans[1], "-1.00", "Not announced").await;

    clock.advance(7 * HOUR);
    clock.local_hour(17);
    let outcome = app.core.refresh_on_its_own().await.unwrap();
    assert_eq!(outcome.arrived.len(), 2, "{outcome:?}");
    let shown = notifications.taken();
    assert_eq!(shown.len(), 1, "{shown:?}");
    let account = app.core.connection_status().await.unwrap().connections[0].selected_accounts[0]
        .name
        .clone()
        .unwrap();
    assert_eq!(shown[0].title, format!("3 new transactions on {account}"));
    assert_eq!(shown[0].body, "Open Bankbook to see them.");
    assert_eq!(shown[0].account.as_deref(), Some(ibans[0].as_str()));

    // With the amounts shown, each entry is listed, newest first.
    app.core
        .save_notification_settings(settings(&ibans[..1], true))
        .await
        .unwrap();
    bank.add_entry(&ibans[0], "-40.00", "SPP").await;
    clock.advance(7 * HOUR);
    clock.local_hour(14);
    app.core.refresh_on_its_own().await.unwrap();
    let shown = notifications.taken();
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert_eq!(shown[0].title, format!("1 new transaction on {account}"));
    assert_eq!(shown[0].body, "SPP: \u{2212}40.00\u{a0}EUR");
}

#[tokio::test]
async fn nothing_is_announced_in_the_quiet_hours() {
    let Notified {
        app,
        clock,
        notifications,
        bank,
        ibans,
    } = notified().await;
    app.core
        .save_notification_settings(settings(&ibans, true))
        .await
        .unwrap();
    bank.add_entry(&ibans[0], "-12.50", "Kaufland").await;
    clock.advance(7 * HOUR);
    clock.local_hour(23);
    let outcome = app.core.refresh_on_its_own().await.unwrap();
    assert_eq!(outcome.arrived.len(), 1, "refreshed all the same");
    assert!(notifications.taken().is_empty());
}

#[tokio::test]
async fn a_consent_in_its_last_week_is_announced_at_most_once_a_day() {
    let Notified {
        app,
        clock,
        notifications,
        bank,
        ..
    } = notified().await;
    // 84 days on at the bank: the next token it issues says six days are left.
    bank.advance_clock(84 * 24 * HOUR).await;
    app.core.refresh_bank(DEMO.to_owned(), false).await.unwrap();
    app.core.refresh_on_its_own().await.unwrap();
    let shown = notifications.taken();
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert_eq!(shown[0].title, "Renew your access to Demo Bank");
    assert_eq!(
        shown[0].body,
        "It ends in 6 days. Open Bankbook and choose Renew access."
    );
    assert_eq!(shown[0].account, None);

    // Later that day, not again; a day later, again.
    clock.advance(3 * HOUR);
    app.core.refresh_on_its_own().await.unwrap();
    assert!(notifications.taken().is_empty());
    clock.advance(21 * HOUR);
    clock.local_hour(10);
    app.core.refresh_on_its_own().await.unwrap();
    assert_eq!(notifications.taken().len(), 1);
}

#[tokio::test]
async fn settings_refuse_an_account_not_shown_and_a_time_that_is_not_one() {
    let Notified { app, ibans, .. } = notified().await;
    let defaults = app.core.notification_settings().await.unwrap();
    assert_eq!(
        defaults,
        settings(&[], false),
        "amounts hidden until chosen"
    );
    let mut wrong = settings(&["SK0000000000000000000000".to_owned()], true);
    assert!(
        app.core
            .save_notification_settings(wrong.clone())
            .await
            .is_err()
    );
    wrong.accounts = ibans.clone();
    wrong.quiet_from = "25:00".to_owned();
    assert!(app.core.save_notification_settings(wrong).await.is_err());
    assert_eq!(app.core.notification_settings().await.unwrap(), defaults);
}
