//! The bank connections and the accounts the user chose to show at each. Nothing secret:
//! tokens live in the keychain.

use rusqlite::{OptionalExtension, params};

use crate::{Result, Store};

/// A bank Bankbook is connected to, and when its consent ends.
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

/// What a bank's data is, for statements that delete it: its shown accounts that no other
/// bank shows too.
const ACCOUNTS_OF_BANK_ONLY: &str = "SELECT iban FROM selected_account WHERE bank_id = ?1
     AND iban NOT IN (SELECT iban FROM selected_account WHERE bank_id <> ?1)";

impl Store {
    /// Every connection, in the order the banks were first connected.
    pub fn connections(&self) -> Result<Vec<SavedConnection>> {
        let mut statement = self.connection.prepare_cached(
            "SELECT bank_id, consent_expires_at FROM bank_connection ORDER BY rowid",
        )?;
        let rows = statement.query_map([], |row| {
            Ok(SavedConnection {
                bank_id: row.get(0)?,
                consent_expires_at: row.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records a bank's connection; a new consent at a bank already connected replaces its
    /// end date and keeps its place in the order.
    pub fn save_connection(&self, connection: &SavedConnection) -> Result<()> {
        self.connection.execute(
            "INSERT INTO bank_connection (bank_id, consent_expires_at) VALUES (?1, ?2)
             ON CONFLICT (bank_id) DO UPDATE SET consent_expires_at = excluded.consent_expires_at",
            params![connection.bank_id, connection.consent_expires_at],
        )?;
        Ok(())
    }

    /// Moves `bank_id`'s consent end to what the bank said; a connection forgotten meanwhile
    /// stays forgotten.
    pub fn update_consent_end(&self, bank_id: &str, consent_expires_at: i64) -> Result<()> {
        self.connection.execute(
            "UPDATE bank_connection SET consent_expires_at = ?2 WHERE bank_id = ?1",
            params![bank_id, consent_expires_at],
        )?;
        Ok(())
    }

    /// Forgets `bank_id`'s connection; with `keep_data` false, also what was kept for it (the
    /// accounts shown for it and their history, unless another bank shows them too), which is
    /// then erased from the database file and its write-ahead log, not only deleted (see
    /// `erase_deleted`). Other banks' connections and data are not touched.
    pub fn forget_connection(&mut self, bank_id: &str, keep_data: bool) -> Result<()> {
        let transaction = self.connection.transaction()?;
        transaction.execute(
            "DELETE FROM bank_connection WHERE bank_id = ?1",
            params![bank_id],
        )?;
        transaction.execute(
            "DELETE FROM no_longer_consented WHERE bank_id = ?1",
            params![bank_id],
        )?;
        if !keep_data {
            for table in [
                "entry",
                "balance",
                "account_sync",
                "account_read",
                "notified_account",
                "balance_checkpoint",
                "category_choice",
            ] {
                transaction.execute(
                    &format!("DELETE FROM {table} WHERE iban IN ({ACCOUNTS_OF_BANK_ONLY})"),
                    params![bank_id],
                )?;
            }
            transaction.execute(
                "DELETE FROM selected_account WHERE bank_id = ?1",
                params![bank_id],
            )?;
        }
        transaction.commit()?;
        if !keep_data {
            self.erase_deleted()?;
        }
        Ok(())
    }

    /// The bank whose shown account `iban` is (the first connected, should two show it).
    pub fn bank_of(&self, iban: &str) -> Result<Option<String>> {
        Ok(self
            .connection
            .prepare_cached(
                "SELECT selected_account.bank_id FROM selected_account
                 LEFT JOIN bank_connection USING (bank_id)
                 WHERE iban = ?1 ORDER BY bank_connection.rowid IS NULL, bank_connection.rowid
                 LIMIT 1",
            )?
            .query_row(params![iban], |row| row.get(0))
            .optional()?)
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

    /// Marks which of `bank_id`'s shown accounts its latest consent no longer covers: they stay
    /// with their history, and are no longer updated. Replaces the earlier marks.
    pub fn set_no_longer_consented(&mut self, bank_id: &str, ibans: &[String]) -> Result<()> {
        let transaction = self.connection.transaction()?;
        transaction.execute(
            "DELETE FROM no_longer_consented WHERE bank_id = ?1",
            params![bank_id],
        )?;
        for iban in ibans {
            transaction.execute(
                "INSERT INTO no_longer_consented (bank_id, iban) VALUES (?1, ?2)",
                params![bank_id, iban],
            )?;
        }
        transaction.commit()?;
        Ok(())
    }

    /// `bank_id`'s shown accounts that its consent covers, in the user's order: those a refresh
    /// reads.
    pub fn consented_shown_accounts(&self, bank_id: &str) -> Result<Vec<SelectedAccount>> {
        let mut statement = self.connection.prepare_cached(
            "SELECT iban, name, currency, product FROM selected_account
             WHERE bank_id = ?1
               AND iban NOT IN (SELECT iban FROM no_longer_consented WHERE bank_id = ?1)
             ORDER BY position",
        )?;
        let rows = statement.query_map(params![bank_id], selected_account)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Whether `iban` is shown for a bank whose latest consent no longer covers it.
    pub fn is_no_longer_consented(&self, iban: &str) -> Result<bool> {
        Ok(self
            .connection
            .prepare_cached("SELECT 1 FROM no_longer_consented WHERE iban = ?1")?
            .exists(params![iban])?)
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
        let rows = statement.query_map(params![bank_id], selected_account)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// A row of `iban, name, currency, product`.
fn selected_account(row: &rusqlite::Row<'_>) -> rusqlite::Result<SelectedAccount> {
    Ok(SelectedAccount {
        iban: row.get(0)?,
        name: row.get(1)?,
        currency: row.get(2)?,
        product: row.get(3)?,
    })
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

    fn saved(bank_id: &str, consent_expires_at: i64) -> SavedConnection {
        SavedConnection {
            bank_id: bank_id.to_owned(),
            consent_expires_at,
        }
    }

    #[test]
    fn an_account_no_longer_consented_stays_shown_and_is_not_read() {
        let folder = tempfile::tempdir().unwrap();
        let mut store = Store::open(
            &folder.path().join("s.sqlite3"),
            &crate::StoreKey::generate(),
        )
        .unwrap();
        store.save_connection(&saved("demo", 1)).unwrap();
        store
            .select_accounts("demo", &[account("SK1"), account("SK2")])
            .unwrap();
        store
            .set_no_longer_consented("demo", &["SK1".to_owned()])
            .unwrap();
        let ibans = |accounts: Vec<SelectedAccount>| {
            accounts
                .into_iter()
                .map(|account| account.iban)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            ibans(store.selected_accounts("demo").unwrap()),
            ["SK1", "SK2"]
        );
        assert_eq!(
            ibans(store.consented_shown_accounts("demo").unwrap()),
            ["SK2"]
        );
        assert!(store.is_no_longer_consented("SK1").unwrap());
        assert!(!store.is_no_longer_consented("SK2").unwrap());
        store.set_no_longer_consented("demo", &[]).unwrap();
        assert_eq!(store.consented_shown_accounts("demo").unwrap().len(), 2);
        store
            .set_no_longer_consented("demo", &["SK2".to_owned()])
            .unwrap();
        store.forget_connection("demo", true).unwrap();
        assert!(!store.is_no_longer_consented("SK2").unwrap());
    }

    #[test]
    fn keeps_each_banks_connection_in_the_order_connected() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(store.connections().unwrap(), []);
        store.save_connection(&saved("tatra", 1)).unwrap();
        store.save_connection(&saved("demo", 2)).unwrap();
        // A new consent at Tatra: its date changes, its place does not.
        store.save_connection(&saved("tatra", 3)).unwrap();
        assert_eq!(
            store.connections().unwrap(),
            [saved("tatra", 3), saved("demo", 2)]
        );
    }

    #[test]
    fn keeps_the_chosen_accounts_of_each_bank_in_order() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .select_accounts("demo", &[account("B"), account("A")])
            .unwrap();
        store
            .select_accounts("demo", &[account("C"), account("A")])
            .unwrap();
        store.select_accounts("tatra", &[account("T")]).unwrap();
        let ibans = |bank: &str| -> Vec<String> {
            store
                .selected_accounts(bank)
                .unwrap()
                .into_iter()
                .map(|account| account.iban)
                .collect()
        };
        assert_eq!(ibans("demo"), ["C", "A"]);
        assert_eq!(ibans("tatra"), ["T"]);
        assert_eq!(store.bank_of("T").unwrap().as_deref(), Some("tatra"));
        assert_eq!(store.bank_of("A").unwrap().as_deref(), Some("demo"));
        assert_eq!(store.bank_of("X").unwrap(), None);
    }

    #[test]
    fn disconnecting_one_bank_keeps_or_removes_its_data_and_leaves_the_others() {
        let mut store = Store::open_in_memory().unwrap();
        store.save_connection(&saved("demo", 0)).unwrap();
        store.save_connection(&saved("tatra", 0)).unwrap();
        store.select_accounts("demo", &[account("A")]).unwrap();
        store.select_accounts("tatra", &[account("T")]).unwrap();
        let pets = store.add_category("Pets", "#123456").unwrap();
        for iban in ["A", "T"] {
            store
                .save_balances(iban, &[], 1)
                .and_then(|()| store.mark_history_refreshed(iban, 1))
                .unwrap();
            let day = time::macros::date!(2026 - 11 - 20);
            store
                .append_older(iban, &[crate::history::tests::entry("e", day)], None)
                .unwrap();
            store.choose_category(iban, "e", Some(pets)).unwrap();
        }

        store.forget_connection("demo", true).unwrap();
        assert_eq!(store.connections().unwrap(), [saved("tatra", 0)]);
        assert_eq!(store.selected_accounts("demo").unwrap().len(), 1);

        store.forget_connection("demo", false).unwrap();
        assert!(store.selected_accounts("demo").unwrap().is_empty());
        assert_eq!(store.chosen_category("A", "e").unwrap(), None);
        assert_eq!(store.chosen_category("T", "e").unwrap(), Some(pets));
        assert_eq!(
            store.history_sync("A").unwrap(),
            crate::HistorySync::default()
        );
        // Tatra's connection and data are untouched.
        assert_eq!(store.connections().unwrap(), [saved("tatra", 0)]);
        assert_eq!(store.selected_accounts("tatra").unwrap().len(), 1);
        assert_ne!(
            store.history_sync("T").unwrap(),
            crate::HistorySync::default()
        );
    }
}
