use rust_decimal::Decimal;
use time::Date;

/// One transaction to export, as the store keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRow {
    pub account_iban: String,
    pub account_name: Option<String>,
    /// The date the list shows: the booking date, else the value date.
    pub date: Date,
    pub booking_date: Option<Date>,
    pub value_date: Option<Date>,
    /// Not booked yet (a card hold, a payment on its way).
    pub pending: bool,
    /// Signed: negative for money leaving the account.
    pub amount: Decimal,
    pub currency: String,
    /// The category's name as the person reads it.
    pub category: Option<String>,
    pub counterparty_name: Option<String>,
    pub counterparty_iban: Option<String>,
    /// The remittance information.
    pub description: Option<String>,
    /// The bank's additional transaction information.
    pub bank_note: Option<String>,
    pub variable_symbol: Option<String>,
    pub specific_symbol: Option<String>,
    pub constant_symbol: Option<String>,
    pub end_to_end_reference: Option<String>,
    /// As the bank sent it, e.g. `PMNT-ICDT-ESCT`.
    pub bank_transaction_code: Option<String>,
    /// The bank's key for the entry.
    pub entry_reference: String,
}

impl ExportRow {
    /// The payment symbols as the bank carries them in the end-to-end reference
    /// (`/VS<variable>/SS<specific>/KS<constant>`); `None` without any symbol.
    pub(crate) fn symbols_reference(&self) -> Option<String> {
        let symbol = |symbol: &Option<String>| symbol.as_deref().unwrap_or("").to_owned();
        (self.variable_symbol.is_some()
            || self.specific_symbol.is_some()
            || self.constant_symbol.is_some())
        .then(|| {
            format!(
                "/VS{}/SS{}/KS{}",
                symbol(&self.variable_symbol),
                symbol(&self.specific_symbol),
                symbol(&self.constant_symbol)
            )
        })
    }
}
