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
//! The bank's pages may be served over https: the test CA is trusted the way the app trusts it,
//! through `SSL_CERT_FILE` (OpenSSL's trust store, which the app's environment passes on). A bank
//! served with mutual TLS asks every connection for a client certificate, its consent page's
//! too: `STAND_IN_CLIENT_CERTIFICATE` and `STAND_IN_CLIENT_KEY` (PEM files, the key PKCS#8) are
//! presented to a bank that asks (a bank that does not ask never sees them).
//!
//! `STAND_IN_CALLBACK_BANK=<bank-id>` hands the bank's redirect back on another bank's callback
//! path, `app.bankbook:/oauth/callback/<bank-id>`, code, state and all: the mix-up attack of
//! RFC 9700 section 4.4 (one bank's answer delivered as another's), which the app must ignore.
//! With `STAND_IN_CALLBACK_BANK_FILE`, the bank id is that file's text instead, read at each
//! start (empty: the bank's own path), as the decision file is.
//!
//! With `STAND_IN_ANSWER_FILE`, the redirect (the callback URL with its code) is also written to
//! that file, readable by its owner only, for a test to hand the same answer back again later:
//! a stale answer, which the app must ignore too.
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
        "opening the bank's consent page ({})",
        without_query(&page)
    ));
    if decision_text == "none" {
        say("leaving the page open without deciding (STAND_IN_DECISION=none)");
        return Ok(());
    }
    let decision = decision(&decision_text)?;
    let user = with_client_certificate(ConsentUser::new(USERNAME, "demo1234")?)?;
    say(&format!("signing in as {USERNAME}"));
    say(&match &decision {
        Decision::ApproveFirst(count) => format!("approving the first {count} accounts"),
        Decision::Approve(ibans) => format!("approving the accounts {}", ibans.join(", ")),
        Decision::Deny => "declining the consent".to_owned(),
    });
    let mut callback = user.decide(&page, &decision).await?;
    if let Some(file) = std::env::var_os("STAND_IN_ANSWER_FILE") {
        say("keeping the bank's answer for the test (STAND_IN_ANSWER_FILE)");
        keep_answer(std::path::Path::new(&file), &callback)?;
    }
    if let Some(bank_id) = callback_bank()? {
        say(&format!(
            "handing the answer back on the callback path of {bank_id} instead (STAND_IN_CALLBACK_BANK)"
        ));
        callback.set_path(&format!("{CALLBACK_PATH}/{bank_id}"));
    }
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
/// The app's callback path, followed by `/<bank-id>`.
const CALLBACK_PATH: &str = "/oauth/callback";

/// The person's browser with the client certificate of `STAND_IN_CLIENT_CERTIFICATE` and
/// `STAND_IN_CLIENT_KEY`, when both are set.
fn with_client_certificate(user: ConsentUser) -> Result<ConsentUser, Problem> {
    let read = |file: std::ffi::OsString| {
        std::fs::read(&file)
            .map_err(|error| format!("{}: {error}", std::path::Path::new(&file).display()))
    };
    match (
        std::env::var_os("STAND_IN_CLIENT_CERTIFICATE"),
        std::env::var_os("STAND_IN_CLIENT_KEY"),
    ) {
        (Some(certificate), Some(key)) => {
            say("with a client certificate, for a bank that asks for one");
            Ok(user.presenting(&read(certificate)?, &read(key)?)?)
        }
        (None, None) => Ok(user),
        _ => Err("STAND_IN_CLIENT_CERTIFICATE and STAND_IN_CLIENT_KEY go together".into()),
    }
}

/// The bank whose callback path the answer goes back on instead of its own: the text of
/// `STAND_IN_CALLBACK_BANK_FILE`, else `STAND_IN_CALLBACK_BANK`; none when empty or unset.
fn callback_bank() -> Result<Option<String>, Problem> {
    let bank_id = match std::env::var_os("STAND_IN_CALLBACK_BANK_FILE") {
        Some(file) => std::fs::read_to_string(&file)
            .map_err(|error| format!("{}: {error}", std::path::Path::new(&file).display()))?,
        None => std::env::var("STAND_IN_CALLBACK_BANK").unwrap_or_default(),
    };
    let bank_id = bank_id.trim();
    Ok((!bank_id.is_empty()).then(|| bank_id.to_owned()))
}

/// Writes the callback URL to `file`, readable by its owner only: it carries a code.
fn keep_answer(file: &std::path::Path, callback: &Url) -> Result<(), Problem> {
    use std::io::Write as _;
    use std::os::unix::fs::OpenOptionsExt as _;
    let mut kept = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(file)
        .map_err(|error| format!("{}: {error}", file.display()))?;
    kept.write_all(callback.as_str().as_bytes())
        .map_err(|error| format!("{}: {error}", file.display()))?;
    Ok(())
}

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
