//! Opening the app's data: the store, and the connections an earlier run saved.

use std::path::Path;

use connection::{Connector, DEMO_BANK_STATE_FILE, Link};
use store::{Store, StoreKey};
use vault::Keychain;

use crate::core::Folders;
use crate::error::{Error, Result};
use crate::log_path::hide_home;
use crate::opened::Opened;

const STORE_FILE: &str = "bankbook.sqlite3";

impl Opened {
    /// Where the store is.
    pub(crate) fn store_path(folders: &Folders) -> std::path::PathBuf {
        folders.data.join(STORE_FILE)
    }

    /// Opens the store with `key` (the keychain's, see `store_key.rs`) and the saved
    /// connections, keeping `connector` when given: the data opened again after a restore keeps
    /// the Demo Bank that is already running.
    pub(crate) fn open(
        folders: &Folders,
        keychain: &Keychain,
        key: &StoreKey,
        demo_transactions: u32,
        connector: Option<Connector>,
    ) -> Result<Self> {
        let data_folder = &folders.data;
        let unusable = |source: store::Error| Error::DataFolder {
            path: data_folder.clone(),
            source,
        };
        // Private to this user (0700), an existing install's folder too.
        store::prepare_data_folder(data_folder).map_err(unusable)?;
        let connector = connector.unwrap_or_else(|| {
            Connector::new(&folders.config, data_folder, keychain.clone())
                .with_demo_config(demo_config(data_folder, demo_transactions))
        });
        if let Err(error) = connector.profiles() {
            // The dialog and the Banks screen report the broken file; the Demo Bank still works.
            tracing::warn!(error = %hide_home(&error.to_string()), "bank profiles not loaded");
        }
        remove_leftovers(data_folder);
        let store = Store::open(&Self::store_path(folders), key)
            .map_err(|error| Error::Store(error).in_data_folder(data_folder))?;
        let links = saved_links(&store)?;
        Ok(Self::new(connector, store, links))
    }
}

/// The prefixes of the files a backup or a restore makes beside the store (encrypted copies),
/// which a crash of the app may leave: never the store, which keeps its name throughout.
const LEFTOVER_PREFIXES: [&str; 3] = [".backup-", ".restoring-", ".restored-"];

/// Removes what a backup or a restore interrupted by a crash left in the data folder. Done
/// before the data opens, while no backup or restore can be running.
fn remove_leftovers(data_folder: &Path) {
    let Ok(entries) = std::fs::read_dir(data_folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let leftover = name.to_str().is_some_and(|name| {
            LEFTOVER_PREFIXES
                .iter()
                .any(|prefix| name.starts_with(prefix))
        });
        if leftover && let Err(error) = std::fs::remove_file(entry.path()) {
            tracing::warn!(%error, "a copy an interrupted backup or restore left could not be removed");
        }
    }
}

/// The Demo Bank, its consents kept in the data folder.
fn demo_config(data_folder: &Path, transactions: u32) -> sandbox_bank::Config {
    let config = sandbox_bank::Config::default()
        .transactions_per_account(transactions)
        .state_file(data_folder.join(DEMO_BANK_STATE_FILE));
    #[cfg(feature = "test-bench")]
    return test_bench::demo_config(config);
    #[cfg(not(feature = "test-bench"))]
    config
}

/// The test bench's hooks: the end-to-end tests and the measurements pin the Demo Bank's port
/// (to reach its admin interface) and vary its size. Not in the installer.
#[cfg(feature = "test-bench")]
mod test_bench {
    /// Pins the in-process Demo Bank to a port.
    const DEMO_PORT_ENV: &str = "BANKBOOK_DEMO_PORT";
    /// How many transactions each Demo Bank account has.
    const DEMO_TRANSACTIONS_ENV: &str = "BANKBOOK_DEMO_TRANSACTIONS";

    pub(super) fn demo_config(mut config: sandbox_bank::Config) -> sandbox_bank::Config {
        if let Some(transactions) = env_number(DEMO_TRANSACTIONS_ENV) {
            config = config.transactions_per_account(transactions);
        }
        if let Some(port) = env_number(DEMO_PORT_ENV) {
            config = config.port(port);
        }
        config
    }

    fn env_number<T: std::str::FromStr>(name: &str) -> Option<T> {
        let value = std::env::var(name).ok()?;
        let number = value.parse().ok();
        if number.is_none() {
            tracing::warn!(name, value, "ignored: not a number");
        }
        number
    }
}

/// The connections saved by an earlier run. Their sessions open when a bank is first needed,
/// so the window shows what is stored without waiting for the keychain or the Demo Bank.
fn saved_links(store: &Store) -> Result<Vec<Link>> {
    Ok(store
        .connections()?
        .into_iter()
        .map(|saved| {
            // A date out of range can only be damage: take the consent as ended, so the app
            // asks to connect again.
            let consent_expires_at =
                time::OffsetDateTime::from_unix_timestamp(saved.consent_expires_at)
                    .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
            Link::saved(saved.bank_id, consent_expires_at)
        })
        .collect())
}
