//! The Banks screen's "Check": does the bank know this client, before anyone gives a consent?
//!
//! One token request with a code the bank never issued, sent exactly as the real code exchange
//! sends it (the same `oauth2` client: HTTP Basic client authentication, the bank's redirect
//! URI, a PKCE verifier). A token endpoint authenticates the client before it looks at the code
//! (RFC 6749 section 5.2), so its answer tells the cases apart: `invalid_grant` means the client
//! id and secret were accepted and only the made-up code was not; `invalid_client` means they
//! were not. The TLS handshake on the way says whether the bank's certificate is trusted and
//! whether the bank takes ours (mutual TLS).
//!
//! Nothing secret is logged: not the secret, not the made-up code, not the verifier.

use std::future::Future;
use std::pin::Pin;

use oauth2::{AuthorizationCode, HttpRequest, HttpResponse, PkceCodeChallenge, RequestTokenError};
use reqwest::StatusCode;

use crate::{OAuthConfig, Result};

/// What the bank's token endpoint made of this app as its client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClientCheck {
    /// The client id and secret were accepted (the made-up code was refused: `invalid_grant`).
    Accepted,
    /// The bank does not know this client id, or not with this secret (`invalid_client`,
    /// `unauthorized_client`, or a bare 401).
    ClientRejected,
    /// The bank's TLS certificate is not one this computer trusts.
    ServerNotTrusted,
    /// The bank refused our client certificate, or asked for one we did not have (mutual TLS).
    ClientCertificateRefused,
    /// No answer: the name does not resolve, nothing listens, or it took too long.
    Unreachable,
    /// An answer, but not a token endpoint's: a web page, a 404, another error.
    UnexpectedAnswer,
}

/// Bodies are read up to this size: an OAuth error is a few hundred bytes.
const MAX_BODY_BYTES: usize = 64 * 1024;

/// Asks the bank's token endpoint to trade a made-up code, as [`crate::OAuth::exchange_code`]
/// would, and says what its answer means. `http` is the client the bank's calls use (with the
/// client certificate for mutual TLS, if any).
///
/// Errors only for a `config` no request may be sent with (not https, a redirect URI that is
/// not a URL); whatever the bank or the network does is a [`ClientCheck`].
pub async fn check_client(config: &OAuthConfig, http: &reqwest::Client) -> Result<ClientCheck> {
    let client = crate::oauth::client_for(config)?;
    let (_, verifier) = PkceCodeChallenge::new_random_sha256();
    let seen = client
        .exchange_code(AuthorizationCode::new(made_up_code()))
        .set_pkce_verifier(verifier)
        .request_async(&Probe(http.clone()))
        .await;
    let host = config.base_url.host_str().unwrap_or_default();
    let check = match seen {
        Err(RequestTokenError::Request(Seen::Answer { status, body })) => {
            let check = classify_answer(status, &body);
            // The OAuth error code (`invalid_grant`...) is no secret; the made-up code stays out.
            let oauth_error = oauth_error(&body);
            tracing::info!(
                host,
                status = status.as_u16(),
                oauth_error,
                ?check,
                "client check"
            );
            check
        }
        Err(RequestTokenError::Request(Seen::Failed(error))) => {
            let check = classify_failure(&error);
            let error = causes(&error.without_url());
            tracing::info!(host, %error, ?check, "client check");
            check
        }
        // The probe ends every request with what it saw: nothing else comes back.
        Ok(_) | Err(_) => ClientCheck::UnexpectedAnswer,
    };
    Ok(check)
}

/// A code no bank issued: recognisable in a bank's logs, never reused.
fn made_up_code() -> String {
    format!("bankbook-check-{}", uuid::Uuid::new_v4().simple())
}

/// What the token request met, handed back to [`check_client`] through `oauth2` as an error so
/// that `oauth2` never reads (or refuses) the answer itself.
#[derive(Debug)]
enum Seen {
    Answer { status: StatusCode, body: Vec<u8> },
    Failed(reqwest::Error),
    NotSent,
}

impl std::fmt::Display for Seen {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Answer { status, .. } => write!(formatter, "the bank answered {status}"),
            Self::Failed(error) => write!(formatter, "no answer: {error}"),
            Self::NotSent => formatter.write_str("the request could not be built"),
        }
    }
}

impl std::error::Error for Seen {}

/// The token request's HTTP: sends it, and returns whatever came back as a [`Seen`].
struct Probe(reqwest::Client);

impl<'c> oauth2::AsyncHttpClient<'c> for Probe {
    type Error = Seen;
    type Future =
        Pin<Box<dyn Future<Output = std::result::Result<HttpResponse, Seen>> + Send + 'c>>;

    fn call(&'c self, request: HttpRequest) -> Self::Future {
        Box::pin(async move {
            let request = reqwest::Request::try_from(request).map_err(|_| Seen::NotSent)?;
            let mut response = self.0.execute(request).await.map_err(Seen::Failed)?;
            let status = response.status();
            let mut body = Vec::new();
            while body.len() < MAX_BODY_BYTES {
                match response.chunk().await.map_err(Seen::Failed)? {
                    Some(chunk) => body.extend_from_slice(&chunk),
                    None => break,
                }
            }
            Err(Seen::Answer { status, body })
        })
    }
}

/// The OAuth error code of a token endpoint's answer (`invalid_grant`...), read as every other
/// bank error body is.
fn oauth_error(body: &[u8]) -> Option<String> {
    crate::BankErrorBody::parse(body).map(|body| body.code)
}

fn classify_answer(status: StatusCode, body: &[u8]) -> ClientCheck {
    match (status, oauth_error(body).as_deref()) {
        (StatusCode::BAD_REQUEST, Some("invalid_grant")) => ClientCheck::Accepted,
        (
            StatusCode::BAD_REQUEST | StatusCode::UNAUTHORIZED,
            Some("invalid_client" | "unauthorized_client"),
        )
        // A bare 401 at the token endpoint refuses the client too (the code exchange reads it
        // so), unless it names another OAuth error.
        | (StatusCode::UNAUTHORIZED, None) => ClientCheck::ClientRejected,
        _ => ClientCheck::UnexpectedAnswer,
    }
}

/// What the TLS libraries (OpenSSL, Secure Transport, `SChannel`, rustls) say when the bank's
/// certificate does not verify.
const SERVER_NOT_TRUSTED: &[&str] = &[
    "certificate verify failed",
    "unable to get local issuer certificate",
    "self signed certificate",
    "self-signed certificate",
    "certificate has expired",
    "hostname mismatch",
    "certificate is not trusted",
    "not trusted",
    "invalid peer certificate",
    "untrusted root",
    "certificate chain was issued by an authority",
    "the certificate's cn name does not match",
];

/// What they say when the bank sends a TLS alert about our certificate: it asked for one we did
/// not send, or refused the one we sent.
const CLIENT_CERTIFICATE_REFUSED: &[&str] = &[
    "alert certificate required",
    "alert bad certificate",
    "alert unknown ca",
    "alert certificate unknown",
    "alert handshake failure",
    "alert access denied",
    "alert unsupported certificate",
    "alert certificate revoked",
    "alert certificate expired",
    // The bank could not verify our certificate's or handshake's signature (rustls says so for
    // a certificate from a CA it does not know under a name it does).
    "alert decrypt error",
    "peer sent alert",
];

/// A request that got no answer. TLS first: a failed handshake is also a failed connection,
/// and with TLS 1.3 the bank's refusal of our certificate arrives only with the first read.
fn classify_failure(error: &reqwest::Error) -> ClientCheck {
    tls_refusal(&causes(error)).unwrap_or(if error.is_timeout() || error.is_connect() {
        ClientCheck::Unreachable
    } else {
        ClientCheck::UnexpectedAnswer
    })
}

/// Which side of a TLS handshake refused, from the words of the errors on the way.
fn tls_refusal(causes: &str) -> Option<ClientCheck> {
    let text = causes.to_lowercase();
    if SERVER_NOT_TRUSTED.iter().any(|said| text.contains(said)) {
        Some(ClientCheck::ServerNotTrusted)
    } else if CLIENT_CERTIFICATE_REFUSED
        .iter()
        .any(|said| text.contains(said))
    {
        Some(ClientCheck::ClientCertificateRefused)
    } else {
        None
    }
}

/// `error` and every error below it, one after the other: the TLS library's words are at the
/// bottom.
fn causes(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_tell_a_known_client_from_an_unknown_one() {
        let body = |code: &str| format!(r#"{{"error":"{code}","error_description":"x"}}"#);
        for (status, text, check) in [
            (400, body("invalid_grant"), ClientCheck::Accepted),
            (400, body("invalid_client"), ClientCheck::ClientRejected),
            (401, body("invalid_client"), ClientCheck::ClientRejected),
            (
                400,
                body("unauthorized_client"),
                ClientCheck::ClientRejected,
            ),
            (401, String::new(), ClientCheck::ClientRejected),
            (
                401,
                "<html>Sign in</html>".to_owned(),
                ClientCheck::ClientRejected,
            ),
            (401, body("invalid_token"), ClientCheck::UnexpectedAnswer),
            (400, body("invalid_request"), ClientCheck::UnexpectedAnswer),
            (
                400,
                "<html>Bad</html>".to_owned(),
                ClientCheck::UnexpectedAnswer,
            ),
            (404, "Not Found".to_owned(), ClientCheck::UnexpectedAnswer),
            (
                200,
                r#"{"access_token":"x"}"#.to_owned(),
                ClientCheck::UnexpectedAnswer,
            ),
            (302, String::new(), ClientCheck::UnexpectedAnswer),
            (503, body("invalid_grant"), ClientCheck::UnexpectedAnswer),
        ] {
            let status = StatusCode::from_u16(status).unwrap();
            assert_eq!(
                classify_answer(status, text.as_bytes()),
                check,
                "{status} {text}"
            );
        }
    }

    #[test]
    fn tls_errors_say_which_side_refused() {
        for (said, check) in [
            (
                "error:0A000086:SSL routines:tls_post_process_server_certificate:certificate \
                 verify failed:../ssl/statem/statem_clnt.c:2092: (unable to get local issuer \
                 certificate)",
                Some(ClientCheck::ServerNotTrusted),
            ),
            (
                "The certificate chain was issued by an authority that is not trusted.",
                Some(ClientCheck::ServerNotTrusted),
            ),
            (
                "invalid peer certificate: UnknownIssuer",
                Some(ClientCheck::ServerNotTrusted),
            ),
            (
                "error:0A00045C:SSL routines:ssl3_read_bytes:tlsv13 alert certificate \
                 required:../ssl/record/rec_layer_s3.c:1605:SSL alert number 116",
                Some(ClientCheck::ClientCertificateRefused),
            ),
            (
                "error:0A000412:SSL routines:ssl3_read_bytes:sslv3 alert bad certificate",
                Some(ClientCheck::ClientCertificateRefused),
            ),
            (
                "error:0A000418:SSL routines:ssl3_read_bytes:tlsv1 alert unknown ca",
                Some(ClientCheck::ClientCertificateRefused),
            ),
            (
                "error:0A000410:SSL routines:ssl3_read_bytes:sslv3 alert handshake failure",
                Some(ClientCheck::ClientCertificateRefused),
            ),
            ("tcp connect error: Connection refused (os error 111)", None),
            ("dns error: failed to lookup address information", None),
        ] {
            assert_eq!(tls_refusal(said), check, "{said}");
        }
    }

    #[test]
    fn made_up_codes_differ() {
        assert_ne!(made_up_code(), made_up_code());
        assert!(made_up_code().starts_with("bankbook-check-"));
    }
}
