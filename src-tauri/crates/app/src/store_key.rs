//! The local store's encryption key, kept in the keychain beside the banks' tokens.

use std::path::Path;

use store::{StoreFile, StoreKey};
use vault::{Keychain, Sensitive};

use crate::error::{Error, Result};

/// The key of the store at `store_path`: the keychain's, or a new one when there is no
/// encrypted store yet. An encrypted store whose key the keychain no longer has is an error:
/// a new key, and with it a new empty store, would hide the person's data.
///
/// A keychain that cannot be used (locked, not running) while an encrypted store exists is
/// `DataLocked`: the data is there, and opens once the keychain does.
pub(crate) async fn for_store(keychain: &Keychain, store_path: &Path) -> Result<StoreKey> {
    let kept = match keychain.store_key().await {
        Ok(kept) => kept,
        Err(error) => {
            let encrypted = StoreFile::at(store_path)? == StoreFile::Encrypted;
            match error {
                // A damaged entry is a key gone as surely as a missing one; with no encrypted
                // store yet, a new key replaces it.
                vault::Error::Corrupt { .. } if encrypted => return Err(Error::StoreKeyMissing),
                vault::Error::Corrupt { .. } => None,
                error if encrypted => return Err(Error::DataLocked(error)),
                error => return Err(error.into()),
            }
        }
    };
    if let Some(text) = kept {
        return StoreKey::from_hex(text.expose()).ok_or(Error::StoreKeyMissing);
    }
    match StoreFile::at(store_path)? {
        StoreFile::Encrypted => Err(Error::StoreKeyMissing),
        StoreFile::New | StoreFile::Plaintext => new_key(keychain).await,
    }
}

/// The key a restored store is encrypted with: the keychain's, or a new one kept there when it
/// has none it can give (none at all, a damaged entry, text that is not a key). Any store it
/// replaces is moved aside with the key it had, so a new key hides nothing.
pub(crate) async fn for_restore(keychain: &Keychain) -> Result<StoreKey> {
    let kept = match keychain.store_key().await {
        Ok(kept) => kept,
        Err(vault::Error::Corrupt { .. }) => None,
        Err(error) => return Err(error.into()),
    };
    match kept.and_then(|text| StoreKey::from_hex(text.expose())) {
        Some(key) => Ok(key),
        None => new_key(keychain).await,
    }
}

async fn new_key(keychain: &Keychain) -> Result<StoreKey> {
    let key = StoreKey::generate();
    let text = Sensitive(key.to_hex());
    keychain.set_store_key(&text).await?;
    // Read back before any data depends on it: a keychain that took the key and did not keep
    // it would leave a store nobody can open.
    if keychain.store_key().await? != Some(text) {
        return Err(Error::StoreKeyMissing);
    }
    tracing::info!("a new key for the local store is in the keychain");
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keychain() -> Keychain {
        Keychain::with_store(keyring_core::mock::Store::new().unwrap())
    }

    #[tokio::test]
    async fn the_first_key_is_kept_and_given_again() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("bankbook.sqlite3");
        let keychain = keychain();
        let first = for_store(&keychain, &path).await.unwrap();
        assert_eq!(for_store(&keychain, &path).await.unwrap(), first);
    }

    #[tokio::test]
    async fn an_encrypted_store_without_its_key_is_never_given_a_new_one() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("bankbook.sqlite3");
        drop(store::Store::open(&path, &StoreKey::generate()).unwrap());
        let before = std::fs::read(&path).unwrap();

        let error = for_store(&keychain(), &path).await.unwrap_err();

        assert!(matches!(error, Error::StoreKeyMissing), "{error:?}");
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    #[tokio::test]
    async fn a_restore_replaces_a_key_that_is_not_one() {
        let keychain = keychain();
        keychain
            .set_store_key(&Sensitive("not a key".to_owned()))
            .await
            .unwrap();
        let key = for_restore(&keychain).await.unwrap();
        let kept = keychain.store_key().await.unwrap().unwrap();
        assert_eq!(kept.expose(), &key.to_hex());
        assert_eq!(for_restore(&keychain).await.unwrap(), key);
    }

    #[tokio::test]
    async fn a_plaintext_store_gets_a_new_key() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("bankbook.sqlite3");
        rusqlite::Connection::open(&path)
            .unwrap()
            .execute_batch("CREATE TABLE t (x TEXT)")
            .unwrap();
        let keychain = keychain();
        let key = for_store(&keychain, &path).await.unwrap();
        let kept = keychain.store_key().await.unwrap().unwrap();
        assert_eq!(kept.expose(), &key.to_hex());
    }
}
