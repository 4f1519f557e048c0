//! Where each secret lives in the keychain.
//!
//! Every keychain item has a *service* and a *user* (Secret Service attributes `service` and
//! `username`; macOS service and account; on Windows the target name `<user>.<service>`):
//!
//! | what                       | service                          | user                          |
//! |----------------------------|----------------------------------|-------------------------------|
//! | a secret's header          | `app.bankbook.desktop/<build>`   | `<profile>/<kind>`            |
//! | part `n` of generation `g` | `app.bankbook.desktop/<build>`   | `<profile>/<kind>/<g><n>`     |
//! | the store's key (header)   | `app.bankbook.desktop`           | `store-key`                   |
//!
//! `<build>` is `debug` or `release` (from `debug_assertions`), so a debug build never reads or
//! overwrites the installed app's bank secrets (the store's key is shared: both builds open the
//! same data folder); `<profile>` is the bank profile id and `<kind>` one of `refresh-token`,
//! `access-token`, `client-secret`, `client-key`. Profile ids may not contain `/`, so no two
//! secrets share a name, and none is the store's key, whose name has no `/`. What a header and
//! its parts hold is described in `chunks.rs`.

use crate::chunks::Generation;
use crate::error::{Error, Result};

/// The app's identifier, as in `tauri.conf.json`.
pub const APP_ID: &str = "app.bankbook.desktop";

/// Longest profile id accepted: keeps every name far below the platforms' limits.
const MAX_PROFILE_ID_LEN: usize = 64;

/// Which secret of a bank profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SecretKind {
    RefreshToken,
    AccessToken,
    ClientSecret,
    /// The PEM (PKCS#8) private key of the client certificate for mutual TLS.
    ClientKey,
}

impl SecretKind {
    pub const ALL: [Self; 4] = [
        Self::RefreshToken,
        Self::AccessToken,
        Self::ClientSecret,
        Self::ClientKey,
    ];

    fn as_str(self) -> &'static str {
        match self {
            Self::RefreshToken => "refresh-token",
            Self::AccessToken => "access-token",
            Self::ClientSecret => "client-secret",
            Self::ClientKey => "client-key",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BuildKind {
    Debug,
    Release,
}

impl BuildKind {
    const CURRENT: Self = if cfg!(debug_assertions) {
        Self::Debug
    } else {
        Self::Release
    };

    fn as_str(self) -> &'static str {
        match self {
            Self::Debug => "debug",
            Self::Release => "release",
        }
    }
}

/// The keychain names of one bank profile's secrets in this build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Namespace {
    service: String,
    profile_id: String,
}

impl Namespace {
    pub(crate) fn new(profile_id: &str) -> Result<Self> {
        Self::for_build(BuildKind::CURRENT, profile_id)
    }

    fn for_build(build: BuildKind, profile_id: &str) -> Result<Self> {
        check_profile_id(profile_id)?;
        Ok(Self {
            service: service(build),
            profile_id: profile_id.to_owned(),
        })
    }

    pub(crate) fn names(&self, kind: SecretKind) -> Names {
        Names {
            service: self.service.clone(),
            header: format!("{}/{}", self.profile_id, kind.as_str()),
        }
    }
}

/// The entries of one secret: a header and its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Names {
    pub(crate) service: String,
    pub(crate) header: String,
}

impl Names {
    /// The local store's encryption key, no bank profile's. One for every build: debug and
    /// release builds open the same data folder, so they need the same key.
    pub(crate) fn store_key() -> Self {
        Self {
            service: APP_ID.to_owned(),
            header: "store-key".to_owned(),
        }
    }

    /// Parts are numbered from 1.
    pub(crate) fn part(&self, generation: Generation, number: usize) -> String {
        format!("{}/{}{number}", self.header, generation.letter())
    }
}

/// The keychain service of every secret of `build`.
fn service(build: BuildKind) -> String {
    format!("{APP_ID}/{}", build.as_str())
}

fn check_profile_id(id: &str) -> Result<()> {
    let problem = if id.is_empty() {
        Some("it is empty")
    } else if id.len() > MAX_PROFILE_ID_LEN {
        Some("it is longer than 64 characters")
    } else if !id
        .bytes()
        .all(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.'))
    {
        Some("only ASCII letters, digits, '-', '_' and '.' are allowed")
    } else {
        None
    };
    match problem {
        Some(problem) => Err(Error::InvalidProfileId {
            id: id.to_owned(),
            problem,
        }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_carry_app_build_profile_and_kind() {
        let names = Namespace::new("demo")
            .unwrap()
            .names(SecretKind::RefreshToken);
        let build = if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        };
        assert_eq!(names.service, format!("app.bankbook.desktop/{build}"));
        assert_eq!(names.header, "demo/refresh-token");
        assert_eq!(names.part(Generation::B, 3), "demo/refresh-token/b3");
    }

    #[test]
    fn debug_and_release_builds_never_share_a_service() {
        let debug = Namespace::for_build(BuildKind::Debug, "demo").unwrap();
        let release = Namespace::for_build(BuildKind::Release, "demo").unwrap();
        assert_eq!(
            debug.names(SecretKind::AccessToken).service,
            "app.bankbook.desktop/debug"
        );
        assert_eq!(
            release.names(SecretKind::AccessToken).service,
            "app.bankbook.desktop/release"
        );
    }

    #[test]
    fn every_profile_and_kind_has_its_own_header() {
        let mut headers = std::collections::HashSet::new();
        for profile in ["demo", "tatra", "tatra.sandbox"] {
            let namespace = Namespace::new(profile).unwrap();
            for kind in SecretKind::ALL {
                assert!(headers.insert(namespace.names(kind).header));
            }
        }
        assert_eq!(headers.len(), 3 * SecretKind::ALL.len());
    }

    #[test]
    fn profile_ids_that_could_collide_or_overflow_are_refused() {
        let too_long = "a".repeat(MAX_PROFILE_ID_LEN + 1);
        for id in [
            "",
            "demo/access-token",
            "tatra banka",
            "bánk",
            too_long.as_str(),
        ] {
            let error = Namespace::new(id).unwrap_err();
            assert!(
                matches!(error, Error::InvalidProfileId { .. }),
                "{id:?}: {error:?}"
            );
        }
        let longest = "a".repeat(MAX_PROFILE_ID_LEN);
        for id in ["demo", "tatra-banka_2.sandbox", longest.as_str()] {
            assert!(Namespace::new(id).is_ok(), "{id:?}");
        }
    }
}
