//! The token life of a connection against a real authorization server: refresh, revocation,
//! rotation and reuse, and many callers at once.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use bank::{Error, RefreshToken, RefreshTokenStore, Timeouts};
use sandbox_bank::{Config, Endpoint, Fault, FaultKind, GrantFilter};
use vault::SecretKind;

use crate::common::{self, Connection};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_concurrent_calls_on_an_expired_token_cause_one_refresh() {
    let connection = Connection::start().await;
    let session = Arc::new(connection.connect(&connection.ibans()).await);
    connection
        .bank
        .admin()
        .expire_access_tokens(&GrantFilter::All)
        .unwrap();

    let calls = (0..50).map(|_| {
        let session = Arc::clone(&session);
        tokio::spawn(async move { session.accounts().await })
    });
    for call in calls {
        assert_eq!(call.await.unwrap().unwrap().len(), 3);
    }

    assert_eq!(connection.refreshes(), 1);
}

#[tokio::test]
async fn a_revoked_consent_ends_in_consent_required_with_the_tokens_gone() {
    let connection = Connection::start().await;
    let session = connection.connect(&connection.ibans()).await;
    connection
        .bank
        .admin()
        .revoke_consents(&GrantFilter::All)
        .unwrap();

    let outcome = session.accounts().await;

    assert!(
        matches!(outcome, Err(Error::ConsentRequired(_))),
        "{outcome:?}"
    );
    // One refresh was tried after the 401, and refused; no loop of retries.
    assert_eq!(connection.refreshes(), 1);
    assert_eq!(
        connection
            .vault
            .get(SecretKind::RefreshToken)
            .await
            .unwrap(),
        None
    );
    let again = session.accounts().await;
    assert!(matches!(again, Err(Error::ConsentRequired(_))), "{again:?}");
    assert_eq!(
        connection.refreshes(),
        1,
        "a dead consent asks the bank nothing more"
    );
}

#[tokio::test]
async fn a_rotated_refresh_token_is_saved_and_reusing_the_old_one_kills_the_grant() {
    let connection = Connection::start().await;
    let session = connection.connect(&connection.ibans()).await;
    let first = connection.vault.load().await.unwrap().unwrap();
    connection
        .bank
        .admin()
        .expire_access_tokens(&GrantFilter::All)
        .unwrap();

    session.accounts().await.unwrap();
    let rotated = connection.vault.load().await.unwrap().unwrap();
    assert_ne!(
        rotated, first,
        "the bank rotated the refresh token and we kept the new one"
    );

    // Someone replays the old refresh token (RFC 9700 section 4.14.2): the grant dies.
    let replay = connection
        .oauth
        .refresh(&RefreshToken(first.0.clone()))
        .await;
    assert!(
        matches!(replay, Err(Error::ConsentRequired(_))),
        "{replay:?}"
    );
    connection
        .bank
        .admin()
        .expire_access_tokens(&GrantFilter::All)
        .unwrap();
    let outcome = session.accounts().await;
    assert!(
        matches!(outcome, Err(Error::ConsentRequired(_))),
        "{outcome:?}"
    );
}

#[tokio::test]
async fn a_consent_past_its_end_date_asks_the_bank_nothing() {
    let connection = Connection::start().await;
    let connected = connection.connect(&connection.ibans()).await;
    let ended = bank::Session::resume(
        connection.oauth.clone(),
        connection.api.clone(),
        connection.vault.clone(),
        time::OffsetDateTime::now_utc() - time::Duration::minutes(1),
    );
    drop(connected);
    connection.bank.admin().reset_counters();

    let outcome = ended.accounts().await;

    assert!(
        matches!(outcome, Err(Error::ConsentRequired(_))),
        "{outcome:?}"
    );
    let counters = connection.bank.admin().counters();
    assert_eq!(counters.requests(Endpoint::Accounts), 0);
    assert_eq!(connection.refreshes(), 0);
    // Our clock alone does not throw the consent away: the bank has the last word.
    assert!(connection.vault.load().await.unwrap().is_some());
}

#[tokio::test]
async fn an_access_token_is_refreshed_before_it_expires() {
    // One-second tokens: refreshed after half a second, before the bank would refuse them.
    let config = Config::default()
        .transactions_per_account(10)
        .access_token_lifetime(Duration::from_secs(1));
    let connection = Connection::with(config, Timeouts::default()).await;
    let session = connection.connect(&connection.ibans()).await;
    connection.bank.admin().reset_counters();
    tokio::time::sleep(Duration::from_millis(600)).await;

    session.accounts().await.unwrap();

    assert_eq!(connection.refreshes(), 1);
    assert_eq!(
        connection
            .bank
            .admin()
            .counters()
            .requests(Endpoint::Accounts),
        1,
        "the first call went out with a fresh token, not an expired one"
    );
}

#[tokio::test]
async fn an_outage_of_the_token_endpoint_keeps_the_consent() {
    let connection = Connection::start().await;
    let session = connection.connect(&connection.ibans()).await;
    let admin = connection.bank.admin();
    admin.expire_access_tokens(&GrantFilter::All).unwrap();
    admin.inject_fault(
        Fault::new(FaultKind::ServiceUnavailable)
            .on(Endpoint::Token)
            .times(1),
    );

    let during = session.accounts().await;
    let after = session.accounts().await;

    assert!(
        matches!(during, Err(Error::BankUnavailable { status: 503, .. })),
        "{during:?}"
    );
    assert_eq!(
        after.unwrap().len(),
        3,
        "the saved refresh token still works"
    );
}

/// A keychain that refuses to save while `locked` (a locked login keyring), and otherwise
/// keeps tokens in the vault.
struct LockableKeychain {
    vault: vault::Vault,
    locked: Arc<AtomicBool>,
}

impl RefreshTokenStore for LockableKeychain {
    async fn load(&self) -> bank::Result<Option<RefreshToken>> {
        self.vault.load().await
    }

    async fn save(&self, token: &RefreshToken) -> bank::Result<()> {
        if self.locked.load(Ordering::SeqCst) {
            return Err(Error::InvalidRequest("the keychain is locked".to_owned()));
        }
        self.vault.save(token).await
    }

    async fn clear(&self) -> bank::Result<()> {
        self.vault.clear().await
    }
}

#[tokio::test]
async fn a_rotated_refresh_token_the_keychain_refuses_is_kept_in_memory_said_and_saved_later() {
    let connection = Connection::start().await;
    let callback = connection
        .consent(&sandbox_bank::user::Decision::Approve(connection.ibans()))
        .await;
    let pending = connection
        .pending
        .take("demo", &common::param(&callback, "state"))
        .unwrap();
    let issued = connection
        .oauth
        .exchange_code(
            &vault::Sensitive(common::param(&callback, "code")),
            pending.verifier,
        )
        .await
        .unwrap();
    let locked = Arc::new(AtomicBool::new(false));
    let keychain = LockableKeychain {
        vault: connection.vault.clone(),
        locked: Arc::clone(&locked),
    };
    let session = bank::Session::begin(
        connection.oauth.clone(),
        connection.api.clone(),
        keychain,
        issued,
    )
    .await
    .unwrap();
    let first = connection.vault.load().await.unwrap().unwrap();

    // The keychain locks; the access token expires; the bank rotates the refresh token.
    locked.store(true, Ordering::SeqCst);
    let admin = connection.bank.admin();
    admin.expire_access_tokens(&GrantFilter::All).unwrap();
    session.accounts().await.unwrap();
    assert!(session.tokens_unsaved(), "said, not hidden");
    assert_eq!(
        connection.vault.load().await.unwrap().unwrap(),
        first,
        "the keychain still holds the retired token"
    );

    // It keeps working in memory: the next refresh uses the unsaved token, not the retired one.
    admin.expire_access_tokens(&GrantFilter::All).unwrap();
    session.accounts().await.unwrap();
    assert_eq!(connection.refreshes(), 2);

    // Unlocked: the next call saves it, and the connection survives a restart again.
    locked.store(false, Ordering::SeqCst);
    session.accounts().await.unwrap();
    assert!(!session.tokens_unsaved());
    let saved = connection.vault.load().await.unwrap().unwrap();
    assert_ne!(saved, first);
    let refreshed = connection.oauth.refresh(&saved).await;
    assert!(
        refreshed.is_ok(),
        "the saved token is the live one: {refreshed:?}"
    );
}
