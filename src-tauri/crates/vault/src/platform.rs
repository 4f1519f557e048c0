//! The operating system's keychain, chosen at compile time.
//!
//! Each supported target names its store here and nowhere else; any other target fails to
//! build. No code path picks a store at run time, so the vault cannot end up on an in-memory
//! or file store without anyone noticing.
//!
//! These are the stores the `keyring` crate links in its `v1` mode, opened by the same
//! constructors `keyring::Entry` uses. The vault calls them itself rather than through
//! `keyring::Entry`: that one opens a process-wide default store once, on first use, and keeps
//! a failure for ever, where the vault opens its store again after a failure (a keyring the user
//! has since started or unlocked) and hands each [`Keychain`](crate::Keychain) its own store.

use std::sync::Arc;

use keyring_core::CredentialStore;

#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
compile_error!(
    "vault: no OS keychain is wired up for this target; add its keyring store in \
     src/platform.rs (never an in-memory or file store)"
);

/// Connects to the keychain. On Linux: the Secret Service on the session D-Bus (GNOME Keyring,
/// `KWallet`, `KeePassXC`...), spoken by pure-Rust zbus, in the user's default collection.
pub(crate) fn open() -> keyring::Result<Arc<CredentialStore>> {
    #[cfg(target_os = "linux")]
    let store = zbus_secret_service_keyring_store::Store::new()?;
    #[cfg(target_os = "macos")]
    let store = apple_native_keyring_store::keychain::Store::new()?;
    #[cfg(target_os = "windows")]
    let store = windows_native_keyring_store::Store::new()?;
    Ok(store)
}
