//! Whether the person is at the app when it reads their bank. PSD2 lets an app read an account
//! without the person at most four times a day (RTS article 36(5)(b)); a read the person asked
//! for (36(5)(a)) tells the bank so with the PSU headers, which an unattended read never sends.

use std::net::{IpAddr, SocketAddr};

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use url::Url;

/// Who a bank call is made for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// The person asked, or is looking (a refresh, a page scrolled to, a consent just given).
    Attended,
    /// The app on its own: counted against the bank's four reads a day.
    Unattended,
}

const PSU_IP_ADDRESS: HeaderName = HeaderName::from_static("psu-ip-address");
const PSU_DEVICE_OS: HeaderName = HeaderName::from_static("psu-device-os");
const PSU_USER_AGENT: HeaderName = HeaderName::from_static("psu-user-agent");

/// The app and version, as the bank is told the person's user agent is.
const USER_AGENT: &str = concat!("Bankbook/", env!("CARGO_PKG_VERSION"));

/// The PSU headers of an attended call to the bank at `base`. The IP address is the one this
/// device speaks to the bank from, when it can be told (none is sent otherwise).
pub(super) async fn psu_headers(base: &Url) -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert(PSU_DEVICE_OS, HeaderValue::from_static(device_os()));
    headers.insert(PSU_USER_AGENT, HeaderValue::from_static(USER_AGENT));
    if let Some(address) = address_towards(base).await
        && let Ok(value) = HeaderValue::from_str(&address.to_string())
    {
        headers.insert(PSU_IP_ADDRESS, value);
    }
    headers
}

/// The operating system's name as people write it.
fn device_os() -> &'static str {
    match std::env::consts::OS {
        "linux" => "Linux",
        "windows" => "Windows",
        "macos" => "macOS",
        other => other,
    }
}

/// This device's address on the route to `base`: a UDP socket connected there (which sends
/// nothing) says which local address the system would use.
async fn address_towards(base: &Url) -> Option<IpAddr> {
    let host = base
        .host_str()?
        .trim_start_matches('[')
        .trim_end_matches(']');
    let port = base.port_or_known_default()?;
    let bank: SocketAddr = tokio::net::lookup_host((host, port)).await.ok()?.next()?;
    let any: SocketAddr = match bank {
        SocketAddr::V4(_) => (IpAddr::from([0, 0, 0, 0]), 0).into(),
        SocketAddr::V6(_) => (IpAddr::from([0u16; 8]), 0).into(),
    };
    let socket = tokio::net::UdpSocket::bind(any).await.ok()?;
    socket.connect(bank).await.ok()?;
    let local = socket.local_addr().ok()?.ip();
    (!local.is_unspecified()).then_some(local)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn an_attended_call_names_the_device_the_app_and_the_address() {
        let headers = psu_headers(&"http://127.0.0.1:8080/".parse().unwrap()).await;
        assert_eq!(headers[PSU_IP_ADDRESS], "127.0.0.1");
        assert_eq!(headers[PSU_USER_AGENT], USER_AGENT);
        assert!(!headers[PSU_DEVICE_OS].is_empty());
    }

    #[tokio::test]
    async fn an_address_that_cannot_be_told_is_left_out() {
        let headers = psu_headers(&"https://bank.invalid/".parse().unwrap()).await;
        assert!(!headers.contains_key(PSU_IP_ADDRESS));
        assert_eq!(headers.len(), 2);
    }
}
