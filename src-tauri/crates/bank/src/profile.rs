//! Bank profiles: the built-in Demo Bank, and real banks from `banks.toml` in the app's config
//! folder. Client secrets never go in the file: they live in the keychain.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use url::Url;

use crate::transport::check_secure_origin;
use crate::{Error, Result};

/// The Demo Bank's id: the sandbox bank that runs inside the app.
pub const DEMO_BANK_ID: &str = "demo";
/// The profiles file, in the app's config folder.
pub const PROFILES_FILE: &str = "banks.toml";

/// A bank the app can connect to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankProfile {
    /// Stable key: names the keychain entries and the local data of this bank.
    pub id: String,
    /// What the user sees.
    pub name: String,
    pub connection: Connection,
}

/// How to reach a bank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Connection {
    /// The sandbox bank, started inside the app on 127.0.0.1 when chosen.
    Demo,
    /// A real bank of the SBAS family.
    Remote(RemoteBank),
}

/// A real bank's API and this app's registration with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteBank {
    pub base_url: Url,
    pub client_id: String,
    /// The app's deep link, exactly as registered with the bank.
    pub redirect_uri: String,
    /// PEM certificate for mutual TLS (PSD2 production requires an eIDAS QWAC).
    pub client_certificate: Option<PathBuf>,
    /// PEM (PKCS#8) private key of that certificate.
    pub client_key: Option<PathBuf>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfilesFile {
    #[serde(default, rename = "bank")]
    banks: Vec<toml::Spanned<FileProfile>>,
}

/// One `[[bank]]`. Unknown keys are refused, so a `client_secret` put here is an error, not a
/// secret silently kept in a file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileProfile {
    id: String,
    name: String,
    base_url: Url,
    client_id: String,
    redirect_uri: String,
    client_certificate: Option<PathBuf>,
    client_key: Option<PathBuf>,
}

impl BankProfile {
    /// The built-in Demo Bank.
    pub fn demo() -> Self {
        Self {
            id: DEMO_BANK_ID.to_owned(),
            name: "Demo Bank".to_owned(),
            connection: Connection::Demo,
        }
    }

    pub fn is_demo(&self) -> bool {
        matches!(self.connection, Connection::Demo)
    }

    /// The banks the user can connect: those in `<config_folder>/banks.toml`, then the Demo Bank.
    /// No file is no real bank; a file that cannot be read, or a profile in it that cannot work,
    /// is [`Error::ProfilesFile`] with the line to fix when there is one.
    pub fn load_all(config_folder: &Path) -> Result<Vec<Self>> {
        let path = config_folder.join(PROFILES_FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(error) => {
                return Err(Error::ProfilesFile {
                    path,
                    line: None,
                    reason: error.to_string(),
                });
            }
        };
        let mut profiles = parse_profiles(&text).map_err(|problem| Error::ProfilesFile {
            path,
            line: problem.line,
            reason: problem.reason,
        })?;
        profiles.push(Self::demo());
        Ok(profiles)
    }
}

/// What is wrong in the profiles file, and on which line (from 1) when that is known.
#[derive(Debug)]
struct FileProblem {
    line: Option<u32>,
    reason: String,
}

/// Reads and checks the profiles file's text.
fn parse_profiles(text: &str) -> std::result::Result<Vec<BankProfile>, FileProblem> {
    let file: ProfilesFile = toml::from_str(text).map_err(|error| FileProblem {
        line: error.span().and_then(|span| line_of(text, span.start)),
        reason: error.message().to_owned(),
    })?;
    let mut seen = HashSet::from([DEMO_BANK_ID.to_owned()]);
    file.banks
        .into_iter()
        .map(|spanned| {
            // A profile that cannot work is reported at its `[[bank]]`.
            let line = line_of(text, spanned.span().start);
            let profile = spanned.into_inner();
            check_profile(&profile, &mut seen).map_err(|error| FileProblem {
                line,
                reason: error.to_string(),
            })?;
            Ok(BankProfile {
                id: profile.id,
                name: profile.name,
                connection: Connection::Remote(RemoteBank {
                    base_url: profile.base_url,
                    client_id: profile.client_id,
                    redirect_uri: profile.redirect_uri,
                    client_certificate: profile.client_certificate,
                    client_key: profile.client_key,
                }),
            })
        })
        .collect()
}

/// Refuses a profile that cannot work or could be confused with another; `seen` holds the ids
/// of the profiles before it.
fn check_profile(profile: &FileProfile, seen: &mut HashSet<String>) -> Result<()> {
    if !seen.insert(profile.id.clone()) || !is_valid_id(&profile.id) {
        return Err(Error::InvalidProfile(format!(
            "bank id {:?} is reserved, repeated, or not made of a-z, 0-9 and -",
            profile.id
        )));
    }
    check_secure_origin(&profile.base_url)?;
    if profile.client_certificate.is_some() != profile.client_key.is_some() {
        return Err(Error::InvalidProfile(format!(
            "bank {}: client_certificate and client_key go together",
            profile.id
        )));
    }
    Ok(())
}

/// The line, from 1, that holds the byte at `offset` of `text`: where a TOML error's span
/// starts, counted as a person counts the lines of the file. The app's other files (its
/// preferences) report their lines with it too.
pub fn line_of(text: &str, offset: usize) -> Option<u32> {
    let before = text.get(..offset)?;
    u32::try_from(before.matches('\n').count() + 1).ok()
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 40
        && id
            .bytes()
            .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str = include_str!("../banks.example.toml");

    #[test]
    fn the_shipped_example_is_a_valid_profile() {
        let profiles = parse_profiles(EXAMPLE).unwrap();
        assert_eq!(profiles.len(), 1);
        let Connection::Remote(bank) = &profiles[0].connection else {
            panic!("the example is a remote bank");
        };
        assert_eq!(bank.base_url.as_str(), "https://api.tatrabanka.sk/sandbox");
    }

    #[test]
    fn no_file_means_only_the_demo_bank() {
        let folder = tempfile::tempdir().unwrap();
        let profiles = BankProfile::load_all(folder.path()).unwrap();
        assert_eq!(profiles, [BankProfile::demo()]);
    }

    #[test]
    fn refuses_unsafe_or_confusing_profiles() {
        let bank = |id: &str, url: &str, extra: &str| {
            format!(
                "[[bank]]\nid = \"{id}\"\nname = \"B\"\nbase_url = \"{url}\"\nclient_id = \"c\"\n\
                 redirect_uri = \"app.bankbook:/oauth/callback\"\n{extra}"
            )
        };
        for text in [
            bank("demo", "https://bank.example", ""),
            bank("Tatra Banka", "https://bank.example", ""),
            bank("plain", "http://bank.example", ""),
            bank(
                "half-tls",
                "https://bank.example",
                "client_key = \"/k.pem\"",
            ),
            bank(
                "secret",
                "https://bank.example",
                "client_secret = \"s3cr3t\"",
            ),
            format!(
                "{}{}",
                bank("twice", "https://a.example", ""),
                bank("twice", "https://b.example", "")
            ),
        ] {
            assert!(parse_profiles(&text).is_err(), "accepted:\n{text}");
        }
    }

    #[test]
    fn a_broken_file_names_itself_and_the_line_to_fix() {
        let bank = |id: &str, url: &str| {
            format!(
                "[[bank]]\nid = \"{id}\"\nname = \"B\"\nbase_url = \"{url}\"\nclient_id = \"c\"\n\
                 redirect_uri = \"app.bankbook:/oauth/callback\"\n"
            )
        };
        let good = bank("good", "https://a.example");
        for (text, line) in [
            // Not TOML: the line of the mistake.
            (format!("# banks\n\n[[bank]\n{good}"), 3),
            // A key that does not belong: the line of the key.
            (format!("{good}client_secret = \"s3cr3t\"\n"), 7),
            // A profile that cannot work: the line of its `[[bank]]`.
            (format!("{good}\n{}", bank("plain", "http://b.example")), 8),
            (format!("{good}\n{}", bank("good", "https://b.example")), 8),
        ] {
            let folder = tempfile::tempdir().unwrap();
            let path = folder.path().join(PROFILES_FILE);
            std::fs::write(&path, &text).unwrap();

            let error = BankProfile::load_all(folder.path()).unwrap_err();

            let Error::ProfilesFile {
                path: named,
                line: found,
                ..
            } = &error
            else {
                panic!("{error:?}");
            };
            assert_eq!(named, &path);
            assert_eq!(*found, Some(line), "{error}\n{text}");
            assert!(
                error.to_string().contains(&format!(", line {line}: ")),
                "{error}"
            );
            assert!(!error.to_string().contains("s3cr3t"), "{error}");
        }
    }

    #[test]
    fn lines_count_from_one() {
        let text = "a\nb\nc";
        assert_eq!(line_of(text, 0), Some(1));
        assert_eq!(line_of(text, 2), Some(2));
        assert_eq!(line_of(text, 4), Some(3));
        assert_eq!(line_of(text, 99), None);
    }

    #[test]
    fn a_file_that_cannot_be_read_is_named_without_a_line() {
        let folder = tempfile::tempdir().unwrap();
        // A folder where the file should be: it exists, and reading it fails.
        std::fs::create_dir(folder.path().join(PROFILES_FILE)).unwrap();
        let error = BankProfile::load_all(folder.path()).unwrap_err();
        assert!(
            matches!(error, Error::ProfilesFile { line: None, .. }),
            "{error:?}"
        );
    }
}
