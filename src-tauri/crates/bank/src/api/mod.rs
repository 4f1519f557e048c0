//! The account-information API: one function per operation, each a single HTTP call
//! (retried within bounds) whose answer is parsed into domain types.

mod accounts;
mod error_body;
mod information;
mod presence;
mod retry;
mod transactions;

use std::time::SystemTime;

use reqwest::{RequestBuilder, Response, StatusCode, header};
use url::Url;
use uuid::Uuid;

pub use error_body::BankErrorBody;
pub use presence::Presence;
pub use retry::RetryPolicy;
pub(crate) use retry::parse_retry_after;
pub use transactions::{StatusFilter, TransactionsQuery};

use crate::transport::check_secure_origin;
use crate::{AccessToken, Error, Result};

/// Page sizes the contract allows for transactions. Kept apart from the sandbox bank's check on
/// purpose: the contract (`shared/bank-api.md`) is the shared definition, and a sandbox that
/// shared this constant could not catch a client that got it wrong.
pub const PAGE_SIZES: std::ops::RangeInclusive<u8> = 10..=100;

/// A bank's account-information API at `base`.
#[derive(Debug, Clone)]
pub struct BankApi {
    http: reqwest::Client,
    base: Url,
    retry: RetryPolicy,
}

impl BankApi {
    pub fn new(base: Url, http: reqwest::Client) -> Result<Self> {
        check_secure_origin(&base)?;
        Ok(Self {
            http,
            base,
            retry: RetryPolicy::default(),
        })
    }

    /// Replaces the retry policy (tests shorten the pauses).
    #[must_use]
    pub fn with_retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    fn url(&self, path: &str) -> Url {
        let mut url = self.base.clone();
        let joined = format!("{}/{}", url.path().trim_end_matches('/'), path);
        url.set_path(&joined);
        url
    }

    /// Sends `request`, with a fresh `Request-ID` on every try, and returns the body of a
    /// successful answer; for the person (`Attended`) with the PSU headers. For the person, 5xx,
    /// 429 and network failures are retried within the policy; an unattended read is tried once.
    async fn send(
        &self,
        endpoint: &'static str,
        token: &AccessToken,
        request: RequestBuilder,
        presence: Presence,
    ) -> Result<Vec<u8>> {
        let request = match presence {
            Presence::Attended => request.headers(presence::psu_headers(&self.base).await),
            Presence::Unattended => request,
        };
        // The contract asks for this content type on every data call, GET included.
        let request = request
            .bearer_auth(token.secret())
            .header(header::ACCEPT, "application/json")
            .header(header::CONTENT_TYPE, "application/json; charset=utf-8")
            .build()
            .map_err(|_| Error::InvalidRequest(format!("{endpoint} request")))?;
        // An unattended read is tried once: a bank that counted a try it then failed would
        // count the retry too, and the app may make only four such reads a day.
        let attempts = match presence {
            Presence::Attended => self.retry.attempts,
            Presence::Unattended => 1,
        };
        let mut attempt = 1;
        loop {
            let outcome = match self.attempt(endpoint, &request).await {
                Ok(response) => read_answer(endpoint, response).await,
                Err(error) => Err(error),
            };
            match outcome {
                Err(error) if attempt < attempts && self.worth_retrying(&error) => {
                    let pause = error
                        .retry_after()
                        .unwrap_or_else(|| self.retry.backoff(attempt));
                    tracing::info!(endpoint, attempt, ?pause, %error, "retrying a bank call");
                    tokio::time::sleep(pause).await;
                    attempt += 1;
                }
                outcome => return outcome,
            }
        }
    }

    /// One try: a copy of `request` with its own `Request-ID`.
    async fn attempt(
        &self,
        endpoint: &'static str,
        request: &reqwest::Request,
    ) -> Result<Response> {
        let mut request = request
            .try_clone()
            .ok_or_else(|| Error::InvalidRequest(format!("{endpoint} request")))?;
        let request_id = header::HeaderValue::from_str(&Uuid::new_v4().to_string())
            .map_err(|_| Error::InvalidRequest("Request-ID".to_owned()))?;
        request.headers_mut().insert("Request-ID", request_id);
        self.http
            .execute(request)
            .await
            .map_err(|error| network_error(endpoint, error))
    }

    /// Outages, throttling and network failures may pass; a bank that names a time further
    /// away than we would wait (the nightly break) is left to the caller to retry then.
    fn worth_retrying(&self, error: &Error) -> bool {
        let transient = matches!(
            error,
            Error::BankUnavailable { .. } | Error::RateLimited { .. } | Error::Network { .. }
        );
        transient
            && error
                .retry_after()
                .is_none_or(|wait| wait <= self.retry.longest_wait)
    }
}

/// A successful answer's body, or the error the status and body describe.
async fn read_answer(endpoint: &'static str, response: Response) -> Result<Vec<u8>> {
    let status = response.status();
    let retry_after = response
        .headers()
        .get(header::RETRY_AFTER)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| parse_retry_after(value, SystemTime::now()));
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| {
            value
                .trim_start()
                .to_ascii_lowercase()
                .starts_with("application/json")
        });
    let body = response
        .bytes()
        .await
        .map_err(|error| network_error(endpoint, error))?;
    if status.is_success() {
        return if is_json {
            Ok(body.to_vec())
        } else {
            Err(Error::malformed(endpoint, "the answer is not JSON"))
        };
    }
    let said = BankErrorBody::parse(&body);
    Err(match status {
        StatusCode::UNAUTHORIZED => Error::Unauthorized { endpoint },
        StatusCode::TOO_MANY_REQUESTS => Error::RateLimited {
            endpoint,
            retry_after,
        },
        status if status.is_server_error() => Error::BankUnavailable {
            endpoint,
            status: status.as_u16(),
            retry_after,
        },
        status => Error::Rejected {
            endpoint,
            status: status.as_u16(),
            said,
        },
    })
}

/// A transport failure, classified; the cause (TLS, DNS, a client certificate the bank
/// refused) goes to the log, without the URL.
pub(crate) fn network_error(endpoint: &'static str, error: reqwest::Error) -> Error {
    if error.is_timeout() {
        return Error::Timeout { endpoint };
    }
    let reason = if error.is_connect() {
        "the bank could not be reached"
    } else if error.is_body() || error.is_decode() {
        "the answer was cut off"
    } else {
        "the connection failed"
    };
    let error = error.without_url();
    tracing::warn!(endpoint, %error, "a bank call failed");
    Error::Network { endpoint, reason }
}
