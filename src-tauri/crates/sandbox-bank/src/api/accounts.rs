//! `GET /api/v1/accounts?page&pageSize&order=asc|desc`: the consented accounts, in the order
//! they were opened (`asc`, the default) or the reverse.

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::response::Response;

use super::ApiRejection;
use super::call::DataCall;
use super::paging::{beyond_last, page_request};
use super::wire::{AccountJson, AccountsJson, PageJson};
use crate::data::{Account, page};
use crate::form::FormFields;
use crate::state::AppState;

pub(super) async fn accounts(
    State(state): State<AppState>,
    call: DataCall,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiRejection> {
    let query = FormFields::parse(query.as_deref().unwrap_or_default().as_bytes());
    let request = page_request(
        whole_number(&query, "page")?,
        whole_number(&query, "pageSize")?,
    )?;
    let descending = match query.single("order") {
        Ok(None | Some("asc")) => false,
        Ok(Some("desc")) => true,
        _ => return Err(ApiRejection::parameter("order must be asc or desc.")),
    };
    let mut consented: Vec<&Account> = call
        .accounts
        .iter()
        .filter_map(|iban| state.bank.account(iban))
        .collect();
    if descending {
        consented.reverse();
    }
    let listed = page(consented.len() as u64, request, |index| index).map_err(beyond_last)?;
    let body = PageJson::new(listed, |indices| AccountsJson {
        accounts: indices
            .into_iter()
            .filter_map(|index| {
                usize::try_from(index)
                    .ok()
                    .and_then(|index| consented.get(index))
            })
            .map(|account| AccountJson::listed(account))
            .collect(),
    });
    Ok(call.respond(Json(body)))
}

fn whole_number(query: &FormFields, name: &str) -> Result<Option<u32>, ApiRejection> {
    let text = query
        .single(name)
        .map_err(|_| ApiRejection::parameter(format!("{name} is repeated.")))?;
    text.map(|text| {
        text.parse()
            .map_err(|_| ApiRejection::parameter(format!("{name} must be a whole number.")))
    })
    .transpose()
}
