//! Scripted measurements of the real app (`scripts/measure.sh` runs them on release builds):
//!
//! - `startup <runs>`: from process start to the first paint, to the stored accounts on screen
//!   and to the first transactions on screen, for a connected Bankbook with a stored history,
//!   side by side with a bare Tauri window (`BARE_WINDOW`) that reports its first paint the
//!   same way;
//! - `scrolling`: a scroll through 10,000 rows of a 100,000-transaction account (rows in the
//!   DOM, frame times, bank pages fetched), then on to 100,000 rows and the resident memory of
//!   the app's processes.
//!
//! Environment: `BANKBOOK_APP` (the app binary), `BARE_WINDOW` (for `startup`), and the
//! end-to-end harness's `BANKBOOK_ARTEFACTS`.

// A measurement reports on standard output.
#![allow(clippy::print_stdout)]

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use e2e::{ENGLISH, Error, Onboarded, Result, onboard};

const STARTUP_TIMEOUT: Duration = Duration::from_secs(30);
/// How long the whole 100,000-entry history may take to come from the Demo Bank.
const WHOLE_HISTORY_TIMEOUT: Duration = Duration::from_mins(30);

/// Longer than the UI's pause after typing before it searches (`SEARCH_DEBOUNCE_MS`).
const SEARCH_PAUSE_OVER: Duration = Duration::from_millis(400);

/// The queries timed: which field the last keystroke completes, and its text. Words the Demo
/// Bank writes (without their accents), words with an amount among them, and an amount alone.
const QUERIES: [(Field, &str); 20] = [
    (Field::Text, "zaloha plyn"),
    (Field::Text, "coop jednota"),
    (Field::Text, "tesco"),
    (Field::Text, "lidl nitra"),
    (Field::Text, "slovnaft"),
    (Field::Text, "spotify"),
    (Field::Text, "orange mobilne"),
    (Field::Text, "vodne stocne"),
    (Field::Text, "martin kovac"),
    (Field::Text, "SK40 0200"),
    (Field::Text, "billa 10..40"),
    (Field::Text, "zaloha >40"),
    (Field::Text, "kaufland <20"),
    (Field::Text, "shell 50-80"),
    (Field::Text, "dr max 5..15"),
    (Field::Amount, "12,50"),
    (Field::Amount, "100..200"),
    (Field::Amount, ">1000"),
    (Field::Amount, "<1"),
    (Field::Amount, "45.10"),
];

/// The field a query is typed into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Text,
    Amount,
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match arguments.first().map(String::as_str) {
        Some("startup") => {
            let runs = arguments
                .get(1)
                .and_then(|runs| runs.parse().ok())
                .unwrap_or(7);
            startup(runs).await
        }
        Some("scrolling") => scrolling().await,
        Some("search") => search().await,
        _ => {
            println!("usage: measure startup [runs] | measure scrolling | measure search");
            return ExitCode::FAILURE;
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            println!("measurement failed: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The stand-in browser, built next to this program.
fn browser() -> Result<String> {
    let me =
        std::env::current_exe().map_err(|source| Error::io(Path::new("this program"), source))?;
    Ok(me.with_file_name("stand-in-browser").display().to_string())
}

async fn startup(runs: usize) -> Result<()> {
    let bankbook = env_path("BANKBOOK_APP")?;
    let bare = env_path("BARE_WINDOW")?;
    // A connected Bankbook with two accounts' balances and first pages stored.
    let Onboarded { mut app, .. } = onboard_quietly("measure_startup", 2, "1200").await?;
    let home = app.keep_home();
    app.close().await?;

    let mut bare_paint = Vec::new();
    let (mut paint, mut accounts, mut transactions) = (Vec::new(), Vec::new(), Vec::new());
    for run in 0..runs {
        let bare_home =
            tempfile::tempdir().map_err(|source| Error::io(Path::new("a HOME"), source))?;
        bare_paint.push(milestones(&bare, bare_home.path(), &["first_paint"])?[0]);
        let times = milestones(
            &bankbook,
            &home,
            &["first_paint", "accounts", "transactions"],
        )?;
        println!(
            "run {}: bare {} ms; Bankbook first paint {} ms, accounts {} ms, transactions {} ms",
            run + 1,
            bare_paint[run],
            times[0],
            times[1],
            times[2]
        );
        paint.push(times[0]);
        accounts.push(times[1]);
        transactions.push(times[2]);
    }
    let bare = median(&mut bare_paint);
    println!("median over {runs} runs (ms), and as a ratio to the bare window's first paint:");
    println!("  bare window first paint: {bare}");
    for (name, times) in [
        ("Bankbook first paint", &mut paint),
        ("stored accounts on screen", &mut accounts),
        ("first transactions on screen", &mut transactions),
    ] {
        let median = median(times);
        println!("  {name}: {median} ({})", ratio(median, bare));
    }
    let _ = std::fs::remove_dir_all(home);
    Ok(())
}

async fn scrolling() -> Result<()> {
    let Onboarded { app, bank } = onboard_quietly("measure_scrolling", 1, "100000").await?;
    let group = app
        .process_group()
        .ok_or_else(|| Error::NotFound("the app's process group".to_owned()))?;
    println!(
        "resident memory with the first page on screen: {}",
        resident_memory(group)?
    );
    let mut idle = app.idle_frame_micros(120).await?;
    idle.sort_unstable();
    println!(
        "idle frames (nothing moves), the display's own pace: p50 {}, p95 {}",
        millis(percentile(&idle, 50)),
        millis(percentile(&idle, 95))
    );

    let first = app.scroll_history(1_200, 10_000).await?;
    let mut frames = first.frame_micros.clone();
    frames.sort_unstable();
    println!(
        "scrolled {} rows in {} frames",
        first.ids.len(),
        frames.len()
    );
    println!(
        "  most transaction rows in the DOM at once: {}",
        first.most_rows_in_dom
    );
    println!(
        "  frame time p50 {}, p95 {}",
        millis(percentile(&frames, 50)),
        millis(percentile(&frames, 95))
    );
    let pages = bank.transaction_pages().await?;
    println!("  bank pages fetched: {pages} (ceil(10,000 / 100) = 100; the list prefetches ahead)");
    println!("  resident memory: {}", resident_memory(group)?);

    // Steps still shorter than the rows rendered at once (the screen and the overscan on both
    // sides), so every row is seen.
    let rest = app.scroll_history(1_800, 100_000).await?;
    // The rows on screen when the first scroll stopped are seen again by the second.
    let rows = first
        .ids
        .iter()
        .chain(&rest.ids)
        .collect::<std::collections::HashSet<_>>()
        .len();
    let pages = bank.transaction_pages().await?;
    println!(
        "scrolled on to {rows} rows (the end: {}): bank pages fetched {pages}, most rows in the DOM {}",
        rest.reached_the_end, rest.most_rows_in_dom
    );
    println!("  resident memory: {}", resident_memory(group)?);
    app.close().await
}

async fn search() -> Result<()> {
    let Onboarded { app, bank } = onboard_quietly("measure_search", 1, "100000").await?;
    let language = &*ENGLISH;
    let started = Instant::now();
    fetch_whole_history(&app).await?;
    println!(
        "whole history stored: {} bank pages in {} s",
        bank.transaction_pages().await?,
        started.elapsed().as_secs()
    );
    app.open_search_filters(language).await?;
    let text = language.message("search.field.label");
    let amount = language.message("search.amount.label");

    let mut echo = Vec::new();
    for _ in 0..40 {
        echo.push(app.time_to_echo().await?);
    }
    let mut idle = app.idle_frame_micros(120).await?;
    let mut results = Vec::new();
    for (field, query) in QUERIES {
        let label = if field == Field::Text { text } else { amount };
        let timing = app.time_to_results(language, label, query).await?;
        println!(
            "  {query:?} ({}): {}, {} rows in the DOM",
            if field == Field::Text {
                "search field"
            } else {
                "amount field"
            },
            millis(timing.micros),
            timing.rows,
        );
        results.push(timing.micros);
        back_to_the_history(&app, field).await?;
    }
    for values in [&mut echo, &mut idle, &mut results] {
        values.sort_unstable();
    }
    println!("over {} queries on 100,000 stored entries:", QUERIES.len());
    println!("  (the UI pauses 40 ms after the last keystroke before it searches: it is in these)");
    for (name, values) in [
        ("last keystroke to results on screen", &results),
        (
            "keystroke to its echo on screen (the window's floor)",
            &echo,
        ),
        ("idle frames (the display's pace)", &idle),
    ] {
        println!(
            "  {name}: p50 {}, p95 {}",
            millis(percentile(values, 50)),
            millis(percentile(values, 95))
        );
    }

    // A broad search, scrolled as the history is.
    app.time_to_results(language, amount, ">1").await?;
    let scroll = app.scroll_history(1_200, 10_000).await?;
    let mut frames = scroll.frame_micros.clone();
    frames.sort_unstable();
    println!(
        "scrolled {} results in {} frames: frame time p50 {}, p95 {}; most rows in the DOM {}",
        scroll.ids.len(),
        frames.len(),
        millis(percentile(&frames, 50)),
        millis(percentile(&frames, 95)),
        scroll.most_rows_in_dom
    );
    app.close().await
}

/// Searches (any word will do: the coverage line is under a search's results), clicks "Fetch
/// the whole history" and waits until the coverage says the whole history is searched.
async fn fetch_whole_history(app: &e2e::AppSession) -> Result<()> {
    let language = &*ENGLISH;
    app.type_search(language, "a").await?;
    app.click_role("button", language.message("search.wholeHistory.fetch"))
        .await?;
    app.coverage_says(
        language.message("search.coverage.complete"),
        WHOLE_HISTORY_TIMEOUT,
    )
    .await?;
    app.type_search(language, "").await?;
    app.find_role("grid", language.words.transactions).await?;
    Ok(())
}

/// Empties `field` (the search ends at once) and waits for the history's grid.
async fn back_to_the_history(app: &e2e::AppSession, field: Field) -> Result<()> {
    let language = &*ENGLISH;
    match field {
        Field::Text => app.type_search(language, "").await?,
        Field::Amount => {
            app.replace_in(language.message("search.amount.label"), "")
                .await?;
        }
    }
    app.find_role("grid", language.words.transactions).await?;
    app.gone("[data-testid=search-empty]", Duration::from_secs(10))
        .await?;
    // The search's pause (40 ms) over: a key typed sooner would bring back the last query,
    // whose answer is cached, instead of starting a new one.
    tokio::time::sleep(SEARCH_PAUSE_OVER).await;
    Ok(())
}

/// Onboards the app with the stand-in browser, showing the first `accounts`, on a Demo Bank
/// whose accounts have `transactions` entries, and waits for the balances and the first rows.
async fn onboard_quietly(name: &str, accounts: usize, transactions: &str) -> Result<Onboarded> {
    let onboarded = onboard(
        name,
        &browser()?,
        accounts,
        accounts,
        &[("BANKBOOK_DEMO_TRANSACTIONS", transactions)],
    )
    .await?;
    onboarded.app.find("[data-testid=transaction-row]").await?;
    Ok(onboarded)
}

/// Starts `binary` in `home` and returns the milliseconds it logged for each milestone.
fn milestones(binary: &Path, home: &Path, wanted: &[&str]) -> Result<Vec<u128>> {
    let log_path = home.join("measure.log");
    let log = std::fs::File::create(&log_path)
        .map_err(|source| Error::io(Path::new("the log"), source))?;
    let stderr = log
        .try_clone()
        .map_err(|source| Error::io(Path::new("the log"), source))?;
    let mut child = Command::new(binary)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env("XDG_CACHE_HOME", home.join(".cache"))
        .env("RUST_LOG", "info")
        .env("NO_COLOR", "1")
        .stdout(log)
        .stderr(stderr)
        .process_group(0)
        .spawn()
        .map_err(|source| Error::io(Path::new("the app"), source))?;
    let started = Instant::now();
    let found = loop {
        let text = std::fs::read_to_string(&log_path).unwrap_or_default();
        let found: Vec<Option<u128>> = wanted.iter().map(|name| logged(&text, name)).collect();
        if found.iter().all(Option::is_some) {
            break Ok(found.into_iter().flatten().collect());
        }
        if started.elapsed() > STARTUP_TIMEOUT {
            break Err(Error::NotFound(format!(
                "{wanted:?} in {}",
                log_path.display()
            )));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    // The whole group: WebKit's helper processes end with the app.
    let _ = Command::new("kill")
        .args(["-TERM", "--", &format!("-{}", child.id())])
        .status();
    let _ = child.wait();
    found
}

/// The `millis` of the log line `on screen millis=N milestone=<name>`.
fn logged(log: &str, milestone: &str) -> Option<u128> {
    log.lines()
        .filter(|line| line.contains("on screen") && line.contains(milestone))
        .find_map(|line| {
            let after = line.split("millis=").nth(1)?;
            after.split_whitespace().next()?.parse().ok()
        })
}

/// The resident memory of the app and its WebKit processes (not the test's driver).
fn resident_memory(group: u32) -> Result<String> {
    let output = Command::new("ps")
        .args(["-e", "-o", "pgid=,rss=,comm="])
        .stderr(Stdio::null())
        .output()
        .map_err(|source| Error::io(Path::new("ps"), source))?;
    let listing = String::from_utf8_lossy(&output.stdout);
    let group = group.to_string();
    let mut total_kib = 0_u64;
    let mut parts = Vec::new();
    for line in listing.lines() {
        let mut fields = line.split_whitespace();
        let (Some(pgid), Some(rss), Some(name)) = (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let is_app = pgid == group
            && (name == "bankbook" || name.starts_with("WebKit") && name != "WebKitWebDriver");
        if let (true, Ok(kib)) = (is_app, rss.parse::<u64>()) {
            total_kib += kib;
            parts.push(format!("{name} {} MiB", kib / 1024));
        }
    }
    Ok(format!(
        "{} MiB in all ({})",
        total_kib / 1024,
        parts.join(", ")
    ))
}

/// Microseconds as milliseconds with one decimal.
fn millis(micros: u64) -> String {
    format!("{}.{} ms", micros / 1_000, micros % 1_000 / 100)
}

fn median(values: &mut [u128]) -> u128 {
    values.sort_unstable();
    values[values.len() / 2]
}

fn percentile(sorted: &[u64], percent: usize) -> u64 {
    sorted
        .get((sorted.len().saturating_sub(1)) * percent / 100)
        .copied()
        .unwrap_or_default()
}

/// `value / base` with two decimals, in integers.
fn ratio(value: u128, base: u128) -> String {
    let hundredths = (value * 100).checked_div(base).unwrap_or_default();
    format!("{}.{:02}×", hundredths / 100, hundredths % 100)
}

fn env_path(name: &'static str) -> Result<PathBuf> {
    std::env::var_os(name)
        .map(PathBuf::from)
        .ok_or(Error::MissingEnv(name))
}
