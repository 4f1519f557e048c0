//! The only words an export contains: the CSV header and the status of an entry, in the
//! person's language.

/// The language of the CSV header and status words (the app's own languages).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    #[default]
    En,
    Sk,
}

/// The CSV columns, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Column {
    AccountIban,
    AccountName,
    Date,
    BookingDate,
    ValueDate,
    Status,
    Amount,
    Currency,
    CounterpartyName,
    CounterpartyIban,
    Description,
    BankNote,
    VariableSymbol,
    SpecificSymbol,
    ConstantSymbol,
    EndToEndReference,
    BankTransactionCode,
    EntryReference,
}

/// Every column with its label in English and in Slovak: the one table to edit.
const COLUMNS: [(Column, &str, &str); 18] = [
    (Column::AccountIban, "Account IBAN", "IBAN účtu"),
    (Column::AccountName, "Account name", "Názov účtu"),
    (Column::Date, "Date", "Dátum"),
    (Column::BookingDate, "Booking date", "Dátum zaúčtovania"),
    (Column::ValueDate, "Value date", "Dátum valuty"),
    (Column::Status, "Status", "Stav"),
    (Column::Amount, "Amount", "Suma"),
    (Column::Currency, "Currency", "Mena"),
    (Column::CounterpartyName, "Counterparty", "Protistrana"),
    (
        Column::CounterpartyIban,
        "Counterparty IBAN",
        "IBAN protistrany",
    ),
    (Column::Description, "Description", "Popis"),
    (
        Column::BankNote,
        "Additional information",
        "Doplňujúce informácie",
    ),
    (
        Column::VariableSymbol,
        "Variable symbol",
        "Variabilný symbol",
    ),
    (
        Column::SpecificSymbol,
        "Specific symbol",
        "Špecifický symbol",
    ),
    (
        Column::ConstantSymbol,
        "Constant symbol",
        "Konštantný symbol",
    ),
    (
        Column::EndToEndReference,
        "End-to-end reference",
        "End-to-end referencia",
    ),
    (
        Column::BankTransactionCode,
        "Bank transaction code",
        "Kód bankovej transakcie",
    ),
    (
        Column::EntryReference,
        "Entry reference",
        "Referencia záznamu",
    ),
];

/// The columns in the order they are written.
pub(crate) fn columns() -> impl Iterator<Item = Column> {
    COLUMNS.iter().map(|(column, _, _)| *column)
}

/// The header row.
pub(crate) fn header(language: Language) -> impl Iterator<Item = &'static str> {
    COLUMNS.iter().map(move |(_, en, sk)| match language {
        Language::En => *en,
        Language::Sk => *sk,
    })
}

/// What the status column says.
pub(crate) fn status(language: Language, pending: bool) -> &'static str {
    match (language, pending) {
        (Language::En, false) => "booked",
        (Language::En, true) => "pending",
        (Language::Sk, false) => "zaúčtovaná",
        (Language::Sk, true) => "čaká na zaúčtovanie",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_has_a_label_in_each_language() {
        for language in [Language::En, Language::Sk] {
            let labels: Vec<_> = header(language).collect();
            assert_eq!(labels.len(), columns().count());
            assert!(labels.iter().all(|label| !label.is_empty()));
        }
        assert_eq!(header(Language::Sk).nth(6), Some("Suma"));
    }
}
