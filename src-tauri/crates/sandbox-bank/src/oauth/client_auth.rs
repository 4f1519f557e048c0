//! HTTP Basic client authentication (RFC 6749 2.3.1), the only method this bank accepts.

use std::borrow::Cow;

use axum::http::{HeaderMap, header};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use super::OAuthRejection;
use crate::config::ClientRegistration;
use crate::secrets::constant_time_eq;

/// Checks the `Authorization: Basic` header against the registered client.
pub(super) fn authenticate(
    client: &ClientRegistration,
    headers: &HeaderMap,
) -> Result<(), OAuthRejection> {
    let Some(header) = headers.get(header::AUTHORIZATION) else {
        return Err(OAuthRejection::invalid_client(
            "Client authentication with HTTP Basic is required.",
        ));
    };
    let (id, secret) = header
        .to_str()
        .ok()
        .and_then(basic_credentials)
        .ok_or_else(|| {
            OAuthRejection::invalid_client("The Authorization header is not valid HTTP Basic.")
        })?;
    if matches(&id, &client.client_id) && matches(&secret, &client.client_secret) {
        Ok(())
    } else {
        Err(OAuthRejection::invalid_client(
            "Client authentication failed.",
        ))
    }
}

/// `Basic base64(id:secret)` into its two halves.
fn basic_credentials(header: &str) -> Option<(String, String)> {
    let (scheme, encoded) = header.trim().split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = String::from_utf8(STANDARD.decode(encoded.trim()).ok()?).ok()?;
    let (id, secret) = decoded.split_once(':')?;
    Some((id.to_owned(), secret.to_owned()))
}

/// RFC 6749 has clients form-encode id and secret before Basic; many do not. Either is taken.
fn matches(sent: &str, registered: &str) -> bool {
    constant_time_eq(sent.as_bytes(), registered.as_bytes())
        || constant_time_eq(form_decoded(sent).as_bytes(), registered.as_bytes())
}

fn form_decoded(text: &str) -> Cow<'_, str> {
    // An encoded value has no raw '&' or '='; a value with them was sent as is.
    if text.contains(['&', '=']) {
        return Cow::Borrowed(text);
    }
    url::form_urlencoded::parse(text.as_bytes())
        .next()
        .map_or(Cow::Borrowed(text), |(key, _)| Cow::Owned(key.into_owned()))
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn headers(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::AUTHORIZATION, HeaderValue::from_str(value).unwrap());
        headers
    }

    fn client(secret: &str) -> ClientRegistration {
        ClientRegistration {
            client_secret: secret.into(),
            ..Default::default()
        }
    }

    #[test]
    fn accepts_the_registered_pair_plain_or_form_encoded() {
        let plain = format!("Basic {}", STANDARD.encode("bankbook-demo:s3cr=t+x"));
        assert!(authenticate(&client("s3cr=t+x"), &headers(&plain)).is_ok());
        let encoded = format!("basic {}", STANDARD.encode("bankbook-demo:s3cr%3Dt%2Bx"));
        assert!(authenticate(&client("s3cr=t+x"), &headers(&encoded)).is_ok());
    }

    #[test]
    fn refuses_wrong_missing_and_malformed_credentials() {
        let wrong = format!("Basic {}", STANDARD.encode("bankbook-demo:nope"));
        assert!(authenticate(&client("secret"), &headers(&wrong)).is_err());
        assert!(authenticate(&client("secret"), &HeaderMap::new()).is_err());
        assert!(authenticate(&client("secret"), &headers("Bearer abc")).is_err());
        assert!(authenticate(&client("secret"), &headers("Basic !!!")).is_err());
    }
}
