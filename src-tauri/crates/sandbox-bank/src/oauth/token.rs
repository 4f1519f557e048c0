//! `POST /auth/oauth/v2/token`: `authorization_code` and `refresh_token` grants, the client
//! authenticated with HTTP Basic.

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::grants::{IssuedTokens, Redemption};
use super::{OAuthRejection, SCOPE, client_auth};
use crate::form::FormFields;
use crate::state::AppState;

pub(super) async fn token(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    match exchange(&state, &headers, &body) {
        Ok(tokens) => issued(&tokens),
        Err(rejection) => rejection.into_response(),
    }
}

fn exchange(
    state: &AppState,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<IssuedTokens, OAuthRejection> {
    if !is_form(headers) {
        return Err(OAuthRejection::invalid_request(
            "The body must be application/x-www-form-urlencoded.",
        ));
    }
    let form = FormFields::parse(body);
    let grant_type = form.single("grant_type")?;
    #[cfg(feature = "admin")]
    if let Some(grant_type) = grant_type {
        crate::sync::lock(&state.counters).count_grant_type(grant_type);
    }
    client_auth::authenticate(&state.client, headers)?;
    let client_id = state.client.client_id.as_str();
    let now = state.clock.now();
    match grant_type {
        Some("authorization_code") => {
            let redemption = Redemption {
                client_id,
                code: form.single("code")?.ok_or_else(|| {
                    OAuthRejection::invalid_request("The parameter code is missing.")
                })?,
                redirect_uri: form.single("redirect_uri")?,
                code_verifier: form.single("code_verifier")?,
            };
            Ok(state.change_grants(|grants| grants.redeem(redemption, now, state.lifetimes))?)
        }
        Some("refresh_token") => {
            let token = form.single("refresh_token")?.ok_or_else(|| {
                OAuthRejection::invalid_request("The parameter refresh_token is missing.")
            })?;
            if form.single("scope")?.is_some_and(|scope| scope != SCOPE) {
                return Err(OAuthRejection::new(
                    StatusCode::BAD_REQUEST,
                    "invalid_scope",
                    "The scope must be AISP.",
                ));
            }
            Ok(state
                .change_grants(|grants| grants.refresh(client_id, token, now, state.lifetimes))?)
        }
        Some(_) => Err(OAuthRejection::new(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "Only authorization_code and refresh_token are supported.",
        )),
        None => Err(OAuthRejection::invalid_request(
            "The parameter grant_type is missing.",
        )),
    }
}

fn is_form(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|media_type| {
            media_type
                .trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        })
}

#[derive(Serialize)]
struct TokenResponse<'a> {
    access_token: &'a str,
    token_type: &'static str,
    expires_in: u64,
    refresh_token: &'a str,
    /// How long the refresh token, and the consent with it, still lives.
    refresh_token_expires_in: u64,
    scope: &'static str,
}

fn issued(tokens: &IssuedTokens) -> Response {
    let body = TokenResponse {
        access_token: &tokens.access_token,
        token_type: "Bearer",
        expires_in: tokens.expires_in,
        refresh_token: &tokens.refresh_token,
        refresh_token_expires_in: tokens.consent_expires_in,
        scope: SCOPE,
    };
    let mut response = Json(body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
    response
}
