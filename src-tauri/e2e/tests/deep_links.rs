//! Deep links in the real app: a callback URL, authorization code and all, never reaches the
//! webview, and a forged launch (cold start, or arguments that are not text) starts nothing.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
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

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn the_webview_never_hears_a_callback_url() -> e2e::Result<()> {
    let (mut app, _bank) = start_on_demo_bank("deep_link_event", BROWSER, "none", &[]).await?;
    continue_in_browser(&app).await?;
    app.find_with_text("button", ENGLISH.words.open_again)
        .await?;
    let listening = app.client().execute_async(LISTEN, Vec::new()).await?;
    assert_eq!(
        listening,
        Value::Null,
        "the webview could not listen: {listening}"
    );

    let forged = format!("app.bankbook:/oauth/callback?code={STOLEN_CODE}&state=not-ours");
    let app_binary = std::env::var_os("BANKBOOK_APP").expect("BANKBOOK_APP is set by make e2e");
    let second_launch = tokio::process::Command::new(app_binary)
        .arg(&forged)
        .status();
    let status = tokio::time::timeout(LAUNCH_TIMEOUT, second_launch)
        .await
        .expect("the second launch hands over and ends")
        .expect("the app starts");
    assert!(status.success());
    app.find("[role=alert]").await?;

    let heard = app
        .client()
        .execute("return window.heard;", Vec::new())
        .await?;
    // The app's own event arrived, so the listeners worked; the plugin's never did.
    assert_eq!(
        heard["consent-finished"].as_array().map(Vec::len),
        Some(1),
        "{heard}"
    );
    assert_eq!(heard["deep-link://new-url"], json!([]), "{heard}");
    assert!(!heard.to_string().contains(STOLEN_CODE), "{heard}");
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
    let forged = format!("app.bankbook:/oauth/callback?code={STOLEN_CODE}&state=not-ours");
    let mut app = AppSession::start_with_arguments(
        "deep_link_cold_start",
        &[("BANKBOOK_DEMO_PORT", &port_text)],
        &[&forged],
    )
    .await?;

    app.find_with_text("button", ENGLISH.words.connect).await?;
    let log = app.log()?;
    assert!(log.contains("the consent did not complete"), "{log}");
    assert!(!log.contains(STOLEN_CODE), "the code is in the log");
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
