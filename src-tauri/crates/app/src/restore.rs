//! "Restore…": a backup (see `backup.rs`) read back with its passphrase into a store keyed with
//! this computer's keychain key, in place of data with no bank connected (a fresh install) or
//! data whose key is gone. The store it replaces keeps a name of its own, aside; nothing is
//! deleted.
//!
//! The backup is opened and checked first, away from the person's data and keychain: a wrong
//! passphrase or a damaged file changes nothing. Only then is the data closed, a key chosen,
//! the backup copied under it, and the copy put in the store's place in one rename.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use connection::Connector;
use store::{Store, StoreKey};
use tempfile::NamedTempFile;
use zeroize::Zeroizing;

use crate::backup::{KEY_HEX_LEN, passphrase_of};
use crate::blocking::blocking;
use crate::connection::ConnectionStatus;
use crate::core::Core;
use crate::error::{Error, Result};
use crate::file_dialog::FileKind;
use crate::opened::Opened;
use crate::store_key;
use crate::watched::Watched;

/// The name the replaced store is kept under: `bankbook before restore.sqlite3`.
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

/// A backup opened into the data folder: an SQLCipher file under its own key, removed when
/// dropped unless it became the store.
struct OpenedBackup {
    file: NamedTempFile,
    key: StoreKey,
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
    /// that has none yet, or none it can read.
    pub async fn restore_backup(&self, passphrase: String) -> Result<ConnectionStatus> {
        let passphrase = passphrase_of(passphrase)?;
        let picked = self
            .picked_backup
            .get()
            .ok_or_else(|| Error::InvalidInput("no backup was picked".to_owned()))?;
        let folders = self.folders()?.clone();
        let data_folder = folders.data.clone();
        store::prepare_data_folder(&data_folder)
            .map_err(|error| Error::Store(error).in_data_folder(&data_folder))?;
        let backup = blocking(move || open_backup(&picked, &passphrase, &data_folder)).await?;

        let _opening = self.opening().await;
        let connector = self.close_replaceable_data().await?;
        let swapped = match store_key::for_restore(&self.keychain).await {
            Ok(key) => {
                let store_path = Opened::store_path(&folders);
                blocking(move || put_in_place(&backup, &store_path, &key).map(|()| key)).await
            }
            Err(error) => Err(error),
        };
        let key = match swapped {
            Ok(key) => key,
            Err(error) => {
                self.reopen_after_failure(connector).await;
                return Err(error);
            }
        };
        self.picked_backup.set(None);
        tracing::info!("a backup was restored");
        let opened = Arc::new(Opened::open(
            &folders,
            &self.keychain,
            &key,
            self.demo_transactions,
            connector,
        )?);
        self.set_opened(Some(Arc::clone(&opened)));
        crate::connection::status(&opened, self.clock.now()).await
    }

    /// Closes the data a restore may replace, keeping its connector (the Demo Bank may be
    /// running): open data with no bank connected, or data whose key is gone. Connected data,
    /// data that could not be opened for another reason, and data another use case is holding
    /// are refused. The caller holds the opening lock.
    async fn close_replaceable_data(&self) -> Result<Option<Connector>> {
        let opened = match self.opened() {
            Some(opened) => opened,
            None => match self.open_data().await {
                Err(Error::StoreKeyMissing | Error::Store(store::Error::WrongKey)) => {
                    return Ok(None);
                }
                Err(other) => return Err(other),
                Ok(opened) => {
                    let opened = Arc::new(opened);
                    self.set_opened(Some(Arc::clone(&opened)));
                    opened
                }
            },
        };
        if !opened.links().is_empty() {
            return Err(Error::DataInUse);
        }
        self.set_opened(None);
        match Arc::try_unwrap(opened) {
            // The store closes here: its log is folded in and removed before any file moves.
            Ok(opened) => Ok(Some(opened.into_connector())),
            Err(held) => {
                self.set_opened(Some(held));
                Err(Error::DataBusy)
            }
        }
    }

    /// After a restore that failed once the data was closed: the data folder holds the store
    /// it had, opened again as it was (or left closed, as it was, when its key is gone).
    async fn reopen_after_failure(&self, connector: Option<Connector>) {
        let Some(connector) = connector else { return };
        match self.open_data_keeping(Some(connector)).await {
            Ok(opened) => self.set_opened(Some(Arc::new(opened))),
            Err(error) => {
                tracing::warn!(error = %error.for_log(), "the data could not be opened again after a failed restore");
            }
        }
    }
}

/// Opens the sealed backup into a file in the data folder and checks that it opens as a store
/// this app can read (migrated to its schema). The person's data is not touched.
fn open_backup(
    backup: &Path,
    passphrase: &backup::Passphrase,
    data_folder: &Path,
) -> Result<OpenedBackup> {
    let file = NamedTempFile::with_prefix_in(".restoring-", data_folder)
        .map_err(|error| Error::Store(store::Error::io(data_folder, error)))?;
    let key = unseal(backup, passphrase, file.path())?;
    match Store::open(file.path(), &key) {
        Ok(_) => Ok(OpenedBackup { file, key }),
        Err(store::Error::TooNew { .. }) => Err(Error::Backup(backup::Error::NewerVersion(0))),
        // The seal held, so this is a backup written wrong, not a wrong passphrase.
        Err(store::Error::WrongKey | store::Error::Sqlite(_)) => Err(Error::Backup(
            backup::Error::Damaged("the store in the backup"),
        )),
        Err(other) => Err(Error::Store(other).in_data_folder(data_folder)),
    }
}

/// Copies the opened backup under `key` beside the store, then puts the copy in the store's
/// place: the store keeps a name of its own aside first (a second link to the same file), and
/// one rename replaces it. Interrupted at any point, the store's name holds the old store or
/// the restored one, never nothing.
fn put_in_place(backup: &OpenedBackup, store_path: &Path, key: &StoreKey) -> Result<()> {
    let folder = store_path.parent().unwrap_or(Path::new("."));
    let in_folder = |error| Error::Store(store::Error::io(folder, error));
    let restored = NamedTempFile::with_prefix_in(".restored-", folder).map_err(in_folder)?;
    Store::open(backup.file.path(), &backup.key)?.copy_to(restored.path(), key)?;
    restored.as_file().sync_all().map_err(in_folder)?;
    if store_path.exists() {
        let aside = store::keep_aside(store_path, REPLACED_LABEL)?;
        tracing::info!(
            aside = %crate::log_path::hide_home(&aside.display().to_string()),
            "the store before the restore is kept aside"
        );
    }
    restored
        .persist(store_path)
        .map_err(|error| Error::Store(store::Error::io(store_path, error.error)))?;
    store::sync_folder(store_path)?;
    Ok(())
}

/// Opens the sealed backup into `copy`: the key at the payload's start is returned, the store
/// copy after it goes to the file.
fn unseal(backup: &Path, passphrase: &backup::Passphrase, copy: &Path) -> Result<StoreKey> {
    let sealed = std::fs::File::open(backup).map_err(|source| Error::BackupFile {
        path: backup.to_owned(),
        source,
    })?;
    let out = std::fs::OpenOptions::new()
        .write(true)
        .open(copy)
        .map_err(|error| Error::Store(store::Error::io(copy, error)))?;
    let mut sealed = Watched::new(std::io::BufReader::new(sealed));
    let mut payload = Watched::new(KeyThenFile {
        key: Zeroizing::new(Vec::with_capacity(KEY_HEX_LEN)),
        file: std::io::BufWriter::new(out),
    });
    let opened = backup::open(&mut sealed, passphrase, &mut payload).and_then(|()| {
        payload.flush()?;
        Ok(())
    });
    if let Err(error) = opened {
        return Err(Error::from_backup(error, backup, sealed.failed, copy));
    }
    let payload = payload.into_inner();
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
