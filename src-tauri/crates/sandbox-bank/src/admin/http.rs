//! The admin interface over HTTP, under `/__admin` (see the crate's README for every call).
//! Not counted and never faulted; bound to loopback like the rest of the bank.

use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::{Date, OffsetDateTime};

use super::{Admin, GrantFilter};
use crate::data::NewTransaction;
use crate::error::Error;
use crate::faults::Fault;
use crate::oauth::GrantId;
use crate::state::AppState;

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/__admin/grants", get(grants))
        .route("/__admin/consents/revoke", post(revoke))
        .route("/__admin/tokens", get(token_digests))
        .route("/__admin/tokens/expire", post(expire))
        .route("/__admin/transactions", post(add_transaction))
        .route("/__admin/transactions/{reference}/book", post(book))
        .route(
            "/__admin/faults",
            post(inject_fault).get(faults).delete(clear_faults),
        )
        .route("/__admin/counters", get(counters).delete(reset_counters))
        .route("/__admin/accounts/{iban}", get(account_snapshot))
        .route("/__admin/accounts/{iban}/entries", get(entries))
        .route(
            "/__admin/accounts/{iban}/balance/shift",
            post(shift_balance),
        )
        .route("/__admin/clock", get(clock))
        .route("/__admin/clock/advance", post(advance_clock))
}

/// A failed admin call: `{"error": "..."}`.
struct AdminError(Error);

impl From<Error> for AdminError {
    fn from(error: Error) -> Self {
        Self(error)
    }
}

impl IntoResponse for AdminError {
    fn into_response(self) -> Response {
        let status = match self.0 {
            Error::UnknownAccount(_) | Error::UnknownPendingEntry(_) => StatusCode::NOT_FOUND,
            Error::InvalidTransaction(_) | Error::InvalidAdminRequest(_) => StatusCode::BAD_REQUEST,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        (status, Json(json!({ "error": self.0.to_string() }))).into_response()
    }
}

type AdminResult<T> = Result<T, AdminError>;

/// A JSON body; an empty one is `T::default()` where that makes sense.
fn body<T: DeserializeOwned>(bytes: &[u8], empty: impl FnOnce() -> Option<T>) -> AdminResult<T> {
    if bytes.iter().all(u8::is_ascii_whitespace)
        && let Some(default) = empty()
    {
        return Ok(default);
    }
    serde_json::from_slice(bytes)
        .map_err(|error| AdminError(Error::InvalidAdminRequest(error.to_string())))
}

/// `{}` (all), `{"grantId": 3}` or `{"username": "jana.novakova"}`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Selector {
    grant_id: Option<GrantId>,
    username: Option<String>,
}

impl TryFrom<Selector> for GrantFilter {
    type Error = AdminError;

    fn try_from(selector: Selector) -> AdminResult<Self> {
        match (selector.grant_id, selector.username) {
            (None, None) => Ok(Self::All),
            (Some(id), None) => Ok(Self::Grant(id)),
            (None, Some(username)) => Ok(Self::User(username)),
            (Some(_), Some(_)) => Err(AdminError(Error::InvalidAdminRequest(
                "name a grantId or a username, not both".into(),
            ))),
        }
    }
}

fn filter(bytes: &[u8]) -> AdminResult<GrantFilter> {
    body::<Selector>(bytes, || Some(Selector::default()))?.try_into()
}

async fn grants(State(state): State<AppState>) -> impl IntoResponse {
    Json(Admin::new(state).grants())
}

async fn token_digests(State(state): State<AppState>) -> impl IntoResponse {
    Json(Admin::new(state).token_digests())
}

async fn revoke(State(state): State<AppState>, bytes: Bytes) -> AdminResult<impl IntoResponse> {
    let revoked = Admin::new(state).revoke_consents(&filter(&bytes)?)?;
    Ok(Json(json!({ "revoked": revoked })))
}

async fn expire(State(state): State<AppState>, bytes: Bytes) -> AdminResult<impl IntoResponse> {
    let expired = Admin::new(state).expire_access_tokens(&filter(&bytes)?)?;
    Ok(Json(json!({ "expired": expired })))
}

async fn add_transaction(
    State(state): State<AppState>,
    bytes: Bytes,
) -> AdminResult<impl IntoResponse> {
    let transaction: NewTransaction = body(&bytes, || None)?;
    let reference = Admin::new(state).add_transaction(transaction)?;
    Ok((
        StatusCode::CREATED,
        Json(json!({ "entryReference": reference })),
    ))
}

async fn book(
    State(state): State<AppState>,
    Path(reference): Path<String>,
) -> AdminResult<impl IntoResponse> {
    Admin::new(state).book_pending(&reference)?;
    Ok(Json(
        json!({ "entryReference": reference, "status": "BOOK" }),
    ))
}

#[derive(Deserialize)]
struct SnapshotQuery {
    /// How many of the newest entry references to list; none by default.
    #[serde(default)]
    entries: usize,
}

async fn account_snapshot(
    State(state): State<AppState>,
    Path(iban): Path<String>,
    Query(query): Query<SnapshotQuery>,
) -> AdminResult<impl IntoResponse> {
    Ok(Json(
        Admin::new(state).account_snapshot(&iban, query.entries)?,
    ))
}

/// `{"amount": "10.00"}`: a signed decimal string.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Shift {
    amount: Decimal,
}

async fn shift_balance(
    State(state): State<AppState>,
    Path(iban): Path<String>,
    bytes: Bytes,
) -> AdminResult<impl IntoResponse> {
    let shift: Shift = body(&bytes, || None)?;
    Admin::new(state).shift_balance(&iban, shift.amount)?;
    Ok(StatusCode::NO_CONTENT)
}

/// `?from=YYYY-MM-DD&to=YYYY-MM-DD`, both inclusive, either left out.
#[derive(Deserialize)]
struct EntriesQuery {
    from: Option<String>,
    to: Option<String>,
}

async fn entries(
    State(state): State<AppState>,
    Path(iban): Path<String>,
    Query(query): Query<EntriesQuery>,
) -> AdminResult<impl IntoResponse> {
    let from = query.from.as_deref().map(iso_date).transpose()?;
    let to = query.to.as_deref().map(iso_date).transpose()?;
    Ok(Json(Admin::new(state).entries(&iban, from, to)?))
}

fn iso_date(text: &str) -> AdminResult<Date> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(text, format).map_err(|error| {
        AdminError(Error::InvalidAdminRequest(format!(
            "{text:?} is no YYYY-MM-DD date: {error}"
        )))
    })
}

async fn inject_fault(
    State(state): State<AppState>,
    bytes: Bytes,
) -> AdminResult<impl IntoResponse> {
    let fault: Fault = body(&bytes, || None)?;
    let id = Admin::new(state).inject_fault(fault);
    Ok((StatusCode::CREATED, Json(json!({ "id": id }))))
}

async fn faults(State(state): State<AppState>) -> impl IntoResponse {
    Json(Admin::new(state).faults())
}

async fn clear_faults(State(state): State<AppState>) -> StatusCode {
    Admin::new(state).clear_faults();
    StatusCode::NO_CONTENT
}

async fn counters(State(state): State<AppState>) -> impl IntoResponse {
    Json(Admin::new(state).counters())
}

async fn reset_counters(State(state): State<AppState>) -> StatusCode {
    Admin::new(state).reset_counters();
    StatusCode::NO_CONTENT
}

#[derive(Serialize)]
struct Now {
    #[serde(with = "time::serde::rfc3339")]
    now: OffsetDateTime,
}

async fn clock(State(state): State<AppState>) -> impl IntoResponse {
    Json(Now {
        now: Admin::new(state).now(),
    })
}

/// `{"seconds": 660}`
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Advance {
    seconds: u64,
}

async fn advance_clock(
    State(state): State<AppState>,
    bytes: Bytes,
) -> AdminResult<impl IntoResponse> {
    let advance: Advance = body(&bytes, || None)?;
    let admin = Admin::new(state);
    admin.advance_clock(Duration::from_secs(advance.seconds))?;
    Ok(Json(Now { now: admin.now() }))
}
