//! `POST /api/v1/accounts/transactions`: a page of an account's history, newest first.

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;
use time::Date;
use time::macros::format_description;

use super::call::{DataCall, JsonBody};
use super::information::consented_account;
use super::paging::{beyond_last, page_request};
use super::wire::{PageJson, TransactionJson, TransactionsJson};
use super::{ApiRejection, Resource};
use crate::data::{HistoryFilter, StatusFilter};
use crate::state::AppState;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct TransactionsRequest {
    iban: String,
    status: Option<String>,
    date_from: Option<String>,
    date_to: Option<String>,
    page: Option<u32>,
    page_size: Option<u32>,
}

pub(super) async fn transactions(
    State(state): State<AppState>,
    call: DataCall,
    JsonBody(request): JsonBody<TransactionsRequest>,
) -> Result<Response, ApiRejection> {
    let filter = history_filter(&request)?;
    let page_request = page_request(request.page, request.page_size)?;
    let account = consented_account(&state, &call, &request.iban)?;
    // Paging on through a listing is the same read.
    if page_request.number == 1 {
        call.count_read(&state, &account.iban, Resource::Transactions)?;
    }
    let page = account
        .history_page(&filter, page_request)
        .map_err(beyond_last)?;
    let body = PageJson::new(page, |entries| TransactionsJson {
        transactions: entries.into_iter().map(TransactionJson::from).collect(),
    });
    Ok(call.respond(Json(body)))
}

/// `status` (ALL, BOOK or INFO; ALL when absent) and the inclusive `dateFrom`/`dateTo`.
fn history_filter(request: &TransactionsRequest) -> Result<HistoryFilter, ApiRejection> {
    let status = match request.status.as_deref() {
        None | Some("ALL") => StatusFilter::All,
        Some("BOOK") => StatusFilter::Booked,
        Some("INFO") => StatusFilter::Pending,
        Some(_) => return Err(ApiRejection::parameter("status must be ALL, BOOK or INFO.")),
    };
    let from = parse_date(request.date_from.as_deref(), "dateFrom")?;
    let to = parse_date(request.date_to.as_deref(), "dateTo")?;
    if from.zip(to).is_some_and(|(from, to)| from > to) {
        return Err(ApiRejection::parameter("dateFrom is after dateTo."));
    }
    Ok(HistoryFilter { status, from, to })
}

fn parse_date(text: Option<&str>, name: &str) -> Result<Option<Date>, ApiRejection> {
    text.map(|text| {
        Date::parse(text, format_description!("[year]-[month]-[day]"))
            .map_err(|_| ApiRejection::parameter(format!("{name} must be a date as YYYY-MM-DD.")))
    })
    .transpose()
}
