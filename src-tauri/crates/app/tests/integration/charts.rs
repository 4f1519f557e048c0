//! The charts' sums against the Demo Bank's own: each month's money in and out equals what the
//! bank lists for that month, and the balance rebuilt backwards ends on the bank's balance and
//! starts at the account's opening deposit.

// Test code: its helpers unwrap as the tests do.
#![cfg(test)]

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::common::{DEMO, DemoBankAdmin, Setup, with_whole_history};

fn decimal(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

/// `YYYY-MM-DD` of the last day of `YYYY-MM`.
fn last_day_of(month: &str) -> String {
    let (year, number) = month.split_once('-').unwrap();
    let year: i32 = year.parse().unwrap();
    let number = time::Month::try_from(number.parse::<u8>().unwrap()).unwrap();
    let days = time::util::days_in_month(number, year);
    format!("{month}-{days:02}")
}

#[tokio::test]
async fn the_charts_sums_equal_the_banks_own_for_each_month() {
    let (app, ibans) = with_whole_history(&Setup::new(400, 2)).await;
    // The booked balance to rebuild from.
    app.core.refresh_bank(DEMO.to_owned(), false).await.unwrap();
    let bank = DemoBankAdmin::of(&app);
    for iban in &ibans {
        let charts = app.core.charts(iban.clone()).await.unwrap();
        assert_eq!(charts.months.len(), 12);
        let today = charts.balances.last().unwrap().date.clone();
        let mut months_with_entries = 0;
        for month in &charts.months {
            let from = format!("{}-01", month.month);
            let to = last_day_of(&month.month).min(today.clone());
            let (mut incoming, mut outgoing) = (Decimal::ZERO, Decimal::ZERO);
            let listed = if from <= today {
                bank.entries(iban, &from, &to).await
            } else {
                Vec::new()
            };
            for entry in listed.iter().filter(|entry| entry["status"] == "BOOK") {
                let amount = decimal(entry["amount"].as_str().unwrap());
                if amount.is_sign_negative() {
                    outgoing -= amount;
                } else {
                    incoming += amount;
                }
            }
            months_with_entries += usize::from(!listed.is_empty());
            assert_eq!(
                (decimal(&month.incoming), decimal(&month.outgoing)),
                (incoming, outgoing),
                "{}",
                month.month
            );
        }
        assert!(months_with_entries >= 4, "{months_with_entries}");

        let last = charts.balances.last().unwrap().balance.as_deref().unwrap();
        assert_eq!(decimal(last), decimal(&bank.booked(iban).await));
        let first_known = charts
            .balances
            .iter()
            .position(|day| day.balance.is_some())
            .unwrap();
        assert!(first_known > 0, "the year before the account is a gap");
        assert!(
            charts.balances[first_known..]
                .iter()
                .all(|day| day.balance.is_some())
        );
        let opening = decimal(charts.balances[first_known].balance.as_deref().unwrap());
        assert!(
            opening.is_sign_positive(),
            "from an opening deposit: {opening}"
        );
    }
}
