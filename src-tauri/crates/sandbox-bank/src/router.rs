//! The bank's routes, with the front door that counts requests and applies faults to every
//! public endpoint (the admin routes are added after it, so it never touches them).

use axum::Router;
use axum::extract::{Request, State};
use axum::middleware::{self, Next};
use axum::response::Response;

use crate::endpoint::Endpoint;
use crate::state::AppState;
use crate::sync::lock;
use crate::{admin, api, faults, oauth};

pub(crate) fn router(state: AppState) -> Router {
    Router::new()
        .merge(oauth::routes())
        .merge(api::routes())
        .layer(middleware::from_fn_with_state(state.clone(), front_door))
        .merge(admin::routes())
        .with_state(state)
}

async fn front_door(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let Some(endpoint) = Endpoint::from_path(request.uri().path()) else {
        return next.run(request).await;
    };
    lock(&state.counters).count_request(endpoint);
    let now = state.clock.now();
    let hit = lock(&state.faults).take(endpoint, now);
    match hit {
        None => next.run(request).await,
        Some(hit) => {
            tracing::debug!(endpoint = endpoint.path(), kind = ?hit.kind, "fault injected");
            faults::apply(hit, endpoint.family(), now, request, next).await
        }
    }
}
