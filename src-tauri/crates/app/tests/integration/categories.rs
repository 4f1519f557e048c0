//! Categories against the Demo Bank over loopback: what the bank sends is categorised as it is
//! stored; a category chosen by hand outlives refreshes and the booking of a card hold; a
//! rule's preview lists exactly what saving it changes; the CSV export has the category.

// Test code: its helpers unwrap as the tests do.
#![cfg(test)]

use std::collections::BTreeMap;

use app::{Direction, RuleConditions, SearchQuery};

use crate::common::{App, DEMO, DemoBankAdmin, Setup};

/// Each stored entry's category, by reference.
fn categories_of(app: &App, iban: &str) -> BTreeMap<String, Option<i64>> {
    app.stored_entries(iban)
        .into_iter()
        .map(|entry| (entry.record.entry_reference, entry.category_id))
        .collect()
}

/// Adds the person's category; its id.
async fn add_category(app: &App, name: &str, colour: &str) -> u32 {
    let settings = app
        .core
        .add_category(name.to_owned(), colour.to_owned())
        .await;
    settings.unwrap().categories.last().unwrap().id
}

async fn category_id(app: &App, key: &str) -> u32 {
    let settings = app.core.category_settings().await.unwrap();
    let found = settings
        .categories
        .iter()
        .find(|c| c.key.as_deref() == Some(key));
    found.unwrap().id
}

#[tokio::test]
async fn the_demo_banks_history_is_categorised_as_it_is_stored() {
    let mut app = App::new(&Setup::new(300, 2));
    let ibans = app.connect().await;
    app.core.refresh_bank(DEMO.to_owned(), false).await.unwrap();
    let entries = app.stored_entries(&ibans[0]);
    assert!(!entries.is_empty());
    assert!(entries.iter().all(|entry| entry.category_id.is_some()));
    let other = i64::from(category_id(&app, "other").await);
    let decided = entries
        .iter()
        .filter(|e| e.category_id != Some(other))
        .count();
    // Shops, bills, cash, pay and the savings transfers are known; friends are "other".
    assert!(
        decided * 10 >= entries.len() * 7,
        "{decided} of {}",
        entries.len()
    );
}

#[tokio::test]
async fn a_chosen_category_outlives_refreshes_and_the_booking_of_a_hold() {
    let mut app = App::new(&Setup::new(40, 1));
    let iban = app.connect().await.remove(0);
    app.core.refresh_bank(DEMO.to_owned(), false).await.unwrap();
    let bank = DemoBankAdmin::of(&app);
    let hold = bank
        .add_entry_as(&iban, "-18.90", "LIDL Ruzinov", "INFO")
        .await;
    app.core.refresh_bank(DEMO.to_owned(), false).await.unwrap();
    let groceries = i64::from(category_id(&app, "groceries").await);
    assert_eq!(categories_of(&app, &iban)[&hold], Some(groceries));

    let gifts = add_category(&app, "Gifts", "#aa3377").await;
    app.core
        .choose_category(iban.clone(), hold.clone(), Some(gifts))
        .await
        .unwrap();
    app.core.refresh_bank(DEMO.to_owned(), false).await.unwrap();
    bank.book(&hold).await;
    app.core.refresh_bank(DEMO.to_owned(), false).await.unwrap();

    let booked = app
        .stored_entries(&iban)
        .into_iter()
        .find(|entry| entry.record.entry_reference == hold)
        .unwrap();
    assert!(!booked.record.pending, "the hold booked");
    assert_eq!(booked.category_id, Some(i64::from(gifts)));
    let detail = app
        .core
        .transaction_detail(iban.clone(), hold.clone())
        .await
        .unwrap();
    assert!(detail.category_chosen);
    assert_eq!(detail.transaction.category_id, Some(gifts));

    // Taken back, the rules decide again.
    app.core
        .choose_category(iban.clone(), hold.clone(), None)
        .await
        .unwrap();
    assert_eq!(categories_of(&app, &iban)[&hold], Some(groceries));
}

#[tokio::test]
async fn a_rules_preview_lists_exactly_what_saving_it_changes() {
    let mut app = App::new(&Setup::new(300, 1));
    let iban = app.connect().await.remove(0);
    app.core.refresh_bank(DEMO.to_owned(), false).await.unwrap();
    let weekly_shop = add_category(&app, "Weekly shop", "#117733").await;
    let conditions = RuleConditions {
        counterparty: "lidl".to_owned(),
        max_amount: "30".to_owned(),
        direction: Direction::Outgoing,
        ..RuleConditions::default()
    };
    let preview = app
        .core
        .preview_rule(weekly_shop, conditions.clone())
        .await
        .unwrap();
    assert!(
        preview.count > 0,
        "the Demo Bank's year has small LIDL payments"
    );
    let before = categories_of(&app, &iban);
    let saved = app
        .core
        .save_rule(weekly_shop, conditions, true)
        .await
        .unwrap();
    let after = categories_of(&app, &iban);
    let changed: Vec<&String> = before
        .iter()
        .filter(|(reference, category)| after[*reference] != **category)
        .map(|(reference, _)| reference)
        .collect();
    assert_eq!(saved.changed, preview.count);
    assert_eq!(u32::try_from(changed.len()).unwrap(), preview.count);
    for change in &preview.sample {
        assert!(changed.contains(&&change.id), "{change:?}");
        assert_eq!(after[&change.id], Some(i64::from(weekly_shop)));
    }
    assert_eq!(saved.settings.rules.len(), 1);

    // The search filter finds what the rule gave the category, and no more.
    let found = app
        .core
        .search_summary(SearchQuery {
            category_id: Some(weekly_shop),
            ..SearchQuery::default()
        })
        .await
        .unwrap();
    assert_eq!(found.count, preview.count);
}
