//! The DNS-rebinding defence: the bank answers only requests addressed to it by its own
//! address. A web page whose name an attacker re-points at 127.0.0.1 reaches the bank's port
//! from the person's browser, but its requests still carry the attacker's name in `Host`; they
//! are refused before any route sees them, the consent pages, OAuth, the API and the admin
//! interface alike.
//!
//! The bank's address is `http://127.0.0.1:<port>` (its base URL; `https://` with TLS): the
//! app, its tests and the consent page's links all use it, so `Host` must be exactly
//! `127.0.0.1:<port>`. `localhost`
//! is not accepted: nothing addresses the bank by that name, and a name is what rebinding
//! abuses.

use std::net::SocketAddr;

use axum::Json;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::api::ApiRejection;
use crate::consent_page;
use crate::endpoint::{Endpoint, Family};
use crate::oauth::OAuthRejection;

/// The one `Host` the bank answers to: `127.0.0.1:<port>`.
#[derive(Debug, Clone)]
pub(crate) struct OwnHost(HeaderValue);

impl OwnHost {
    pub(crate) fn of(address: SocketAddr) -> Self {
        // An IP address and a port are always a valid header value.
        Self(HeaderValue::try_from(address.to_string()).unwrap_or(HeaderValue::from_static("")))
    }

    /// Whether the request names this bank, and only it: one `Host` header, exactly ours, and
    /// no other authority in an absolute-form request target.
    fn is_named_by(&self, request: &Request) -> bool {
        let mut hosts = request.headers().get_all(header::HOST).iter();
        let host_is_ours =
            matches!((hosts.next(), hosts.next()), (Some(host), None) if *host == self.0);
        let target_is_ours = request
            .uri()
            .authority()
            .is_none_or(|authority| authority.as_str().as_bytes() == self.0.as_bytes());
        host_is_ours && target_is_ours
    }
}

/// Middleware: serves requests addressed to the bank, refuses the rest with 421.
pub(crate) async fn only_own_host(
    State(own): State<OwnHost>,
    request: Request,
    next: Next,
) -> Response {
    if own.is_named_by(&request) {
        next.run(request).await
    } else {
        tracing::warn!(
            path = request.uri().path(),
            "refused a request addressed to another host"
        );
        misdirected(request.uri().path())
    }
}

const DESCRIPTION: &str =
    "This request is not addressed to this bank: the Host must be the bank's own address.";

/// 421 Misdirected Request, in the words of the endpoint asked: an HTML page for the consent
/// pages, an RFC 6749 body for the token endpoint, the data API's body for data calls, and the
/// admin interface's `{"error"}` for anything else.
fn misdirected(path: &str) -> Response {
    let status = StatusCode::MISDIRECTED_REQUEST;
    match Endpoint::from_path(path).map(Endpoint::family) {
        Some(Family::Page) => consent_page::error(status, "Wrong address", DESCRIPTION),
        Some(Family::OAuth) => {
            OAuthRejection::new(status, "invalid_request", DESCRIPTION).into_response()
        }
        Some(Family::Data) => {
            ApiRejection::new(status, "MISDIRECTED_REQUEST", DESCRIPTION).into_response()
        }
        None => (status, Json(json!({ "error": DESCRIPTION }))).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use std::net::Ipv4Addr;

    use axum::body::Body;

    use super::*;

    fn request(target: &str, hosts: &[&str]) -> Request {
        let mut builder = Request::builder().uri(target);
        for host in hosts {
            builder = builder.header(header::HOST, *host);
        }
        builder.body(Body::empty()).unwrap()
    }

    #[test]
    fn only_the_banks_own_address_names_it() {
        let own = OwnHost::of(SocketAddr::from((Ipv4Addr::LOCALHOST, 8480)));
        assert!(own.is_named_by(&request("/api/v1/accounts", &["127.0.0.1:8480"])));
        assert!(own.is_named_by(&request(
            "http://127.0.0.1:8480/api/v1/accounts",
            &["127.0.0.1:8480"]
        )));
        for hosts in [
            &[][..],
            &["evil.example"],
            &["evil.example:8480"],
            &["localhost:8480"],
            &["127.0.0.1"],
            &["127.0.0.1:8481"],
            &["127.0.0.1:8480", "evil.example"],
            &["127.0.0.1:8480", "127.0.0.1:8480"],
        ] {
            assert!(
                !own.is_named_by(&request("/api/v1/accounts", hosts)),
                "{hosts:?}"
            );
        }
        assert!(!own.is_named_by(&request(
            "http://evil.example/api/v1/accounts",
            &["127.0.0.1:8480"]
        )));
    }

    #[test]
    fn a_misdirected_request_is_refused_in_the_endpoints_own_words() {
        let content_type = |response: &Response| {
            response.headers()[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .to_owned()
        };
        for path in [
            Endpoint::Authorize.path(),
            Endpoint::Token.path(),
            Endpoint::Transactions.path(),
            "/__admin/clock",
            "/nowhere",
        ] {
            let response = misdirected(path);
            assert_eq!(response.status(), StatusCode::MISDIRECTED_REQUEST, "{path}");
            let expected = if path == Endpoint::Authorize.path() {
                "text/html"
            } else {
                "application/json"
            };
            assert!(content_type(&response).starts_with(expected), "{path}");
        }
    }
}
