//! What the desktop notifications need kept: the accounts whose new entries are announced,
//! small settings by name, and when each bank's coming renewal was last announced.

use rusqlite::{OptionalExtension, params};

use crate::{Result, Store};

impl Store {
    /// The accounts whose new entries the person wants announced.
    pub fn notified_accounts(&self) -> Result<Vec<String>> {
        let mut statement = self
            .connection
            .prepare_cached("SELECT iban FROM notified_account ORDER BY iban")?;
        let rows = statement.query_map([], |row| row.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Replaces the accounts whose new entries are announced.
    pub fn set_notified_accounts(&mut self, ibans: &[String]) -> Result<()> {
        let transaction = self.connection.transaction()?;
        transaction.execute("DELETE FROM notified_account", [])?;
        for iban in ibans {
            transaction.execute(
                "INSERT OR IGNORE INTO notified_account (iban) VALUES (?1)",
                params![iban],
            )?;
        }
        transaction.commit()?;
        Ok(())
    }

    /// The setting `key`, if one was saved.
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .connection
            .prepare_cached("SELECT value FROM setting WHERE key = ?1")?
            .query_row(params![key], |row| row.get(0))
            .optional()?)
    }

    /// Saves the setting `key`.
    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.connection.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    /// When `bank_id`'s coming renewal was last announced (Unix seconds).
    pub fn renewal_notified_at(&self, bank_id: &str) -> Result<Option<i64>> {
        Ok(self
            .connection
            .prepare_cached("SELECT renewal_notified_at FROM bank_connection WHERE bank_id = ?1")?
            .query_row(params![bank_id], |row| row.get(0))
            .optional()?
            .flatten())
    }

    /// Remembers that `bank_id`'s coming renewal was announced at `at` (Unix seconds).
    pub fn set_renewal_notified_at(&self, bank_id: &str, at: i64) -> Result<()> {
        self.connection.execute(
            "UPDATE bank_connection SET renewal_notified_at = ?2 WHERE bank_id = ?1",
            params![bank_id, at],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::{SavedConnection, Store, StoreKey};

    #[test]
    fn notification_settings_are_kept() {
        let folder = tempfile::tempdir().unwrap();
        let mut store =
            Store::open(&folder.path().join("s.sqlite3"), &StoreKey::generate()).unwrap();
        assert!(store.notified_accounts().unwrap().is_empty());
        store
            .set_notified_accounts(&["SK2".to_owned(), "SK1".to_owned(), "SK1".to_owned()])
            .unwrap();
        assert_eq!(store.notified_accounts().unwrap(), ["SK1", "SK2"]);

        assert_eq!(store.setting("quietFrom").unwrap(), None);
        store.set_setting("quietFrom", "22:00").unwrap();
        store.set_setting("quietFrom", "23:00").unwrap();
        assert_eq!(
            store.setting("quietFrom").unwrap().as_deref(),
            Some("23:00")
        );

        store
            .save_connection(&SavedConnection {
                bank_id: "demo".to_owned(),
                consent_expires_at: 1,
            })
            .unwrap();
        assert_eq!(store.renewal_notified_at("demo").unwrap(), None);
        store.set_renewal_notified_at("demo", 42).unwrap();
        assert_eq!(store.renewal_notified_at("demo").unwrap(), Some(42));
        assert_eq!(store.renewal_notified_at("other").unwrap(), None);
    }
}
