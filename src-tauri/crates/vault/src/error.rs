//! The vault's one error type. No variant carries secret bytes: keyring errors that do
//! (`BadEncoding`, `BadDataFormat`) are reduced to a description before they get here.

use std::time::Duration;

/// A failure from the platform's keychain, kept as the cause of [`Error::KeychainUnavailable`].
pub type PlatformError = Box<dyn std::error::Error + Send + Sync>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No usable keychain: no Secret Service on the session bus, a locked or missing
    /// collection, a keychain that does not answer, or any other platform failure.
    /// The app reports it as `keychain_unavailable`; the vault never falls back to a file or
    /// to memory.
    #[error("the system keychain is unavailable: {reason} ({cause}). {HOW_TO_FIX}")]
    KeychainUnavailable {
        reason: Unavailability,
        #[source]
        cause: PlatformError,
    },
    /// A keychain entry holds something this vault did not write, or its parts do not fit
    /// together. Deleting the secret (disconnecting the bank) clears it.
    #[error("the keychain entry {entry} is damaged: {problem}")]
    Corrupt {
        entry: String,
        problem: &'static str,
    },
    /// The keychain refused a request that was well formed for the vault (a name or size
    /// limit of the platform); retrying will not help.
    #[error("the keychain refused {entry}: {reason}")]
    Rejected { entry: String, reason: String },
    /// A secret larger than the vault splits across entries.
    #[error("a secret of {len} bytes is larger than the {max} bytes the vault keeps")]
    TooLarge { len: usize, max: usize },
    /// A bank profile id that cannot name keychain entries unambiguously.
    #[error("the bank profile id {id:?} cannot name a keychain entry: {problem}")]
    InvalidProfileId { id: String, problem: &'static str },
}

pub type Result<T> = std::result::Result<T, Error>;

/// What the user can do about [`Error::KeychainUnavailable`] on this platform.
#[cfg(target_os = "linux")]
const HOW_TO_FIX: &str = "Bankbook keeps bank tokens in the Secret Service: install a keyring \
    such as GNOME Keyring or KWallet, make sure it runs in your session and is unlocked, then \
    try again";
#[cfg(target_os = "macos")]
const HOW_TO_FIX: &str = "Bankbook keeps bank tokens in the macOS keychain: unlock the login \
    keychain (Keychain Access), then try again";
#[cfg(target_os = "windows")]
const HOW_TO_FIX: &str = "Bankbook keeps bank tokens in Windows Credential Manager: make sure \
    it is available for your user account, then try again";

/// Why the keychain could not be used, as far as the platform tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Unavailability {
    /// No keychain could be reached: none installed or running (on Linux: no Secret Service,
    /// or no session bus).
    #[error("it cannot be reached")]
    NoService,
    /// The keychain is there and locked, or has no default collection to write to, or the
    /// person dismissed its unlock prompt.
    #[error("it is locked or has no default collection")]
    Locked,
    /// The keychain reported a failure of its own.
    #[error("it reported a failure")]
    Failed,
    /// The keychain took longer than the vault waits for one call.
    #[error("it did not answer")]
    NoAnswer,
    /// The call into the keychain panicked.
    #[error("a keychain call failed unexpectedly")]
    Crashed,
}

/// The keychain took longer than the vault waits for one call.
#[derive(Debug, thiserror::Error)]
#[error("waited {} s; an unlock prompt may be open", .0.as_secs())]
pub(crate) struct NoAnswer(pub(crate) Duration);

impl Error {
    pub(crate) fn unavailable(reason: Unavailability, cause: impl Into<PlatformError>) -> Self {
        Self::KeychainUnavailable {
            reason,
            cause: cause.into(),
        }
    }

    pub(crate) fn corrupt(entry: &str, problem: &'static str) -> Self {
        Self::Corrupt {
            entry: entry.to_owned(),
            problem,
        }
    }

    /// Classifies a keyring failure on `entry`. Callers handle `NoEntry` themselves where a
    /// missing entry is normal; here it can only mean a part that should exist.
    pub(crate) fn from_keyring(entry: &str, error: keyring::Error) -> Self {
        use keyring::Error as Keyring;
        match error {
            Keyring::PlatformFailure(cause) => Self::unavailable(Unavailability::Failed, cause),
            Keyring::NoStorageAccess(cause) => Self::unavailable(Unavailability::Locked, cause),
            Keyring::NoEntry => Self::corrupt(entry, "a part of the secret is missing"),
            Keyring::BadEncoding(_) | Keyring::BadDataFormat(..) => {
                Self::corrupt(entry, "the keychain could not decode it")
            }
            Keyring::Ambiguous(_) => Self::corrupt(entry, "several keychain items have its name"),
            other => Self::Rejected {
                entry: entry.to_owned(),
                reason: other.to_string(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn platform(message: &str) -> PlatformError {
        Box::new(std::io::Error::other(message.to_owned()))
    }

    #[test]
    fn unreachable_or_locked_keychains_are_unavailable_and_say_how_to_fix() {
        for (error, reason) in [
            (
                keyring::Error::NoStorageAccess(platform("no collection")),
                Unavailability::Locked,
            ),
            (
                keyring::Error::PlatformFailure(platform("no reply")),
                Unavailability::Failed,
            ),
        ] {
            let mapped = Error::from_keyring("demo/refresh-token", error);
            let Error::KeychainUnavailable { reason: found, .. } = &mapped else {
                panic!("{mapped:?}");
            };
            assert_eq!(*found, reason);
            let message = mapped.to_string();
            assert!(message.contains(&reason.to_string()), "{message}");
            assert!(message.contains(HOW_TO_FIX), "{message}");
        }
    }

    #[test]
    fn undecodable_data_is_corrupt_and_never_shows_the_bytes() {
        let secret_bytes = b"\xffsecret-refresh-token".to_vec();
        let cause = platform("bad padding");
        for error in [
            keyring::Error::BadEncoding(secret_bytes.clone()),
            keyring::Error::BadDataFormat(secret_bytes.clone(), cause),
        ] {
            let mapped = Error::from_keyring("demo/refresh-token", error);
            assert!(matches!(mapped, Error::Corrupt { .. }));
            let shown = format!("{mapped} {mapped:?}");
            assert!(!shown.contains("secret-refresh-token"), "{shown}");
            assert!(!shown.contains("255"), "{shown}");
        }
    }

    #[test]
    fn platform_limits_are_rejections_not_outages() {
        let error = keyring::Error::TooLong("target_name".to_owned(), 32767);
        let mapped = Error::from_keyring("demo/refresh-token", error);
        assert!(matches!(mapped, Error::Rejected { .. }), "{mapped:?}");
    }
}
