//! The sign-in and consent forms of the authorize page.
//!
//! Both carry the authorization request's id as the hidden field `request_id`: a form acts only
//! on a live request this bank opened, and the consent form only after a sign-in on it.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use super::authorize::redirect_to_client;
use super::grants::CodeBinding;
use crate::consent_page::{self, AccountChoice, Asking};
use crate::data::UserId;
use crate::form::FormFields;
use crate::state::{AppState, Shared};
use crate::sync::lock;

/// Seconds in a day, to show the consent's lifetime in days.
const DAY: u64 = 86_400;

pub(super) fn asking(state: &Shared) -> Asking<'_> {
    Asking {
        client_name: &state.client.name,
        consent_days: state.lifetimes.consent.as_secs() / DAY,
    }
}

/// `POST /auth/oauth/v2/authorize/sign-in`: `request_id`, `username`, `password`.
pub(super) async fn sign_in(State(state): State<AppState>, body: Bytes) -> Response {
    let form = FormFields::parse(&body);
    let field = |name| form.single(name).ok().flatten().unwrap_or_default();
    let request_id = field("request_id");
    let now = state.clock.now();
    let mut books = lock(&state.oauth);
    let Some(request) = books.requests.get_mut(request_id, now) else {
        return expired();
    };
    match state.bank.sign_in(field("username"), field("password")) {
        None => consent_page::sign_in(
            asking(&state),
            request_id,
            Some("The username or password is wrong."),
        ),
        Some(user) => {
            request.user = Some(user);
            consent_form(&state, request_id, user, None)
        }
    }
}

/// `POST /auth/oauth/v2/authorize/consent`: `request_id`, `account` (repeated), `decision`.
pub(super) async fn consent(State(state): State<AppState>, body: Bytes) -> Response {
    let form = FormFields::parse(&body);
    let request_id = form.single("request_id").ok().flatten().unwrap_or_default();
    let now = state.clock.now();
    let mut books = lock(&state.oauth);
    let Some(user) = books
        .requests
        .get_mut(request_id, now)
        .and_then(|request| request.user)
    else {
        return expired();
    };
    match form.single("decision") {
        Ok(Some("deny")) => {
            let client_state = books
                .requests
                .close(request_id, now)
                .and_then(|request| request.state);
            let mut params = vec![
                ("error", "access_denied"),
                ("error_description", "The user denied access."),
            ];
            params.extend(
                client_state
                    .as_deref()
                    .map(|client_state| ("state", client_state)),
            );
            redirect_to_client(&state, &params)
        }
        Ok(Some("approve")) => {
            let ticked: Vec<&str> = form.all("account").collect();
            let owned: Vec<String> = state
                .bank
                .accounts_of(user)
                .filter(|account| ticked.contains(&account.iban.as_str()))
                .map(|account| account.iban.clone())
                .collect();
            if ticked
                .iter()
                .any(|iban| !owned.iter().any(|own| own == iban))
            {
                return consent_page::error(
                    StatusCode::BAD_REQUEST,
                    "Unknown account",
                    "An account you ticked is not one of yours.",
                );
            }
            if owned.is_empty() {
                return consent_form(
                    &state,
                    request_id,
                    user,
                    Some("Tick at least one account, or choose Deny."),
                );
            }
            let Some(request) = books.requests.close(request_id, now) else {
                return expired();
            };
            let binding = CodeBinding {
                client_id: request.client_id,
                redirect_uri: request.redirect_uri,
                code_challenge: request.code_challenge,
                user,
                accounts: owned,
            };
            let code = books.grants.issue_code(binding, now);
            let mut params = vec![("code", code.as_str())];
            params.extend(
                request
                    .state
                    .as_deref()
                    .map(|client_state| ("state", client_state)),
            );
            redirect_to_client(&state, &params)
        }
        _ => consent_page::error(
            StatusCode::BAD_REQUEST,
            "No decision",
            "Choose Approve or Deny.",
        ),
    }
}

fn consent_form(state: &Shared, request_id: &str, user: UserId, problem: Option<&str>) -> Response {
    let accounts: Vec<AccountChoice<'_>> = state
        .bank
        .accounts_of(user)
        .map(|account| AccountChoice {
            iban: &account.iban,
            name: &account.name,
            product: account.kind.product(),
        })
        .collect();
    consent_page::consent(
        asking(state),
        request_id,
        state.bank.user(user).full_name,
        &accounts,
        problem,
    )
}

fn expired() -> Response {
    consent_page::error(
        StatusCode::BAD_REQUEST,
        "This sign-in has expired",
        "The request is unknown, already decided, not signed in, or older than ten minutes.",
    )
}
