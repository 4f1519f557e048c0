//! Amounts as whole millionths (micros), so SQLite can compare and sum them as integers, exactly.
//! The decimal text stays the truth: an amount with more than six decimals, or too large for
//! an `i64` of micros, has no micros (NULL) and is compared and summed from its text in Rust.

use rusqlite::Connection;
use rusqlite::functions::FunctionFlags;
use rust_decimal::Decimal;

/// Micros in one unit of the currency.
const SCALE: u32 = 6;

/// `amount` in micros, when that is exact and fits an `i64` whose magnitude fits too.
pub(crate) fn micros(amount: Decimal) -> Option<i64> {
    let amount = amount.normalize();
    let scale = amount.scale();
    if scale > SCALE {
        return None;
    }
    let value = amount.mantissa().checked_mul(10_i128.pow(SCALE - scale))?;
    // `i64::MIN` has no magnitude in an `i64`: `abs()` in SQL would fail on it.
    i64::try_from(value).ok().filter(|value| *value != i64::MIN)
}

/// An amount of micros as a decimal; `None` beyond Decimal's 96 bits.
pub(crate) fn from_micros(micros: i128) -> Option<Decimal> {
    Decimal::try_from_i128_with_scale(micros, SCALE).ok()
}

/// Whether the magnitude of `amount` lies within `low..=high` micros.
pub(crate) fn magnitude_within(amount: Decimal, low: i64, high: i64) -> bool {
    let magnitude = amount.abs();
    Decimal::new(low, SCALE) <= magnitude && magnitude <= Decimal::new(high, SCALE)
}

/// Registers the SQL functions the migrations and searches use on `connection`: Rust's exact
/// decimal arithmetic where SQLite has only floating point. They are used in statements only,
/// never in the schema, so other tools can still read the database.
pub(crate) fn register(connection: &Connection) -> rusqlite::Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    // bankbook_amount_micros(amount text) -> integer or NULL
    connection.create_scalar_function("bankbook_amount_micros", 1, flags, |context| {
        let text: String = context.get(0)?;
        Ok(text.parse::<Decimal>().ok().and_then(micros))
    })?;
    // bankbook_magnitude_within(amount text, low micros, high micros) -> 0 or 1
    connection.create_scalar_function("bankbook_magnitude_within", 3, flags, |context| {
        let text: String = context.get(0)?;
        let (low, high): (i64, i64) = (context.get(1)?, context.get(2)?);
        Ok(text
            .parse::<Decimal>()
            .is_ok_and(|amount| magnitude_within(amount, low, high)))
    })
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn decimal(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn micros_are_exact_or_none() {
        assert_eq!(micros(decimal("-12.30")), Some(-12_300_000));
        assert_eq!(micros(decimal("0.000001")), Some(1));
        assert_eq!(micros(decimal("1.0000000")), Some(1_000_000));
        assert_eq!(micros(decimal("0.0000001")), None);
        assert_eq!(micros(decimal("9223372036854.775807")), Some(i64::MAX));
        assert_eq!(micros(decimal("-9223372036854.775808")), None);
        assert_eq!(micros(decimal("12345678901234567.10")), None);
        assert_eq!(from_micros(-12_300_000), Some(decimal("-12.3")));
        assert_eq!(from_micros(i128::MAX), None);
    }

    #[test]
    fn sql_reads_amounts_through_rust() {
        let connection = Connection::open_in_memory().unwrap();
        register(&connection).unwrap();
        let row: (Option<i64>, Option<i64>, bool, bool) = connection
            .query_row(
                "SELECT bankbook_amount_micros('-0.10'), bankbook_amount_micros('x'),
                        bankbook_magnitude_within('-1.0000001', 1000000, 1000001),
                        bankbook_magnitude_within('-1.0000011', 1000000, 1000001)",
                [],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
            )
            .unwrap();
        assert_eq!(row, (Some(-100_000), None, true, false));
    }
}
