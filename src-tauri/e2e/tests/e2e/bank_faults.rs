//! Bank faults as the user meets them in the real app: each is said in the sidebar in plain
//! words (with when Bankbook tries again, when the bank said), short ones are retried away
//! unseen, the rows on screen stay, and the next refresh works.

use std::time::{Duration, Instant};

use e2e::{AppSession, DemoBank, ENGLISH, Onboarded, onboard};
use serde_json::{Value, json};

const BROWSER: &str = env!("CARGO_BIN_EXE_stand-in-browser");
const NOTICE: &str = ".sidebar-notice";

/// Clicks Refresh once no refresh is under way, and waits until the bank was asked.
async fn refresh(app: &AppSession, bank: &DemoBank) -> e2e::Result<()> {
    app.refreshed().await?;
    let before = bank.information_requests().await?;
    app.find_with_text("button", "Refresh")
        .await?
        .click()
        .await?;
    let deadline = Instant::now() + Duration::from_secs(15);
    while bank.information_requests().await? == before {
        if Instant::now() > deadline {
            return Err(e2e::Error::NotFound(
                "a refresh reaching the bank".to_owned(),
            ));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Ok(())
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
    app.refreshed().await
}

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn bank_faults_are_said_on_screen_and_lose_nothing() -> e2e::Result<()> {
    let env = [("BANKBOOK_DEMO_TRANSACTIONS", "300")];
    let Onboarded { mut app, bank } = onboard("bank_faults", BROWSER, 1, 1, &env).await?;
    let top = app.first_row_id().await?;
    app.refreshed().await?;

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
        // Asked once: a broken answer, the break and a timeout are not tried again at once.
        assert_eq!(bank.information_requests().await?, 1, "{step}: asked again");
        app.screenshot(step).await?;
        assert_eq!(app.first_row_id().await?, top, "{step}: the rows changed");
        bank.clear_faults().await?;
        refresh(&app, &bank).await?;
        app.gone(NOTICE, Duration::from_secs(15)).await?;
    }

    // A 500 burst and a body cut off in transit are retried away: the user sees nothing.
    for (fault, faulty) in [
        (json!({"kind": "server_error"}), 2),
        (json!({"kind": "truncated_body"}), 1),
    ] {
        bank.reset_counters().await?;
        refresh_under(&app, &bank, fault, faulty).await?;
        assert_eq!(app.count(NOTICE).await?, 0);
        // The faulty answers, then the good one.
        assert_eq!(bank.information_requests().await?, u64::from(faulty) + 1);
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
    let notice = app.find(NOTICE).await?;
    // Counted as soon as the notice shows: the retry is due 12 s after the refused request, and
    // reading the notice and a screenshot may take seconds on a busy machine.
    assert_eq!(bank.information_requests().await?, 1);
    let notice = notice.text().await?;
    assert!(
        notice.contains(ENGLISH.message("errors.tooManyRequests")),
        "{notice}"
    );
    assert!(
        notice.contains(ENGLISH.message_start("errors.sync.willRetryAt")),
        "{notice}"
    );
    app.screenshot("rate-limited").await?;
    // The retry clears the notice as it starts; it must also succeed, and happen only once.
    app.gone(NOTICE, Duration::from_secs(30)).await?;
    app.refreshed().await?;
    assert_eq!(bank.information_requests().await?, 2);
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(app.count(NOTICE).await?, 0);
    assert_eq!(app.first_row_id().await?, top);
    app.screenshot("retried").await?;
    app.close().await
}
