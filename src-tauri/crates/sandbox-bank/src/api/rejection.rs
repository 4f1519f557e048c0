//! Data-call errors: `{"errorCode", "errorDescription"}` with the status.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// A refused data call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ApiRejection {
    status: StatusCode,
    code: &'static str,
    description: String,
    retry_after: Option<u64>,
}

impl ApiRejection {
    pub(crate) fn new(
        status: StatusCode,
        code: &'static str,
        description: impl Into<String>,
    ) -> Self {
        Self {
            status,
            code,
            description: description.into(),
            retry_after: None,
        }
    }

    /// 400 `PARAMETER_INVALID`.
    pub(crate) fn parameter(description: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "PARAMETER_INVALID", description)
    }

    /// 401 with the given code: `UNAUTHORIZED`, `TOKEN_EXPIRED` or `TOKEN_REVOKED`.
    pub(crate) fn unauthorized(code: &'static str, description: &str) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, code, description)
    }

    #[must_use]
    pub(crate) fn retry_after(mut self, seconds: u64) -> Self {
        self.retry_after = Some(seconds);
        self
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Body<'a> {
    error_code: &'a str,
    error_description: &'a str,
}

impl IntoResponse for ApiRejection {
    fn into_response(self) -> Response {
        let body = Body {
            error_code: self.code,
            error_description: &self.description,
        };
        let mut response = (self.status, Json(body)).into_response();
        let headers = response.headers_mut();
        if self.status == StatusCode::UNAUTHORIZED {
            // RFC 6750 3: a bearer-protected resource names its scheme.
            let challenge = if self.code == "UNAUTHORIZED" {
                "Bearer realm=\"Demo Bank\""
            } else {
                "Bearer realm=\"Demo Bank\", error=\"invalid_token\""
            };
            headers.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static(challenge),
            );
        }
        if let Some(seconds) = self.retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}
