//! The TLS server settings of a bank: its certificate from the test CA, and (mutual TLS) the
//! CAs its clients' certificates must chain to.

use std::path::Path;
use std::sync::Arc;

use rustls::crypto::{CryptoProvider, ring};
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject as _;
use rustls::server::WebPkiClientVerifier;
use rustls::server::danger::ClientCertVerifier;
use rustls::{RootCertStore, ServerConfig};
use tokio_rustls::TlsAcceptor;

use super::{TestPki, TlsConfig};
use crate::error::{Error, Result};

/// Opens (or makes) the CA in `settings.dir`, issues the bank's server certificate and sets up
/// TLS 1.2 and 1.3 with ring. Blocking: file locks, files and key generation.
pub(crate) fn acceptor(settings: &TlsConfig) -> Result<TlsAcceptor> {
    let pki = TestPki::in_dir(&settings.dir)?;
    let (certificate, key) = pki.server_certificate()?;
    let provider = Arc::new(ring::default_provider());
    let builder = ServerConfig::builder_with_provider(Arc::clone(&provider))
        .with_safe_default_protocol_versions()
        .map_err(|error| refused("the protocol versions", error))?;
    let builder = match &settings.client_ca {
        None => builder.with_no_client_auth(),
        Some(path) => builder.with_client_cert_verifier(client_verifier(path, provider)?),
    };
    let mut config = builder
        .with_single_cert(vec![certificate], key)
        .map_err(|error| refused("the server certificate", error))?;
    // The bank speaks HTTP/1.1 only (axum's `http1`).
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(TlsAcceptor::from(Arc::new(config)))
}

/// Requires a client certificate chaining to one of the CAs in the PEM file `path`.
fn client_verifier(
    path: &Path,
    provider: Arc<CryptoProvider>,
) -> Result<Arc<dyn ClientCertVerifier>> {
    let unreadable = |source: rustls::pki_types::pem::Error| Error::Tls {
        problem: format!("the client CA file {} cannot be read", path.display()),
        source: Some(Box::new(source)),
    };
    let mut roots = RootCertStore::empty();
    for certificate in CertificateDer::pem_file_iter(path).map_err(unreadable)? {
        roots
            .add(certificate.map_err(unreadable)?)
            .map_err(|error| refused("a client CA certificate", error))?;
    }
    if roots.is_empty() {
        return Err(Error::Tls {
            problem: format!("the client CA file {} holds no certificate", path.display()),
            source: None,
        });
    }
    WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider)
        .build()
        .map_err(|error| refused("the client certificate check", error))
}

fn refused(what: &str, error: impl std::error::Error + Send + Sync + 'static) -> Error {
    Error::Tls {
        problem: format!("{what} was refused"),
        source: Some(Box::new(error)),
    }
}
