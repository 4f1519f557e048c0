//! OAuth 2.0 with the bank: the consent URL (state, PKCE S256, scope AISP), the code exchange
//! and the refresh, with HTTP Basic client authentication.

use std::future::Future;
use std::pin::Pin;
use std::time::{Instant, SystemTime};

use reqwest::StatusCode;

use oauth2::basic::{
    BasicErrorResponse, BasicErrorResponseType, BasicRevocationErrorResponse,
    BasicTokenIntrospectionResponse, BasicTokenType,
};
use oauth2::{
    AuthUrl, AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndpointNotSet, EndpointSet,
    ExtraTokenFields, HttpRequest, HttpResponse, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl,
    RequestTokenError, Scope, StandardErrorResponse, StandardRevocableToken, StandardTokenResponse,
    TokenResponse, TokenUrl,
};
use serde::{Deserialize, Serialize};
use url::Url;
use vault::Sensitive;

use crate::api::{network_error, parse_retry_after};
use crate::tokens::{AccessToken, IssuedTokens, RefreshToken, refresh_due};
use crate::transport::check_secure_origin;
use crate::{Error, Result};

const ENDPOINT: &str = "token";
/// The account-information scope of SBAS banks.
const SCOPE: &str = "AISP";

/// What a token response may add to RFC 6749's fields: how long the refresh token (with it, the
/// consent) still lives. Not standard, but what banks that say it use; a bank that does not
/// leaves the 90 days counted from the consent.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct ConsentLife {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    refresh_token_expires_in: Option<u64>,
}

impl ExtraTokenFields for ConsentLife {}

pub(crate) type TokenAnswer = StandardTokenResponse<ConsentLife, BasicTokenType>;

/// The `oauth2` client with its authorization and token endpoints set, or not yet.
type ClientWith<Authorize, Token> = oauth2::Client<
    BasicErrorResponse,
    TokenAnswer,
    BasicTokenIntrospectionResponse,
    StandardRevocableToken,
    BasicRevocationErrorResponse,
    Authorize,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    Token,
>;
type Client = ClientWith<EndpointSet, EndpointSet>;
type TokenError = RequestTokenError<Error, StandardErrorResponse<BasicErrorResponseType>>;

/// Where a bank's OAuth endpoints are and who we are to it.
#[derive(Debug, Clone)]
pub struct OAuthConfig {
    /// The bank's base URL; the endpoints are `/auth/oauth/v2/authorize` and `/token` under it.
    pub base_url: Url,
    pub client_id: String,
    pub client_secret: Sensitive<String>,
    /// The app's deep link, exactly as registered with the bank.
    pub redirect_uri: String,
}

/// A consent the user is about to give: the page to open, and what proves the answer is ours.
pub struct ConsentRequest {
    /// The bank's consent page, for the system browser.
    pub url: Url,
    /// Must come back unchanged with the code (RFC 6749 section 10.12).
    pub state: Sensitive<String>,
    /// Proves to the token endpoint that we started this consent (RFC 7636).
    pub verifier: PkceCodeVerifier,
}

/// The URL carries the state: neither is printed.
impl std::fmt::Debug for ConsentRequest {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("ConsentRequest(<redacted>)")
    }
}

/// The bank's authorization server, as a client of it.
#[derive(Debug, Clone)]
pub struct OAuth {
    client: Client,
    http: TokenHttp,
}

/// The token endpoint's HTTP for the `oauth2` crate. A type rather than a closure: a closure
/// returning a future that borrows would make every caller's future not provably `Send`.
#[derive(Debug, Clone)]
struct TokenHttp(reqwest::Client);

impl<'c> oauth2::AsyncHttpClient<'c> for TokenHttp {
    type Error = Error;
    type Future = Pin<Box<dyn Future<Output = Result<HttpResponse>> + Send + 'c>>;

    fn call(&'c self, request: HttpRequest) -> Self::Future {
        Box::pin(send_token_request(&self.0, request))
    }
}

/// The `oauth2` client of the bank `config` names: its endpoints under the base URL, its client
/// id and secret, its redirect URI. The consent, the code exchange, the refresh and the profile
/// check all speak through one, so they authenticate alike.
pub(crate) fn client_for(config: &OAuthConfig) -> Result<Client> {
    check_secure_origin(&config.base_url)?;
    let endpoint = |path: &str| {
        let mut url = config.base_url.clone();
        url.set_path(&format!(
            "{}{path}",
            config.base_url.path().trim_end_matches('/')
        ));
        url
    };
    let redirect = RedirectUrl::new(config.redirect_uri.clone())
        .map_err(|_| Error::InvalidProfile("the redirect URI is not a URL".to_owned()))?;
    Ok(
        ClientWith::<EndpointNotSet, EndpointNotSet>::new(ClientId::new(config.client_id.clone()))
            .set_client_secret(ClientSecret::new(config.client_secret.expose().clone()))
            .set_auth_uri(AuthUrl::from_url(endpoint("/auth/oauth/v2/authorize")))
            .set_token_uri(TokenUrl::from_url(endpoint("/auth/oauth/v2/token")))
            .set_redirect_uri(redirect),
    )
}

impl OAuth {
    pub fn new(config: &OAuthConfig, http: reqwest::Client) -> Result<Self> {
        Ok(Self {
            client: client_for(config)?,
            http: TokenHttp(http),
        })
    }

    /// A fresh consent: random state and PKCE S256 verifier, scope AISP.
    pub fn consent_request(&self) -> ConsentRequest {
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state) = self
            .client
            .authorize_url(CsrfToken::new_random)
            .add_scope(Scope::new(SCOPE.to_owned()))
            .set_pkce_challenge(challenge)
            .url();
        ConsentRequest {
            url,
            state: Sensitive(state.into_secret()),
            verifier,
        }
    }

    /// Trades the code from the consent callback for tokens.
    pub async fn exchange_code(
        &self,
        code: &Sensitive<String>,
        verifier: PkceCodeVerifier,
    ) -> Result<IssuedTokens> {
        let started = Instant::now();
        let response = self
            .client
            .exchange_code(AuthorizationCode::new(code.expose().clone()))
            .set_pkce_verifier(verifier)
            .request_async(&self.http)
            .await
            .map_err(|error| token_error(error, GrantKind::Code))?;
        Ok(issued(&response, started))
    }

    /// Buys a new access token (and maybe a rotated refresh token).
    pub async fn refresh(&self, refresh: &RefreshToken) -> Result<IssuedTokens> {
        let started = Instant::now();
        let token = oauth2::RefreshToken::new(refresh.0.expose().clone());
        let response = self
            .client
            .exchange_refresh_token(&token)
            .request_async(&self.http)
            .await
            .map_err(|error| token_error(error, GrantKind::Refresh))?;
        Ok(issued(&response, started))
    }
}

/// The token endpoint's HTTP: 401, 429 and 5xx become our errors here, with `Retry-After`.
async fn send_token_request(http: &reqwest::Client, request: HttpRequest) -> Result<HttpResponse> {
    let request = reqwest::Request::try_from(request)
        .map_err(|_| Error::InvalidRequest("token request".to_owned()))?;
    let response = http
        .execute(request)
        .await
        .map_err(|error| network_error(ENDPOINT, error))?;
    let status = response.status();
    let retry_after = response
        .headers()
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| parse_retry_after(value, SystemTime::now()));
    // Decided by status, before the `oauth2` crate would read an outage page or an empty 401
    // as a malformed error body.
    match status {
        StatusCode::UNAUTHORIZED => return Err(Error::Unauthorized { endpoint: ENDPOINT }),
        StatusCode::TOO_MANY_REQUESTS => {
            return Err(Error::RateLimited {
                endpoint: ENDPOINT,
                retry_after,
            });
        }
        status if status.is_server_error() => {
            return Err(Error::BankUnavailable {
                endpoint: ENDPOINT,
                status: status.as_u16(),
                retry_after,
            });
        }
        _ => {}
    }
    let mut answer = HttpResponse::new(Vec::new());
    *answer.status_mut() = status;
    *answer.headers_mut() = response.headers().clone();
    *answer.body_mut() = response
        .bytes()
        .await
        .map_err(|_| Error::Network {
            endpoint: ENDPOINT,
            reason: "the answer was cut off",
        })?
        .to_vec();
    Ok(answer)
}

#[derive(Clone, Copy)]
enum GrantKind {
    Code,
    Refresh,
}

pub(crate) fn issued(response: &TokenAnswer, started: Instant) -> IssuedTokens {
    IssuedTokens {
        // Counted from when we asked, like the access token's: the bank's clock, whatever it
        // says the date is, started no later than that.
        consent_ends: response
            .extra_fields()
            .refresh_token_expires_in
            .and_then(|seconds| consent_end(SystemTime::now(), seconds)),
        access: AccessToken::new(response.access_token().secret().clone()),
        // Counted from when we asked: the bank's clock started no later than that.
        refresh_due: response
            .expires_in()
            .and_then(|lifetime| refresh_due(started, lifetime)),
        refresh: response
            .refresh_token()
            .map(|token| RefreshToken(Sensitive(token.secret().clone()))),
    }
}

/// `seconds` after `asked`, as a date; none when it is past what a date can hold.
fn consent_end(asked: SystemTime, seconds: u64) -> Option<time::OffsetDateTime> {
    let asked = time::OffsetDateTime::from(asked);
    let seconds = i64::try_from(seconds).ok()?;
    asked.checked_add(time::Duration::seconds(seconds))
}

fn token_error(error: TokenError, grant: GrantKind) -> Error {
    match error {
        // 401 on a refresh: the client or the grant is refused; either way, consent again.
        RequestTokenError::Request(Error::Unauthorized { .. }) => match grant {
            GrantKind::Refresh => {
                Error::ConsentRequired("the bank no longer accepts the saved authorization")
            }
            GrantKind::Code => Error::TokenRefused {
                code: "invalid_client".to_owned(),
            },
        },
        RequestTokenError::Request(error) => error,
        // A refused refresh token (or client) means the grant is dead: consent again.
        RequestTokenError::ServerResponse(response)
            if matches!(grant, GrantKind::Refresh)
                && matches!(
                    response.error(),
                    BasicErrorResponseType::InvalidGrant | BasicErrorResponseType::InvalidClient
                ) =>
        {
            Error::ConsentRequired("the bank no longer accepts the saved authorization")
        }
        RequestTokenError::ServerResponse(response) => Error::TokenRefused {
            code: response.error().as_ref().to_owned(),
        },
        RequestTokenError::Parse(error, _body) => Error::malformed(
            ENDPOINT,
            format!("not the expected shape at {}", error.path()),
        ),
        RequestTokenError::Other(_) => {
            Error::malformed(ENDPOINT, "an empty answer, or one that is not JSON")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_consent_ends_when_the_bank_says_or_is_not_known() {
        let answer: TokenAnswer = serde_json::from_str(
            r#"{"access_token":"a","token_type":"Bearer","expires_in":1200,
                "refresh_token":"r","refresh_token_expires_in":518400}"#,
        )
        .unwrap();
        let before = time::OffsetDateTime::now_utc();
        let ends = issued(&answer, Instant::now()).consent_ends.unwrap();
        let six_days = time::Duration::days(6);
        assert!(ends >= before + six_days && ends < before + six_days + time::Duration::minutes(1));

        let silent: TokenAnswer =
            serde_json::from_str(r#"{"access_token":"a","token_type":"Bearer"}"#).unwrap();
        assert_eq!(issued(&silent, Instant::now()).consent_ends, None);
        assert_eq!(consent_end(SystemTime::now(), u64::MAX), None);
    }

    #[test]
    fn endpoints_hang_under_the_base_path() {
        let client = client_for(&OAuthConfig {
            base_url: "https://api.tatrabanka.sk/sandbox/".parse().unwrap(),
            client_id: "client".to_owned(),
            client_secret: Sensitive("secret".to_owned()),
            redirect_uri: "app.bankbook:/oauth/callback/tatra-banka".to_owned(),
        })
        .unwrap();
        assert_eq!(
            client.token_uri().as_str(),
            "https://api.tatrabanka.sk/sandbox/auth/oauth/v2/token"
        );
        assert_eq!(
            client.auth_uri().as_str(),
            "https://api.tatrabanka.sk/sandbox/auth/oauth/v2/authorize"
        );
    }
}
