//! The bank's domain types as the store keeps them.

use bank::{Balance, EntryStatus, Transaction};
use store::{BalanceRecord, EntryRecord};
use time::Date;

/// `today` dates an entry the bank gave no date at all, so it still sorts among the newest.
pub(crate) fn entry_record(transaction: Transaction, today: Date) -> EntryRecord {
    let date = transaction
        .booking_date
        .or(transaction.value_date)
        .unwrap_or(today);
    EntryRecord {
        entry_reference: transaction.entry_reference,
        pending: transaction.status == EntryStatus::Pending,
        date,
        amount: transaction.amount.amount,
        currency: transaction.amount.currency,
        booking_date: transaction.booking_date,
        value_date: transaction.value_date,
        counterparty_name: transaction.counterparty.name,
        counterparty_iban: transaction.counterparty.iban.map(|iban| iban.to_string()),
        description: transaction.description,
        bank_note: transaction.bank_note,
        variable_symbol: transaction.symbols.variable,
        specific_symbol: transaction.symbols.specific,
        constant_symbol: transaction.symbols.constant,
        end_to_end_reference: transaction.end_to_end_reference,
        bank_transaction_code: transaction.bank_transaction_code,
        raw: Some(transaction.raw),
    }
}

pub(crate) fn balance_record(balance: Balance) -> BalanceRecord {
    BalanceRecord {
        code: balance.kind.code().to_owned(),
        amount: balance.amount.amount,
        currency: balance.amount.currency,
        as_of: balance.as_of,
        credit_line: balance.credit_line.map(|line| line.amount),
    }
}
