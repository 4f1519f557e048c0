//! One bank profile's secrets.

use crate::entries::Entries;
use crate::error::{Error, Result};
use crate::keychain::Keychain;
use crate::namespace::{Names, Namespace, SecretKind};
use crate::sensitive::Sensitive;

/// The secrets of one bank profile in this build of the app, each in its own keychain entry
/// (naming in `namespace.rs`). Cheap to clone; every call goes through the [`Keychain`]'s
/// one-at-a-time queue.
#[derive(Debug, Clone)]
pub struct Vault {
    keychain: Keychain,
    namespace: Namespace,
}

impl Vault {
    pub(crate) fn new(keychain: Keychain, namespace: Namespace) -> Self {
        Self {
            keychain,
            namespace,
        }
    }

    /// The secret, or `None` when none is stored.
    pub async fn get(&self, kind: SecretKind) -> Result<Option<Sensitive<String>>> {
        read(&self.keychain, self.namespace.names(kind)).await
    }

    /// Stores the secret, replacing any earlier one (all of its parts).
    pub async fn set(&self, kind: SecretKind, value: &Sensitive<String>) -> Result<()> {
        write(&self.keychain, self.namespace.names(kind), value).await
    }

    /// Removes the secret and all of its parts; removing a missing secret succeeds.
    pub async fn delete(&self, kind: SecretKind) -> Result<()> {
        let names = self.namespace.names(kind);
        self.keychain
            .run(move |store| Entries::new(store, &names).delete())
            .await
    }
}

/// The secret named `names`, or `None` when none is stored.
pub(crate) async fn read(keychain: &Keychain, names: Names) -> Result<Option<Sensitive<String>>> {
    keychain
        .run(move |store| {
            let Some(bytes) = Entries::new(store, &names).read()? else {
                return Ok(None);
            };
            let text = String::from_utf8(bytes)
                .map_err(|_| Error::corrupt(&names.header, "it is not UTF-8 text"))?;
            Ok(Some(Sensitive(text)))
        })
        .await
}

/// Stores the secret named `names`, replacing any earlier one (all of its parts).
pub(crate) async fn write(
    keychain: &Keychain,
    names: Names,
    value: &Sensitive<String>,
) -> Result<()> {
    // An owned copy: the blocking call may outlive the caller's borrow.
    let bytes = value.expose().clone().into_bytes();
    keychain
        .run(move |store| Entries::new(store, &names).write(&bytes))
        .await
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::sync::Arc;

    use keyring_core::CredentialStore;

    use super::*;
    use crate::chunks::{ENTRY_BYTES, MAX_VALUE_BYTES};

    fn mock() -> (Arc<CredentialStore>, Keychain) {
        let store: Arc<CredentialStore> = keyring_core::mock::Store::new().unwrap();
        (Arc::clone(&store), Keychain::with_store(store))
    }

    /// The users of every entry that holds a secret, as `service user`.
    fn stored(store: &Arc<CredentialStore>) -> BTreeSet<String> {
        let everything = std::collections::HashMap::new();
        let entries = store.search(&everything).unwrap();
        entries
            .iter()
            .filter(|entry| entry.get_secret().is_ok())
            .map(|entry| {
                let (service, user) = entry.get_specifiers().unwrap();
                format!("{service} {user}")
            })
            .collect()
    }

    fn service() -> String {
        let build = if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        };
        format!("app.bankbook.desktop/{build}")
    }

    fn names(users: &[&str]) -> BTreeSet<String> {
        users
            .iter()
            .map(|user| format!("{} {user}", service()))
            .collect()
    }

    fn token(len: usize) -> Sensitive<String> {
        let letters = b"abcdefghijklmnopqrstuvwxyz".iter().cycle();
        Sensitive(
            letters
                .take(len)
                .map(|&letter| char::from(letter))
                .collect(),
        )
    }

    #[tokio::test]
    async fn a_missing_secret_reads_as_none() {
        let (_, keychain) = mock();
        let vault = keychain.vault("demo").unwrap();
        assert_eq!(vault.get(SecretKind::RefreshToken).await.unwrap(), None);
    }

    #[tokio::test]
    async fn a_secret_round_trips_in_one_namespaced_entry() {
        let (store, keychain) = mock();
        let vault = keychain.vault("demo").unwrap();
        let secret = Sensitive("refresh-1".to_owned());
        vault.set(SecretKind::RefreshToken, &secret).await.unwrap();
        assert_eq!(
            vault.get(SecretKind::RefreshToken).await.unwrap(),
            Some(secret)
        );
        assert_eq!(stored(&store), names(&["demo/refresh-token"]));
    }

    #[tokio::test]
    async fn profiles_and_kinds_do_not_see_each_others_secrets() {
        let (_, keychain) = mock();
        let demo = keychain.vault("demo").unwrap();
        let tatra = keychain.vault("tatra").unwrap();
        demo.set(
            SecretKind::RefreshToken,
            &Sensitive("demo-refresh".to_owned()),
        )
        .await
        .unwrap();
        tatra
            .set(
                SecretKind::RefreshToken,
                &Sensitive("tatra-refresh".to_owned()),
            )
            .await
            .unwrap();
        assert_eq!(demo.get(SecretKind::AccessToken).await.unwrap(), None);
        assert_eq!(demo.get(SecretKind::ClientSecret).await.unwrap(), None);
        let demo_refresh = demo.get(SecretKind::RefreshToken).await.unwrap().unwrap();
        assert_eq!(demo_refresh.expose(), "demo-refresh");
        tatra.delete(SecretKind::RefreshToken).await.unwrap();
        assert!(demo.get(SecretKind::RefreshToken).await.unwrap().is_some());
    }

    #[tokio::test]
    async fn delete_is_idempotent() {
        let (store, keychain) = mock();
        let vault = keychain.vault("demo").unwrap();
        vault.delete(SecretKind::AccessToken).await.unwrap();
        vault
            .set(SecretKind::AccessToken, &token(10))
            .await
            .unwrap();
        vault.delete(SecretKind::AccessToken).await.unwrap();
        vault.delete(SecretKind::AccessToken).await.unwrap();
        assert_eq!(vault.get(SecretKind::AccessToken).await.unwrap(), None);
        assert!(stored(&store).is_empty());
    }

    #[tokio::test]
    async fn a_long_secret_is_split_into_parts_that_each_fit_windows() {
        let (store, keychain) = mock();
        let vault = keychain.vault("demo").unwrap();
        let long = token(2 * ENTRY_BYTES + 100);
        vault.set(SecretKind::AccessToken, &long).await.unwrap();
        assert_eq!(
            vault.get(SecretKind::AccessToken).await.unwrap(),
            Some(long)
        );
        let parts = ["/a1", "/a2", "/a3"].map(|part| format!("demo/access-token{part}"));
        let mut expected = vec!["demo/access-token"];
        expected.extend(parts.iter().map(String::as_str));
        assert_eq!(stored(&store), names(&expected));
        for entry in store.search(&std::collections::HashMap::new()).unwrap() {
            assert!(entry.get_secret().map_or(0, |bytes| bytes.len()) < 2560);
        }
    }

    #[tokio::test]
    async fn overwriting_with_a_shorter_secret_leaves_no_stale_parts() {
        let (store, keychain) = mock();
        let vault = keychain.vault("demo").unwrap();
        let kind = SecretKind::ClientSecret;
        vault.set(kind, &token(5 * ENTRY_BYTES)).await.unwrap();
        let shorter = token(ENTRY_BYTES + 1);
        vault.set(kind, &shorter).await.unwrap();
        assert_eq!(vault.get(kind).await.unwrap(), Some(shorter));
        let split = [
            "demo/client-secret",
            "demo/client-secret/b1",
            "demo/client-secret/b2",
        ];
        assert_eq!(stored(&store), names(&split));
        let short = token(20);
        vault.set(kind, &short).await.unwrap();
        assert_eq!(vault.get(kind).await.unwrap(), Some(short));
        assert_eq!(stored(&store), names(&["demo/client-secret"]));
        vault.delete(kind).await.unwrap();
        assert!(stored(&store).is_empty());
    }

    #[tokio::test]
    async fn overwrites_alternate_generations() {
        let (store, keychain) = mock();
        let vault = keychain.vault("demo").unwrap();
        let kind = SecretKind::AccessToken;
        for (round, generation) in ["a", "b", "a"].into_iter().enumerate() {
            let value = token(ENTRY_BYTES + 1 + round);
            vault.set(kind, &value).await.unwrap();
            assert_eq!(vault.get(kind).await.unwrap(), Some(value));
            let part = format!("demo/access-token/{generation}1");
            let part2 = format!("demo/access-token/{generation}2");
            assert_eq!(stored(&store), names(&["demo/access-token", &part, &part2]));
        }
    }

    #[tokio::test]
    async fn parts_left_by_an_interrupted_write_are_removed() {
        let (store, keychain) = mock();
        let vault = keychain.vault("demo").unwrap();
        for orphan in [
            "demo/refresh-token/a1",
            "demo/refresh-token/a2",
            "demo/refresh-token/b1",
        ] {
            let entry = store.build(&service(), orphan, None).unwrap();
            entry.set_secret(b"half-written").unwrap();
        }
        vault
            .set(SecretKind::RefreshToken, &token(8))
            .await
            .unwrap();
        assert_eq!(stored(&store), names(&["demo/refresh-token"]));
        let entry = store
            .build(&service(), "demo/refresh-token/b1", None)
            .unwrap();
        entry.set_secret(b"half-written").unwrap();
        vault.delete(SecretKind::RefreshToken).await.unwrap();
        assert!(stored(&store).is_empty());
    }

    #[tokio::test]
    async fn values_over_the_limit_are_refused_and_change_nothing() {
        let (store, keychain) = mock();
        let vault = keychain.vault("demo").unwrap();
        vault
            .set(SecretKind::ClientSecret, &token(10))
            .await
            .unwrap();
        let huge = token(MAX_VALUE_BYTES + 1);
        let error = vault
            .set(SecretKind::ClientSecret, &huge)
            .await
            .unwrap_err();
        assert!(matches!(error, Error::TooLarge { .. }), "{error:?}");
        assert_eq!(
            vault.get(SecretKind::ClientSecret).await.unwrap(),
            Some(token(10))
        );
        assert_eq!(stored(&store), names(&["demo/client-secret"]));
    }

    #[tokio::test]
    async fn entries_the_vault_did_not_write_are_corrupt() {
        let (store, keychain) = mock();
        let vault = keychain.vault("demo").unwrap();
        let header = store.build(&service(), "demo/refresh-token", None).unwrap();
        for (bytes, problem) in [
            (&b"plain-token"[..], "not in the vault's format"),
            (b"=\xff\xfe", "not UTF-8"),
            (
                b"#a:2",
                "demo/refresh-token/a1 is damaged: a part of the secret is missing",
            ),
        ] {
            header.set_secret(bytes).unwrap();
            let error = vault.get(SecretKind::RefreshToken).await.unwrap_err();
            assert!(matches!(error, Error::Corrupt { .. }), "{error:?}");
            assert!(error.to_string().contains(problem), "{error}");
        }
        vault
            .set(SecretKind::RefreshToken, &token(3))
            .await
            .unwrap();
        assert_eq!(
            vault.get(SecretKind::RefreshToken).await.unwrap(),
            Some(token(3))
        );
    }

    #[tokio::test]
    async fn a_locked_store_is_unavailable_not_missing() {
        let (store, keychain) = mock();
        let vault = keychain.vault("demo").unwrap();
        let header = store.build(&service(), "demo/refresh-token", None).unwrap();
        let credential: &keyring_core::mock::Cred = header.as_any().downcast_ref().unwrap();
        let locked = std::io::Error::other("collection is locked");
        credential.set_error(keyring::Error::NoStorageAccess(Box::new(locked)));
        let error = vault.get(SecretKind::RefreshToken).await.unwrap_err();
        assert!(
            matches!(
                error,
                Error::KeychainUnavailable {
                    reason: crate::Unavailability::Locked,
                    ..
                }
            ),
            "{error:?}"
        );
    }

    #[tokio::test]
    async fn nothing_printed_about_a_vault_or_its_secrets_shows_them() {
        let (_, keychain) = mock();
        let vault = keychain.vault("demo").unwrap();
        let secret = Sensitive("refresh-token-value".to_owned());
        vault.set(SecretKind::RefreshToken, &secret).await.unwrap();
        let read = vault.get(SecretKind::RefreshToken).await.unwrap();
        let printed = format!("{vault:?} {keychain:?} {read:?} {:#?}", (&secret, &read));
        assert!(!printed.contains("refresh-token-value"), "{printed}");
        assert!(printed.contains("redacted"), "{printed}");
    }
}
