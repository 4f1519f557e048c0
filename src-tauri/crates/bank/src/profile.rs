//! Bank profiles: the built-in Demo Bank, and real banks from `banks.toml` in the app's config
//! folder. Secrets never go in the file: the client secret and the mutual-TLS private key live in
//! the keychain. The redirect URI is not in the file either: every bank has its own, derived
//! from its id (`app.bankbook:/oauth/callback/<id>`, RFC 9700 section 4.4).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use url::Url;

use crate::callback::redirect_uri;
use crate::{Error, Result};

/// The Demo Bank's id: the sandbox bank that runs inside the app.
pub const DEMO_BANK_ID: &str = "demo";
/// The profiles file, in the app's config folder.
pub const PROFILES_FILE: &str = "banks.toml";
/// Longest bank id: short enough for every keychain name built from it.
pub const MAX_ID_LEN: usize = 40;
/// Longest display name, in characters.
pub const MAX_NAME_LEN: usize = 100;
/// Longest client id, in bytes: far above any bank's, far below the keychain's limits.
pub const MAX_CLIENT_ID_LEN: usize = 256;
/// Longest base URL, in bytes.
pub const MAX_URL_LEN: usize = 2048;

/// A bank the app can connect to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankProfile {
    /// Stable key: names the keychain entries, the local data and the redirect URI of this bank.
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
    /// Always https.
    pub base_url: Url,
    pub client_id: String,
    /// PEM certificate for mutual TLS (PSD2 production requires an eIDAS QWAC). Its private key
    /// is in the keychain ([`vault::SecretKind::ClientKey`]).
    pub client_certificate: Option<PathBuf>,
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
    base_url: String,
    client_id: String,
    client_certificate: Option<PathBuf>,
    /// Keys of earlier versions, read only to say what to do instead (at their own line).
    redirect_uri: Option<toml::Spanned<toml::Value>>,
    client_key: Option<toml::Spanned<toml::Value>>,
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

    /// This bank's own redirect URI (the Demo Bank's too): `app.bankbook:/oauth/callback/<id>`.
    pub fn redirect_uri(&self) -> String {
        redirect_uri(&self.id)
    }

    /// The banks the user can connect: those in `<config_folder>/banks.toml`, then the Demo Bank.
    /// No file is no real bank; a file that cannot be read, or a profile in it that cannot work,
    /// is [`Error::ProfilesFile`] with the line to fix when there is one.
    pub fn load_all(config_folder: &Path) -> Result<Vec<Self>> {
        let path = config_folder.join(PROFILES_FILE);
        let text = read_profiles_text(&path)?;
        let mut profiles = parse_profiles(&text).map_err(|problem| problem.in_file(path))?;
        profiles.push(Self::demo());
        Ok(profiles)
    }
}

/// The profiles file's text; no file is an empty one.
pub(crate) fn read_profiles_text(path: &Path) -> Result<String> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(text),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
        Err(error) => Err(Error::ProfilesFile {
            path: path.to_owned(),
            line: None,
            reason: error.to_string(),
        }),
    }
}

/// What is wrong in the profiles file, and on which line (from 1) when that is known.
#[derive(Debug)]
pub(crate) struct FileProblem {
    pub(crate) line: Option<u32>,
    pub(crate) reason: String,
}

impl FileProblem {
    pub(crate) fn in_file(self, path: PathBuf) -> Error {
        Error::ProfilesFile {
            path,
            line: self.line,
            reason: self.reason,
        }
    }
}

/// Reads and checks the profiles file's text: the real banks in it, in file order.
pub(crate) fn parse_profiles(text: &str) -> std::result::Result<Vec<BankProfile>, FileProblem> {
    let file: ProfilesFile = toml::from_str(text).map_err(|error| FileProblem {
        line: error.span().and_then(|span| line_of(text, span.start)),
        reason: error.message().to_owned(),
    })?;
    let mut seen = HashSet::from([DEMO_BANK_ID.to_owned()]);
    file.banks
        .into_iter()
        .map(|spanned| {
            // A profile that cannot work is reported at its `[[bank]]`, a retired key at its
            // own line.
            let line = line_of(text, spanned.span().start);
            let profile = spanned.into_inner();
            if let Some(problem) = retired_key(&profile, text) {
                return Err(problem);
            }
            check_id(&profile.id, &mut seen)
                .and_then(|()| {
                    remote_profile(
                        profile.id,
                        &profile.name,
                        &profile.base_url,
                        &profile.client_id,
                        profile.client_certificate,
                    )
                })
                .map_err(|error| FileProblem {
                    line,
                    reason: error.to_string(),
                })
        })
        .collect()
}

/// A key earlier versions read from the file, with what to do now.
fn retired_key(profile: &FileProfile, text: &str) -> Option<FileProblem> {
    if let Some(key) = &profile.redirect_uri {
        return Some(FileProblem {
            line: line_of(text, key.span().start),
            reason: format!(
                "redirect_uri is no longer set here: Bankbook uses {} for this bank; \
                 register that with the bank and delete this line",
                redirect_uri(&profile.id)
            ),
        });
    }
    profile.client_key.as_ref().map(|key| FileProblem {
        line: line_of(text, key.span().start),
        reason: "client_key is no longer set here: the private key is imported through the \
                 Banks screen into the keychain; delete this line and import the key there"
            .to_owned(),
    })
}

/// Refuses an id that is reserved, repeated or malformed; `seen` holds the ids before it.
fn check_id(id: &str, seen: &mut HashSet<String>) -> Result<()> {
    if !is_valid_id(id) || !seen.insert(id.to_owned()) {
        return Err(Error::InvalidProfile(format!(
            "bank id {id:?} is reserved, repeated, or not made of a-z, 0-9 and - \
             (at most {MAX_ID_LEN})"
        )));
    }
    Ok(())
}

/// A real bank's profile from its parts, checked as the file and the Banks screen both need:
/// a name, an https base URL, a client id, each within its length.
pub(crate) fn remote_profile(
    id: String,
    name: &str,
    base_url: &str,
    client_id: &str,
    client_certificate: Option<PathBuf>,
) -> Result<BankProfile> {
    use crate::error::{FieldProblem, ProfileField};
    let field = |field, problem| Error::InvalidField { field, problem };

    let name = name.trim();
    if name.is_empty() {
        return Err(field(ProfileField::Name, FieldProblem::Missing));
    }
    if name.chars().count() > MAX_NAME_LEN {
        return Err(field(ProfileField::Name, FieldProblem::TooLong));
    }
    let base_url = base_url.trim();
    if base_url.is_empty() {
        return Err(field(ProfileField::BaseUrl, FieldProblem::Missing));
    }
    if base_url.len() > MAX_URL_LEN {
        return Err(field(ProfileField::BaseUrl, FieldProblem::TooLong));
    }
    // An API's address only: a user and password in it would be a secret in the file (and on
    // screen), and a query or a fragment has no place before the API's own paths.
    let base_url = Url::parse(base_url)
        .ok()
        .filter(|url| {
            url.has_host()
                && url.username().is_empty()
                && url.password().is_none()
                && url.query().is_none()
                && url.fragment().is_none()
        })
        .ok_or_else(|| field(ProfileField::BaseUrl, FieldProblem::NotAUrl))?;
    // https only, loopback included: plain http is the built-in Demo Bank's alone, and it is
    // no profile.
    if base_url.scheme() != "https" {
        return Err(field(ProfileField::BaseUrl, FieldProblem::NotHttps));
    }
    let client_id = client_id.trim();
    if client_id.is_empty() {
        return Err(field(ProfileField::ClientId, FieldProblem::Missing));
    }
    if client_id.len() > MAX_CLIENT_ID_LEN {
        return Err(field(ProfileField::ClientId, FieldProblem::TooLong));
    }
    if client_certificate
        .as_ref()
        .is_some_and(|path| path.as_os_str().is_empty())
    {
        return Err(field(
            ProfileField::ClientCertificate,
            FieldProblem::Missing,
        ));
    }
    Ok(BankProfile {
        id,
        name: name.to_owned(),
        connection: Connection::Remote(RemoteBank {
            base_url,
            client_id: client_id.to_owned(),
            client_certificate,
        }),
    })
}

/// The line, from 1, that holds the byte at `offset` of `text`: where a TOML error's span
/// starts, counted as a person counts the lines of the file. The app's other files (its
/// preferences) report their lines with it too.
pub fn line_of(text: &str, offset: usize) -> Option<u32> {
    let before = text.get(..offset)?;
    u32::try_from(before.matches('\n').count() + 1).ok()
}

/// Ids are `a-z`, `0-9` and `-`, at most [`MAX_ID_LEN`] long; `demo` is the Demo Bank's.
pub(crate) fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id
            .bytes()
            .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{FieldProblem, ProfileField};

    const EXAMPLE: &str = include_str!("../banks.example.toml");

    fn bank(id: &str, url: &str, extra: &str) -> String {
        format!(
            "[[bank]]\nid = \"{id}\"\nname = \"B\"\nbase_url = \"{url}\"\nclient_id = \"c\"\n{extra}"
        )
    }

    #[test]
    fn the_shipped_example_is_a_valid_profile() {
        let profiles = parse_profiles(EXAMPLE).unwrap();
        assert_eq!(profiles.len(), 1);
        let Connection::Remote(bank) = &profiles[0].connection else {
            panic!("the example is a remote bank");
        };
        assert_eq!(bank.base_url.as_str(), "https://api.tatrabanka.sk/sandbox");
        assert_eq!(bank.client_certificate, None);
        assert_eq!(
            profiles[0].redirect_uri(),
            "app.bankbook:/oauth/callback/tatra-sandbox"
        );
    }

    #[test]
    fn every_bank_has_its_own_redirect_uri() {
        assert_eq!(
            BankProfile::demo().redirect_uri(),
            "app.bankbook:/oauth/callback/demo"
        );
        let profiles = parse_profiles(&format!(
            "{}\n{}",
            bank("a", "https://a.example", ""),
            bank("b", "https://b.example", "")
        ))
        .unwrap();
        let uris: Vec<String> = profiles.iter().map(BankProfile::redirect_uri).collect();
        assert_eq!(
            uris,
            [
                "app.bankbook:/oauth/callback/a",
                "app.bankbook:/oauth/callback/b"
            ]
        );
    }

    #[test]
    fn no_file_means_only_the_demo_bank() {
        let folder = tempfile::tempdir().unwrap();
        let profiles = BankProfile::load_all(folder.path()).unwrap();
        assert_eq!(profiles, [BankProfile::demo()]);
    }

    #[test]
    fn reads_a_certificate_path_and_trims_what_a_person_typed() {
        let profiles = parse_profiles(&bank(
            "tls",
            " https://bank.example/psd2 ",
            "client_certificate = \"/etc/bankbook/qwac.pem\"\n",
        ))
        .unwrap();
        let Connection::Remote(remote) = &profiles[0].connection else {
            panic!("a remote bank");
        };
        assert_eq!(remote.base_url.as_str(), "https://bank.example/psd2");
        assert_eq!(
            remote.client_certificate.as_deref(),
            Some(Path::new("/etc/bankbook/qwac.pem"))
        );
    }

    #[test]
    fn refuses_unsafe_or_confusing_profiles() {
        for text in [
            bank("demo", "https://bank.example", ""),
            bank("Tatra Banka", "https://bank.example", ""),
            bank(&"a".repeat(MAX_ID_LEN + 1), "https://bank.example", ""),
            bank("plain", "http://bank.example", ""),
            // Real banks are https only, this machine included.
            bank("loopback", "http://127.0.0.1:8080", ""),
            bank("nowhere", "not a url", ""),
            bank("mail", "mailto:bank@example.com", ""),
            bank(
                "secret",
                "https://bank.example",
                "client_secret = \"s3cr3t\"",
            ),
            bank(
                "empty-cert",
                "https://bank.example",
                "client_certificate = \"\"",
            ),
            bank("old-uri", "https://bank.example", "redirect_uri = \"x:/y\""),
            bank("old-key", "https://bank.example", "client_key = \"/k.pem\""),
            format!(
                "{}{}",
                bank("twice", "https://a.example", ""),
                bank("twice", "https://b.example", "")
            ),
            "[[bank]]\nid = \"noname\"\nname = \" \"\nbase_url = \"https://a.example\"\n\
             client_id = \"c\"\n"
                .to_owned(),
            "[[bank]]\nid = \"noclient\"\nname = \"B\"\nbase_url = \"https://a.example\"\n\
             client_id = \"\"\n"
                .to_owned(),
        ] {
            assert!(parse_profiles(&text).is_err(), "accepted:\n{text}");
        }
    }

    #[test]
    fn a_problem_in_a_part_names_the_part() {
        let error =
            remote_profile("b".to_owned(), "B", "http://127.0.0.1:1", "c", None).unwrap_err();
        assert!(
            matches!(
                error,
                Error::InvalidField {
                    field: ProfileField::BaseUrl,
                    problem: FieldProblem::NotHttps
                }
            ),
            "{error:?}"
        );
        assert!(error.to_string().contains("https://"), "{error}");
        for url in [
            "https://user:password@a.example",
            "https://a.example/psd2?x=1",
            "https://a.example/psd2#top",
        ] {
            let error = remote_profile("b".to_owned(), "B", url, "c", None).unwrap_err();
            assert!(
                matches!(
                    error,
                    Error::InvalidField {
                        field: ProfileField::BaseUrl,
                        problem: FieldProblem::NotAUrl
                    }
                ),
                "{url}: {error:?}"
            );
            assert!(!error.to_string().contains("password"), "{error}");
        }
        let long_name = "n".repeat(MAX_NAME_LEN + 1);
        let error =
            remote_profile("b".to_owned(), &long_name, "https://a.example", "c", None).unwrap_err();
        assert!(
            matches!(
                error,
                Error::InvalidField {
                    field: ProfileField::Name,
                    problem: FieldProblem::TooLong
                }
            ),
            "{error:?}"
        );
    }

    #[test]
    fn a_broken_file_names_itself_and_the_line_to_fix() {
        let good = bank("good", "https://a.example", "");
        for (text, line) in [
            // Not TOML: the line of the mistake.
            (format!("# banks\n\n[[bank]\n{good}"), 3),
            // A key that does not belong: the line of the key.
            (format!("{good}client_secret = \"s3cr3t\"\n"), 6),
            // A profile that cannot work: the line of its `[[bank]]`.
            (
                format!("{good}\n{}", bank("plain", "http://b.example", "")),
                7,
            ),
            (
                format!("{good}\n{}", bank("good", "https://b.example", "")),
                7,
            ),
        ] {
            let (error, path) = load_error(&text);
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
    fn a_retired_key_names_its_line_and_what_to_do_instead() {
        let text = format!(
            "{}redirect_uri = \"app.bankbook:/oauth/callback\"\n",
            bank("tatra", "https://a.example", "")
        );
        let (error, _) = load_error(&text);
        let message = error.to_string();
        assert!(message.contains(", line 6: redirect_uri"), "{message}");
        assert!(
            message.contains("app.bankbook:/oauth/callback/tatra"),
            "{message}"
        );

        let text = format!(
            "{}client_certificate = \"/c.pem\"\nclient_key = \"/k.pem\"\n",
            bank("tatra", "https://a.example", "")
        );
        let (error, _) = load_error(&text);
        let message = error.to_string();
        assert!(message.contains(", line 7: client_key"), "{message}");
        assert!(message.contains("Banks screen"), "{message}");
        assert!(message.contains("keychain"), "{message}");
    }

    /// Writes `text` as the profiles file and loads it, which must fail.
    fn load_error(text: &str) -> (Error, PathBuf) {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join(PROFILES_FILE);
        std::fs::write(&path, text).unwrap();
        (BankProfile::load_all(folder.path()).unwrap_err(), path)
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
