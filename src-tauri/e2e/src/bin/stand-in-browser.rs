//! A stand-in for the user's browser, for the end-to-end tests: the app runs it with the bank's
//! consent page URL (`BANKBOOK_BROWSER`). It acts as the person at the Demo Bank's pages, then
//! hands the bank's redirect to the app exactly as the operating system would: it starts the
//! app binary (`BANKBOOK_APP`) with the callback URL as its only argument.
//!
//! `STAND_IN_DECISION`: `approve:<n>` ticks the first n accounts and approves (default
//! `approve:2`); `deny` refuses; `none` leaves the page open and does nothing (a user who has
//! not decided yet).

use std::process::ExitCode;

use sandbox_bank::user::{ConsentUser, Decision};
use url::Url;

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(problem) => {
            // A test reads the app log; this goes there too (the driver's output).
            #[allow(clippy::print_stderr)]
            {
                eprintln!("stand-in browser: {problem}");
            }
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
    let decision_text = std::env::var("STAND_IN_DECISION").unwrap_or_default();
    if decision_text == "none" {
        return Ok(());
    }
    let decision = decision(&decision_text)?;
    let user = ConsentUser::new("jana.novakova", "demo1234")?;
    let callback = user.decide(&page, &decision).await?;
    let app = std::env::var_os("BANKBOOK_APP").ok_or("BANKBOOK_APP is not set")?;
    let status = tokio::process::Command::new(app)
        .arg(callback.as_str())
        .status()
        .await?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("the app exited with {status}").into())
    }
}

fn decision(text: &str) -> Result<Decision, Problem> {
    match text.split_once(':') {
        _ if text == "deny" => Ok(Decision::Deny),
        Some(("approve", count)) => Ok(Decision::ApproveFirst(count.parse()?)),
        _ if text.is_empty() => Ok(Decision::ApproveFirst(2)),
        _ => Err(format!("unknown decision {text:?}").into()),
    }
}
