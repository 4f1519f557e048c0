//! A bank endpoint that answers with a redirect is not followed (RFC 9700 §4.11): the bearer
//! token must never be sent anywhere but the bank's own API.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use bank::{AccessToken, BankApi, Error, Timeouts, http_client};
use url::Url;

#[tokio::test]
async fn a_redirect_from_the_api_is_an_error_and_is_not_followed() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let elsewhere_hits = Arc::new(AtomicU32::new(0));
    let hits = elsewhere_hits.clone();
    let target = format!("{base}/elsewhere");
    let app = Router::new()
        .route(
            "/api/v1/accounts",
            get(move || {
                let target = target.clone();
                async move { (StatusCode::FOUND, [(header::LOCATION, target)]).into_response() }
            }),
        )
        .route(
            "/elsewhere",
            get(move || {
                hits.fetch_add(1, Ordering::SeqCst);
                async { "{}" }
            }),
        );
    tokio::spawn(async move { axum::serve(listener, app).await });

    let url = Url::parse(&base).unwrap();
    let api = BankApi::new(
        url.clone(),
        http_client(&url, None, Timeouts::default()).unwrap(),
    )
    .unwrap();
    let outcome = api
        .accounts_page(&AccessToken::new("bearer-secret".to_owned()), 1)
        .await;

    assert!(
        matches!(outcome, Err(Error::Rejected { status: 302, .. })),
        "{outcome:?}"
    );
    assert_eq!(elsewhere_hits.load(Ordering::SeqCst), 0);
}
