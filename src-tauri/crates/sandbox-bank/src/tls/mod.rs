//! https for the standalone sandbox, the test bench (`admin` feature); the app's Demo Bank is
//! plain http on loopback.
//!
//! A test certificate authority lives in a folder ([`TestPki`]): `ca.pem`, its certificate, is
//! what a client trusts (the app through `SSL_CERT_FILE`), and `ca-key.pem` signs. Every bank
//! started with the same folder uses the same CA, made once, and gets a server certificate of
//! its own for `127.0.0.1` and `localhost`, in memory only. So two sandbox banks in one test
//! need one `SSL_CERT_FILE`. With a client CA set, the bank requires mutual TLS: a client
//! certificate chaining to it, which [`TestPki::client_identity`] makes.

mod acceptor;
mod listener;
mod pki;

use std::path::PathBuf;

pub(crate) use acceptor::acceptor;
pub(crate) use listener::TlsListener;
pub use pki::{CA_FILE, CA_KEY_FILE, ClientIdentity, TestPki};

/// How a sandbox bank serves https.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlsConfig {
    /// The folder of the test CA (see [`TestPki::in_dir`]); made if missing.
    pub dir: PathBuf,
    /// Mutual TLS: a PEM file of CA certificates; a client must present a certificate chaining
    /// to one of them, or the handshake fails. `None`: no client certificate is asked for.
    pub client_ca: Option<PathBuf>,
}

impl TlsConfig {
    /// https with the test CA in `dir`, without mutual TLS.
    pub fn in_dir(dir: impl Into<PathBuf>) -> Self {
        Self {
            dir: dir.into(),
            client_ca: None,
        }
    }

    /// Requires client certificates chaining to a CA in the PEM file `path`.
    #[must_use]
    pub fn client_ca(mut self, path: impl Into<PathBuf>) -> Self {
        self.client_ca = Some(path.into());
        self
    }

    /// `<dir>/ca.pem`: the certificate a client must trust.
    pub fn ca_file(&self) -> PathBuf {
        self.dir.join(CA_FILE)
    }
}
