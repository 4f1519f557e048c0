//! A stand-in for the user's browser, for the end-to-end tests: the app runs it with the bank's
//! consent page URL (`BANKBOOK_BROWSER`). It acts as the person at the Demo Bank's pages, then
//! hands the bank's redirect to the app exactly as the operating system would: it starts the
//! app binary (`BANKBOOK_APP`) with the callback URL as its only argument.
//!
//! `STAND_IN_DECISION`: `approve:<n>` ticks the first n accounts and approves (default
//! `approve:2`); `deny` refuses; `none` leaves the page open and does nothing (a user who has
//! not decided yet). With `STAND_IN_DECISION_FILE`, the decision is that file's text instead,
//! read at each start: a test changes its mind between two consents of one app session.
//!
//! It says each step on standard error, `stand-in browser: ...` (the app's log, where a
//! headless `make run` reads and repeats it); never the callback URL, which carries the code.

// What it does is said on standard error, like its problems.
#![allow(clippy::print_stderr)]

use std::process::ExitCode;

use sandbox_bank::user::{ConsentUser, Decision};
use url::Url;

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(problem) => {
            // A test reads the app log; this goes there too (the driver's output).
            say(&problem.to_string());
            ExitCode::FAILURE
        }
    }
}

type Problem = Box<dyn std::error::Error>;

async fn run() -> Result<(), Problem> {
    let page = std::env::args()
        .nth(1)
        .ok_or("no URL to open")?
        .parse::<Url>()?;
    let decision_text = match std::env::var_os("STAND_IN_DECISION_FILE") {
        Some(file) => std::fs::read_to_string(&file)
            .map_err(|error| format!("{}: {error}", std::path::Path::new(&file).display()))?
            .trim()
            .to_owned(),
        None => std::env::var("STAND_IN_DECISION").unwrap_or_default(),
    };
    say(&format!(
        "opening the Demo Bank's consent page ({})",
        without_query(&page)
    ));
    if decision_text == "none" {
        say("leaving the page open without deciding (STAND_IN_DECISION=none)");
        return Ok(());
    }
    let decision = decision(&decision_text)?;
    let user = ConsentUser::new(USERNAME, "demo1234")?;
    say(&format!("signing in as {USERNAME}"));
    say(&match &decision {
        Decision::ApproveFirst(count) => format!("approving the first {count} accounts"),
        Decision::Approve(ibans) => format!("approving the accounts {}", ibans.join(", ")),
        Decision::Deny => "declining the consent".to_owned(),
    });
    let callback = user.decide(&page, &decision).await?;
    let app = std::env::var_os("BANKBOOK_APP").ok_or("BANKBOOK_APP is not set")?;
    say(&format!(
        "handing the bank's answer back to Bankbook ({} with the callback URL, as the system would)",
        std::path::Path::new(&app).display()
    ));
    let status = tokio::process::Command::new(app)
        .arg(callback.as_str())
        .status()
        .await?;
    if status.success() {
        say("done: Bankbook took the answer");
        Ok(())
    } else {
        Err(format!("the app exited with {status}").into())
    }
}

/// The demo user of the Demo Bank's seed data.
const USERNAME: &str = "jana.novakova";

fn say(what: &str) {
    eprintln!("stand-in browser: {what}");
}

/// The page without its query (the request's state and PKCE challenge are nobody's business).
fn without_query(page: &Url) -> String {
    let mut shown = page.clone();
    shown.set_query(None);
    shown.to_string()
}

fn decision(text: &str) -> Result<Decision, Problem> {
    match text.split_once(':') {
        _ if text == "deny" => Ok(Decision::Deny),
        Some(("approve", count)) => Ok(Decision::ApproveFirst(count.parse()?)),
        _ if text.is_empty() => Ok(Decision::ApproveFirst(2)),
        _ => Err(format!("unknown decision {text:?}").into()),
    }
}
