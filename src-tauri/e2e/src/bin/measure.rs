//! Scripted measurements of the real app (`scripts/measure.sh` runs them on release builds):
//!
//! - `startup <runs>`: from process start to the first paint, to the stored accounts on screen
//!   and to the first transactions on screen, for a connected Bankbook with a stored history,
//!   side by side with a bare Tauri window (`BARE_WINDOW`) that reports its first paint the
//!   same way, drawn with GL compositing (WebKitGTK's default) and on the CPU (what compositing
//!   costs under Xvfb, where GL is Mesa's software renderer);
//! - `scrolling [rows]`: a 100,000-transaction account scrolled through 10,000 rows and on to
//!   `rows` (default 100,000), then 1,000 rows at a wheel's pace: rows in the DOM, bank pages,
//!   frame times against idle, and memory beside the bare window's (both ways of drawing);
//! - `search`: the whole history fetched, the last keystroke to its results on screen over 20
//!   queries, then a broad search's results scrolled with the same memory and frame tables.
//!
//! Environment: `BANKBOOK_APP` (the app binary), `BARE_WINDOW` (for `startup` and
//! `scrolling`), and the end-to-end harness's `BANKBOOK_ARTEFACTS`.

// A measurement reports on standard output.
#![allow(clippy::print_stdout)]

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use e2e::{ENGLISH, Error, JsHeap, Onboarded, Pace, PageMemory, Result, onboard};

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
        Some("scrolling") => {
            let rows = arguments
                .get(1)
                .and_then(|rows| rows.parse().ok())
                .unwrap_or(100_000);
            scrolling(rows).await
        }
        Some("search") => search().await,
        _ => {
            println!("usage: measure startup [runs] | measure scrolling [rows] | measure search");
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

    let (mut bare_paint, mut bare_cpu_paint) = (Vec::new(), Vec::new());
    let (mut paint, mut accounts, mut transactions) = (Vec::new(), Vec::new(), Vec::new());
    for run in 0..runs {
        let bare_home =
            tempfile::tempdir().map_err(|source| Error::io(Path::new("a HOME"), source))?;
        bare_paint.push(milestones(&bare, bare_home.path(), &["first_paint"], &[])?[0]);
        bare_cpu_paint
            .push(milestones(&bare, bare_home.path(), &["first_paint"], &[CPU_DRAWN])?[0]);
        let times = milestones(
            &bankbook,
            &home,
            &["first_paint", "accounts", "transactions"],
            &[],
        )?;
        println!(
            "run {}: bare {} ms (on the CPU {} ms); Bankbook first paint {} ms, accounts {} ms, \
             transactions {} ms",
            run + 1,
            bare_paint[run],
            bare_cpu_paint[run],
            times[0],
            times[1],
            times[2]
        );
        paint.push(times[0]);
        accounts.push(times[1]);
        transactions.push(times[2]);
    }
    let bare = median(&mut bare_paint);
    let bare_cpu = median(&mut bare_cpu_paint);
    println!(
        "median over {runs} runs (ms), and as a ratio to the bare window's first paint (drawn \
         with GL compositing, WebKitGTK's default):"
    );
    println!("  bare window first paint: {bare} (drawn on the CPU: {bare_cpu})");
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

async fn scrolling(rows: usize) -> Result<()> {
    let bare = bare_window_at_rest(&[])?;
    // The bare window also drawn on the CPU: what WebKit's GL compositing costs a window under
    // Xvfb (Mesa's software renderer keeps its textures in the web process).
    let bare_on_cpu = bare_window_at_rest(&[CPU_DRAWN])?;
    let Onboarded { app, bank } = onboard_quietly("measure_scrolling", 1, "100000").await?;
    let group = app
        .process_group()
        .ok_or_else(|| Error::NotFound("the app's process group".to_owned()))?;
    let bare_memory = bare.memory.clone();
    let mut memory = vec![Snapshot {
        label: "bare Tauri window".to_owned(),
        resident: bare.memory,
        page: None,
        js_heap: None,
    }];
    memory.push(Snapshot {
        label: "  drawn on the CPU".to_owned(),
        resident: bare_on_cpu.memory,
        page: None,
        js_heap: None,
    });
    let first_page = snapshot(&app, group, "Bankbook, first page on screen").await?;
    let first_page_memory = first_page.resident.clone();
    memory.push(first_page);

    let idle = app.idle_frame_micros(120).await?;
    let first = app
        .scroll_history_at(Pace::every_frame(1_200), 10_000)
        .await?;
    let after_first = bank.transaction_pages().await?;
    memory.push(snapshot(&app, group, "  after 10,000 rows").await?);
    // Steps still shorter than the rows rendered at once (the screen and the overscan on both
    // sides), so every row is seen.
    let rest = app
        .scroll_history_at(Pace::every_frame(1_800), rows)
        .await?;
    let scrolled = snapshot(&app, group, &format!("  after {rows} rows")).await?;
    let scrolled_memory = scrolled.resident.clone();
    memory.push(scrolled);
    // What stays once the engine's collectors and allocators have had time to give back.
    tokio::time::sleep(REST).await;
    memory.push(snapshot(&app, group, "  then 30 s at rest").await?);
    // The rows on screen when the first scroll stopped are seen again by the second.
    let seen = first
        .ids
        .iter()
        .chain(&rest.ids)
        .collect::<std::collections::HashSet<_>>()
        .len();
    let pages = bank.transaction_pages().await?;
    app.scroll_history_to_top().await?;
    let wheel = app.scroll_history_at(Pace::WHEEL, 1_000).await?;

    println!(
        "bare window: first paint {} ms ({} ms drawn on the CPU)",
        bare.first_paint, bare_on_cpu.first_paint
    );
    println!(
        "scrolled {seen} rows of {rows} (the end: {}); bank pages fetched: {after_first} for the \
         first 10,000 (ceil(10,000 / 100) = 100; the list prefetches ahead), {pages} in all",
        rest.reached_the_end
    );
    println!(
        "most transaction rows in the DOM at once: {}",
        first.most_rows_in_dom.max(rest.most_rows_in_dom)
    );
    print_memory(&memory);
    print_memory_goals(&bare_memory, &first_page_memory, &scrolled_memory);
    print_frames(&[
        ("idle (nothing moves): the display's pace", idle),
        (
            "history, 1,200 px a frame (10,000 rows)",
            first.frame_micros,
        ),
        (
            "history, a 120 px notch every 50 ms (1,000 rows)",
            wheel.frame_micros,
        ),
    ]);
    app.close().await
}

/// The bare window's first paint and, a moment later, its processes' resident memory.
struct BareWindow {
    first_paint: u128,
    memory: Resident,
}

/// Starts the bare window in a HOME of its own, waits for its first paint, lets it settle and
/// reads its memory.
fn bare_window_at_rest(env: &[(&str, &str)]) -> Result<BareWindow> {
    let bare = env_path("BARE_WINDOW")?;
    let home = tempfile::tempdir().map_err(|source| Error::io(Path::new("a HOME"), source))?;
    let mut started = Started::spawn(&bare, home.path(), env)?;
    let measured = started.milestones(&["first_paint"]).and_then(|times| {
        std::thread::sleep(SETTLE);
        Ok(BareWindow {
            first_paint: times[0],
            memory: Resident::of_group(started.group())?,
        })
    });
    started.stop();
    measured
}

/// WebKitGTK without compositing: the page drawn on the CPU.
const CPU_DRAWN: (&str, &str) = ("WEBKIT_DISABLE_COMPOSITING_MODE", "1");

/// How long the list is left still after a long scroll before its memory is read again.
const REST: Duration = Duration::from_secs(30);

/// How long a window is left after its first paint before its memory is read: WebKit's
/// processes finish starting (the network process, the first layout) in the first seconds.
const SETTLE: Duration = Duration::from_secs(3);

/// A row of the memory table.
struct Snapshot {
    label: String,
    resident: Resident,
    page: Option<PageMemory>,
    /// The JavaScript heap, from the collections logged so far (`JSC_logGC`).
    js_heap: Option<JsHeap>,
}

/// A row of the memory table: the processes' resident memory and what the page holds.
async fn snapshot(app: &e2e::AppSession, group: u32, label: &str) -> Result<Snapshot> {
    let page = app.page_memory().await?;
    Ok(Snapshot {
        label: label.to_owned(),
        resident: Resident::of_group(group)?,
        page: Some(page),
        js_heap: JsHeap::from_log(&app.log()?),
    })
}

fn print_memory(rows: &[Snapshot]) {
    println!(
        "{:<34} {:>8} {:>8} {:>8} {:>8} {:>9} {:>13} {:>6} {:>7} {:>13}",
        "resident memory (MiB)",
        "sum",
        "app",
        "web",
        "network",
        "JS heap",
        "JS grown",
        "DOM",
        "fibers",
        "pages (rows)"
    );
    for row in rows {
        let (dom, fibers, pages) = row.page.as_ref().map_or_else(
            || ("-".to_owned(), "-".to_owned(), "-".to_owned()),
            |page| {
                (
                    page.dom_elements.to_string(),
                    page.react_fibers.to_string(),
                    format!("{} ({})", page.cached_pages, page.cached_rows),
                )
            },
        );
        let (heap, allocated) = row.js_heap.map_or_else(
            || ("-".to_owned(), "-".to_owned()),
            |heap| {
                (
                    mebibytes(heap.after_last_collection),
                    format!(
                        "{} ({}/{})",
                        mebibytes(heap.grown),
                        heap.full_collections,
                        heap.collections
                    ),
                )
            },
        );
        let resident = &row.resident;
        println!(
            "{:<34} {:>8} {:>8} {:>8} {:>8} {heap:>9} {allocated:>13} {dom:>6} {fibers:>7} {pages:>13}",
            row.label,
            mebibytes(resident.total()),
            mebibytes(resident.app),
            mebibytes(resident.web),
            mebibytes(resident.network),
        );
    }
    println!(
        "(sum: the processes' resident memory added up; what they share counts in each. JS heap: \
         after the latest collection; JS grown: how much the heap grew between collections since \
         the start, about what the page allocated, with the collections that ran, full/all)"
    );
    for row in rows {
        if let Some(heap) = row.js_heap.filter(|heap| heap.unread_lines > 0) {
            println!(
                "({}: {} lines of the GC log could not be read; JS grown is less exact)",
                row.label.trim(),
                heap.unread_lines
            );
        }
    }
    println!("by kind of mapping (MiB, kinds of 4 MiB or more):");
    for row in rows {
        println!("  {}", row.label.trim());
        println!("    app: {}", row.resident.app_mappings.summary());
        println!("    web: {}", row.resident.web_mappings.summary());
    }
}

/// The two memory goals, worked out: all of Bankbook's processes after the long scroll
/// against the bare window's (at most 1.3×), and their growth from the first page (at most
/// 50 MiB).
fn print_memory_goals(bare: &Resident, first_page: &Resident, scrolled: &Resident) {
    let growth = scrolled.total().saturating_sub(first_page.total());
    // In integers: 130 × bare, and 50 MiB in KiB.
    let ratio_met = scrolled.total() * 100 <= bare.total() * 130;
    let growth_met = growth <= 50 * 1024;
    println!(
        "after the long scroll: {} MiB in all, {} the bare window's {} MiB (goal: at most 1.30×, \
         {}); {} MiB more than at the first page (goal: at most 50, {}): app {}, web {}, \
         network {}",
        mebibytes(scrolled.total()),
        ratio(u128::from(scrolled.total()), u128::from(bare.total())),
        mebibytes(bare.total()),
        met(ratio_met),
        signed_mebibytes(scrolled.total(), first_page.total()),
        met(growth_met),
        signed_mebibytes(scrolled.app, first_page.app),
        signed_mebibytes(scrolled.web, first_page.web),
        signed_mebibytes(scrolled.network, first_page.network),
    );
}

fn met(met: bool) -> &'static str {
    if met { "met" } else { "missed" }
}

/// `after - before` in MiB with its sign.
fn signed_mebibytes(after: u64, before: u64) -> String {
    if after >= before {
        format!("+{}", mebibytes(after - before))
    } else {
        format!("-{}", mebibytes(before - after))
    }
}

/// Frame times side by side: p50 and p95, each also as a ratio to the idle frames' p50 (the
/// display's pace), and p95 to the idle p95 (the display's own jitter).
fn print_frames(rows: &[(&str, Vec<u64>)]) {
    let mut sorted: Vec<(&str, Vec<u64>)> = rows
        .iter()
        .map(|(label, frames)| {
            let mut frames = frames.clone();
            frames.sort_unstable();
            (*label, frames)
        })
        .collect();
    let idle_p50 = sorted.first().map_or(0, |(_, idle)| percentile(idle, 50));
    let idle_p95 = sorted.first().map_or(0, |(_, idle)| percentile(idle, 95));
    println!(
        "{:<50} {:>7} {:>8} {:>8} {:>13} {:>13}",
        "frames", "count", "p50", "p95", "p95/idle p50", "p95/idle p95"
    );
    for (label, frames) in &mut sorted {
        let p95 = percentile(frames, 95);
        println!(
            "{:<50} {:>7} {:>8} {:>8} {:>13} {:>13}",
            label,
            frames.len(),
            millis(percentile(frames, 50)),
            millis(p95),
            ratio(u128::from(p95), u128::from(idle_p50)),
            ratio(u128::from(p95), u128::from(idle_p95)),
        );
    }
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
    let idle = app.idle_frame_micros(120).await?;
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
    let mut idle_sorted = idle.clone();
    for values in [&mut echo, &mut idle_sorted, &mut results] {
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
        ("idle frames (the display's pace)", &idle_sorted),
    ] {
        println!(
            "  {name}: p50 {}, p95 {}",
            millis(percentile(values, 50)),
            millis(percentile(values, 95))
        );
    }

    // A broad search, scrolled as the history is.
    let group = app
        .process_group()
        .ok_or_else(|| Error::NotFound("the app's process group".to_owned()))?;
    app.time_to_results(language, amount, ">1").await?;
    let mut memory = vec![snapshot(&app, group, "search results on screen").await?];
    let fast = app
        .scroll_history_at(Pace::every_frame(1_200), 10_000)
        .await?;
    memory.push(snapshot(&app, group, "  after 10,000 results").await?);
    let rest = app
        .scroll_history_at(Pace::every_frame(1_800), 100_000)
        .await?;
    memory.push(snapshot(&app, group, "  after the last result").await?);
    app.scroll_history_to_top().await?;
    let wheel = app.scroll_history_at(Pace::WHEEL, 1_000).await?;
    println!(
        "scrolled {} results (the end: {}); most rows in the DOM {}",
        fast.ids
            .iter()
            .chain(&rest.ids)
            .collect::<std::collections::HashSet<_>>()
            .len(),
        rest.reached_the_end,
        fast.most_rows_in_dom.max(rest.most_rows_in_dom)
    );
    print_memory(&memory);
    print_frames(&[
        ("idle (nothing moves): the display's pace", idle),
        (
            "search results, 1,200 px a frame (10,000 rows)",
            fast.frame_micros,
        ),
        (
            "search results, a 120 px notch every 50 ms",
            wheel.frame_micros,
        ),
    ]);
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
        &[
            ("BANKBOOK_DEMO_TRANSACTIONS", transactions),
            // JavaScriptCore logs each collection with the heap's size after it (the memory
            // table's JS heap column).
            ("JSC_logGC", "basic"),
        ],
    )
    .await?;
    onboarded.app.find("[data-testid=transaction-row]").await?;
    Ok(onboarded)
}

/// Starts `binary` in `home` and returns the milliseconds it logged for each milestone.
fn milestones(
    binary: &Path,
    home: &Path,
    wanted: &[&str],
    env: &[(&str, &str)],
) -> Result<Vec<u128>> {
    let mut started = Started::spawn(binary, home, env)?;
    let found = started.milestones(wanted);
    started.stop();
    found
}

/// A window started by this program in a process group of its own, logging to a file.
struct Started {
    child: std::process::Child,
    log_path: PathBuf,
}

impl Started {
    fn spawn(binary: &Path, home: &Path, env: &[(&str, &str)]) -> Result<Self> {
        let log_path = home.join("measure.log");
        let log = std::fs::File::create(&log_path)
            .map_err(|source| Error::io(Path::new("the log"), source))?;
        let stderr = log
            .try_clone()
            .map_err(|source| Error::io(Path::new("the log"), source))?;
        let child = Command::new(binary)
            .env("HOME", home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("XDG_CACHE_HOME", home.join(".cache"))
            .env("RUST_LOG", "info")
            .env("NO_COLOR", "1")
            .envs(env.iter().copied())
            .stdout(log)
            .stderr(stderr)
            .process_group(0)
            .spawn()
            .map_err(|source| Error::io(Path::new("the app"), source))?;
        Ok(Self { child, log_path })
    }

    /// Waits for the `wanted` milestones in the log and returns their milliseconds.
    fn milestones(&self, wanted: &[&str]) -> Result<Vec<u128>> {
        let started = Instant::now();
        loop {
            let text = std::fs::read_to_string(&self.log_path).unwrap_or_default();
            let found: Vec<Option<u128>> = wanted.iter().map(|name| logged(&text, name)).collect();
            if found.iter().all(Option::is_some) {
                return Ok(found.into_iter().flatten().collect());
            }
            if started.elapsed() > STARTUP_TIMEOUT {
                return Err(Error::NotFound(format!(
                    "{wanted:?} in {}",
                    self.log_path.display()
                )));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn group(&self) -> u32 {
        self.child.id()
    }

    /// Ends the whole group: WebKit's helper processes end with the app.
    fn stop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", "--", &format!("-{}", self.child.id())])
            .status();
        let _ = self.child.wait();
    }
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

/// The resident memory of a window's processes, in KiB: the app's own (Bankbook or the bare
/// window), WebKit's web process (the page) and its network process.
#[derive(Debug, Clone, Default)]
struct Resident {
    app: u64,
    web: u64,
    network: u64,
    /// The app's and the web process's resident memory by kind of mapping.
    app_mappings: Mappings,
    web_mappings: Mappings,
}

/// Which process of a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    App,
    Web,
    Network,
}

impl Resident {
    /// The processes of `group` (not the tests' WebDriver). `ps` cuts names to 15 characters.
    fn of_group(group: u32) -> Result<Self> {
        let output = Command::new("ps")
            .args(["-e", "-o", "pid=,pgid=,rss=,comm="])
            .stderr(Stdio::null())
            .output()
            .map_err(|source| Error::io(Path::new("ps"), source))?;
        let listing = String::from_utf8_lossy(&output.stdout);
        let group = group.to_string();
        let mut resident = Self::default();
        for line in listing.lines() {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let [pid, group_id, rss, name] = fields[..] else {
                continue;
            };
            let role = match name {
                "bankbook" | "bare_window" => Role::App,
                "WebKitWebProces" => Role::Web,
                "WebKitNetworkPr" => Role::Network,
                _ => continue,
            };
            let Ok(kib) = rss.parse::<u64>() else {
                continue;
            };
            if group_id != group {
                continue;
            }
            match role {
                Role::App => {
                    resident.app += kib;
                    resident.app_mappings.add(&Mappings::of_process(pid));
                }
                Role::Web => {
                    resident.web += kib;
                    resident.web_mappings.add(&Mappings::of_process(pid));
                }
                Role::Network => resident.network += kib,
            }
        }
        // A window without its app or web process (gone, or started in another group) would
        // read as a light one.
        if resident.app == 0 || resident.web == 0 {
            return Err(Error::NotFound(format!(
                "the app and web processes of group {group}"
            )));
        }
        Ok(resident)
    }

    fn total(&self) -> u64 {
        self.app + self.web + self.network
    }
}

/// A process's resident memory (KiB) by what is mapped: malloc's heap, anonymous memory (the
/// JavaScript heap, WebKit's own allocator, thread arenas), shared memory by name (`memfd:`,
/// `/dev/shm`: WebKit's IPC buffers and layer backing stores), and files (code, fonts).
#[derive(Debug, Clone, Default)]
struct Mappings(std::collections::BTreeMap<String, u64>);

impl Mappings {
    /// Read from `/proc/<pid>/smaps`; empty when the process is gone.
    fn of_process(pid: &str) -> Self {
        let text = std::fs::read_to_string(format!("/proc/{pid}/smaps")).unwrap_or_default();
        let mut kinds = std::collections::BTreeMap::new();
        let mut kind = String::new();
        for line in text.lines() {
            if let Some(kib) = line.strip_prefix("Rss:") {
                let kib: u64 = kib
                    .trim()
                    .trim_end_matches("kB")
                    .trim()
                    .parse()
                    .unwrap_or(0);
                *kinds.entry(kind.clone()).or_insert(0) += kib;
            } else if line.split_whitespace().next().is_some_and(|range| {
                range.contains('-')
                    && range
                        .bytes()
                        .all(|byte| byte.is_ascii_hexdigit() || byte == b'-')
            }) {
                kind = mapping_kind(line);
            }
        }
        Self(kinds)
    }

    /// Adds another process's mappings (a role with more than one process).
    fn add(&mut self, other: &Self) {
        for (kind, kib) in &other.0 {
            *self.0.entry(kind.clone()).or_insert(0) += kib;
        }
    }

    /// The kinds holding at least 4 MiB, largest first, as `name 12.3`.
    fn summary(&self) -> String {
        let mut kinds: Vec<(&String, &u64)> =
            self.0.iter().filter(|(_, kib)| **kib >= 4 * 1024).collect();
        kinds.sort_by(|a, b| b.1.cmp(a.1));
        kinds
            .iter()
            .map(|(name, kib)| format!("{name} {}", mebibytes(**kib)))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// What a line of smaps' mapping headers maps, as a kind: the path's sixth field onwards.
fn mapping_kind(header: &str) -> String {
    let path = header
        .split_whitespace()
        .skip(5)
        .collect::<Vec<_>>()
        .join(" ");
    let path = path.trim_end_matches(" (deleted)");
    if path.is_empty() {
        "anonymous".to_owned()
    } else if path.starts_with('[') {
        path.to_owned()
    } else if path.starts_with("/memfd:") || path.starts_with("/dev/shm") {
        format!("shared {path}")
    } else {
        "files".to_owned()
    }
}

/// KiB as MiB with one decimal.
fn mebibytes(kib: u64) -> String {
    format!("{}.{}", kib / 1024, kib % 1024 * 10 / 1024)
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
