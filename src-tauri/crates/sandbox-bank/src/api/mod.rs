//! The account-information API: accounts, balances and transactions of the consented accounts.

mod accounts;
mod budget;
mod call;
mod information;
mod paging;
mod rejection;
mod transactions;
mod wire;

use axum::Router;
use axum::routing::{get, post};

pub(crate) use budget::UnattendedReads;
pub use budget::{Resource, UNATTENDED_READS_PER_DAY};
pub use call::PsuHeaders;
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
