//! `make run` on a machine with no display: starts the real app in a HOME kept between runs,
//! connects it to its Demo Bank the first time (the stand-in browser acts as the user at the
//! bank's consent page, since there is no browser), waits until the main window shows
//! transactions, saves a screenshot and says how to take another, then keeps the app running
//! until Ctrl-C and closes it.
//!
//! It drives the app over WebDriver as the end-to-end tests do, so it runs inside the private
//! desktop session of `scripts/with-desktop.sh` (display, D-Bus, unlocked gnome-keyring), which
//! `make run` starts with `BANKBOOK_SESSION_HOME` so that the keyring is the one kept there.
//!
//! Environment: `BANKBOOK_APP` (the app binary, built with the `test-bench` feature so that it
//! honours `BANKBOOK_BROWSER`), `BANKBOOK_SESSION_HOME` (the kept HOME), `BANKBOOK_ARTEFACTS`
//! (where the screenshot goes), `DISPLAY` and `XAUTHORITY` (for the screenshot command).

// It tells the person at the terminal what it does.
#![allow(clippy::print_stdout)]

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use e2e::{AppSession, ENGLISH, Error, Result, artefacts_root, show_accounts};
use tokio::signal::unix::{SignalKind, signal};

/// The artefacts folder of this run: `<artefacts>/headless-run/`.
const NAME: &str = "headless-run";
/// The Demo Bank's consent: the stand-in browser approves the first two accounts, the app
/// shows both.
const ACCOUNTS: usize = 2;
/// From the app's first paint to knowing whether it is connected (it reads its store first).
const STATE_TIMEOUT: Duration = Duration::from_secs(30);
/// From "Continue in your browser" to the account step: the stand-in signs in and approves,
/// the app exchanges the code and lists the accounts.
const CONSENT_TIMEOUT: Duration = Duration::from_mins(1);
const STAND_IN: &str = "stand-in browser:";

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            println!("headless run: {error}");
            println!(
                "  The app's log and screenshots: {}",
                artefacts_root().join(NAME).display()
            );
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<()> {
    let home = env_path("BANKBOOK_SESSION_HOME")?;
    let app_binary = env_path("BANKBOOK_APP")?;
    let browser = stand_in_browser()?;
    step(&format!(
        "starting Bankbook ({}) with its data and keyring in {}",
        app_binary.display(),
        home.display()
    ));
    let browser_text = browser.display().to_string();
    let env = [
        ("BANKBOOK_BROWSER", browser_text.as_str()),
        ("STAND_IN_DECISION", "approve:2"),
    ];
    let mut app = AppSession::start_in_home(NAME, &home, &env).await?;
    step("the window is on screen");

    if connected(&app).await? {
        step("already connected to the Demo Bank in an earlier run: showing what is stored");
    } else {
        connect(&app).await?;
    }

    app.find("[data-testid=transaction-row]").await?;
    let accounts = app.count("[data-testid=account-item]").await?;
    let rows = app.count("[data-testid=transaction-row]").await?;
    step(&format!(
        "the main window shows {accounts} accounts and the transactions of the selected one \
         ({rows} rows on screen)"
    ));
    let shot = app.screenshot("main-window").await?;
    step(&format!("screenshot saved: {}", shot.display()));
    println!();
    println!("Bankbook is running on the virtual display. To see it now:");
    println!("  {}", screenshot_command());
    println!("Its log: {}", app.log_path().display());
    println!("Press Ctrl-C to close Bankbook.");

    let signal_name = until_interrupted().await?;
    println!();
    step(&format!("{signal_name}: closing Bankbook"));
    app.close().await?;
    step(&format!(
        "closed. The Demo Bank connection and the data stay in {} for the next `make run` \
         (delete that folder to start over)",
        home.display()
    ));
    Ok(())
}

/// Whether the app shows stored accounts (connected in an earlier run) or its empty state.
async fn connected(app: &AppSession) -> Result<bool> {
    let deadline = Instant::now() + STATE_TIMEOUT;
    loop {
        if app.count("[data-testid=account-item]").await? > 0 {
            return Ok(true);
        }
        for button in app.find_all("button").await? {
            if button.text().await? == ENGLISH.words.connect {
                return Ok(false);
            }
        }
        if Instant::now() > deadline {
            return Err(Error::NotFound(
                "stored accounts or the \"Connect a bank\" button".to_owned(),
            ));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The onboarding, as a user does it, with the stand-in browser at the bank.
async fn connect(app: &AppSession) -> Result<()> {
    step("not connected yet: clicking \"Connect a bank\" (the Demo Bank)");
    app.find_with_text("button", ENGLISH.words.connect)
        .await?
        .click()
        .await?;
    step("clicking \"Continue in your browser\": Bankbook opens the bank's consent page");
    app.find_with_text("button", ENGLISH.words.continue_in_browser)
        .await?
        .click()
        .await?;

    // The stand-in browser says what it does in the app's log: repeat it here.
    let mut relayed = 0;
    let deadline = Instant::now() + CONSENT_TIMEOUT;
    while app.count(".account-option").await? == 0 {
        relayed = relay_stand_in(app, relayed)?;
        if Instant::now() > deadline {
            return Err(Error::NotFound(
                "the dialog's account step after the consent".to_owned(),
            ));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    relay_stand_in(app, relayed)?;
    step(&format!(
        "back in Bankbook: ticking the first {ACCOUNTS} accounts, then \"Show accounts\""
    ));
    show_accounts(app, ACCOUNTS).await
}

/// Prints the stand-in browser's lines of the app log after the first `already`; returns how
/// many there are now.
fn relay_stand_in(app: &AppSession, already: usize) -> Result<usize> {
    let log = app.log()?;
    let lines: Vec<&str> = log
        .lines()
        .filter_map(|line| line.find(STAND_IN).map(|at| &line[at..]))
        .collect();
    for line in lines.iter().skip(already) {
        println!("  {line}");
    }
    Ok(lines.len().max(already))
}

/// Waits for Ctrl-C (SIGINT) or SIGTERM and names it.
async fn until_interrupted() -> Result<&'static str> {
    let mut terminate = signal(SignalKind::terminate())
        .map_err(|source| Error::io(Path::new("SIGTERM handler"), source))?;
    let mut interrupt = signal(SignalKind::interrupt())
        .map_err(|source| Error::io(Path::new("SIGINT handler"), source))?;
    Ok(tokio::select! {
        _ = interrupt.recv() => "Ctrl-C",
        _ = terminate.recv() => "SIGTERM",
    })
}

/// How to take a screenshot of the virtual display from another terminal.
fn screenshot_command() -> String {
    let display = std::env::var("DISPLAY").unwrap_or_default();
    let authority = std::env::var("XAUTHORITY")
        .map(|path| format!("XAUTHORITY={path} "))
        .unwrap_or_default();
    format!("{authority}DISPLAY={display} import -window root bankbook.png")
}

fn step(what: &str) {
    println!("headless run: {what}");
}

/// The stand-in browser, built next to this program.
fn stand_in_browser() -> Result<PathBuf> {
    let me =
        std::env::current_exe().map_err(|source| Error::io(Path::new("this program"), source))?;
    let browser = me.with_file_name("stand-in-browser");
    if browser.is_file() {
        Ok(browser)
    } else {
        Err(Error::Setup(format!(
            "{} is missing: build it with `cargo build -p e2e --bin stand-in-browser`",
            browser.display()
        )))
    }
}

fn env_path(name: &str) -> Result<PathBuf> {
    std::env::var_os(name).map(PathBuf::from).ok_or_else(|| {
        Error::Setup(format!(
            "{name} is not set: this runs inside `make run` on a machine with no display"
        ))
    })
}
