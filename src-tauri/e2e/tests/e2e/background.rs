//! Closing the window: with "Keep running in the background" off (the default) Bankbook quits;
//! on, the window goes, the app stays, and launching it again brings the window back. The
//! close comes as a window manager's close button sends it (`WM_DELETE_WINDOW`).

use std::time::{Duration, Instant};

use e2e::{AppSession, ENGLISH, close_window};

/// Waits up to `within` for the app's process to be there, or not.
async fn app_running_after(app: &AppSession, running: bool, within: Duration) -> bool {
    let deadline = Instant::now() + within;
    loop {
        if app.app_running().await == running {
            return true;
        }
        if Instant::now() > deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn closing_the_window_quits_unless_bankbook_keeps_running() -> e2e::Result<()> {
    // Off, as on a fresh install: closing quits.
    let app = AppSession::start("background_off").await?;
    app.find_role("heading", ENGLISH.message("onboarding.emptyState.title"))
        .await?;
    close_window("Bankbook")?;
    assert!(
        app_running_after(&app, false, Duration::from_secs(15)).await,
        "the app still runs after its window was closed"
    );
    drop(app.close().await);

    // On: the window goes, the app stays.
    let mut app = AppSession::start("background_on").await?;
    app.click_role("button", ENGLISH.words.settings).await?;
    app.click_role(
        "checkbox",
        ENGLISH.message("settings.background.keepRunning"),
    )
    .await?;
    app.screenshot("settings").await?;
    app.click_role("button", ENGLISH.message("common.close"))
        .await?;
    close_window("Bankbook")?;
    app.logged("Bankbook keeps running in the background", 1)
        .await?;
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert!(app.app_running().await, "the app quit with its window");
    app.close().await
}
