//! The account-information API: accounts, balances and transactions of the consented accounts.

mod accounts;
mod call;
mod information;
mod paging;
mod rejection;
mod transactions;
mod wire;

use axum::Router;
use axum::routing::{get, post};

pub(crate) use rejection::ApiRejection;

use crate::endpoint::Endpoint;
use crate::state::AppState;

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route(Endpoint::Accounts.path(), get(accounts::accounts))
        .route(Endpoint::Information.path(), post(information::information))
        .route(
            Endpoint::Transactions.path(),
            post(transactions::transactions),
        )
}
