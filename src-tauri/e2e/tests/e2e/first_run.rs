//! A new user starts Bankbook for the first time.

use e2e::{AppSession, ENGLISH};

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn a_new_user_is_invited_to_connect_a_bank() -> e2e::Result<()> {
    let mut app = AppSession::start("first_run").await?;

    let heading = app.find("h1").await?;
    assert_eq!(heading.text().await?, ENGLISH.words.empty_title);
    assert_eq!(app.client().title().await?, "Bankbook");
    app.screenshot("empty-state").await?;

    app.find_with_text("button", ENGLISH.words.connect)
        .await?
        .click()
        .await?;
    let dialog = app.find("dialog[open]").await?;
    app.find_with_text(".bank-option .bank-name", ENGLISH.words.demo_bank)
        .await?;
    let radio = app.find(".bank-option input[type=radio]").await?;
    assert_eq!(radio.prop("checked").await?.as_deref(), Some("true"));
    assert!(
        dialog
            .text()
            .await?
            .contains(ENGLISH.words.continue_in_browser)
    );
    app.screenshot("onboarding-dialog").await?;

    app.close().await
}

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn the_window_follows_a_dark_system_theme() -> e2e::Result<()> {
    // WebKitGTK answers `prefers-color-scheme` from the GTK theme.
    let mut app =
        AppSession::start_with_env("dark_theme", &[("GTK_THEME", "Adwaita:dark")]).await?;
    app.find("h1").await?;
    assert_eq!(app.page_background().await?, "rgb(15, 20, 18)");
    app.screenshot("empty-state-dark").await?;
    app.close().await
}
