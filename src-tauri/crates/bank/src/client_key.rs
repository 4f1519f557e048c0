//! The client certificate and private key for mutual TLS, as the person hands them to the
//! Banks screen: the key is read once from its file, checked, and kept in the keychain from
//! then on; the certificate stays a file. Nothing here logs or prints key material: the key is
//! [`Sensitive`] from the moment it is read, and errors say what is wrong, never what is in it.

use std::fs::File;
use std::io::Read as _;
use std::path::Path;

use vault::Sensitive;

use crate::error::IdentityProblem;
use crate::{Error, Result};

/// Larger files are not keys or certificate chains: a key is under 4 KiB, a QWAC chain a few.
pub const MAX_IDENTITY_FILE_BYTES: u64 = 64 * 1024;

const KEY_BEGIN: &str = "-----BEGIN PRIVATE KEY-----";
const KEY_END: &str = "-----END PRIVATE KEY-----";
const CERTIFICATE_BEGIN: &str = "-----BEGIN CERTIFICATE-----";

/// Reads the PEM PKCS#8 private key in `path` (`-----BEGIN PRIVATE KEY-----`), for the keychain.
///
/// Refused, each with what to do: a file other users can open (Unix), a file larger than
/// [`MAX_IDENTITY_FILE_BYTES`], one that cannot be read, and anything but an unencrypted
/// PKCS#8 key (an RSA or EC key in its older form, or one with a password, says how to convert
/// it: the TLS library takes PKCS#8 alone). Other text in the file around the key (a
/// certificate, `Bag Attributes`) is left out.
pub fn read_private_key(path: &Path) -> Result<Sensitive<String>> {
    let refused = |problem| Error::ClientIdentity {
        path: Some(path.to_owned()),
        problem,
    };
    let file = File::open(path).map_err(|error| refused(unreadable(&error)))?;
    check_private(&file).map_err(refused)?;
    let text = read_limited(file).map_err(refused)?;
    pkcs8_block(&text)
        .map(|key| Sensitive(key.to_owned()))
        .map_err(|reason| refused(IdentityProblem::NotAKey { reason }))
}

/// Reads the PEM certificate (chain) in `path` for mutual TLS, checked to parse.
pub fn read_certificate(path: &Path) -> Result<Vec<u8>> {
    let refused = |problem| Error::ClientIdentity {
        path: Some(path.to_owned()),
        problem,
    };
    let file = File::open(path).map_err(|error| refused(unreadable(&error)))?;
    let text = read_limited(file).map_err(refused)?;
    if !text.contains(CERTIFICATE_BEGIN) || reqwest::Certificate::from_pem(text.as_bytes()).is_err()
    {
        return Err(refused(IdentityProblem::NotACertificate));
    }
    Ok(text.into_bytes())
}

/// Checks that `certificate_pem` is a certificate and `key_pem` its private key, by building
/// the client the bank calls will use with them.
///
/// With OpenSSL (Linux) a key that does not belong to the certificate is refused here; the
/// Windows and macOS TLS libraries may only notice it at the bank's handshake, which the
/// Banks screen's Check then reports.
pub fn check_identity(certificate_pem: &[u8], key_pem: &Sensitive<String>) -> Result<()> {
    let refused = |problem| Error::ClientIdentity {
        path: None,
        problem,
    };
    reqwest::Certificate::from_pem(certificate_pem)
        .map_err(|_| refused(IdentityProblem::NotACertificate))?;
    let identity = reqwest::Identity::from_pkcs8_pem(certificate_pem, key_pem.expose().as_bytes())
        .map_err(|_| {
            refused(IdentityProblem::NotAKey {
                reason: "the private key cannot be read as a PKCS#8 key",
            })
        })?;
    reqwest::Client::builder()
        .identity(identity)
        .build()
        .map(drop)
        .map_err(|_| refused(IdentityProblem::KeyDoesNotMatch))
}

/// A private key file must be its owner's alone: mode bits for group or others refuse it.
#[cfg(unix)]
fn check_private(file: &File) -> std::result::Result<(), IdentityProblem> {
    use std::os::unix::fs::PermissionsExt as _;
    let mode = file
        .metadata()
        .map_err(|error| unreadable(&error))?
        .permissions()
        .mode();
    if mode & 0o077 != 0 {
        return Err(IdentityProblem::ReadableByOthers {
            mode: mode & 0o7777,
        });
    }
    Ok(())
}

/// Windows has no mode bits: who may open a file is its access control list, inherited from
/// its folder, and a user's own folders are theirs alone by default. Reading the list needs
/// the Windows security API, which this crate does not call; the key is in the keychain once
/// imported, and the file can then be deleted.
#[cfg(not(unix))]
#[allow(
    clippy::unnecessary_wraps,
    reason = "the same signature as the Unix check"
)]
fn check_private(_file: &File) -> std::result::Result<(), IdentityProblem> {
    Ok(())
}

/// The file's text, refused when larger than [`MAX_IDENTITY_FILE_BYTES`] or not text.
fn read_limited(file: File) -> std::result::Result<String, IdentityProblem> {
    let mut bytes = Vec::new();
    file.take(MAX_IDENTITY_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| unreadable(&error))?;
    if bytes.len() as u64 > MAX_IDENTITY_FILE_BYTES {
        return Err(IdentityProblem::TooLarge {
            limit: MAX_IDENTITY_FILE_BYTES,
        });
    }
    String::from_utf8(bytes).map_err(|_| IdentityProblem::NotAKey {
        reason: "this is not a PEM text file",
    })
}

/// The `-----BEGIN PRIVATE KEY-----` block of `text`, or why there is none and what to do.
fn pkcs8_block(text: &str) -> std::result::Result<&str, &'static str> {
    if let Some(start) = text.find(KEY_BEGIN) {
        let end = text[start..]
            .find(KEY_END)
            .map(|end| start + end + KEY_END.len())
            .ok_or("the private key in this file is cut off (no -----END PRIVATE KEY-----)")?;
        return Ok(&text[start..end]);
    }
    Err(if text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") {
        "this private key is protected by a password, which Bankbook cannot ask for: \
         convert it with `openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem` and \
         choose the new file (keep it private)"
    } else if text.contains("-----BEGIN RSA PRIVATE KEY-----") {
        "this is an RSA private key in the older PKCS#1 form; Bankbook takes PKCS#8 \
         (-----BEGIN PRIVATE KEY-----): convert it with `openssl pkcs8 -topk8 -nocrypt -in \
         key.pem -out key-pkcs8.pem` and choose the new file (keep it private)"
    } else if text.contains("-----BEGIN EC PRIVATE KEY-----") {
        "this is an EC private key in the older SEC 1 form; Bankbook takes PKCS#8 \
         (-----BEGIN PRIVATE KEY-----): convert it with `openssl pkcs8 -topk8 -nocrypt -in \
         key.pem -out key-pkcs8.pem` and choose the new file (keep it private)"
    } else if text.contains(CERTIFICATE_BEGIN) {
        "this is a certificate, not its private key"
    } else {
        "this is not a PEM private key (-----BEGIN PRIVATE KEY-----)"
    })
}

/// An I/O error as the person can act on it; the path is in the error around it.
fn unreadable(error: &std::io::Error) -> IdentityProblem {
    IdentityProblem::Unreadable {
        reason: match error.kind() {
            std::io::ErrorKind::NotFound => "there is no such file".to_owned(),
            std::io::ErrorKind::PermissionDenied => "Bankbook may not read it".to_owned(),
            _ => error.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use sandbox_bank::tls::{ClientIdentity, TestPki};

    use super::*;

    /// A certificate and its PKCS#8 key from a throwaway CA.
    fn identity(folder: &Path, name: &str) -> ClientIdentity {
        TestPki::in_dir(folder.join(name))
            .unwrap()
            .client_identity(name)
            .unwrap()
    }

    /// Writes `text` to `name` in `folder` with `mode` (Unix) and returns its path.
    fn file(folder: &Path, name: &str, text: &str, mode: u32) -> PathBuf {
        let path = folder.join(name);
        std::fs::write(&path, text).unwrap();
        set_mode(&path, mode);
        path
    }

    #[cfg(unix)]
    fn set_mode(path: &Path, mode: u32) {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    }

    #[cfg(not(unix))]
    fn set_mode(_path: &Path, _mode: u32) {}

    fn problem(error: Error) -> IdentityProblem {
        match error {
            Error::ClientIdentity { problem, .. } => problem,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_private_pkcs8_key_is_read_and_pairs_with_its_certificate() {
        let folder = tempfile::tempdir().unwrap();
        let made = identity(folder.path(), "client");
        // As `openssl pkcs12` exports it: attributes and the certificate around the key.
        let text = format!(
            "Bag Attributes\n    localKeyID: 01\n{}{}",
            made.private_key_pem, made.certificate_pem
        );
        let path = file(folder.path(), "key.pem", &text, 0o600);

        let key = read_private_key(&path).unwrap();

        assert_eq!(key.expose().trim_end(), made.private_key_pem.trim_end());
        let certificate = file(folder.path(), "cert.pem", &made.certificate_pem, 0o644);
        let certificate = read_certificate(&certificate).unwrap();
        check_identity(&certificate, &key).unwrap();
    }

    #[test]
    fn a_key_that_is_not_the_certificates_is_refused() {
        let folder = tempfile::tempdir().unwrap();
        let first = identity(folder.path(), "first");
        let second = identity(folder.path(), "second");
        let error = check_identity(
            first.certificate_pem.as_bytes(),
            &Sensitive(second.private_key_pem.clone()),
        )
        .unwrap_err();
        assert_eq!(problem(error), IdentityProblem::KeyDoesNotMatch);

        let error = check_identity(
            b"not a certificate",
            &Sensitive(first.private_key_pem.clone()),
        )
        .unwrap_err();
        assert_eq!(problem(error), IdentityProblem::NotACertificate);
    }

    #[cfg(unix)]
    #[test]
    fn a_key_other_users_can_open_is_refused_with_its_mode_and_the_fix() {
        let folder = tempfile::tempdir().unwrap();
        let made = identity(folder.path(), "client");
        for mode in [0o644, 0o640, 0o604, 0o620] {
            let path = file(folder.path(), "key.pem", &made.private_key_pem, mode);
            let error = read_private_key(&path).unwrap_err();
            let message = error.to_string();
            assert_eq!(
                problem(error),
                IdentityProblem::ReadableByOthers { mode },
                "{mode:o}"
            );
            assert!(message.contains(&format!("{mode:04o}")), "{message}");
            assert!(message.contains("chmod 600"), "{message}");
            assert!(message.contains("key.pem"), "{message}");
            assert!(!message.contains("PRIVATE KEY-----"), "{message}");
        }
        let path = file(folder.path(), "key.pem", &made.private_key_pem, 0o400);
        assert!(read_private_key(&path).is_ok());
    }

    #[test]
    fn other_keys_and_files_are_refused_with_what_to_do() {
        let folder = tempfile::tempdir().unwrap();
        let made = identity(folder.path(), "client");
        let pkcs1 = "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n";
        let sec1 = "-----BEGIN EC PRIVATE KEY-----\nMHcC\n-----END EC PRIVATE KEY-----\n";
        let encrypted =
            "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIF\n-----END ENCRYPTED PRIVATE KEY-----\n";
        let cut_off = "-----BEGIN PRIVATE KEY-----\nMIIE\n";
        for (text, says) in [
            (pkcs1, "openssl pkcs8 -topk8 -nocrypt"),
            (sec1, "openssl pkcs8 -topk8 -nocrypt"),
            (encrypted, "password"),
            (cut_off, "cut off"),
            (
                made.certificate_pem.as_str(),
                "certificate, not its private key",
            ),
            ("hello", "not a PEM private key"),
        ] {
            let path = file(folder.path(), "key.pem", text, 0o600);
            let error = read_private_key(&path).unwrap_err();
            let message = error.to_string();
            assert!(
                matches!(problem(error), IdentityProblem::NotAKey { .. }),
                "{text}"
            );
            assert!(message.contains(says), "{message}");
        }
        let path = folder.path().join("binary.der");
        std::fs::write(&path, [0x30, 0x82, 0xff, 0xfe]).unwrap();
        set_mode(&path, 0o600);
        assert!(matches!(
            problem(read_private_key(&path).unwrap_err()),
            IdentityProblem::NotAKey { .. }
        ));
    }

    #[test]
    fn a_missing_or_huge_file_is_refused() {
        let folder = tempfile::tempdir().unwrap();
        let missing = folder.path().join("nowhere.pem");
        for error in [
            read_private_key(&missing).unwrap_err(),
            read_certificate(&missing).unwrap_err(),
        ] {
            assert_eq!(
                problem(error),
                IdentityProblem::Unreadable {
                    reason: "there is no such file".to_owned()
                }
            );
        }
        let huge = "-".repeat(usize::try_from(MAX_IDENTITY_FILE_BYTES).unwrap() + 1);
        let path = file(folder.path(), "huge.pem", &huge, 0o600);
        for error in [
            read_private_key(&path).unwrap_err(),
            read_certificate(&path).unwrap_err(),
        ] {
            assert_eq!(
                problem(error),
                IdentityProblem::TooLarge {
                    limit: MAX_IDENTITY_FILE_BYTES
                }
            );
        }
    }

    #[test]
    fn a_certificate_file_must_hold_a_certificate() {
        let folder = tempfile::tempdir().unwrap();
        let made = identity(folder.path(), "client");
        let broken = "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n";
        for text in [made.private_key_pem.as_str(), "hello", broken] {
            let path = file(folder.path(), "cert.pem", text, 0o644);
            assert_eq!(
                problem(read_certificate(&path).unwrap_err()),
                IdentityProblem::NotACertificate
            );
        }
    }

    #[test]
    fn the_key_never_shows_in_debug_output() {
        let folder = tempfile::tempdir().unwrap();
        let made = identity(folder.path(), "client");
        let path = file(folder.path(), "key.pem", &made.private_key_pem, 0o600);
        let key = read_private_key(&path).unwrap();
        assert!(!format!("{key:?}").contains("PRIVATE"));
    }
}
