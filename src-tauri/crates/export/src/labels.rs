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
    /// Last, so that the columns of exports from before categories keep their places.
    Category,
}

/// Every column with its label in English and in Slovak: the one table to edit.
const COLUMNS: [(Column, &str, &str); 19] = [
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
    (Column::Category, "Category", "Kategória"),
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

/// The app's own categories by key, with their names in English and in Slovak: what the
/// window shows and the category column says, unless the person renamed one.
const CATEGORIES: [(&str, &str, &str); 13] = [
    ("groceries", "Groceries", "Potraviny"),
    ("eating_out", "Eating out", "Stravovanie"),
    ("transport", "Transport", "Doprava"),
    ("housing_energy", "Housing and energy", "Bývanie a energie"),
    ("phone_internet", "Phone and internet", "Telefón a internet"),
    ("shopping", "Shopping", "Nákupy"),
    ("health", "Health", "Zdravie"),
    ("leisure", "Leisure", "Voľný čas"),
    ("cash", "Cash", "Hotovosť"),
    (
        "own_transfers",
        "Between own accounts",
        "Medzi vlastnými účtami",
    ),
    ("income", "Income", "Príjmy"),
    ("fees", "Fees", "Poplatky"),
    ("other", "Other", "Ostatné"),
];

/// The name of the app's category `key` in `language`; `None` for a key it does not know.
pub fn category_name(language: Language, key: &str) -> Option<&'static str> {
    CATEGORIES
        .iter()
        .find(|(known, _, _)| *known == key)
        .map(|(_, en, sk)| match language {
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
        assert_eq!(category_name(Language::Sk, "groceries"), Some("Potraviny"));
        assert_eq!(category_name(Language::En, "unknown"), None);
    }
}
