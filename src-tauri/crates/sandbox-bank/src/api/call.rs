//! What every data call must bring: a live bearer token and a `Request-ID`; and its JSON body.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;

use super::ApiRejection;
use super::budget::Resource;
use crate::oauth::BearerRefusal;
use crate::state::AppState;
use crate::sync::lock;

const REQUEST_ID: HeaderName = HeaderName::from_static("request-id");

/// The PSU headers a call came with: `ip_address` says the person takes part.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PsuHeaders {
    pub ip_address: Option<String>,
    pub device_os: Option<String>,
    pub user_agent: Option<String>,
}

impl PsuHeaders {
    fn of(headers: &HeaderMap) -> Self {
        let text = |name: &str| {
            headers
                .get(name)
                .and_then(|value| value.to_str().ok())
                .map(str::to_owned)
        };
        Self {
            ip_address: text("psu-ip-address"),
            device_os: text("psu-device-os"),
            user_agent: text("psu-user-agent"),
        }
    }

    fn attended(&self) -> bool {
        self.ip_address.is_some()
    }
}

/// An authorized data call: the consented accounts, the request id to echo, and whether the
/// person takes part.
#[derive(Debug)]
pub(super) struct DataCall {
    /// IBANs in the order the bank lists them.
    pub accounts: Vec<String>,
    request_id: HeaderValue,
    psu: PsuHeaders,
}

impl DataCall {
    /// Counts a read of `iban`'s `resource` made without the person against their four a day,
    /// refusing it with 429 and `Retry-After` beyond that; a read the person takes part in is
    /// not counted.
    pub(super) fn count_read(
        &self,
        state: &AppState,
        iban: &str,
        resource: Resource,
    ) -> Result<(), ApiRejection> {
        let attended = self.psu.attended();
        let counted = if attended {
            Ok(())
        } else {
            lock(&state.unattended_reads).count(iban, resource, state.clock.now())
        };
        #[cfg(feature = "admin")]
        lock(&state.counters).count_read(iban, resource, &self.psu, counted.is_ok());
        counted.map_err(|seconds| {
            ApiRejection::new(
                StatusCode::TOO_MANY_REQUESTS,
                "ACCESS_EXCEEDED",
                "The four daily reads of this account without the customer are used up.",
            )
            .retry_after(seconds)
        })
    }

    /// Whether the consent covers `iban`.
    pub(super) fn may_see(&self, iban: &str) -> bool {
        self.accounts.iter().any(|consented| consented == iban)
    }

    /// A 200 response with `body`, echoing the `Request-ID`.
    pub(super) fn respond(&self, body: impl IntoResponse) -> Response {
        let mut response = body.into_response();
        response
            .headers_mut()
            .insert(REQUEST_ID, self.request_id.clone());
        response
    }
}

impl FromRequestParts<AppState> for DataCall {
    type Rejection = ApiRejection;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let token = bearer_token(&parts.headers)?;
        let authorized = lock(&state.oauth)
            .grants
            .authorize(token, state.clock.now())
            .map_err(|refusal| match refusal {
                BearerRefusal::Unknown => {
                    ApiRejection::unauthorized("UNAUTHORIZED", "The access token is not valid.")
                }
                BearerRefusal::Expired => {
                    ApiRejection::unauthorized("TOKEN_EXPIRED", "The access token has expired.")
                }
                BearerRefusal::Revoked => ApiRejection::unauthorized(
                    "TOKEN_REVOKED",
                    "The consent behind the access token was revoked.",
                ),
            })?;
        Ok(Self {
            accounts: authorized.accounts,
            request_id: request_id(&parts.headers)?,
            psu: PsuHeaders::of(&parts.headers),
        })
    }
}

fn bearer_token(headers: &HeaderMap) -> Result<&str, ApiRejection> {
    let missing =
        || ApiRejection::unauthorized("UNAUTHORIZED", "A Bearer access token is required.");
    let value = headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .ok_or_else(missing)?;
    let (scheme, token) = value.trim().split_once(' ').ok_or_else(missing)?;
    let token = token.trim();
    if scheme.eq_ignore_ascii_case("bearer") && !token.is_empty() {
        Ok(token)
    } else {
        Err(missing())
    }
}

/// The `Request-ID` header: mandatory, and a UUID.
fn request_id(headers: &HeaderMap) -> Result<HeaderValue, ApiRejection> {
    let value = headers.get(REQUEST_ID).ok_or_else(|| {
        ApiRejection::new(
            StatusCode::BAD_REQUEST,
            "REQUEST_ID_MISSING",
            "The Request-ID header is required.",
        )
    })?;
    let is_uuid = value
        .to_str()
        .ok()
        .is_some_and(|text| uuid::Uuid::try_parse(text.trim()).is_ok());
    if is_uuid {
        Ok(value.clone())
    } else {
        Err(ApiRejection::new(
            StatusCode::BAD_REQUEST,
            "REQUEST_ID_INVALID",
            "The Request-ID header must be a UUID.",
        ))
    }
}

/// A JSON request body, refused in the contract's words rather than axum's.
#[derive(Debug)]
pub(super) struct JsonBody<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for JsonBody<T> {
    type Rejection = ApiRejection;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        if !is_json(request.headers()) {
            return Err(ApiRejection::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "UNSUPPORTED_MEDIA_TYPE",
                "The body must be application/json.",
            ));
        }
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|_| ApiRejection::parameter("The body could not be read."))?;
        serde_json::from_slice(&bytes)
            .map(JsonBody)
            .map_err(|error| ApiRejection::parameter(format!("The body is not valid: {error}.")))
    }
}

fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|media_type| media_type.trim().eq_ignore_ascii_case("application/json"))
}
