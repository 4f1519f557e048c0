//! Each account's balances as last fetched, and when.

use rusqlite::{OptionalExtension, params};
use rust_decimal::Decimal;

use crate::codec::{decimal_from_sql, optional_decimal_from_sql};
use crate::{Result, Store};

/// One balance as the store keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BalanceRecord {
    /// The ISO 20022 balance type (`ITBD`, `ITAV`, ...).
    pub code: String,
    pub amount: Decimal,
    pub currency: String,
    /// When the bank computed it, as the bank wrote it.
    pub as_of: Option<String>,
    pub credit_line: Option<Decimal>,
}

/// An account's balances and when they were fetched.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StoredBalances {
    pub balances: Vec<BalanceRecord>,
    /// Unix seconds; `None`: never fetched.
    pub fetched_at: Option<i64>,
}

impl Store {
    /// Replaces the balances of `iban` with those fetched at `fetched_at` (Unix seconds).
    pub fn save_balances(
        &mut self,
        iban: &str,
        balances: &[BalanceRecord],
        fetched_at: i64,
    ) -> Result<()> {
        let transaction = self.connection.transaction()?;
        transaction.execute("DELETE FROM balance WHERE iban = ?1", params![iban])?;
        for (position, balance) in (0_i64..).zip(balances) {
            transaction.execute(
                "INSERT INTO balance (iban, position, code, amount, currency, as_of, credit_line)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    iban,
                    position,
                    balance.code,
                    balance.amount.to_string(),
                    balance.currency,
                    balance.as_of,
                    balance.credit_line.map(|line| line.to_string()),
                ],
            )?;
        }
        transaction.execute(
            "INSERT INTO account_sync (iban, balances_fetched_at) VALUES (?1, ?2)
             ON CONFLICT (iban) DO UPDATE SET balances_fetched_at = excluded.balances_fetched_at",
            params![iban, fetched_at],
        )?;
        transaction.commit()?;
        Ok(())
    }

    /// The balances of `iban` in the bank's order, and when they were fetched.
    pub fn balances(&self, iban: &str) -> Result<StoredBalances> {
        let balances = self
            .connection
            .prepare_cached(
                "SELECT code, amount, currency, as_of, credit_line FROM balance
                 WHERE iban = ?1 ORDER BY position",
            )?
            .query_map(params![iban], |row| {
                Ok(BalanceRecord {
                    code: row.get(0)?,
                    amount: decimal_from_sql(row, 1)?,
                    currency: row.get(2)?,
                    as_of: row.get(3)?,
                    credit_line: optional_decimal_from_sql(row, 4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let fetched_at = self
            .connection
            .query_row(
                "SELECT balances_fetched_at FROM account_sync WHERE iban = ?1",
                params![iban],
                |row| row.get(0),
            )
            .optional()?
            .flatten();
        Ok(StoredBalances {
            balances,
            fetched_at,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn balance(code: &str, amount: &str) -> BalanceRecord {
        BalanceRecord {
            code: code.to_owned(),
            amount: Decimal::from_str(amount).unwrap(),
            currency: "EUR".to_owned(),
            as_of: Some("2026-11-23T08:00:00+01:00".to_owned()),
            credit_line: None,
        }
    }

    #[test]
    fn keeps_the_latest_balances_in_order_with_their_time() {
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(store.balances("A").unwrap(), StoredBalances::default());
        store
            .save_balances("A", &[balance("ITBD", "1.00"), balance("CLBD", "2")], 10)
            .unwrap();
        let mut available = balance("ITAV", "-0.10");
        available.credit_line = Some(Decimal::from_str("500.00").unwrap());
        store
            .save_balances("A", &[balance("ITBD", "1520.35"), available.clone()], 20)
            .unwrap();
        let stored = store.balances("A").unwrap();
        assert_eq!(stored.fetched_at, Some(20));
        assert_eq!(stored.balances, [balance("ITBD", "1520.35"), available]);
    }
}
