//! A user connects the Demo Bank: the consent page opens in the (stand-in) browser, the bank's
//! answer comes back as the OS delivers it, and the chosen account shows in the main window.

use e2e::{ENGLISH, continue_in_browser, start_on_demo_bank};

const BROWSER: &str = env!("CARGO_BIN_EXE_stand-in-browser");

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn a_user_connects_the_demo_bank_and_picks_an_account() -> e2e::Result<()> {
    let (mut app, bank) = start_on_demo_bank("onboarding", BROWSER, "approve:2", &[]).await?;
    continue_in_browser(&app).await?;

    // The stand-in approved two of the three accounts: exactly those are offered.
    app.find(".account-option").await?;
    let offered = app.count(".account-option").await?;
    assert_eq!(offered, 2);
    app.screenshot("consented-accounts").await?;

    let first = app.find(".account-option input[type=checkbox]").await?;
    first.click().await?;
    app.find_with_text("button", ENGLISH.words.show_accounts)
        .await?
        .click()
        .await?;

    app.find("[data-testid=account-item]").await?;
    assert_eq!(app.count("[data-testid=account-item]").await?, 1);
    assert_eq!(bank.token_requests("authorization_code").await?, 1);
    app.screenshot("main-window").await?;

    // Reopened, Bankbook is still connected (tokens from the keychain, the choice from its
    // store) and shows the same account without asking the bank anything first.
    app.restart().await?;
    app.find("[data-testid=account-item]").await?;
    assert_eq!(app.count("[data-testid=account-item]").await?, 1);
    assert_eq!(app.count("dialog[open]").await?, 0);
    app.screenshot("after-restart").await?;
    app.close().await
}

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn a_forged_callback_is_refused_without_a_token_request() -> e2e::Result<()> {
    // The user has the bank's page open and has not decided yet.
    let (mut app, bank) = start_on_demo_bank("forged_callback", BROWSER, "none", &[]).await?;
    continue_in_browser(&app).await?;
    app.find_with_text("button", ENGLISH.words.open_again)
        .await?;
    app.screenshot("waiting-for-the-bank").await?;
    let forged = "app.bankbook:/oauth/callback?code=stolen-code&state=not-ours";
    let app_binary = std::env::var_os("BANKBOOK_APP").expect("BANKBOOK_APP is set by make e2e");

    // Delivered the way the OS delivers a link: a second start of the app with the URL.
    let status = tokio::process::Command::new(app_binary)
        .arg(forged)
        .status()
        .await
        .expect("the app starts");

    assert!(status.success());
    let notice = app.find("[role=alert]").await?;
    assert!(notice.text().await?.contains("didn't match"));
    assert_eq!(bank.token_requests("authorization_code").await?, 0);
    app.screenshot("forged-callback").await?;
    app.close().await
}

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn declining_at_the_bank_is_said_in_the_dialog() -> e2e::Result<()> {
    let (mut app, _) = start_on_demo_bank("onboarding_declined", BROWSER, "deny", &[]).await?;
    continue_in_browser(&app).await?;

    let notice = app.find("[role=alert]").await?;
    let text = notice.text().await?;
    let declined = ENGLISH.message("errors.connect.denied");
    assert!(text.contains(declined), "{text}");
    assert_eq!(app.count(".account-option").await?, 0);
    app.screenshot("declined").await?;
    app.close().await
}
