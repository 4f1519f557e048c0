//! RFC 6749 5.2 error responses of the token endpoint.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::grants::Refusal;
use crate::form::Repeated;

/// `{"error", "error_description"}` with its status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OAuthRejection {
    status: StatusCode,
    error: &'static str,
    description: String,
    retry_after: Option<u64>,
}

impl OAuthRejection {
    pub(crate) fn new(
        status: StatusCode,
        error: &'static str,
        description: impl Into<String>,
    ) -> Self {
        Self {
            status,
            error,
            description: description.into(),
            retry_after: None,
        }
    }

    pub(crate) fn invalid_request(description: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "invalid_request", description)
    }

    /// 401 with a Basic challenge (RFC 6749 5.2: the client tried to authenticate, or must).
    pub(crate) fn invalid_client(description: &str) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "invalid_client", description)
    }

    #[cfg(feature = "admin")]
    #[must_use]
    pub(crate) fn retry_after(mut self, seconds: u64) -> Self {
        self.retry_after = Some(seconds);
        self
    }
}

impl From<Refusal> for OAuthRejection {
    fn from(refusal: Refusal) -> Self {
        Self::new(StatusCode::BAD_REQUEST, refusal.error, refusal.description)
    }
}

impl From<Repeated<'_>> for OAuthRejection {
    fn from(Repeated(name): Repeated<'_>) -> Self {
        Self::invalid_request(format!("The parameter {name} is repeated."))
    }
}

#[derive(Serialize)]
struct Body<'a> {
    error: &'a str,
    error_description: &'a str,
}

impl IntoResponse for OAuthRejection {
    fn into_response(self) -> Response {
        let body = Body {
            error: self.error,
            error_description: &self.description,
        };
        let mut response = (self.status, Json(body)).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        if self.status == StatusCode::UNAUTHORIZED {
            headers.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Basic realm=\"Demo Bank\""),
            );
        }
        if let Some(seconds) = self.retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}
