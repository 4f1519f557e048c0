//! Values SQLite keeps as text, read back into their types. A value that does not read back
//! (a store edited by hand) is an error, never a guess.

use std::str::FromStr;

use rusqlite::Row;
use rusqlite::types::Type;
use rust_decimal::Decimal;
use time::Date;
use time::macros::format_description;

pub(crate) fn decimal_from_sql(row: &Row<'_>, index: usize) -> rusqlite::Result<Decimal> {
    let text: String = row.get(index)?;
    Decimal::from_str(&text).map_err(|error| conversion_error(index, error))
}

pub(crate) fn optional_decimal_from_sql(
    row: &Row<'_>,
    index: usize,
) -> rusqlite::Result<Option<Decimal>> {
    let text: Option<String> = row.get(index)?;
    text.map(|text| Decimal::from_str(&text).map_err(|error| conversion_error(index, error)))
        .transpose()
}

pub(crate) fn date_from_sql(row: &Row<'_>, index: usize) -> rusqlite::Result<Date> {
    let text: String = row.get(index)?;
    parse_day(&text).map_err(|error| conversion_error(index, error))
}

/// `YYYY-MM-DD`, as the store writes a day.
pub(crate) fn parse_day(text: &str) -> Result<Date, time::error::Parse> {
    Date::parse(text, format_description!("[year]-[month]-[day]"))
}

pub(crate) fn conversion_error(
    index: usize,
    error: impl std::error::Error + Send + Sync + 'static,
) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(index, Type::Text, Box::new(error))
}
