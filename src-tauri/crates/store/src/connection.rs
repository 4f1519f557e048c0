//! The bank connection and the accounts the user chose to show. Nothing secret: tokens live
//! in the keychain.

use rusqlite::{OptionalExtension, params};

use crate::{Result, Store};

/// The bank Bankbook is connected to, and when its consent ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedConnection {
    pub bank_id: String,
    /// Unix seconds.
    pub consent_expires_at: i64,
}

/// An account the user chose to show, with what the list needs to show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectedAccount {
    pub iban: String,
    pub name: Option<String>,
    pub currency: String,
    pub product: Option<String>,
}

impl Store {
    /// The current connection, if any.
    pub fn connection(&self) -> Result<Option<SavedConnection>> {
        Ok(self
            .connection
            .query_row(
                "SELECT bank_id, consent_expires_at FROM connection WHERE id = 1",
                [],
                |row| {
                    Ok(SavedConnection {
                        bank_id: row.get(0)?,
                        consent_expires_at: row.get(1)?,
                    })
                },
            )
            .optional()?)
    }

    /// Records a new connection, replacing the previous one.
    pub fn save_connection(&self, connection: &SavedConnection) -> Result<()> {
        self.connection.execute(
            "INSERT OR REPLACE INTO connection (id, bank_id, consent_expires_at) VALUES (1, ?1, ?2)",
            params![connection.bank_id, connection.consent_expires_at],
        )?;
        Ok(())
    }

    /// Forgets the connection; with `keep_data` false, also what was kept for it, which is
    /// then erased from the database file and its write-ahead log, not only deleted (see
    /// `erase_deleted`).
    pub fn forget_connection(&mut self, keep_data: bool) -> Result<()> {
        let transaction = self.connection.transaction()?;
        transaction.execute("DELETE FROM connection", [])?;
        if !keep_data {
            for table in ["selected_account", "entry", "balance", "account_sync"] {
                transaction.execute(&format!("DELETE FROM {table}"), [])?;
            }
        }
        transaction.commit()?;
        if !keep_data {
            self.erase_deleted()?;
        }
        Ok(())
    }

    /// Replaces the accounts shown for `bank_id`, in this order.
    pub fn select_accounts(&mut self, bank_id: &str, accounts: &[SelectedAccount]) -> Result<()> {
        let transaction = self.connection.transaction()?;
        transaction.execute(
            "DELETE FROM selected_account WHERE bank_id = ?1",
            params![bank_id],
        )?;
        for (position, account) in accounts.iter().enumerate() {
            transaction.execute(
                "INSERT INTO selected_account (bank_id, iban, position, name, currency, product)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    bank_id,
                    account.iban,
                    i64::try_from(position).unwrap_or(i64::MAX),
                    account.name,
                    account.currency,
                    account.product
                ],
            )?;
        }
        transaction.commit()?;
        Ok(())
    }

    /// Whether `iban` is among the accounts shown (for any bank).
    pub fn is_shown(&self, iban: &str) -> Result<bool> {
        Ok(self
            .connection
            .prepare_cached("SELECT 1 FROM selected_account WHERE iban = ?1")?
            .exists(params![iban])?)
    }

    /// The accounts shown for `bank_id`, in the user's order.
    pub fn selected_accounts(&self, bank_id: &str) -> Result<Vec<SelectedAccount>> {
        let mut statement = self.connection.prepare_cached(
            "SELECT iban, name, currency, product FROM selected_account
             WHERE bank_id = ?1 ORDER BY position",
        )?;
        let rows = statement.query_map(params![bank_id], |row| {
            Ok(SelectedAccount {
                iban: row.get(0)?,
                name: row.get(1)?,
                currency: row.get(2)?,
                product: row.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(iban: &str) -> SelectedAccount {
        SelectedAccount {
            iban: iban.to_owned(),
            name: Some("Current account".to_owned()),
            currency: "EUR".to_owned(),
            product: None,
        }
    }

    #[test]
    fn keeps_one_connection_and_the_chosen_accounts_in_order() {
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(store.connection().unwrap(), None);
        let saved = SavedConnection {
            bank_id: "demo".to_owned(),
            consent_expires_at: 1_800_000_000,
        };
        store.save_connection(&saved).unwrap();
        store.save_connection(&saved).unwrap();
        assert_eq!(store.connection().unwrap(), Some(saved));

        store
            .select_accounts("demo", &[account("B"), account("A")])
            .unwrap();
        store
            .select_accounts("demo", &[account("C"), account("A")])
            .unwrap();
        let ibans: Vec<String> = store
            .selected_accounts("demo")
            .unwrap()
            .into_iter()
            .map(|account| account.iban)
            .collect();
        assert_eq!(ibans, ["C", "A"]);
    }

    #[test]
    fn disconnecting_keeps_or_removes_the_data_as_asked() {
        let mut store = Store::open_in_memory().unwrap();
        let saved = SavedConnection {
            bank_id: "demo".to_owned(),
            consent_expires_at: 0,
        };
        store.save_connection(&saved).unwrap();
        store.select_accounts("demo", &[account("A")]).unwrap();

        store.forget_connection(true).unwrap();
        assert_eq!(store.connection().unwrap(), None);
        assert_eq!(store.selected_accounts("demo").unwrap().len(), 1);

        store
            .save_balances("A", &[], 1)
            .and_then(|()| store.mark_history_refreshed("A", 1))
            .unwrap();
        store.forget_connection(false).unwrap();
        assert!(store.selected_accounts("demo").unwrap().is_empty());
        assert_eq!(
            store.balances("A").unwrap(),
            crate::StoredBalances::default()
        );
        assert_eq!(
            store.history_sync("A").unwrap(),
            crate::HistorySync::default()
        );
    }
}
