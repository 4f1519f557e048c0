//! `bankbook_totals(currency, amount_micros, amount)`: the totals of a search in one pass, in
//! Rust, as an SQL aggregate.
//!
//! Why not SQL's own: `GROUP BY currency` sorts every matched row, and six `FILTER`ed
//! aggregates cost six steps a row; on 100,000 matches that was 60 ms, this is a third of it
//! (`cargo bench --bench search`). One step a row keeps a handful of currencies apart and adds
//! micros as `i128` (no overflow) and the rare amount without micros as a `Decimal`, so nothing
//! is rounded. SQLite carries one value out of an aggregate: the totals come out as a blob that
//! [`decode`] reads back (every currency code as it is, whatever its bytes).

use rusqlite::functions::{Aggregate, Context, FunctionFlags};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, Error as SqlError};
use rust_decimal::Decimal;

use super::{CurrencyTotals, SearchTotals};
use crate::amounts;

/// One currency's running sums.
#[derive(Debug, Default)]
struct Sums {
    currency: Vec<u8>,
    count: u32,
    incoming_count: u32,
    outgoing_count: u32,
    incoming_micros: i128,
    outgoing_micros: i128,
    /// Amounts without micros, signed as they are.
    incoming_inexact: Decimal,
    outgoing_inexact: Decimal,
}

struct Totals;

impl Aggregate<Vec<Sums>, Vec<u8>> for Totals {
    fn init(&self, _: &mut Context<'_>) -> rusqlite::Result<Vec<Sums>> {
        Ok(Vec::new())
    }

    fn step(&self, context: &mut Context<'_>, all: &mut Vec<Sums>) -> rusqlite::Result<()> {
        let currency = context.get_raw(0).as_bytes()?;
        // A search rarely spans more than two or three currencies: a scan beats a map.
        let at = if let Some(at) = all.iter().position(|sums| sums.currency == currency) {
            at
        } else {
            all.push(Sums {
                currency: currency.to_vec(),
                ..Sums::default()
            });
            all.len() - 1
        };
        let sums = &mut all[at];
        sums.count += 1;
        match context.get_raw(1) {
            ValueRef::Integer(micros) if micros > 0 => {
                sums.incoming_count += 1;
                sums.incoming_micros += i128::from(micros);
            }
            ValueRef::Integer(micros) if micros < 0 => {
                sums.outgoing_count += 1;
                sums.outgoing_micros += i128::from(micros);
            }
            ValueRef::Integer(_) => {}
            _ => add_inexact(sums, context.get_raw(2).as_str()?)?,
        }
        Ok(())
    }

    fn finalize(&self, _: &mut Context<'_>, all: Option<Vec<Sums>>) -> rusqlite::Result<Vec<u8>> {
        let mut all = all.unwrap_or_default();
        all.sort_by(|a, b| a.currency.cmp(&b.currency));
        let mut blob = Vec::new();
        for sums in all {
            let incoming = exact_sum(sums.incoming_micros, sums.incoming_inexact)?;
            let outgoing = exact_sum(sums.outgoing_micros, sums.outgoing_inexact)?;
            let length = u32::try_from(sums.currency.len()).map_err(user_error)?;
            blob.extend(length.to_le_bytes());
            blob.extend(&sums.currency);
            for count in [sums.count, sums.incoming_count, sums.outgoing_count] {
                blob.extend(count.to_le_bytes());
            }
            blob.extend(incoming.serialize());
            blob.extend(outgoing.serialize());
        }
        Ok(blob)
    }
}

/// An amount without micros, from its decimal text; it is never zero (zero has micros).
fn add_inexact(sums: &mut Sums, text: &str) -> rusqlite::Result<()> {
    let amount: Decimal = text.parse().map_err(user_error)?;
    let (sum, count) = if amount.is_sign_negative() {
        (&mut sums.outgoing_inexact, &mut sums.outgoing_count)
    } else {
        (&mut sums.incoming_inexact, &mut sums.incoming_count)
    };
    *sum = sum.checked_add(amount).ok_or_else(overflow)?;
    *count += 1;
    Ok(())
}

fn exact_sum(micros: i128, inexact: Decimal) -> rusqlite::Result<Decimal> {
    // Fewer than 2^32 amounts below 2^63 micros each: within Decimal's 96 bits.
    amounts::from_micros(micros)
        .and_then(|micros| micros.checked_add(inexact))
        .ok_or_else(overflow)
}

fn overflow() -> SqlError {
    user_error(rust_decimal::Error::ExceedsMaximumPossibleValue)
}

fn user_error(error: impl std::error::Error + Send + Sync + 'static) -> SqlError {
    SqlError::UserFunctionError(Box::new(error))
}

/// Registers `bankbook_totals` on `connection` (used in statements only, like the store's other
/// functions, so the schema stays readable by other tools).
pub(crate) fn register(connection: &Connection) -> rusqlite::Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    connection.create_aggregate_function("bankbook_totals", 3, flags, Totals)
}

/// The totals `bankbook_totals` returned, by currency code ascending; `None` when the blob is
/// not one it wrote.
pub(crate) fn decode(mut blob: &[u8]) -> Option<SearchTotals> {
    let mut totals = SearchTotals::default();
    while !blob.is_empty() {
        let length = usize::try_from(u32::from_le_bytes(take(&mut blob)?)).ok()?;
        let currency = String::from_utf8(blob.get(..length)?.to_vec()).ok()?;
        blob = &blob[length..];
        let count = u32::from_le_bytes(take(&mut blob)?);
        let incoming_count = u32::from_le_bytes(take(&mut blob)?);
        let outgoing_count = u32::from_le_bytes(take(&mut blob)?);
        totals.count += count;
        totals.currencies.push(CurrencyTotals {
            currency,
            incoming: Decimal::deserialize(take(&mut blob)?),
            outgoing: Decimal::deserialize(take(&mut blob)?),
            incoming_count,
            outgoing_count,
        });
    }
    Some(totals)
}

fn take<const N: usize>(blob: &mut &[u8]) -> Option<[u8; N]> {
    let (head, rest) = blob.split_first_chunk::<N>()?;
    *blob = rest;
    Some(*head)
}
