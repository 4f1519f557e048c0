//! Bank faults as the user meets them in the real app: each is said in the sidebar in plain
//! words (with when Bankbook tries again, when the bank said), short ones are retried away
//! unseen, the rows on screen stay, and the next refresh works.

use std::time::{Duration, Instant};

use e2e::{AppSession, DemoBank, Onboarded, onboard};
use sandbox_bank::Endpoint;
use serde_json::{Value, json};

const BROWSER: &str = env!("CARGO_BIN_EXE_stand-in-browser");
const NOTICE: &str = ".sidebar-notice";

/// Clicks Refresh once no refresh is under way, and waits until the bank was asked.
async fn refresh(app: &AppSession, bank: &DemoBank) -> e2e::Result<()> {
    refreshed(app).await?;
    let asked =
        || async { Ok::<_, e2e::Error>(bank.counters().await?.requests(Endpoint::Information)) };
    let before = asked().await?;
    app.find_with_text("button", "Refresh")
        .await?
        .click()
        .await?;
    let deadline = Instant::now() + Duration::from_secs(15);
    while asked().await? == before {
        if Instant::now() > deadline {
            return Err(e2e::Error::NotFound(
                "a refresh reaching the bank".to_owned(),
            ));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Ok(())
}

/// Waits until `css` matches nothing, for at most `within`.
async fn gone(app: &AppSession, css: &str, within: Duration) -> e2e::Result<()> {
    let deadline = Instant::now() + within;
    while app.count(css).await? > 0 {
        if Instant::now() > deadline {
            return Err(e2e::Error::NotFound(format!("{css} still shown")));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Ok(())
}

/// Waits until a refresh is over: the Refresh button is free again (a bank that does not
/// answer is given up on after the 30-second request timeout).
async fn refreshed(app: &AppSession) -> e2e::Result<()> {
    gone(app, "button[aria-busy=true]", Duration::from_secs(45)).await
}

async fn first_row(app: &AppSession) -> e2e::Result<String> {
    let row = app.find("[data-testid=transaction-row]").await?;
    Ok(row.attr("data-id").await?.unwrap_or_default())
}

/// Injects `fault` on `endpoint` for its next `requests`, and refreshes.
async fn refresh_under(
    app: &AppSession,
    bank: &DemoBank,
    fault: Value,
    requests: u32,
) -> e2e::Result<()> {
    let mut fault = fault;
    fault["endpoint"] = json!("information");
    fault["lasts"] = json!({ "requests": requests });
    bank.inject_fault(fault).await?;
    refresh(app, bank).await?;
    refreshed(app).await
}

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn bank_faults_are_said_on_screen_and_lose_nothing() -> e2e::Result<()> {
    let env = [("BANKBOOK_DEMO_TRANSACTIONS", "300")];
    let Onboarded { mut app, bank } = onboard("bank_faults", BROWSER, 1, 1, &env).await?;
    let top = first_row(&app).await?;
    refreshed(&app).await?;

    // Said, with what to do; nothing retried in a loop.
    let said = [
        (
            json!({"kind": "malformed_json"}),
            "couldn't be refreshed",
            "malformed",
        ),
        (
            json!({"kind": "wrong_content_type"}),
            "couldn't be refreshed",
            "html",
        ),
        (
            json!({"kind": "technical_break"}),
            "can't be reached right now",
            "break",
        ),
        // Past the 30-second request timeout.
        (
            json!({"kind": "latency", "millis": 31_000}),
            "can't be reached right now",
            "timeout",
        ),
    ];
    for (fault, words, step) in said {
        bank.reset_counters().await?;
        refresh_under(&app, &bank, fault, 1).await?;
        let notice = app.find(NOTICE).await?.text().await?;
        assert!(notice.contains(words), "{step}: {notice}");
        app.screenshot(step).await?;
        assert_eq!(first_row(&app).await?, top, "{step}: the rows changed");
        bank.clear_faults().await?;
        refresh(&app, &bank).await?;
        gone(&app, NOTICE, Duration::from_secs(15)).await?;
    }

    // A 500 burst and a body cut off in transit are retried away: the user sees nothing.
    for (fault, requests) in [
        (json!({"kind": "server_error"}), 2),
        (json!({"kind": "truncated_body"}), 1),
    ] {
        refresh_under(&app, &bank, fault, requests).await?;
        assert_eq!(app.count(NOTICE).await?, 0);
    }

    // A rate limit longer than the client waits out by itself: the app says when it will try
    // again, and does, unasked.
    bank.reset_counters().await?;
    refresh_under(
        &app,
        &bank,
        json!({"kind": "rate_limited", "retryAfterSeconds": 12}),
        1,
    )
    .await?;
    let notice = app.find(NOTICE).await?.text().await?;
    assert!(notice.contains("too many requests"), "{notice}");
    assert!(notice.contains("Bankbook will try again at"), "{notice}");
    app.screenshot("rate-limited").await?;
    gone(&app, NOTICE, Duration::from_secs(30)).await?;
    assert_eq!(first_row(&app).await?, top);
    app.screenshot("retried").await?;
    app.close().await
}
