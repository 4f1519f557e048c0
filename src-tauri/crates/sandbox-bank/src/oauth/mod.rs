//! The OAuth 2.0 authorization server: the authorize page, its sign-in and consent forms, and
//! the token endpoint (authorization code with PKCE S256, refresh with rotation).

mod authorize;
mod client_auth;
mod consent;
mod grants;
mod rejection;
mod requests;
mod token;

use axum::Router;
use axum::routing::{get, post};
pub use grants::GrantId;
pub(crate) use grants::{BearerRefusal, Grants, Lifetimes, StoredGrant};
#[cfg(feature = "admin")]
pub(crate) use grants::{GrantRecord, Selection};
pub(crate) use rejection::OAuthRejection;
pub(crate) use requests::PendingRequests;

use crate::endpoint::Endpoint;
use crate::state::AppState;

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route(Endpoint::Authorize.path(), get(authorize::authorize))
        .route(Endpoint::SignIn.path(), post(consent::sign_in))
        .route(Endpoint::Consent.path(), post(consent::consent))
        .route(Endpoint::Token.path(), post(token::token))
}

/// The only scope this bank grants: account information.
const SCOPE: &str = "AISP";
