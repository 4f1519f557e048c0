//! A user connects the Demo Bank: the consent page opens in the (stand-in) browser, the bank's
//! answer comes back as the OS delivers it, and the chosen account shows in the main window. An
//! answer that matches no consent in progress, forged or handed back a second time, changes
//! nothing on screen and sends nothing to the bank.

use std::path::Path;

use e2e::{AppSession, ENGLISH, continue_in_browser, start_on_demo_bank};

const BROWSER: &str = env!("CARGO_BIN_EXE_stand-in-browser");
/// What the app logs for an answer that matches no consent in progress: the screen says nothing.
const IGNORED: &str = "the answer matches no consent in progress: ignored";

/// Hands `url` to the app the way the OS delivers a link: a second start of the app with it.
async fn deliver(url: &str) -> e2e::Result<()> {
    let app_binary =
        std::env::var_os("BANKBOOK_APP").ok_or(e2e::Error::MissingEnv("BANKBOOK_APP"))?;
    let status = tokio::process::Command::new(&app_binary)
        .arg(url)
        .status()
        .await
        .map_err(|source| e2e::Error::io(Path::new(&app_binary), source))?;
    assert!(status.success(), "the second start ended with {status}");
    Ok(())
}

/// The page's text, as shown.
async fn page_text(app: &AppSession) -> e2e::Result<String> {
    app.next_frames().await?;
    let text = app
        .client()
        .execute("return document.body.innerText;", Vec::new())
        .await?;
    Ok(text.as_str().unwrap_or_default().to_owned())
}

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn a_user_connects_the_demo_bank_and_picks_an_account() -> e2e::Result<()> {
    // The stand-in keeps the bank's answer, to hand it back again below.
    let kept = tempfile::tempdir().map_err(|source| e2e::Error::io(Path::new("tmp"), source))?;
    let answer_file = kept.path().join("answer");
    let answer_text = answer_file.to_string_lossy().into_owned();
    let (mut app, bank) = start_on_demo_bank(
        "onboarding",
        BROWSER,
        "approve:2",
        &[("STAND_IN_ANSWER_FILE", &answer_text)],
    )
    .await?;
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

    // The same answer again (a stale one: its consent is complete): ignored, with no second
    // token request and nothing on screen.
    let answer = std::fs::read_to_string(&answer_file)
        .map_err(|source| e2e::Error::io(&answer_file, source))?;
    deliver(&answer).await?;
    let log = app.logged(IGNORED, 1).await?;
    let code = url::Url::parse(&answer)
        .ok()
        .and_then(|url| {
            url.query_pairs()
                .find(|(key, _)| key == "code")
                .map(|(_, code)| code.into_owned())
        })
        .unwrap_or_default();
    assert!(
        !code.is_empty() && !log.contains(&code),
        "the code is in the log"
    );
    assert_eq!(bank.token_requests("authorization_code").await?, 1);
    assert_eq!(app.count("dialog[open]").await?, 0);
    assert_eq!(app.count("[role=alert]").await?, 0);
    assert_eq!(app.count("[data-testid=account-item]").await?, 1);

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
async fn a_forged_callback_changes_nothing_and_asks_for_no_token() -> e2e::Result<()> {
    // The user has the bank's page open and has not decided yet.
    let (mut app, bank) = start_on_demo_bank("forged_callback", BROWSER, "none", &[]).await?;
    continue_in_browser(&app).await?;
    app.find_with_text("button", ENGLISH.words.open_again)
        .await?;
    app.screenshot("waiting-for-the-bank").await?;
    let before = page_text(&app).await?;

    deliver("app.bankbook:/oauth/callback/demo?code=stolen-code&state=not-ours").await?;

    let log = app.logged(IGNORED, 1).await?;
    assert!(!log.contains("stolen-code"), "the code is in the log");
    assert_eq!(page_text(&app).await?, before, "the screen changed");
    assert_eq!(app.count("[role=alert]").await?, 0);
    app.find_with_text("button", ENGLISH.words.open_again)
        .await?;
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
