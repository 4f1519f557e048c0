//! Encrypted data whose key the keychain does not have: kept as it is, never replaced by a new
//! empty store, and moved aside only by "Start again".

#![cfg(test)]

use app::{ErrorCode, ErrorDetail, IpcError, KeychainReason};
use store::{Store, StoreKey};
use vault::Keychain;

use crate::common::{App, Setup, core_on, stored_in};

fn empty_keychain() -> Keychain {
    Keychain::with_store(keyring_core::mock::Store::new().unwrap())
}

/// An app with one account stored, and the key of its store.
async fn app_with_data() -> (App, StoreKey) {
    let mut app = App::new(&Setup::new(20, 1));
    app.connect().await;
    let key =
        StoreKey::from_hex(app.keychain().store_key().await.unwrap().unwrap().expose()).unwrap();
    (app, key)
}

#[tokio::test]
async fn data_whose_key_is_gone_is_kept_until_the_person_starts_again() {
    let (app, old_key) = app_with_data().await;
    let store_path = app.root.join("data").join("bankbook.sqlite3");
    let elsewhere = core_on(&app.root, empty_keychain());

    let error = elsewhere.connection_status().await.unwrap_err();
    let sent = IpcError::from(&error);
    assert_eq!(sent.code, ErrorCode::KeychainUnavailable);
    assert_eq!(
        sent.detail,
        Some(ErrorDetail::LockedData {
            reason: KeychainReason::StoreKeyMissing
        })
    );
    // Asking again changes nothing: no new key, no new store.
    assert!(elsewhere.connection_status().await.is_err());
    let before = std::fs::read(&store_path).unwrap();

    let started = elsewhere.start_again().await.unwrap();

    let kept = std::path::PathBuf::from(&started.kept_as);
    assert_eq!(
        kept,
        app.root.join("data").join("bankbook unreadable.sqlite3")
    );
    assert_eq!(std::fs::read(&kept).unwrap(), before);
    let status = elsewhere.connection_status().await.unwrap();
    assert!(status.connections.is_empty());
    // The data moved aside still opens with its old key, whole.
    let old = Store::open(&kept, &old_key).unwrap();
    assert_eq!(old.connections().unwrap().len(), 1);
}

#[tokio::test]
async fn start_again_leaves_data_that_opens_alone() {
    let (app, _) = app_with_data().await;
    let same_keychain = core_on(&app.root, app.keychain().clone());

    let refused = same_keychain.start_again().await.unwrap_err();

    assert_eq!(refused.code(), ErrorCode::InvalidInput);
    assert_eq!(
        stored_in(&app.root, app.keychain())
            .connections()
            .unwrap()
            .len(),
        1
    );
    let status = same_keychain.connection_status().await.unwrap();
    assert_eq!(status.connections.len(), 1);
}
