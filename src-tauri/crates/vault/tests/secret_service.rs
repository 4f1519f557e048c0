//! The vault against a real Secret Service: the gnome-keyring that `scripts/with-desktop.sh`
//! starts unlocked in a private D-Bus session with a throwaway HOME (`make test` runs every
//! test inside it). Outside that session these tests fail with the command to run instead,
//! rather than skip or touch a developer's own keyring:
//!
//! ```sh
//! scripts/with-desktop.sh cargo test -p vault
//! ```
//!
//! `secret-tool` (libsecret-tools) is the independent witness of what is in the keyring.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "clippy.toml allows them in tests, but not in a test file's helper functions"
)]

use std::collections::BTreeSet;
use std::process::Command;

use vault::{APP_ID, Error, Keychain, SecretKind, Sensitive, Unavailability, Vault};

/// Held by each test that writes to the session's keyring. `items_of` lists every item of the
/// service and then reads each one; another test deleting its own items in between would pull
/// one from under the listing ("No such secret item"), so those tests take turns.
static KEYRING: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

fn require_test_desktop_session() {
    assert!(
        std::env::var_os("BANKBOOK_DESKTOP_SESSION").is_some(),
        "these tests need the private Secret Service of the test desktop session: run \
         `scripts/with-desktop.sh cargo test -p vault` (make test does)"
    );
}

fn vault(profile_id: &str) -> Vault {
    require_test_desktop_session();
    Keychain::system().vault(profile_id).unwrap()
}

fn service() -> String {
    let build = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    format!("{APP_ID}/{build}")
}

/// The keychain users of `profile_id`'s items, as another program sees them.
fn items_of(profile_id: &str) -> BTreeSet<String> {
    let output = Command::new("secret-tool")
        .args(["search", "--all", "service", &service()])
        .output()
        .expect("secret-tool (Debian package libsecret-tools) lists the keyring's items");
    assert!(
        output.status.success(),
        "secret-tool search failed: {output:?}"
    );
    // Debian 12's secret-tool prints attributes to stderr and secrets to stdout: read both.
    let printed = [output.stdout, output.stderr].concat();
    let prefix = format!("{profile_id}/");
    String::from_utf8_lossy(&printed)
        .lines()
        .filter_map(|line| line.strip_prefix("attribute.username = "))
        .filter(|user| user.starts_with(&prefix))
        .map(str::to_owned)
        .collect()
}

fn lookup(user: &str) -> String {
    let output = Command::new("secret-tool")
        .args(["lookup", "service", &service(), "username", user])
        .output()
        .expect("secret-tool (Debian package libsecret-tools) reads the keyring");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn token(len: usize) -> Sensitive<String> {
    let letters = b"abcdefghijklmnopqrstuvwxyz0123456789".iter().cycle();
    Sensitive(
        letters
            .take(len)
            .map(|&letter| char::from(letter))
            .collect(),
    )
}

#[tokio::test]
async fn secrets_persist_in_the_keyring_and_delete_is_idempotent() {
    let _turn = KEYRING.lock().await;
    let demo = vault("it-persist");
    let kind = SecretKind::RefreshToken;
    demo.delete(kind).await.unwrap();
    assert_eq!(demo.get(kind).await.unwrap(), None);

    let secret = Sensitive("refresh-from-the-keyring".to_owned());
    demo.set(kind, &secret).await.unwrap();
    // A new connection, and another program, read what the daemon keeps, not process memory.
    let reopened = vault("it-persist");
    assert_eq!(reopened.get(kind).await.unwrap(), Some(secret));
    assert_eq!(
        lookup("it-persist/refresh-token"),
        "=refresh-from-the-keyring"
    );
    assert_eq!(reopened.get(SecretKind::AccessToken).await.unwrap(), None);

    demo.delete(kind).await.unwrap();
    demo.delete(kind).await.unwrap();
    assert_eq!(reopened.get(kind).await.unwrap(), None);
    assert!(items_of("it-persist").is_empty());
}

#[tokio::test]
async fn long_secrets_are_split_and_overwrites_leave_no_stale_parts() {
    let _turn = KEYRING.lock().await;
    let demo = vault("it-split");
    let kind = SecretKind::AccessToken;
    let long = token(10_000);
    demo.set(kind, &long).await.unwrap();
    assert_eq!(demo.get(kind).await.unwrap(), Some(long));
    let parts = |generation: &str, count: usize| {
        let mut users: BTreeSet<String> = (1..=count)
            .map(|n| format!("it-split/access-token/{generation}{n}"))
            .collect();
        users.insert("it-split/access-token".to_owned());
        users
    };
    assert_eq!(items_of("it-split"), parts("a", 5));
    assert!(lookup("it-split/access-token/a1").len() <= 2048);

    let shorter = token(3_000);
    demo.set(kind, &shorter).await.unwrap();
    assert_eq!(demo.get(kind).await.unwrap(), Some(shorter));
    assert_eq!(items_of("it-split"), parts("b", 2));

    let short = token(100);
    demo.set(kind, &short).await.unwrap();
    assert_eq!(demo.get(kind).await.unwrap(), Some(short));
    assert_eq!(items_of("it-split"), parts("", 0));

    demo.delete(kind).await.unwrap();
    assert!(items_of("it-split").is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_concurrent_callers_all_succeed() {
    let _turn = KEYRING.lock().await;
    let demo = vault("it-concurrent");
    let calls = (0..30).map(|n| {
        let demo = demo.clone();
        tokio::spawn(async move {
            let kind = SecretKind::ALL[n % SecretKind::ALL.len()];
            demo.set(kind, &token(100 + n)).await?;
            demo.get(kind).await
        })
    });
    for call in calls.collect::<Vec<_>>() {
        assert!(call.await.unwrap().unwrap().is_some());
    }
    for kind in SecretKind::ALL {
        demo.delete(kind).await.unwrap();
    }
    assert!(items_of("it-concurrent").is_empty());
}

/// Set in a child process that runs one of the tests below in a prepared environment.
const CHILD: &str = "VAULT_TEST_CHILD";

/// Runs `test` again in a child process (this same test binary) through `launcher`, with
/// `configure` applied, and asserts that it ran and passed there. The environment a keychain
/// connects with is read by the connection, and changing it inside this multi-threaded test
/// process would be unsound, hence the child.
fn passes_in_a_child(launcher: &[&str], test: &str, configure: impl FnOnce(&mut Command)) {
    let test_binary = std::env::current_exe().unwrap();
    let mut command = match launcher.split_first() {
        Some((program, args)) => {
            let mut command = Command::new(program);
            command.args(args).arg(test_binary);
            command
        }
        None => Command::new(test_binary),
    };
    command
        .args([test, "--exact", "--test-threads=1"])
        .env(CHILD, test);
    configure(&mut command);
    let output = command.output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success() && stdout.contains("1 passed"),
        "the child run of {test} failed:\n{stdout}\n{stderr}"
    );
}

fn in_child(test: &str) -> bool {
    std::env::var_os(CHILD).is_some_and(|running| running == test)
}

#[tokio::test]
async fn without_a_session_bus_calls_fail_as_keychain_unavailable() {
    const TEST: &str = "without_a_session_bus_calls_fail_as_keychain_unavailable";
    if in_child(TEST) {
        return calls_fail_as_keychain_unavailable(Unavailability::NoService).await;
    }
    passes_in_a_child(&[], TEST, |child| {
        child.env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/bankbook-vault-test-bus",
        );
    });
}

/// A session bus whose Secret Service (gnome-keyring, started by D-Bus activation) has never
/// been set up: no login collection to write to, as on a fresh account.
#[tokio::test]
async fn a_keyring_without_a_login_collection_fails_as_keychain_unavailable() {
    const TEST: &str = "a_keyring_without_a_login_collection_fails_as_keychain_unavailable";
    if in_child(TEST) {
        return calls_fail_as_keychain_unavailable(Unavailability::Locked).await;
    }
    require_test_desktop_session();
    let home = tempfile::tempdir().unwrap();
    passes_in_a_child(&["dbus-run-session", "--"], TEST, |child| {
        // A fresh home and runtime folder: the new keyring daemon finds no keyring files and
        // cannot meet the session's own daemon.
        child
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_RUNTIME_DIR", home.path())
            .env_remove("GNOME_KEYRING_CONTROL");
    });
}

async fn calls_fail_as_keychain_unavailable(reason: Unavailability) {
    let demo = Keychain::system().vault("it-unavailable").unwrap();
    let kind = SecretKind::RefreshToken;
    let error = demo
        .set(kind, &Sensitive("kept-nowhere".to_owned()))
        .await
        .unwrap_err();
    assert!(
        matches!(error, Error::KeychainUnavailable { reason: found, .. } if found == reason),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(
        message.contains(&reason.to_string()) && message.contains("install a keyring"),
        "{message}"
    );
    // A fallback store would now return the value.
    match demo.get(kind).await {
        Ok(None) | Err(Error::KeychainUnavailable { .. }) => {}
        other => panic!("the secret was kept somewhere: {other:?}"),
    }
}
