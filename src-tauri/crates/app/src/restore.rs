//! "Restore…": a backup (see `backup.rs`) read back with its passphrase into a store keyed with
//! this computer's keychain key, in place of a store with no bank connected (a fresh install,
//! data whose key is gone). The store it replaces is moved aside, not deleted.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use store::{Store, StoreKey};
use tempfile::NamedTempFile;
use zeroize::Zeroizing;

use crate::backup::{KEY_HEX_LEN, passphrase_of};
use crate::connection::ConnectionStatus;
use crate::core::Core;
use crate::error::{Error, Result};
use crate::file_dialog::FileKind;
use crate::opened::Opened;
use crate::store_key;

/// The name the replaced store is given: `bankbook before restore.sqlite3`.
const REPLACED_LABEL: &str = "before restore";

/// The backup the person picked, until it is restored: a wrong passphrase is typed again
/// without picking the file again.
#[derive(Debug, Default)]
pub(crate) struct PickedBackup(Mutex<Option<PathBuf>>);

impl PickedBackup {
    fn get(&self) -> Option<PathBuf> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    fn set(&self, path: Option<PathBuf>) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = path;
    }
}

impl Core {
    /// Asks which backup to restore; its file name, or `None` when the dialog was closed.
    pub async fn choose_backup(&self) -> Result<Option<String>> {
        let path = self.file_dialog.open(FileKind::Backup).await;
        let name = path.as_deref().map(|path| {
            path.file_name()
                .map_or_else(String::new, |name| name.to_string_lossy().into_owned())
        });
        self.picked_backup.set(path);
        Ok(name)
    }

    /// Restores the backup picked with `choose_backup`, opened with `passphrase`, and opens it.
    /// Refused while a bank is connected: a restore replaces the data, and is for a computer
    /// that has none yet (or none it can read).
    pub async fn restore_backup(&self, passphrase: String) -> Result<ConnectionStatus> {
        let passphrase = passphrase_of(passphrase)?;
        let picked = self
            .picked_backup
            .get()
            .ok_or_else(|| Error::InvalidInput("no backup was picked".to_owned()))?;
        let _opening = self.opening().await;
        let folders = self.folders()?.clone();
        let connector = match self.opened() {
            Some(opened) if !opened.links().is_empty() => return Err(Error::DataInUse),
            Some(opened) => {
                // No one else may hold the data while its file is replaced.
                self.set_opened(None);
                Some(Arc::try_unwrap(opened).map_err(|opened| {
                    self.set_opened(Some(opened));
                    Error::DataInUse
                })?)
            }
            None => None,
        };
        let key = store_key::for_restore(&self.keychain).await;
        let restored = match key {
            Ok(key) => {
                let store_path = Opened::store_path(&folders);
                tokio::task::spawn_blocking(move || {
                    restore_into(&picked, &passphrase, &store_path, &key).map(|()| key)
                })
                .await
                .map_err(|failed| Error::InvalidInput(format!("the restore stopped: {failed}")))
                .and_then(|result| result)
            }
            Err(error) => Err(error),
        };
        // Whatever happened, the data folder holds a store to open: the restored one, or the
        // one that was there.
        let key = match restored {
            Ok(key) => {
                self.picked_backup.set(None);
                tracing::info!("a backup was restored");
                key
            }
            Err(error) => {
                if let Some(opened) = connector {
                    self.set_opened(Some(Arc::new(opened)));
                }
                return Err(error);
            }
        };
        let opened = Opened::open_with(
            &folders,
            &self.keychain,
            &key,
            self.demo_transactions,
            connector.map(Opened::into_connector),
        )?;
        let opened = Arc::new(opened);
        self.set_opened(Some(Arc::clone(&opened)));
        crate::connection::status(&opened).await
    }
}

/// Opens the backup into a copy keyed with `key` beside the store, then moves the store aside
/// and puts the copy in its place. Until that last step nothing of the data folder changes.
fn restore_into(
    backup: &Path,
    passphrase: &backup::Passphrase,
    store_path: &Path,
    key: &StoreKey,
) -> Result<()> {
    let folder = store_path
        .parent()
        .ok_or_else(|| Error::InvalidInput("the store has no folder".to_owned()))?;
    let in_folder = |error| Error::Store(store::Error::io(folder, error));
    let opened_backup = NamedTempFile::with_prefix_in(".restoring-", folder).map_err(in_folder)?;
    let backup_key = unseal(backup, passphrase, opened_backup.path())?;
    let restored = NamedTempFile::with_prefix_in(".restored-", folder).map_err(in_folder)?;
    {
        // Migrated to this app's schema on opening; a backup from a newer app is refused.
        let from_backup = Store::open(opened_backup.path(), &backup_key)?;
        from_backup.copy_to(restored.path(), key)?;
    }
    restored
        .as_file()
        .sync_all()
        .map_err(|error| Error::Store(store::Error::io(restored.path(), error)))?;
    if store_path.exists() {
        let aside = store::set_aside(store_path, REPLACED_LABEL)?;
        tracing::info!(aside = %crate::log_path::hide_home(&aside.display().to_string()), "the store before the restore was moved aside");
    }
    restored
        .persist(store_path)
        .map_err(|error| Error::Store(store::Error::io(store_path, error.error)))?;
    Ok(())
}

/// Opens the sealed backup into `copy`: the key at the payload's start is returned, the store
/// copy after it goes to the file.
fn unseal(backup: &Path, passphrase: &backup::Passphrase, copy: &Path) -> Result<StoreKey> {
    let file_error = |source| Error::BackupFile {
        path: backup.to_owned(),
        source,
    };
    let sealed = std::fs::File::open(backup).map_err(file_error)?;
    let out = std::fs::OpenOptions::new()
        .write(true)
        .open(copy)
        .map_err(|error| Error::Store(store::Error::io(copy, error)))?;
    let mut payload = KeyThenFile {
        key: Zeroizing::new(Vec::with_capacity(KEY_HEX_LEN)),
        file: std::io::BufWriter::new(out),
    };
    backup::open(std::io::BufReader::new(sealed), passphrase, &mut payload)
        .map_err(|error| Error::from_backup(error, backup))?;
    payload
        .file
        .flush()
        .map_err(|error| Error::Store(store::Error::io(copy, error)))?;
    let key = std::str::from_utf8(&payload.key)
        .ok()
        .and_then(StoreKey::from_hex);
    key.ok_or(Error::Backup(backup::Error::Damaged("the payload's key")))
}

/// The payload's first `KEY_HEX_LEN` bytes kept in memory, the rest written to the file.
struct KeyThenFile<W> {
    key: Zeroizing<Vec<u8>>,
    file: W,
}

impl<W: Write> Write for KeyThenFile<W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let wanted = KEY_HEX_LEN - self.key.len();
        if wanted > 0 {
            let taken = wanted.min(bytes.len());
            self.key.extend_from_slice(&bytes[..taken]);
            return Ok(taken);
        }
        self.file.write(bytes)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}
