//! What other crates' tests and benchmarks build stores from (the `test-support` feature).

use rust_decimal::Decimal;
use time::Date;

use crate::EntryRecord;

/// A booked entry of `amount` with `counterparty` on `date`, with nothing else the bank may
/// send.
pub fn booked_entry(
    reference: &str,
    date: Date,
    amount: Decimal,
    counterparty: &str,
) -> EntryRecord {
    EntryRecord {
        entry_reference: reference.to_owned(),
        pending: false,
        date,
        amount,
        currency: "EUR".to_owned(),
        booking_date: Some(date),
        value_date: Some(date),
        counterparty_name: Some(counterparty.to_owned()),
        counterparty_iban: None,
        description: None,
        bank_note: None,
        variable_symbol: None,
        specific_symbol: None,
        constant_symbol: None,
        end_to_end_reference: None,
        bank_transaction_code: None,
        raw: None,
    }
}
