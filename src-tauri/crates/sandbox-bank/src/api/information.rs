//! `POST /api/v1/accounts/information` with `{"iban"}`: the account and its balances.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::call::{DataCall, JsonBody};
use super::wire::InformationJson;
use super::{ApiRejection, Resource};
use crate::clock::bratislava;
use crate::data::Account;
use crate::state::{AppState, Shared};

#[derive(Debug, Deserialize)]
pub(super) struct InformationRequest {
    iban: String,
}

pub(super) async fn information(
    State(state): State<AppState>,
    call: DataCall,
    JsonBody(request): JsonBody<InformationRequest>,
) -> Result<Response, ApiRejection> {
    let account = consented_account(&state, &call, &request.iban)?;
    call.count_read(&state, &account.iban, Resource::Balances)?;
    let body = InformationJson::new(account, account.balances(), bratislava(state.clock.now()));
    Ok(call.respond(Json(body)))
}

/// The account, if the consent covers it. Any other IBAN, whether this bank has it or not, is
/// 404 `ACCOUNT_NOT_FOUND`: a client learns nothing about accounts outside its consent.
pub(super) fn consented_account<'a>(
    state: &'a Shared,
    call: &DataCall,
    iban: &str,
) -> Result<&'a Account, ApiRejection> {
    let compact: String = iban
        .chars()
        .filter(|character| !character.is_whitespace())
        .collect();
    call.may_see(&compact)
        .then(|| state.bank.account(&compact))
        .flatten()
        .ok_or_else(|| {
            ApiRejection::new(
                StatusCode::NOT_FOUND,
                "ACCOUNT_NOT_FOUND",
                "No account with this IBAN is covered by the consent.",
            )
        })
}
