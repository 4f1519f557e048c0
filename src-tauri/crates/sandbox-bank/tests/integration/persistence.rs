//! The state file: consents, their refresh tokens and the bank's clock survive a restart, as
//! they do at a real bank; the file holds hashes, never tokens.

// The helpers below are test code too: let them unwrap like the tests.
#![cfg(test)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use reqwest::StatusCode;
use sandbox_bank::{Config, Error, GrantFilter, SandboxBank};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use tempfile::TempDir;

use crate::common::{ACCOUNTS, Harness, INFORMATION, Tokens, error_code};

fn config(state_file: &Path) -> Config {
    Config::default()
        .transactions_per_account(57)
        .state_file(state_file)
}

/// A state file path in a folder that does not exist yet; the folder goes with the `TempDir`.
fn state_file() -> (TempDir, PathBuf) {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("demo-bank").join("state.json");
    (folder, path)
}

async fn refreshed(harness: &Harness, refresh_token: &str) -> Tokens {
    let response = harness.refresh(refresh_token).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

/// The `error_description` of a refresh refused with `invalid_grant`.
async fn refused(harness: &Harness, refresh_token: &str) -> String {
    let response = harness.refresh(refresh_token).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"], "invalid_grant");
    body["error_description"].as_str().unwrap().to_owned()
}

fn sha256_hex(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest
        .iter()
        .fold(String::new(), |hex, byte| hex + &format!("{byte:02x}"))
}

#[tokio::test]
async fn a_consent_survives_a_restart_and_its_refresh_token_still_works() {
    let (_folder, path) = state_file();
    let harness = Harness::with(config(&path)).await;
    let ibans = harness.ibans();
    let tokens = harness.connect(&ibans[..2]).await;
    let grants = harness.bank.admin().grants();
    // The consented accounts are kept by their place in the bank, never by IBAN.
    let file = std::fs::read_to_string(&path).unwrap();
    assert!(
        !ibans.iter().any(|iban| file.contains(iban.as_str())),
        "{file}"
    );

    let harness = harness.restart(config(&path)).await;
    assert_eq!(harness.bank.admin().grants(), grants);
    // Access tokens are not kept: the app refreshes after this 401.
    let stale = harness.get(ACCOUNTS, &tokens.access_token).await;
    assert_eq!(stale.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error_code(stale).await, "UNAUTHORIZED");

    let fresh = refreshed(&harness, &tokens.refresh_token).await;
    let listed: Value = harness
        .get(ACCOUNTS, &fresh.access_token)
        .await
        .json()
        .await
        .unwrap();
    let listed: Vec<&str> = listed["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|account| account["identification"]["iban"].as_str().unwrap())
        .collect();
    assert_eq!(listed, ibans[..2]);
    harness.balances(&fresh.access_token, &ibans[0]).await;
    let history = harness
        .page(
            &fresh.access_token,
            &json!({ "iban": ibans[1], "pageSize": 10 }),
        )
        .await;
    assert_eq!(history.transactions.len(), 10);
    let outside = harness
        .post(
            INFORMATION,
            &fresh.access_token,
            &json!({ "iban": ibans[2] }),
        )
        .await;
    assert_eq!(
        outside.status(),
        StatusCode::NOT_FOUND,
        "the consent's scope is kept"
    );

    harness.connect(&ibans).await;
    let ids: Vec<u64> = harness
        .bank
        .admin()
        .grants()
        .iter()
        .map(|grant| grant.id.0)
        .collect();
    assert_eq!(ids, [1, 2], "a new consent does not reuse a kept id");
}

#[tokio::test]
async fn a_revocation_survives_a_restart() {
    let (_folder, path) = state_file();
    let harness = Harness::with(config(&path)).await;
    let tokens = harness.connect_all().await;
    assert_eq!(
        harness
            .bank
            .admin()
            .revoke_consents(&GrantFilter::All)
            .unwrap(),
        1
    );

    let harness = harness.restart(config(&path)).await;
    assert!(harness.bank.admin().grants()[0].revoked);
    assert_eq!(
        refused(&harness, &tokens.refresh_token).await,
        "The consent was revoked."
    );
}

#[tokio::test]
async fn a_rotated_away_refresh_token_presented_after_a_restart_revokes_the_grant() {
    let (_folder, path) = state_file();
    let harness = Harness::with(config(&path)).await;
    let first = harness.connect_all().await;
    let second = refreshed(&harness, &first.refresh_token).await;

    let harness = harness.restart(config(&path)).await;
    assert_eq!(
        refused(&harness, &first.refresh_token).await,
        "The refresh token was already used; the consent is revoked."
    );
    assert_eq!(
        refused(&harness, &second.refresh_token).await,
        "The consent was revoked."
    );

    let harness = harness.restart(config(&path)).await;
    assert!(
        harness.bank.admin().grants()[0].revoked,
        "the revocation by reuse was saved too"
    );
}

#[tokio::test]
async fn the_bank_clock_survives_a_restart_so_an_expired_consent_stays_expired() {
    let (_folder, path) = state_file();
    let harness = Harness::with(config(&path)).await;
    let tokens = harness.connect_all().await;
    let ninety_one_days = Duration::from_hours(91 * 24);
    harness.bank.admin().advance_clock(ninety_one_days).unwrap();

    let harness = harness.restart(config(&path)).await;
    let real_time = time::OffsetDateTime::now_utc();
    assert!(harness.bank.admin().now() >= real_time + ninety_one_days);
    assert_eq!(
        refused(&harness, &tokens.refresh_token).await,
        "The consent has expired."
    );
}

#[tokio::test]
async fn a_damaged_clock_offset_is_clamped_to_ten_years_and_the_bank_starts() {
    let (_folder, path) = state_file();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let saved = json!({
        "version": 1,
        "clockOffset": { "secs": u64::MAX, "nanos": 999_999_999 },
        "grants": []
    });
    std::fs::write(&path, saved.to_string()).unwrap();

    let harness = Harness::with(config(&path)).await;
    let ahead = harness.bank.admin().now() - time::OffsetDateTime::now_utc();
    let max = time::Duration::days(3_660);
    assert!(
        ahead <= max && ahead > max - time::Duration::minutes(1),
        "{ahead}"
    );
    assert!(path.exists(), "the file is read, not set aside");
    harness.connect_all().await;
    let saved: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(
        saved["clockOffset"],
        json!({ "secs": 3_660 * 86_400, "nanos": 0 }),
        "the clamped offset is what is saved next"
    );
}

#[tokio::test]
async fn a_corrupt_state_file_is_set_aside_and_the_bank_starts_without_grants() {
    let (_folder, path) = state_file();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, "{\"version\": 1, \"grants\": [").unwrap();

    let harness = Harness::with(config(&path)).await;
    assert!(harness.bank.admin().grants().is_empty());
    assert!(!path.exists());
    let aside = path.with_file_name("state.json.corrupt");
    assert_eq!(
        std::fs::read_to_string(&aside).unwrap(),
        "{\"version\": 1, \"grants\": ["
    );

    harness.connect_all().await;
    let saved: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(
        (saved["version"].clone(), saved["grants"][0]["id"].clone()),
        (json!(2), json!(1))
    );
}

#[tokio::test]
async fn a_state_file_that_cannot_be_read_stops_the_start() {
    let folder = tempfile::tempdir().unwrap();
    let started = SandboxBank::start(config(folder.path())).await;
    assert!(matches!(started, Err(Error::StateFile { .. })));
}

#[tokio::test]
async fn the_state_file_holds_token_hashes_never_tokens() {
    let (_folder, path) = state_file();
    let harness = Harness::with(config(&path)).await;
    let first = harness.connect_all().await;
    let second = refreshed(&harness, &first.refresh_token).await;

    let text = std::fs::read_to_string(&path).unwrap();
    for token in [
        &first.access_token,
        &first.refresh_token,
        &second.access_token,
        &second.refresh_token,
    ] {
        assert!(!text.contains(token.as_str()), "a token in the file");
    }
    let saved: Value = serde_json::from_str(&text).unwrap();
    let mut kept: Vec<(String, bool)> = saved["grants"][0]["refreshTokens"]
        .as_array()
        .unwrap()
        .iter()
        .map(|token| {
            (
                token["sha256"].as_str().unwrap().to_owned(),
                token["rotatedAway"].as_bool().unwrap(),
            )
        })
        .collect();
    kept.sort_by_key(|(_, rotated_away)| *rotated_away);
    assert_eq!(
        kept,
        [
            (sha256_hex(&second.refresh_token), false),
            (sha256_hex(&first.refresh_token), true)
        ]
    );
    assert_eq!(saved["grants"][0]["username"], "jana.novakova");
}

#[cfg(unix)]
#[tokio::test]
async fn the_state_file_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt as _;
    let (_folder, path) = state_file();
    let harness = Harness::with(config(&path)).await;
    harness.connect_all().await;
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
}
