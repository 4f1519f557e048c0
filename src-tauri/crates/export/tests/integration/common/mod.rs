//! Rows for the export tests.

#![allow(clippy::unwrap_used, reason = "the helpers unwrap as tests do")]

use std::fs;
use std::path::Path;
use std::str::FromStr;

use export::ExportRow;
use rust_decimal::Decimal;
use time::Date;
use time::macros::date;

pub const CURRENT: &str = "SK3111000000002612637541";
pub const SAVINGS: &str = "SK8975000000000012345671";

/// A booked payment out with every field filled.
pub fn row(number: u32) -> ExportRow {
    ExportRow {
        account_iban: CURRENT.to_owned(),
        account_name: Some("Current account".to_owned()),
        date: date!(2026 - 04 - 15),
        booking_date: Some(date!(2026 - 04 - 15)),
        value_date: Some(date!(2026 - 04 - 14)),
        pending: false,
        amount: decimal("-89.90"),
        currency: "EUR".to_owned(),
        category: Some("Shopping".to_owned()),
        counterparty_name: Some("Example Shop s.r.o.".to_owned()),
        counterparty_iban: Some("SK89 7500 0000 0000 1234 5671".to_owned()),
        description: Some(format!("Invoice {number}")),
        bank_note: Some("SEPA transfer".to_owned()),
        variable_symbol: Some("20260001".to_owned()),
        specific_symbol: None,
        constant_symbol: Some("0308".to_owned()),
        end_to_end_reference: Some("/VS20260001/SS/KS0308".to_owned()),
        bank_transaction_code: Some("PMNT-ICDT-ESCT".to_owned()),
        entry_reference: format!("TB-{number:010}"),
    }
}

/// An entry with nothing but what every entry has.
pub fn bare_row(number: u32, amount: &str, day: Date) -> ExportRow {
    ExportRow {
        account_iban: CURRENT.to_owned(),
        account_name: None,
        date: day,
        booking_date: None,
        value_date: None,
        pending: true,
        amount: decimal(amount),
        currency: "EUR".to_owned(),
        category: None,
        counterparty_name: None,
        counterparty_iban: None,
        description: None,
        bank_note: None,
        variable_symbol: None,
        specific_symbol: None,
        constant_symbol: None,
        end_to_end_reference: None,
        bank_transaction_code: None,
        entry_reference: format!("P-{number}"),
    }
}

pub fn decimal(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

/// The names in `folder`, sorted.
pub fn names(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Rows that cannot fail, as the store's pages would give them.
pub fn ok_rows(rows: Vec<ExportRow>) -> impl Iterator<Item = Result<ExportRow, std::io::Error>> {
    rows.into_iter().map(Ok)
}
