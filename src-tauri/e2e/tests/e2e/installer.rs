//! The app as the installer ships it, built without the test bench: its Demo Bank serves the
//! bank contract and nothing else, only to its own address, and the test hooks are not there.

use std::os::unix::fs::PermissionsExt;
use std::time::Duration;

use e2e::{AppSession, ENGLISH, continue_in_browser, free_port};
use reqwest::StatusCode;

#[tokio::test]
#[ignore = "drives the installer's build under Xvfb: run with `make e2e`"]
async fn the_installed_demo_bank_has_no_admin_interface_and_the_hooks_do_nothing() -> e2e::Result<()>
{
    let pinned_port = free_port()?;
    let marker = tempfile::tempdir().expect("a temporary folder");
    let browser_ran = marker.path().join("browser-ran");
    let browser = marker.path().join("browser.sh");
    std::fs::write(
        &browser,
        format!("#!/bin/sh\ntouch '{}'\n", browser_ran.display()),
    )
    .expect("the hook's script");
    std::fs::set_permissions(&browser, std::fs::Permissions::from_mode(0o755))
        .expect("an executable script");
    let pinned = pinned_port.to_string();
    let browser_text = browser.display().to_string();
    let mut app = AppSession::start_installer_build(
        "installer",
        &[
            // Both hooks would take effect in the test bench's build.
            ("BANKBOOK_DEMO_PORT", pinned.as_str()),
            ("BANKBOOK_BROWSER", browser_text.as_str()),
            // The system's browser: xdg-open finds none in the test session; this keeps it so.
            ("BROWSER", "true"),
        ],
    )
    .await?;

    // Starting a consent starts the Demo Bank, which logs where it listens.
    continue_in_browser(&app).await?;
    let base_url = listening_at(&app).await?;
    app.screenshot("consent-started").await?;

    assert!(
        !base_url.ends_with(&format!(":{pinned_port}")),
        "BANKBOOK_DEMO_PORT pinned the installer's Demo Bank: {base_url}"
    );

    let http = reqwest::Client::new();
    for path in [
        "/__admin/clock",
        "/__admin/counters",
        "/__admin/grants",
        "/__admin/tokens",
    ] {
        let status = http
            .get(format!("{base_url}{path}"))
            .send()
            .await
            .expect("the Demo Bank answers")
            .status();
        assert_eq!(status, StatusCode::NOT_FOUND, "GET {path}");
    }
    let advance = http
        .post(format!("{base_url}/__admin/clock/advance"))
        .json(&serde_json::json!({ "seconds": 1_000_000_000_u64 }))
        .send()
        .await
        .expect("the Demo Bank answers")
        .status();
    assert_eq!(advance, StatusCode::NOT_FOUND);

    // The contract itself is served: an API call without a token is refused as unauthorised,
    // not as an unknown path...
    let api = http
        .get(format!("{base_url}/api/v1/accounts"))
        .send()
        .await
        .expect("the Demo Bank answers")
        .status();
    assert!(
        api.is_client_error() && api != StatusCode::NOT_FOUND,
        "{api}"
    );
    // ...and only to a request that names the bank by its own address (DNS rebinding).
    let rebound = http
        .get(format!("{base_url}/api/v1/accounts"))
        .header(reqwest::header::HOST, "bank.attacker.example")
        .send()
        .await
        .expect("the Demo Bank answers")
        .status();
    assert_eq!(rebound, StatusCode::MISDIRECTED_REQUEST);

    // The consent step is on screen once the page was handed to a browser: any browser the
    // app started has had the HTTP checks' time to run.
    app.find_with_text("button", ENGLISH.words.open_again)
        .await?;
    assert!(
        !browser_ran.exists(),
        "BANKBOOK_BROWSER ran in the installer's build"
    );
    app.close().await
}

/// The Demo Bank's address, from the line it logs when it starts listening.
async fn listening_at(app: &AppSession) -> e2e::Result<String> {
    for _ in 0..150 {
        if let Some(url) = app
            .log()?
            .lines()
            .find(|line| line.contains("sandbox bank listening"))
            .and_then(|line| line.split("base_url=").nth(1))
            .and_then(|rest| rest.split_whitespace().next())
        {
            return Ok(url.to_owned());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the Demo Bank never said where it listens:\n{}", app.log()?);
}
