//! The bank's routes. The contract's endpoints (OAuth and the API) are always there; with the
//! `admin` feature a front door in front of them counts requests and applies faults, and the
//! admin routes are added after it (so it never touches them). Without the feature there is no
//! `/__admin` route at all: it answers 404 like any unknown path. Outermost, every request,
//! admin and unknown paths included, must name the bank by its own address (`host`).

use axum::Router;
use axum::middleware;
#[cfg(feature = "admin")]
use axum::{
    extract::{Request, State},
    middleware::Next,
    response::Response,
};

use crate::host::{self, OwnHost};
use crate::state::AppState;
#[cfg(feature = "admin")]
use crate::{admin, endpoint::Endpoint, faults, sync::lock};
use crate::{api, oauth};

pub(crate) fn router(state: AppState, own_host: OwnHost) -> Router {
    let routes = contract();
    #[cfg(feature = "admin")]
    let routes = routes
        .layer(middleware::from_fn_with_state(state.clone(), front_door))
        .merge(admin::routes());
    serve(routes, state, own_host)
}

/// The contract's endpoints: all the bank serves without the `admin` feature.
fn contract() -> Router<AppState> {
    Router::new().merge(oauth::routes()).merge(api::routes())
}

/// `routes` behind the Host check, with the bank's state.
fn serve(routes: Router<AppState>, state: AppState, own_host: OwnHost) -> Router {
    routes
        .layer(middleware::from_fn_with_state(
            own_host,
            host::only_own_host,
        ))
        .with_state(state)
}

#[cfg(feature = "admin")]
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

#[cfg(test)]
mod tests {
    use std::future::IntoFuture;
    use std::net::Ipv4Addr;
    use std::sync::Arc;

    use axum::http::StatusCode;
    use tokio::net::TcpListener;

    use super::*;
    use crate::clock::Clock;
    use crate::config::Config;
    use crate::data::Bank;
    use crate::oauth::Grants;
    use crate::state::Shared;

    /// Serves `routes` on a free loopback port, as `SandboxBank::start` does; returns the base
    /// URL.
    async fn serve_on_loopback(routes: Router<AppState>) -> String {
        let config = Config::default().transactions_per_account(10);
        let clock = Clock::default();
        let bank = Bank::generate(&config, clock.today());
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await.unwrap();
        let address = listener.local_addr().unwrap();
        let base_url = format!("http://{address}");
        let grants = Grants::default();
        let state: AppState = Arc::new(Shared::new(config, clock, bank, grants, &base_url));
        let app = serve(routes, state, OwnHost::of(address));
        tokio::spawn(axum::serve(listener, app).into_future());
        base_url
    }

    /// What a build without the `admin` feature serves (`router` adds nothing else then): the
    /// admin paths are unknown there. This runs in every build, so it runs in the workspace's
    /// tests too, where the feature is on.
    #[tokio::test]
    async fn without_the_admin_feature_the_admin_interface_is_not_there() {
        let base = serve_on_loopback(contract()).await;
        let http = reqwest::Client::new();
        for path in ["/__admin/clock", "/__admin/counters", "/__admin/grants"] {
            let answer = http.get(format!("{base}{path}")).send().await.unwrap();
            assert_eq!(answer.status(), StatusCode::NOT_FOUND, "{path}");
        }
        let answer = http
            .post(format!("{base}/__admin/clock/advance"))
            .json(&serde_json::json!({ "seconds": 60 }))
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), StatusCode::NOT_FOUND);
        let sign_in = http
            .get(format!("{base}/auth/oauth/v2/authorize"))
            .send()
            .await
            .unwrap();
        assert_eq!(
            sign_in.status(),
            StatusCode::BAD_REQUEST,
            "the contract is served (an authorize request without a client is refused)"
        );
    }
}
