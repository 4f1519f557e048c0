//! The test certificate authority: kept in a folder, shared by every bank (and test) that
//! names the folder, and issuing server certificates and client identities on the spot.

use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::ErrorKind;
use std::net::Ipv4Addr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use rcgen::{
    BasicConstraints, CertificateParams, DistinguishedName, DnType, ExtendedKeyUsagePurpose, IsCa,
    Issuer, KeyPair, KeyUsagePurpose,
};
use rustls::RootCertStore;
use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::ServerCertVerifier as _;
use rustls::crypto::ring;
use rustls::pki_types::pem::PemObject as _;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer, ServerName, UnixTime};
use time::OffsetDateTime;

use crate::error::{Error, Result};

/// The CA certificate in the folder: what a client trusts (`SSL_CERT_FILE`).
pub const CA_FILE: &str = "ca.pem";
/// The CA's private key (PKCS#8 PEM) in the folder.
pub const CA_KEY_FILE: &str = "ca-key.pem";
/// Held locked while one process looks for the CA or makes it.
const LOCK_FILE: &str = "ca.lock";

/// How long the CA is valid; it is reused for as long as its folder is.
const CA_LIFETIME: Duration = Duration::from_hours(10 * 365 * 24);
/// How long a server certificate or client identity is valid.
const LEAF_LIFETIME: Duration = Duration::from_hours(365 * 24);
/// Certificates start a little in the past: a clock a minute behind still accepts them.
const BACKDATED: Duration = Duration::from_hours(1);

/// A test CA kept in a folder: `ca.pem` and `ca-key.pem`.
#[derive(Debug)]
pub struct TestPki {
    dir: PathBuf,
    certificate_pem: String,
    issuer: Issuer<'static, KeyPair>,
}

impl TestPki {
    /// The CA in `dir`, made there (and `dir` with it) if the folder has none yet. Processes
    /// that open the same folder at once take turns (an OS lock on `dir/ca.lock`): the first
    /// makes the CA, the others use it. Blocks while another process holds the lock.
    ///
    /// A folder holding only one of the two files gets a new CA (a run stopped between the
    /// writes); one whose files do not belong together is refused with [`Error::Tls`].
    pub fn in_dir(dir: impl AsRef<Path>) -> Result<Self> {
        let dir = dir.as_ref();
        fs::create_dir_all(dir).map_err(file_error(dir))?;
        let _turn = take_turn(&dir.join(LOCK_FILE))?;
        match read_pair(dir)? {
            Some((certificate_pem, key_pem)) => Self::load(dir, certificate_pem, &key_pem),
            None => Self::create(dir),
        }
    }

    /// `<dir>/ca.pem`.
    pub fn ca_file(&self) -> PathBuf {
        self.dir.join(CA_FILE)
    }

    /// The CA certificate, PEM.
    pub fn ca_pem(&self) -> &str {
        &self.certificate_pem
    }

    /// A client certificate for mutual TLS, signed by this CA, with `common_name` as its
    /// subject, and its new private key.
    pub fn client_identity(&self, common_name: &str) -> Result<ClientIdentity> {
        let mut params = CertificateParams::default();
        params.distinguished_name = name(common_name);
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
        let (certificate, key) = self.issue(params)?;
        Ok(ClientIdentity {
            certificate_pem: certificate.pem(),
            private_key_pem: key.serialize_pem(),
        })
    }

    /// A server certificate for `127.0.0.1` and `localhost` with its private key.
    pub(crate) fn server_certificate(
        &self,
    ) -> Result<(CertificateDer<'static>, PrivateKeyDer<'static>)> {
        let mut params =
            CertificateParams::new(vec!["127.0.0.1".to_owned(), "localhost".to_owned()])
                .map_err(|error| tls_error("the server certificate's names", error))?;
        params.distinguished_name = name("Bankbook sandbox bank");
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        let (certificate, key) = self.issue(params)?;
        let key = PrivatePkcs8KeyDer::from(key.serialize_der());
        Ok((certificate.der().clone(), PrivateKeyDer::Pkcs8(key)))
    }

    fn create(dir: &Path) -> Result<Self> {
        let key = KeyPair::generate().map_err(|error| tls_error("a CA key", error))?;
        let params = ca_params();
        let certificate = params
            .self_signed(&key)
            .map_err(|error| tls_error("the CA certificate", error))?;
        // The key first: a folder with a certificate always has its key.
        write_atomically(&dir.join(CA_KEY_FILE), &key.serialize_pem())?;
        let certificate_file = dir.join(CA_FILE);
        write_atomically(&certificate_file, &certificate.pem())?;
        readable_by_all(&certificate_file)?;
        tracing::info!(folder = %dir.display(), "made a test CA");
        Ok(Self {
            dir: dir.to_owned(),
            certificate_pem: certificate.pem(),
            issuer: Issuer::new(params, key),
        })
    }

    /// The CA a previous run made. The issuer is rebuilt from the same parameters (subject,
    /// key identifier), then checked: a certificate it issues must chain to `ca.pem`.
    fn load(dir: &Path, certificate_pem: String, key_pem: &str) -> Result<Self> {
        let key = KeyPair::from_pem(key_pem)
            .map_err(|error| tls_error(&format!("{CA_KEY_FILE} is not a private key"), error))?;
        let pki = Self {
            dir: dir.to_owned(),
            certificate_pem,
            issuer: Issuer::new(ca_params(), key),
        };
        pki.check_chain()?;
        Ok(pki)
    }

    fn check_chain(&self) -> Result<()> {
        let refused = |error: &dyn fmt::Display| Error::Tls {
            problem: format!(
                "{} and {} in {} do not belong together (or were not made by the sandbox bank): {error}",
                CA_FILE,
                CA_KEY_FILE,
                self.dir.display()
            ),
            source: None,
        };
        let (leaf, _) = self.server_certificate()?;
        let mut roots = RootCertStore::empty();
        for certificate in CertificateDer::pem_slice_iter(self.certificate_pem.as_bytes()) {
            let certificate = certificate.map_err(|error| refused(&error))?;
            roots.add(certificate).map_err(|error| refused(&error))?;
        }
        let verifier = WebPkiServerVerifier::builder_with_provider(
            Arc::new(roots),
            Arc::new(ring::default_provider()),
        )
        .build()
        .map_err(|error| refused(&error))?;
        let loopback = ServerName::IpAddress(Ipv4Addr::LOCALHOST.into());
        verifier
            .verify_server_cert(&leaf, &[], &loopback, &[], UnixTime::now())
            .map(|_| ())
            .map_err(|error| refused(&error))
    }

    /// Signs `params` (with validity and the CA's key identifier set) for a new key.
    fn issue(&self, mut params: CertificateParams) -> Result<(rcgen::Certificate, KeyPair)> {
        let now = OffsetDateTime::now_utc();
        params.not_before = now - BACKDATED;
        params.not_after = now + LEAF_LIFETIME;
        params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        params.use_authority_key_identifier_extension = true;
        let key = KeyPair::generate().map_err(|error| tls_error("a key", error))?;
        let certificate = params
            .signed_by(&key, &self.issuer)
            .map_err(|error| tls_error("a certificate", error))?;
        Ok((certificate, key))
    }
}

/// A client certificate and its private key, both PEM; what `reqwest::Identity::from_pkcs8_pem`
/// takes, and what a bank profile's mutual TLS files hold.
#[derive(Clone, PartialEq, Eq)]
pub struct ClientIdentity {
    pub certificate_pem: String,
    /// PKCS#8 (`-----BEGIN PRIVATE KEY-----`).
    pub private_key_pem: String,
}

impl ClientIdentity {
    /// Writes `<dir>/<stem>.pem` (the certificate) and `<dir>/<stem>-key.pem` (the key; on
    /// Unix readable by its owner only) and returns their paths, certificate first.
    pub fn write_to(&self, dir: &Path, stem: &str) -> Result<(PathBuf, PathBuf)> {
        let certificate = dir.join(format!("{stem}.pem"));
        let key = dir.join(format!("{stem}-key.pem"));
        write_atomically(&certificate, &self.certificate_pem)?;
        write_atomically(&key, &self.private_key_pem)?;
        Ok((certificate, key))
    }
}

impl fmt::Debug for ClientIdentity {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter
            .debug_struct("ClientIdentity")
            .field("certificate_pem", &self.certificate_pem)
            .field("private_key_pem", &"[elided]")
            .finish()
    }
}

/// The CA's parameters. Loading an existing CA rebuilds its issuer from these: the subject and
/// key identifier method must stay the same for the CA to keep issuing what chains to it.
fn ca_params() -> CertificateParams {
    let now = OffsetDateTime::now_utc();
    let mut params = CertificateParams::default();
    params.distinguished_name = name("Bankbook sandbox test CA");
    params.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
    params.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    params.not_before = now - BACKDATED;
    params.not_after = now + CA_LIFETIME;
    params
}

fn name(common_name: &str) -> DistinguishedName {
    let mut name = DistinguishedName::new();
    name.push(DnType::OrganizationName, "Bankbook tests");
    name.push(DnType::CommonName, common_name);
    name
}

/// Locks `path` (made if missing) until the returned file is dropped.
fn take_turn(path: &Path) -> Result<File> {
    let file = OpenOptions::new()
        .create(true)
        .write(true)
        .truncate(false)
        .open(path)
        .map_err(file_error(path))?;
    file.lock().map_err(file_error(path))?;
    Ok(file)
}

/// Both files of the CA, or `None` if either is missing.
fn read_pair(dir: &Path) -> Result<Option<(String, String)>> {
    let read = |file: &str| {
        let path = dir.join(file);
        match fs::read_to_string(&path) {
            Ok(text) => Ok(Some(text)),
            Err(error) if error.kind() == ErrorKind::NotFound => Ok(None),
            Err(error) => Err(file_error(&path)(error)),
        }
    };
    Ok(read(CA_FILE)?.zip(read(CA_KEY_FILE)?))
}

/// Replaces `path` whole: a reader (a client loading `ca.pem`) never sees half a file. It is
/// readable by its owner only on Unix (`0600`) until [`readable_by_all`] says otherwise.
fn write_atomically(path: &Path, contents: &str) -> Result<()> {
    atomic_file::write_atomically(path, contents.as_bytes(), Some(0o600)).map_err(file_error(path))
}

/// A certificate is public: on Unix, anyone may read the CA's (`0644`), e.g. an app under test
/// running as another user. Elsewhere the file keeps its folder's permissions.
fn readable_by_all(path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        fs::set_permissions(path, fs::Permissions::from_mode(0o644)).map_err(file_error(path))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

fn file_error(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |source| Error::TlsFile {
        path: path.to_owned(),
        source,
    }
}

fn tls_error(what: &str, error: rcgen::Error) -> Error {
    Error::Tls {
        problem: format!("cannot make {what}"),
        source: Some(Box::new(error)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_gets_one_ca_that_later_opens_reuse() {
        let dir = tempfile::tempdir().unwrap();
        let first = TestPki::in_dir(dir.path()).unwrap();
        let again = TestPki::in_dir(dir.path()).unwrap();
        assert_eq!(first.ca_pem(), again.ca_pem());
        assert_eq!(
            fs::read_to_string(dir.path().join(CA_FILE)).unwrap(),
            first.ca_pem()
        );
        assert!(first.ca_pem().starts_with("-----BEGIN CERTIFICATE-----"));
        assert!(again.server_certificate().is_ok());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = |file| {
                fs::metadata(dir.path().join(file))
                    .unwrap()
                    .permissions()
                    .mode()
            };
            assert_eq!(
                (mode(CA_FILE) & 0o777, mode(CA_KEY_FILE) & 0o777),
                (0o644, 0o600)
            );
        }
    }

    #[test]
    fn a_half_made_folder_gets_a_new_ca_and_a_foreign_pair_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(CA_KEY_FILE), "left over").unwrap();
        let made = TestPki::in_dir(dir.path()).unwrap();
        assert!(made.check_chain().is_ok());

        let other = tempfile::tempdir().unwrap();
        TestPki::in_dir(other.path()).unwrap();
        fs::copy(other.path().join(CA_FILE), dir.path().join(CA_FILE)).unwrap();
        assert!(matches!(
            TestPki::in_dir(dir.path()),
            Err(Error::Tls { .. })
        ));
    }

    #[test]
    fn many_threads_opening_one_folder_share_one_ca() {
        let dir = tempfile::tempdir().unwrap();
        let opened: Vec<String> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..4)
                .map(|_| scope.spawn(|| TestPki::in_dir(dir.path()).unwrap().ca_pem().to_owned()))
                .collect();
            handles
                .into_iter()
                .map(|handle| handle.join().unwrap())
                .collect()
        });
        assert!(opened.windows(2).all(|pair| pair[0] == pair[1]));
    }

    #[test]
    fn a_client_identity_is_a_certificate_and_a_pkcs8_key_and_debug_hides_the_key() {
        let dir = tempfile::tempdir().unwrap();
        let identity = TestPki::in_dir(dir.path())
            .unwrap()
            .client_identity("bankbook-e2e")
            .unwrap();
        assert!(
            identity
                .certificate_pem
                .starts_with("-----BEGIN CERTIFICATE-----")
        );
        assert!(
            identity
                .private_key_pem
                .starts_with("-----BEGIN PRIVATE KEY-----")
        );
        assert!(!format!("{identity:?}").contains("PRIVATE KEY"));
        let (certificate, key) = identity.write_to(dir.path(), "client").unwrap();
        assert_eq!(
            fs::read_to_string(certificate).unwrap(),
            identity.certificate_pem
        );
        assert_eq!(fs::read_to_string(&key).unwrap(), identity.private_key_pem);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = fs::metadata(&key).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "the key is its owner's only");
        }
    }
}
