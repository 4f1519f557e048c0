//! "Back up…": the whole store, sealed with a passphrase the person types, in a file they pick.
//! The key of the store stays in this computer's keychain; a backup carries its own (see
//! `restore.rs` for the way back).
//!
//! A backup's payload is the hex key of a copy of the store, then that copy: an SQLCipher file
//! encrypted with the key, so that neither the copy in the data folder nor the payload is ever
//! plaintext.

use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use atomic_file::AtomicWriter;
use serde::Serialize;
use store::StoreKey;
use time::OffsetDateTime;
use ts_rs::TS;
use zeroize::Zeroizing;

use crate::blocking::blocking;
use crate::core::Core;
use crate::error::{Error, Result};
use crate::file_dialog::{BACKUP_EXTENSION, FileKind};
use crate::opened::Opened;
use crate::watched::Watched;

/// How a backup ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[ts(export)]
pub enum BackupOutcome {
    /// The backup is written, whole.
    #[serde(rename_all = "camelCase")]
    Saved { file_name: String },
    /// The person closed the save dialog without choosing a file.
    DialogClosed,
}

/// Fewer characters than this is no passphrase to guard a whole financial history with.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// The length of a store key's hex at the start of the payload.
pub(crate) const KEY_HEX_LEN: usize = 64;

impl Core {
    /// Writes the whole store, sealed with `passphrase`, to a file the person picks.
    pub async fn back_up(&self, passphrase: String) -> Result<BackupOutcome> {
        let passphrase = passphrase_of(passphrase)?;
        let data = self.data().await?;
        let data_folder = self.folders()?.data.clone();
        let Some(target) = self
            .file_dialog
            .save_as(&file_name(), FileKind::Backup)
            .await
        else {
            return Ok(BackupOutcome::DialogClosed);
        };
        let file_name = target
            .file_name()
            .map_or_else(String::new, |name| name.to_string_lossy().into_owned());
        blocking(move || write_backup(&data, &data_folder, &target, &passphrase)).await?;
        tracing::info!("a backup was written");
        Ok(BackupOutcome::Saved { file_name })
    }
}

/// The passphrase, if it is long enough to guard the data.
pub(crate) fn passphrase_of(text: String) -> Result<backup::Passphrase> {
    let long_enough = text.chars().count() >= MIN_PASSPHRASE_CHARS;
    let passphrase = backup::Passphrase::new(text);
    if long_enough {
        Ok(passphrase)
    } else {
        Err(Error::WeakPassphrase)
    }
}

/// A copy of the store under a key of its own, in the data folder (removed whatever happens),
/// sealed into `target`, which is replaced whole or not at all.
fn write_backup(
    data: &Arc<Opened>,
    data_folder: &Path,
    target: &Path,
    passphrase: &backup::Passphrase,
) -> Result<()> {
    let copy_key = StoreKey::generate();
    let copy = tempfile::Builder::new()
        .prefix(".backup-")
        .tempfile_in(data_folder)
        .map_err(|error| Error::Store(store::Error::io(data_folder, error)))?;
    data.store().copy_to(copy.path(), &copy_key)?;
    let copy_file = std::fs::File::open(copy.path())
        .map_err(|error| Error::Store(store::Error::io(copy.path(), error)))?;
    let key_text = Zeroizing::new(copy_key.to_hex().into_bytes());
    let payload = std::io::Cursor::new(key_text.as_slice()).chain(copy_file);
    let file_error = |source| Error::BackupFile {
        path: target.to_owned(),
        source,
    };
    let mut writer = Watched::new(AtomicWriter::create(target, None).map_err(file_error)?);
    let mut payload = Watched::new(payload);
    backup::seal(
        &mut payload,
        passphrase,
        backup::KdfParams::RECOMMENDED,
        &mut writer,
    )
    .map_err(|error| Error::from_backup(error, target, writer.failed, copy.path()))?;
    writer.into_inner().commit().map_err(file_error)
}

fn file_name() -> String {
    // UTC: the local offset cannot be read safely once the app runs several threads.
    let today = OffsetDateTime::now_utc().date();
    format!("bankbook-{today}.{BACKUP_EXTENSION}")
}
