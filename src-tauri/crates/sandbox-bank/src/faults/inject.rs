//! Applying a fault to a request: each endpoint family fails in its own words (an HTML page, an
//! RFC 6749 body, or the data API's body).

use std::time::Duration;

use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use futures_util::{StreamExt, stream};
use time::OffsetDateTime;

use super::{FaultKind, Hit};
use crate::api::ApiRejection;
use crate::consent_page;
use crate::endpoint::Family;
use crate::oauth::OAuthRejection;

/// How long a technical break that counts requests says it lasts.
const BREAK_WITHOUT_WINDOW_SECONDS: u64 = 3600;

/// Serves `request` through `next` as the fault `hit` dictates.
pub(crate) async fn apply(
    hit: Hit,
    family: Family,
    now: OffsetDateTime,
    request: Request,
    next: Next,
) -> Response {
    match hit.kind {
        FaultKind::Latency { millis } => {
            tokio::time::sleep(Duration::from_millis(millis)).await;
            next.run(request).await
        }
        FaultKind::ServerError => Outage::SERVER_ERROR.respond(family, None),
        FaultKind::ServiceUnavailable => Outage::UNAVAILABLE.respond(family, None),
        FaultKind::RateLimited {
            retry_after_seconds,
        } => Outage::RATE_LIMITED.respond(family, Some(retry_after_seconds)),
        FaultKind::TechnicalBreak => {
            let seconds_left = hit.until.map_or(BREAK_WITHOUT_WINDOW_SECONDS, |until| {
                u64::try_from((until - now).whole_seconds())
                    .unwrap_or(0)
                    .max(1)
            });
            Outage::TECHNICAL_BREAK.respond(family, Some(seconds_left))
        }
        FaultKind::MalformedJson => malformed(next.run(request).await).await,
        FaultKind::TruncatedBody => truncated(next.run(request).await).await,
        FaultKind::WrongContentType => proxy_page(),
    }
}

/// An error answered instead of the endpoint's work.
struct Outage {
    status: StatusCode,
    data_code: &'static str,
    oauth_error: &'static str,
    title: &'static str,
    description: &'static str,
}

impl Outage {
    const SERVER_ERROR: Self = Self {
        status: StatusCode::INTERNAL_SERVER_ERROR,
        data_code: "INTERNAL_SERVER_ERROR",
        oauth_error: "server_error",
        title: "Something went wrong",
        description: "An unexpected error occurred at the bank.",
    };
    const UNAVAILABLE: Self = Self {
        status: StatusCode::SERVICE_UNAVAILABLE,
        data_code: "SERVICE_UNAVAILABLE",
        oauth_error: "temporarily_unavailable",
        title: "Service unavailable",
        description: "The service is temporarily unavailable.",
    };
    const RATE_LIMITED: Self = Self {
        status: StatusCode::TOO_MANY_REQUESTS,
        data_code: "TOO_MANY_REQUESTS",
        oauth_error: "temporarily_unavailable",
        title: "Too many requests",
        description: "Too many requests: try again later.",
    };
    const TECHNICAL_BREAK: Self = Self {
        status: StatusCode::SERVICE_UNAVAILABLE,
        data_code: "SERVICE_UNAVAILABLE",
        oauth_error: "temporarily_unavailable",
        title: "Technical break",
        description: "Technical break: the bank's services are unavailable for maintenance. Try again later.",
    };

    fn respond(&self, family: Family, retry_after: Option<u64>) -> Response {
        match family {
            Family::Data => {
                let mut rejection =
                    ApiRejection::new(self.status, self.data_code, self.description);
                if let Some(seconds) = retry_after {
                    rejection = rejection.retry_after(seconds);
                }
                rejection.into_response()
            }
            Family::OAuth => {
                let mut rejection =
                    OAuthRejection::new(self.status, self.oauth_error, self.description);
                if let Some(seconds) = retry_after {
                    rejection = rejection.retry_after(seconds);
                }
                rejection.into_response()
            }
            Family::Page => {
                let mut response = consent_page::error(self.status, self.title, self.description);
                if let Some(seconds) = retry_after {
                    response
                        .headers_mut()
                        .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
                }
                response
            }
        }
    }
}

/// The response's body, or a plain 500 if it cannot be read.
async fn body_of(
    response: Response,
) -> Result<(axum::http::response::Parts, axum::body::Bytes), Response> {
    let (parts, body) = response.into_parts();
    match to_bytes(body, usize::MAX).await {
        Ok(bytes) => Ok((parts, bytes)),
        Err(_) => Err(StatusCode::INTERNAL_SERVER_ERROR.into_response()),
    }
}

/// The real answer with its first `:` turned into `=`: same status, same length, not JSON.
async fn malformed(response: Response) -> Response {
    let (mut parts, bytes) = match body_of(response).await {
        Ok(read) => read,
        Err(failed) => return failed,
    };
    let mut broken = bytes.to_vec();
    match broken.iter_mut().find(|byte| **byte == b':') {
        Some(colon) => *colon = b'=',
        None => broken = b"{\"unterminated".to_vec(),
    }
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(broken))
}

/// The first half of the real answer under a `Content-Length` for all of it, then the
/// connection drops: what a client sees when a connection breaks mid-answer.
async fn truncated(response: Response) -> Response {
    let (mut parts, bytes) = match body_of(response).await {
        Ok(read) => read,
        Err(failed) => return failed,
    };
    let half = bytes.slice(..bytes.len() / 2);
    parts
        .headers
        .insert(header::CONTENT_LENGTH, HeaderValue::from(bytes.len()));
    // Streamed, so the server trusts the header; the pause lets it flush the head and the half
    // before the stream fails and the server closes the connection.
    let first_half = stream::once(async move { Ok::<_, std::io::Error>(half) });
    let broken = stream::once(async {
        tokio::task::yield_now().await;
        Err(std::io::Error::new(
            std::io::ErrorKind::ConnectionReset,
            "truncated by an injected fault",
        ))
    });
    Response::from_parts(parts, Body::from_stream(first_half.chain(broken)))
}

/// What a proxy or captive portal in the way answers: 200, an HTML page.
fn proxy_page() -> Response {
    let page = "<!DOCTYPE html><html><head><title>Maintenance</title></head>\
<body><h1>We'll be right back</h1><p>The gateway is under maintenance.</p></body></html>";
    (StatusCode::OK, Html(page)).into_response()
}
