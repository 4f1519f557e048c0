//! `cargo bench -p sandbox-bank --bench transactions_page`
//!
//! Latency (p50, p99) of a 100-entry transactions page at page 1 and at the last page of a
//! 1,000,000-entry account, over real loopback HTTP with a fresh `Request-ID` per call, and the
//! process's memory (RSS) before and after the bank is set up. The HTTP client runs in the same
//! process, so the figures include it.

use std::error::Error;
use std::io::Write as _;
use std::time::{Duration, Instant};

use reqwest::header::{CONTENT_TYPE, LOCATION};
use sandbox_bank::{Config, MAX_TRANSACTIONS_PER_ACCOUNT, RunningBank, SandboxBank};
use serde_json::{Value, json};
use url::Url;

type BenchResult<T> = Result<T, Box<dyn Error>>;

const PAGE_SIZE: u32 = 100;
const WARM_UP: usize = 50;
const SAMPLES: usize = 1000;

fn main() -> BenchResult<()> {
    let rss_at_start = resident_kib()?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(run(rss_at_start))
}

async fn run(rss_at_start: u64) -> BenchResult<()> {
    let started = Instant::now();
    let bank = SandboxBank::start(
        Config::default().transactions_per_account(MAX_TRANSACTIONS_PER_ACCOUNT),
    )
    .await?;
    let setup = started.elapsed();
    let rss_after_setup = resident_kib()?;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    let iban = bank
        .users()
        .first()
        .and_then(|user| user.accounts.first())
        .ok_or("no demo account")?
        .iban
        .clone();
    let token = connect(&bank, &client, &iban).await?;

    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "sandbox bank: 2 users x 3 accounts x {MAX_TRANSACTIONS_PER_ACCOUNT} transactions"
    )?;
    writeln!(
        out,
        "setup (generation incl. balance pass over 6,000,000 amounts): {} ms",
        setup.as_millis()
    )?;
    writeln!(
        out,
        "RSS before setup: {rss_at_start} KiB, after setup: {rss_after_setup} KiB"
    )?;
    let last_page = MAX_TRANSACTIONS_PER_ACCOUNT / PAGE_SIZE;
    for (label, body) in [
        (
            "page 1",
            json!({ "iban": iban, "page": 1, "pageSize": PAGE_SIZE }),
        ),
        (
            "last page",
            json!({ "iban": iban, "page": last_page, "pageSize": PAGE_SIZE }),
        ),
        (
            "page 1 of one day in 2020",
            json!({ "iban": iban, "dateFrom": "2020-02-29", "dateTo": "2020-02-29", "pageSize": PAGE_SIZE }),
        ),
    ] {
        let mut latencies = measure(&bank, &client, &token, &body).await?;
        latencies.sort_unstable();
        let (p50, p99) = (latencies[SAMPLES * 50 / 100], latencies[SAMPLES * 99 / 100]);
        writeln!(
            out,
            "{label:<26} p50 {:>6} µs   p99 {:>6} µs   ({SAMPLES} requests)",
            p50.as_micros(),
            p99.as_micros()
        )?;
    }
    writeln!(
        out,
        "RSS after {} requests: {} KiB (peak {} KiB)",
        3 * (WARM_UP + SAMPLES),
        resident_kib()?,
        peak_kib()?
    )?;
    bank.shutdown().await?;
    Ok(())
}

/// Times `WARM_UP + SAMPLES` transactions calls, each read to its end; keeps the last `SAMPLES`.
async fn measure(
    bank: &RunningBank,
    client: &reqwest::Client,
    token: &str,
    body: &Value,
) -> BenchResult<Vec<Duration>> {
    let url = format!("{}/api/v1/accounts/transactions", bank.base_url());
    let body = body.to_string();
    let mut latencies = Vec::with_capacity(SAMPLES);
    for round in 0..WARM_UP + SAMPLES {
        let started = Instant::now();
        let response = client
            .post(&url)
            .bearer_auth(token)
            .header("Request-ID", uuid::Uuid::new_v4().to_string())
            .header(CONTENT_TYPE, "application/json; charset=utf-8")
            .body(body.clone())
            .send()
            .await?;
        let status = response.status();
        let page = response.bytes().await?;
        let elapsed = started.elapsed();
        if !status.is_success() {
            return Err(format!("the bank answered {status}").into());
        }
        if round == 0
            && page
                .windows(16)
                .filter(|window| window == b"\"entryReference\"")
                .count()
                != PAGE_SIZE as usize
        {
            return Err("a page is not full".into());
        }
        if round >= WARM_UP {
            latencies.push(elapsed);
        }
    }
    Ok(latencies)
}

/// Consents to `iban` as the first demo user through the bank's pages; returns an access token.
async fn connect(bank: &RunningBank, client: &reqwest::Client, iban: &str) -> BenchResult<String> {
    let base = bank.base_url();
    let registration = bank.client();
    let user = bank.users().into_iter().next().ok_or("no demo user")?;
    let query = [
        ("client_id", registration.client_id.as_str()),
        ("response_type", "code"),
        ("redirect_uri", registration.redirect_uri.as_str()),
        ("scope", "AISP"),
        ("state", "bench"),
    ];
    let page = client
        .get(format!("{base}/auth/oauth/v2/authorize"))
        .query(&query)
        .send()
        .await?
        .text()
        .await?;
    let request_id = hidden_request_id(&page)?;
    let sign_in = [
        ("request_id", request_id.as_str()),
        ("username", user.username.as_str()),
        ("password", user.password.as_str()),
    ];
    client
        .post(format!("{base}/auth/oauth/v2/authorize/sign-in"))
        .form(&sign_in)
        .send()
        .await?;
    let consent = [
        ("request_id", request_id.as_str()),
        ("account", iban),
        ("decision", "approve"),
    ];
    let decided = client
        .post(format!("{base}/auth/oauth/v2/authorize/consent"))
        .form(&consent)
        .send()
        .await?;
    let redirect = Url::parse(
        decided
            .headers()
            .get(LOCATION)
            .ok_or("no redirect")?
            .to_str()?,
    )?;
    let code = redirect
        .query_pairs()
        .find(|(key, _)| key == "code")
        .ok_or("no code")?
        .1
        .into_owned();
    let exchange = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("redirect_uri", registration.redirect_uri.as_str()),
    ];
    let tokens: Value = client
        .post(format!("{base}/auth/oauth/v2/token"))
        .basic_auth(&registration.client_id, Some(&registration.client_secret))
        .form(&exchange)
        .send()
        .await?
        .json()
        .await?;
    Ok(tokens["access_token"]
        .as_str()
        .ok_or("no access token")?
        .to_owned())
}

fn hidden_request_id(page: &str) -> BenchResult<String> {
    let marker = "name=\"request_id\" value=\"";
    let start = page.find(marker).ok_or("no request_id field")? + marker.len();
    Ok(page[start..]
        .split('"')
        .next()
        .ok_or("an unterminated field")?
        .to_owned())
}

fn resident_kib() -> BenchResult<u64> {
    status_kib("VmRSS:")
}

fn peak_kib() -> BenchResult<u64> {
    status_kib("VmHWM:")
}

/// A `kB` figure from `/proc/self/status`.
fn status_kib(field: &str) -> BenchResult<u64> {
    let status = std::fs::read_to_string("/proc/self/status")?;
    let line = status
        .lines()
        .find(|line| line.starts_with(field))
        .ok_or("no such field in /proc/self/status")?;
    Ok(line
        .trim_start_matches(field)
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()?)
}
