//! Bankbook's secrets: bank tokens and client secrets in the operating system's keychain, and
//! `Sensitive<T>` for secrets held in memory.
//!
//! ```no_run
//! # async fn example() -> vault::Result<()> {
//! use vault::{Keychain, SecretKind, Sensitive};
//!
//! let keychain = Keychain::system(); // one per process
//! let demo = keychain.vault("demo")?; // one per bank profile
//! demo.set(SecretKind::RefreshToken, &Sensitive("token".to_owned())).await?;
//! let token = demo.get(SecretKind::RefreshToken).await?; // None when nothing is stored
//! demo.delete(SecretKind::RefreshToken).await?; // succeeds when nothing is stored
//! # Ok(())
//! # }
//! ```
//!
//! The keychain is Secret Service on Linux, the login keychain on macOS and Credential
//! Manager on Windows: the stores of the `keyring` crate, one per platform (`platform.rs`). When it cannot be reached, calls fail with
//! [`Error::KeychainUnavailable`]; nothing falls back to a file or to memory.

mod chunks;
mod entries;
mod error;
mod keychain;
mod namespace;
mod platform;
mod sensitive;
#[cfg(test)]
mod test_store;
mod vault;

pub use error::{Error, PlatformError, Result, Unavailability};
pub use keychain::Keychain;
/// The store trait [`Keychain::with_store`] takes.
pub use keyring_core::CredentialStore;
pub use namespace::{APP_ID, SecretKind};
pub use sensitive::Sensitive;
pub use vault::Vault;
