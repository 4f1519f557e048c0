//! A bank that misbehaves: bursts of 5xx, 429 with Retry-After, broken bodies, the nightly
//! break, an answer too slow to wait for. Bounded retries, and clear errors past them.

use std::time::Duration;

use bank::{Error, Timeouts};
use sandbox_bank::{Config, Endpoint, Fault, FaultKind};

use crate::common::Connection;

async fn connected() -> (Connection, bank::Session<vault::Vault>) {
    let connection = Connection::start().await;
    let session = connection.connect(&connection.ibans()).await;
    connection.bank.admin().reset_counters();
    (connection, session)
}

fn inject(connection: &Connection, kind: FaultKind, times: u32) {
    connection
        .bank
        .admin()
        .inject_fault(Fault::new(kind).on(Endpoint::Accounts).times(times));
}

fn account_requests(connection: &Connection) -> u64 {
    connection
        .bank
        .admin()
        .counters()
        .requests(Endpoint::Accounts)
}

#[tokio::test]
async fn a_short_burst_of_5xx_is_retried_away() {
    let (connection, session) = connected().await;
    inject(&connection, FaultKind::ServerError, 1);
    inject(&connection, FaultKind::ServiceUnavailable, 1);

    assert_eq!(session.accounts().await.unwrap().len(), 3);
    assert_eq!(account_requests(&connection), 3);
}

#[tokio::test]
async fn a_long_outage_is_reported_after_a_bounded_number_of_tries() {
    let (connection, session) = connected().await;
    inject(&connection, FaultKind::ServerError, 10);

    let outcome = session.accounts().await;

    assert!(
        matches!(outcome, Err(Error::BankUnavailable { status: 500, .. })),
        "{outcome:?}"
    );
    assert_eq!(account_requests(&connection), 3);
}

#[tokio::test]
async fn a_short_retry_after_is_waited_out() {
    let (connection, session) = connected().await;
    inject(
        &connection,
        FaultKind::RateLimited {
            retry_after_seconds: 1,
        },
        1,
    );

    assert_eq!(session.accounts().await.unwrap().len(), 3);
    assert_eq!(account_requests(&connection), 2);
}

#[tokio::test]
async fn a_long_retry_after_is_handed_to_the_caller_at_once() {
    let (connection, session) = connected().await;
    let throttled = FaultKind::RateLimited {
        retry_after_seconds: 120,
    };
    inject(&connection, throttled, 1);

    let outcome = session.accounts().await;

    let Err(error @ Error::RateLimited { .. }) = outcome else {
        panic!("{outcome:?}");
    };
    assert_eq!(error.retry_after(), Some(Duration::from_mins(2)));
    assert_eq!(
        account_requests(&connection),
        1,
        "no retry before the bank's time"
    );
}

#[tokio::test]
async fn the_nightly_break_is_reported_with_when_to_come_back_and_not_retried() {
    let (connection, session) = connected().await;
    inject(&connection, FaultKind::TechnicalBreak, 10);

    let outcome = session.accounts().await;

    let Err(error @ Error::BankUnavailable { status: 503, .. }) = outcome else {
        panic!("{outcome:?}");
    };
    assert!(error.retry_after().is_some(), "{error:?}");
    assert_eq!(
        account_requests(&connection),
        1,
        "not retried before the break ends"
    );
}

#[tokio::test]
async fn a_malformed_body_is_an_error_naming_the_endpoint() {
    let (connection, session) = connected().await;
    inject(&connection, FaultKind::MalformedJson, 1);

    let outcome = session.accounts().await;

    assert!(
        matches!(
            outcome,
            Err(Error::Malformed {
                endpoint: "accounts",
                ..
            })
        ),
        "{outcome:?}"
    );
}

#[tokio::test]
async fn an_html_page_instead_of_json_is_malformed() {
    let (connection, session) = connected().await;
    inject(&connection, FaultKind::WrongContentType, 1);

    let outcome = session.accounts().await;

    assert!(
        matches!(outcome, Err(Error::Malformed { .. })),
        "{outcome:?}"
    );
}

#[tokio::test]
async fn a_truncated_body_is_retried() {
    let (connection, session) = connected().await;
    inject(&connection, FaultKind::TruncatedBody, 1);

    assert_eq!(session.accounts().await.unwrap().len(), 3);
    assert_eq!(account_requests(&connection), 2);
}

#[tokio::test]
async fn an_answer_slower_than_the_timeout_is_a_network_error() {
    let timeouts = Timeouts {
        connect: Duration::from_secs(1),
        request: Duration::from_millis(300),
    };
    let connection =
        Connection::with(Config::default().transactions_per_account(10), timeouts).await;
    let session = connection.connect(&connection.ibans()).await;
    inject(&connection, FaultKind::Latency { millis: 2_000 }, 3);

    let outcome = session.accounts().await;

    assert!(matches!(outcome, Err(Error::Timeout { .. })), "{outcome:?}");
    assert_eq!(account_requests(&connection), 1, "a timeout is not retried");
}
