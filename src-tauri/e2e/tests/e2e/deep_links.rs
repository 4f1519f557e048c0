//! Deep links in the real app: a callback URL, authorization code and all, never reaches the
//! webview, and a forged launch (cold start, or arguments that are not text) starts nothing:
//! an answer that matches no consent in progress is a line in the log, nothing on screen.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::time::Duration;

use e2e::{AppSession, DemoBank, ENGLISH, continue_in_browser, free_port, start_on_demo_bank};
use serde_json::{Value, json};

const BROWSER: &str = env!("CARGO_BIN_EXE_stand-in-browser");
const STOLEN_CODE: &str = "stolen-code-e2e";
/// A launch that does not end by then hangs: the test fails rather than wait for ever.
const LAUNCH_TIMEOUT: Duration = Duration::from_secs(30);

/// Listens in the webview, as any script there could, to the deep-link plugin's event and to
/// the app's own consent event; what each hears is kept on `window.heard`.
const LISTEN: &str = r"const done = arguments[0];
    const internals = window.__TAURI_INTERNALS__;
    window.heard = { 'deep-link://new-url': [], 'consent-finished': [] };
    const listen = (event) => internals.invoke('plugin:event|listen', {
      event, target: { kind: 'Any' },
      handler: internals.transformCallback((message) => window.heard[event].push(message)),
    });
    Promise.all([listen('deep-link://new-url'), listen('consent-finished')])
      .then(() => done(null), (error) => done(String(error)));";

/// Asks the deep-link plugin for the launch URL, which a webview must not be allowed to read.
const READ_CURRENT_LINK: &str = r"const done = arguments[0];
    window.__TAURI_INTERNALS__.invoke('plugin:deep-link|get_current')
      .then((urls) => done({ allowed: true, urls }), (error) => done({ allowed: false, error: String(error) }));";

/// What the app logs for an answer that matches no consent in progress: the screen says nothing.
const IGNORED: &str = "the answer matches no consent in progress: ignored";

/// Hands `url` to the running app as the OS would (a second start with it), and waits for that
/// start to end.
async fn second_launch(url: &str) -> e2e::Result<()> {
    let app_binary =
        std::env::var_os("BANKBOOK_APP").ok_or(e2e::Error::MissingEnv("BANKBOOK_APP"))?;
    let second_launch = tokio::process::Command::new(&app_binary).arg(url).status();
    let status = tokio::time::timeout(LAUNCH_TIMEOUT, second_launch)
        .await
        .map_err(|_| e2e::Error::Setup("the second launch did not end".to_owned()))?
        .map_err(|source| e2e::Error::io(Path::new(&app_binary), source))?;
    assert!(status.success(), "the second launch ended with {status}");
    Ok(())
}

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn the_webview_never_hears_a_callback_url() -> e2e::Result<()> {
    // The stand-in reads its decision at each start: none at first (the page stays open), then
    // a refusal, whose answer is the app's own event the webview does hear.
    let decisions =
        tempfile::tempdir().map_err(|source| e2e::Error::io(Path::new("tmp"), source))?;
    let decision = decisions.path().join("decision");
    let decide = |text: &str| {
        std::fs::write(&decision, text).map_err(|source| e2e::Error::io(&decision, source))
    };
    decide("none")?;
    let decision_file = decision.to_string_lossy().into_owned();
    let (mut app, bank) = start_on_demo_bank(
        "deep_link_event",
        BROWSER,
        "none",
        &[("STAND_IN_DECISION_FILE", &decision_file)],
    )
    .await?;
    continue_in_browser(&app).await?;
    app.find_with_text("button", ENGLISH.words.open_again)
        .await?;
    let listening = app.client().execute_async(LISTEN, Vec::new()).await?;
    assert_eq!(
        listening,
        Value::Null,
        "the webview could not listen: {listening}"
    );

    // A forged answer is ignored: no event at all, only a line in the log.
    second_launch(&format!(
        "app.bankbook:/oauth/callback/demo?code={STOLEN_CODE}&state=not-ours"
    ))
    .await?;
    app.logged(IGNORED, 1).await?;
    // The bank's real answer (the user declines) comes after it, and is heard.
    decide("deny")?;
    app.click_role("button", ENGLISH.words.open_again).await?;
    app.find_role("heading", ENGLISH.words.step_failed).await?;

    let heard = app
        .client()
        .execute("return window.heard;", Vec::new())
        .await?;
    // The app's own event arrived, once, for the real answer: the listeners worked, and the
    // forged answer (handled before it) sent none. The plugin's event never came.
    let outcomes = heard["consent-finished"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(outcomes.len(), 1, "{heard}");
    assert_eq!(outcomes[0]["payload"]["ok"], false, "{heard}");
    assert_eq!(heard["deep-link://new-url"], json!([]), "{heard}");
    assert!(!heard.to_string().contains(STOLEN_CODE), "{heard}");
    assert_eq!(bank.token_requests("authorization_code").await?, 0);
    let read = app
        .client()
        .execute_async(READ_CURRENT_LINK, Vec::new())
        .await?;
    assert_eq!(read["allowed"], false, "{read}");
    app.screenshot("refused").await?;
    app.close().await
}

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn a_cold_start_with_a_forged_callback_opens_the_app_and_asks_for_no_token() -> e2e::Result<()>
{
    let port = free_port()?;
    let port_text = port.to_string();
    let forged = format!("app.bankbook:/oauth/callback/demo?code={STOLEN_CODE}&state=not-ours");
    let mut app = AppSession::start_with_arguments(
        "deep_link_cold_start",
        &[("BANKBOOK_DEMO_PORT", &port_text)],
        &[&forged],
    )
    .await?;

    app.find_with_text("button", ENGLISH.words.connect).await?;
    let log = app.logged(IGNORED, 1).await?;
    assert!(!log.contains(STOLEN_CODE), "the code is in the log");
    assert_eq!(app.count("dialog[open]").await?, 0);
    assert_eq!(app.count("[role=alert]").await?, 0);
    // The Demo Bank starts with the first call for it: not running, it was asked nothing.
    let bank = DemoBank::on_port(port);
    if bank.is_running().await {
        assert_eq!(bank.token_requests("authorization_code").await?, 0);
    }
    app.screenshot("first-run").await?;
    app.close().await
}

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn a_launch_argument_that_is_not_text_is_refused_without_a_crash() {
    let home = tempfile::tempdir().expect("a HOME");
    let not_utf8 = OsStr::from_bytes(b"app.bankbook:/oauth/callback?code=\xff\xfe&state=s");

    let app_binary = std::env::var_os("BANKBOOK_APP").expect("BANKBOOK_APP is set by make e2e");
    let launch = tokio::process::Command::new(app_binary)
        .arg(not_utf8)
        .env("HOME", home.path())
        .kill_on_drop(true)
        .output();
    let output = tokio::time::timeout(LAUNCH_TIMEOUT, launch)
        .await
        .expect("the app refuses and ends")
        .expect("the app starts");

    let said = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{said}");
    assert!(said.contains("an argument that is not text"), "{said}");
    assert!(!said.contains("panicked"), "{said}");
}
