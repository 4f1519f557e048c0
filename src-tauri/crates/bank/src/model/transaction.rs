use time::Date;

use crate::money::Money;

use super::Iban;

/// Whether an entry is booked or still pending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryStatus {
    /// `BOOK`
    Booked,
    /// `INFO` or `PDNG`: not yet booked; it may later book under the same entry reference.
    Pending,
}

/// The other side of a payment.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Counterparty {
    pub name: Option<String>,
    pub iban: Option<Iban>,
}

/// Slovak payment symbols, carried in the end-to-end reference as `/VS../SS../KS..`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PaymentSymbols {
    pub variable: Option<String>,
    pub specific: Option<String>,
    pub constant: Option<String>,
}

impl PaymentSymbols {
    /// Reads `/VS20260001/SS/KS0308`; empty or absent symbols stay `None`.
    pub fn parse(end_to_end: &str) -> Self {
        let mut symbols = Self::default();
        for part in end_to_end.split('/') {
            let (slot, value) = match part.get(..2) {
                Some("VS") => (&mut symbols.variable, &part[2..]),
                Some("SS") => (&mut symbols.specific, &part[2..]),
                Some("KS") => (&mut symbols.constant, &part[2..]),
                _ => continue,
            };
            if !value.is_empty() && value.bytes().all(|byte| byte.is_ascii_digit()) {
                *slot = Some(value.to_owned());
            }
        }
        symbols
    }
}

/// One entry of an account's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transaction {
    /// The bank's key for the entry: stable, and kept when a pending entry books.
    pub entry_reference: String,
    pub status: EntryStatus,
    /// Signed: negative for money leaving the account.
    pub amount: Money,
    pub booking_date: Option<Date>,
    pub value_date: Option<Date>,
    pub counterparty: Counterparty,
    /// The payer's message (remittance information).
    pub description: Option<String>,
    /// The bank's own note, e.g. "SEPA transfer" or "Card payment".
    pub bank_note: Option<String>,
    pub symbols: PaymentSymbols,
    pub end_to_end_reference: Option<String>,
    pub bank_transaction_code: Option<String>,
    /// The entry's JSON object exactly as the bank sent it (numbers as written, every field,
    /// also those this client does not read).
    pub raw: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_payment_symbols_from_the_end_to_end_reference() {
        let symbols = PaymentSymbols::parse("/VS20260001/SS/KS0308");
        assert_eq!(symbols.variable.as_deref(), Some("20260001"));
        assert_eq!(symbols.specific, None);
        assert_eq!(symbols.constant.as_deref(), Some("0308"));
        assert_eq!(
            PaymentSymbols::parse("NOTPROVIDED"),
            PaymentSymbols::default()
        );
    }
}
