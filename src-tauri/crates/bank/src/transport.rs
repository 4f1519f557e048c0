//! The HTTP clients the bank client uses, with the rules every call obeys: https only
//! (plain http for the built-in Demo Bank on loopback alone), timeouts on every request, no
//! redirects, an optional client certificate for mutual TLS.

use std::net::IpAddr;
use std::time::Duration;

use url::{Host, Url};

use crate::{Error, Result};

/// How long a call may take before it counts as a network failure.
#[derive(Debug, Clone, Copy)]
pub struct Timeouts {
    /// Connecting must not take long: a bank that is down should be reported quickly.
    pub connect: Duration,
    /// A whole request, body included.
    pub request: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Self {
            connect: Duration::from_secs(10),
            request: Duration::from_secs(30),
        }
    }
}

/// A client certificate and its private key, PEM-encoded (PKCS#8), for mutual TLS.
#[derive(Clone)]
pub struct ClientIdentity {
    pub certificate_pem: Vec<u8>,
    pub private_key_pem: vault::Sensitive<Vec<u8>>,
}

impl std::fmt::Debug for ClientIdentity {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("ClientIdentity(<certificate and key>)")
    }
}

/// Builds the one HTTP client for the bank at `bank_url`: API and token calls alike.
///
/// Redirects are never followed: a token endpoint that redirects could send the client's
/// credentials or a code elsewhere (RFC 9700 section 4.11), and the data API has no reason to.
/// A bank on this machine (the Demo Bank) is reached directly, never through a proxy, which
/// would see its plain-http tokens.
pub fn http_client(
    bank_url: &Url,
    identity: Option<&ClientIdentity>,
    timeouts: Timeouts,
) -> Result<reqwest::Client> {
    let mut builder = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(timeouts.connect)
        .timeout(timeouts.request)
        .user_agent(concat!("Bankbook/", env!("CARGO_PKG_VERSION")));
    if is_loopback(bank_url) {
        builder = builder.no_proxy();
    }
    if let Some(identity) = identity {
        let identity = reqwest::Identity::from_pkcs8_pem(
            &identity.certificate_pem,
            identity.private_key_pem.expose(),
        )
        .map_err(|error| Error::InvalidProfile(format!("client certificate: {error}")))?;
        builder = builder.identity(identity);
    }
    builder
        .build()
        .map_err(|error| Error::InvalidProfile(format!("HTTP client: {error}")))
}

/// The last guard before any call: refuses a bank URL that is not https, unless it points at this
/// machine. The one bank on this machine is the built-in Demo Bank (`Connection::Demo`, never a
/// profile), which serves plain http on 127.0.0.1 and goes through here too. A real bank's
/// profile is https only, loopback included: that is checked when it is read or saved
/// (`profile.rs`), so a profile never reaches this exemption.
pub fn check_secure_origin(url: &Url) -> Result<()> {
    match url.scheme() {
        "https" => Ok(()),
        "http" if is_loopback(url) => Ok(()),
        _ => Err(Error::InvalidProfile(format!(
            "{} must use https (plain http is allowed only for this machine)",
            url.origin().ascii_serialization()
        ))),
    }
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(Host::Ipv4(address)) => IpAddr::V4(address).is_loopback(),
        Some(Host::Ipv6(address)) => IpAddr::V6(address).is_loopback(),
        Some(Host::Domain(domain)) => domain.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(url: &str) -> Result<()> {
        check_secure_origin(&Url::parse(url).unwrap())
    }

    #[test]
    fn allows_https_and_loopback_http_only() {
        assert!(check("https://api.tatrabanka.sk/sandbox").is_ok());
        assert!(check("http://127.0.0.1:8080").is_ok());
        assert!(check("http://127.9.9.9").is_ok());
        assert!(check("http://[::1]:80").is_ok());
        assert!(check("http://localhost:1").is_ok());
        assert!(check("http://api.tatrabanka.sk").is_err());
        assert!(check("http://127.0.0.1.example.com").is_err());
        assert!(check("ftp://127.0.0.1").is_err());
    }

    #[test]
    fn a_bad_client_certificate_is_a_profile_error() {
        let identity = ClientIdentity {
            certificate_pem: b"not a certificate".to_vec(),
            private_key_pem: vault::Sensitive(b"not a key".to_vec()),
        };
        assert!(matches!(
            http_client(
                &Url::parse("https://bank.example").unwrap(),
                Some(&identity),
                Timeouts::default()
            ),
            Err(Error::InvalidProfile(_))
        ));
    }
}
