//! One account with a million entries: the first, a middle and the last page, and a date range
//! deep in the past, served without walking the history.

use sandbox_bank::{Config, MAX_TRANSACTIONS_PER_ACCOUNT};
use serde_json::json;

use crate::common::Harness;

#[tokio::test]
async fn a_million_entries_page_from_both_ends_and_filter_by_date() {
    let config = Config::default()
        .transactions_per_account(MAX_TRANSACTIONS_PER_ACCOUNT)
        .history_end(time::macros::date!(2026 - 05 - 14));
    let harness = Harness::with(config).await;
    let tokens = harness.connect(&harness.ibans()[..1]).await;
    let iban = harness.ibans()[0].clone();

    let first = harness
        .page(
            &tokens.access_token,
            &json!({ "iban": iban, "pageSize": 100 }),
        )
        .await;
    assert_eq!((first.page_count, first.next_page), (10_000, Some(2)));
    let last = harness
        .page(
            &tokens.access_token,
            &json!({ "iban": iban, "pageSize": 100, "page": 10_000 }),
        )
        .await;
    assert_eq!((last.transactions.len(), last.next_page), (100, None));
    let oldest = last.transactions.last().unwrap();
    assert!(
        oldest.entry_reference.ends_with("0000000"),
        "the opening entry is the oldest"
    );
    assert!(oldest.date() < "2017-01-01", "ten years of history");

    let range =
        json!({ "iban": iban, "dateFrom": "2020-02-29", "dateTo": "2020-02-29", "pageSize": 100 });
    let day = harness.all_pages(&tokens.access_token, &range).await;
    assert!(
        (250..=300).contains(&day.len()),
        "about 274 entries a day: {}",
        day.len()
    );
    assert!(day.iter().all(|entry| entry.date() == "2020-02-29"));
}
