//! `GET /auth/oauth/v2/authorize`: checks the request and shows the sign-in page.
//!
//! RFC 6749 4.1.2.1: an unknown client or a redirect URI that is not the registered one is shown
//! as an error page and never redirected to; every other problem goes back to the client as
//! `error` and `state` on the redirect URI. Every redirect to the client, code or error, also
//! carries the bank's `iss` (RFC 9207).

use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use url::Url;

use super::SCOPE;
use super::requests::AuthorizationRequest;
use crate::config::ClientRegistration;
use crate::consent_page;
use crate::form::{FormFields, Repeated};
use crate::state::{AppState, Shared};
use crate::sync::lock;

/// An error sent back to the client on its redirect URI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct AuthorizeError {
    error: &'static str,
    description: &'static str,
}

const fn invalid_request(description: &'static str) -> AuthorizeError {
    AuthorizeError {
        error: "invalid_request",
        description,
    }
}

impl From<Repeated<'_>> for AuthorizeError {
    fn from(_: Repeated<'_>) -> Self {
        invalid_request("A parameter is repeated.")
    }
}

pub(super) async fn authorize(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Response {
    let fields = FormFields::parse(query.as_deref().unwrap_or_default().as_bytes());
    if let Err(problem) = check_client(&state.client, &fields) {
        return consent_page::error(
            StatusCode::BAD_REQUEST,
            "This request cannot be served",
            problem,
        );
    }
    let Ok(client_state) = fields.single("state") else {
        return redirect_with_error(
            &state,
            invalid_request("The parameter state is repeated."),
            None,
        );
    };
    match check_parameters(&fields) {
        Err(error) => redirect_with_error(&state, error, client_state),
        Ok(code_challenge) => {
            let request = AuthorizationRequest {
                client_id: state.client.client_id.clone(),
                redirect_uri: state.client.redirect_uri.clone(),
                state: client_state.map(str::to_owned),
                code_challenge: code_challenge.map(str::to_owned),
                opened_at: state.clock.now(),
                user: None,
            };
            let id = lock(&state.oauth).requests.open(request);
            consent_page::sign_in(super::consent::asking(&state), &id, None)
        }
    }
}

/// The client and its redirect URI, which decide whether redirecting is safe at all.
fn check_client(client: &ClientRegistration, fields: &FormFields) -> Result<(), &'static str> {
    match fields.single("client_id") {
        Ok(Some(id)) if id == client.client_id => {}
        _ => return Err("The application is not known to Demo Bank (client_id)."),
    }
    match fields.single("redirect_uri") {
        Ok(Some(uri)) if uri == client.redirect_uri => Ok(()),
        _ => Err("The redirect_uri does not match the one registered for the application."),
    }
}

/// `response_type`, `scope` and PKCE; returns the S256 code challenge, if one was sent.
fn check_parameters(fields: &FormFields) -> Result<Option<&str>, AuthorizeError> {
    match fields.single("response_type")? {
        None => return Err(invalid_request("The parameter response_type is missing.")),
        Some("code") => {}
        Some(_) => {
            return Err(AuthorizeError {
                error: "unsupported_response_type",
                description: "Only response_type=code is supported.",
            });
        }
    }
    let scope = fields.single("scope")?.unwrap_or_default();
    if scope.split(' ').any(|token| token != SCOPE) {
        return Err(AuthorizeError {
            error: "invalid_scope",
            description: "The scope must be AISP.",
        });
    }
    match (
        fields.single("code_challenge")?,
        fields.single("code_challenge_method")?,
    ) {
        (None, None) => Ok(None),
        (Some(challenge), Some("S256")) if is_s256_challenge(challenge) => Ok(Some(challenge)),
        (Some(_), Some("S256")) => Err(invalid_request(
            "The code_challenge is not a base64url SHA-256 (43 characters).",
        )),
        (Some(_), None) => Err(invalid_request(
            "The code_challenge_method is missing: only S256 is supported (plain is not).",
        )),
        (Some(_), Some(_)) => Err(invalid_request(
            "Only the S256 code_challenge_method is supported.",
        )),
        (None, Some(_)) => Err(invalid_request("The code_challenge is missing.")),
    }
}

fn is_s256_challenge(challenge: &str) -> bool {
    challenge.len() == 43
        && challenge
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_')
}

fn redirect_with_error(
    state: &Shared,
    error: AuthorizeError,
    client_state: Option<&str>,
) -> Response {
    let mut params = vec![
        ("error", error.error),
        ("error_description", error.description),
    ];
    params.extend(client_state.map(|client_state| ("state", client_state)));
    redirect_to_client(state, &params)
}

/// The authorization response: `302 Found` to the registered redirect URI with `params` and
/// the bank's issuer identifier as `iss` (RFC 9207) added to its query.
pub(super) fn redirect_to_client(state: &Shared, params: &[(&str, &str)]) -> Response {
    let mut params = params.to_vec();
    params.push(("iss", &state.issuer));
    redirect(&state.client.redirect_uri, &params)
}

/// `302 Found` to `redirect_uri` with `params` added to its query.
fn redirect(redirect_uri: &str, params: &[(&str, &str)]) -> Response {
    let Ok(mut location) = Url::parse(redirect_uri) else {
        return consent_page::error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Configuration error",
            "The registered redirect URI is not a URL.",
        );
    };
    location.query_pairs_mut().extend_pairs(params);
    let Ok(location) = HeaderValue::from_str(location.as_str()) else {
        return consent_page::error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Configuration error",
            "The redirect URI is not a valid header.",
        );
    };
    let mut response = StatusCode::FOUND.into_response();
    response.headers_mut().insert(header::LOCATION, location);
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(query: &str) -> Result<Option<String>, &'static str> {
        check_parameters(&FormFields::parse(query.as_bytes()))
            .map(|challenge| challenge.map(str::to_owned))
            .map_err(|error| error.error)
    }

    const CHALLENGE: &str = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    #[test]
    fn accepts_code_flow_for_aisp_with_or_without_s256() {
        assert_eq!(check("response_type=code&scope=AISP"), Ok(None));
        let with_pkce = format!(
            "response_type=code&scope=AISP&code_challenge={CHALLENGE}&code_challenge_method=S256"
        );
        assert_eq!(check(&with_pkce), Ok(Some(CHALLENGE.to_owned())));
    }

    #[test]
    fn refuses_other_response_types_scopes_and_plain_pkce() {
        assert_eq!(
            check("response_type=token&scope=AISP"),
            Err("unsupported_response_type")
        );
        assert_eq!(check("scope=AISP"), Err("invalid_request"));
        assert_eq!(check("response_type=code&scope=PISP"), Err("invalid_scope"));
        assert_eq!(check("response_type=code"), Err("invalid_scope"));
        let plain = format!(
            "response_type=code&scope=AISP&code_challenge={CHALLENGE}&code_challenge_method=plain"
        );
        assert_eq!(check(&plain), Err("invalid_request"));
        let no_method = format!("response_type=code&scope=AISP&code_challenge={CHALLENGE}");
        assert_eq!(check(&no_method), Err("invalid_request"));
        assert_eq!(
            check("response_type=code&scope=AISP&code_challenge=short&code_challenge_method=S256"),
            Err("invalid_request")
        );
    }

    #[test]
    fn redirects_add_to_the_registered_uri_with_found() {
        let response = redirect(
            "app.bankbook:/oauth/callback/demo",
            &[("code", "a b"), ("state", "s&t")],
        );
        assert_eq!(response.status(), StatusCode::FOUND);
        let location = response.headers()[header::LOCATION].to_str().unwrap();
        assert_eq!(
            location,
            "app.bankbook:/oauth/callback/demo?code=a+b&state=s%26t"
        );
    }
}
