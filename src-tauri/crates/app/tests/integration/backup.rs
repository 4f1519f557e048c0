//! "Back up…" and "Restore…": the store sealed with a passphrase into a file, read back on a
//! fresh install with a keychain of its own; a wrong passphrase, a damaged file and a connected
//! bank refused without touching the data.

#![cfg(test)]

use std::path::{Path, PathBuf};

use app::{BackupOutcome, BackupProblem, Error, ErrorDetail, IpcError};

use vault::Keychain;

use crate::common::{App, SaveInto, Setup, core_on};

const PASSPHRASE: &str = "correct horse battery";

fn problem(error: &Error) -> Option<BackupProblem> {
    match IpcError::from(error).detail {
        Some(ErrorDetail::Backup { problem }) => Some(problem),
        _ => None,
    }
}

/// An app with two accounts' history stored, backed up into `folder`: the app and the file.
async fn backed_up(folder: &Path) -> (App, PathBuf) {
    let mut setup = Setup::new(30, 2);
    setup.save_into = Some(folder.to_owned());
    let mut app = App::new(&setup);
    app.connect().await;
    app.core.fetch_whole_history(None).await.unwrap();
    let BackupOutcome::Saved { file_name } = app.core.back_up(PASSPHRASE.to_owned()).await.unwrap()
    else {
        panic!("the backup was not saved");
    };
    (app, folder.join(file_name))
}

/// A fresh install whose open dialog picks `file`.
async fn fresh_install_picking(file: &Path) -> App {
    let mut setup = Setup::new(30, 2);
    setup.open_file = Some(file.to_owned());
    let app = App::new(&setup);
    assert!(
        app.core
            .connection_status()
            .await
            .unwrap()
            .connections
            .is_empty()
    );
    assert!(app.core.choose_backup().await.unwrap().is_some());
    app
}

fn store_file(app: &App) -> Vec<u8> {
    std::fs::read(app.root.join("data").join("bankbook.sqlite3")).unwrap()
}

#[tokio::test]
async fn a_backup_restored_on_a_fresh_install_shows_the_same_history() {
    let folder = tempfile::tempdir().unwrap();
    let (original, file) = backed_up(folder.path()).await;
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"BANKBOOK-BACKUP\0"));
    let fresh = fresh_install_picking(&file).await;

    let status = fresh
        .core
        .restore_backup(PASSPHRASE.to_owned())
        .await
        .unwrap();

    assert_eq!(status.connections.len(), 1);
    let ibans: Vec<String> = status.connections[0]
        .selected_accounts
        .iter()
        .map(|account| account.iban.clone())
        .collect();
    assert_eq!(ibans.len(), 2);
    for iban in &ibans {
        let restored = fresh.stored_entries(iban);
        assert_eq!(restored.len(), 30);
        assert_eq!(restored, original.stored_entries(iban));
    }
    // Nothing of the backup's own copy is left in either data folder.
    for app in [&original, &fresh] {
        let leftovers: Vec<_> = std::fs::read_dir(app.root.join("data"))
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.starts_with('.'))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }
    // A copy a crash left is gone once the data opens again.
    let leftover = fresh.root.join("data").join(".restoring-crashed");
    std::fs::write(&leftover, b"an encrypted copy").unwrap();
    core_on(&fresh.root, fresh.keychain().clone())
        .open()
        .await
        .unwrap();
    assert!(!leftover.exists());
    // The empty store the fresh install started with is kept aside, not deleted.
    assert!(
        fresh
            .root
            .join("data")
            .join("bankbook before restore.sqlite3")
            .exists()
    );
}

#[tokio::test]
async fn a_wrong_passphrase_or_a_damaged_file_changes_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let (_original, file) = backed_up(folder.path()).await;
    let bytes = std::fs::read(&file).unwrap();
    let cut = folder.path().join("cut.bankbook-backup");
    std::fs::write(&cut, &bytes[..bytes.len() - 100]).unwrap();
    let flipped = folder.path().join("flipped.bankbook-backup");
    let mut changed = bytes.clone();
    let middle = changed.len() / 2;
    changed[middle] ^= 0x01;
    std::fs::write(&flipped, &changed).unwrap();
    let foreign = folder.path().join("notes.txt");
    std::fs::write(&foreign, "not a backup at all, just some notes").unwrap();

    for (file, passphrase, expected) in [
        (&file, "wrong horse battery", BackupProblem::WrongPassphrase),
        (&file, "short", BackupProblem::WeakPassphrase),
        (&cut, PASSPHRASE, BackupProblem::Damaged),
        (&flipped, PASSPHRASE, BackupProblem::Damaged),
        (&foreign, PASSPHRASE, BackupProblem::NotABackup),
    ] {
        let fresh = fresh_install_picking(file).await;
        let before = store_file(&fresh);

        let error = fresh
            .core
            .restore_backup(passphrase.to_owned())
            .await
            .unwrap_err();

        assert_eq!(problem(&error), Some(expected), "{error:?}");
        assert_eq!(store_file(&fresh), before);
        assert!(
            fresh
                .core
                .connection_status()
                .await
                .unwrap()
                .connections
                .is_empty()
        );
    }
}

#[tokio::test]
async fn a_restore_never_replaces_a_connected_banks_data() {
    let folder = tempfile::tempdir().unwrap();
    let (original, file) = backed_up(folder.path()).await;
    let mut setup = Setup::new(30, 2);
    setup.open_file = Some(file);
    let mut connected = App::new(&setup);
    connected.connect().await;
    connected.core.choose_backup().await.unwrap();

    let error = connected
        .core
        .restore_backup(PASSPHRASE.to_owned())
        .await
        .unwrap_err();

    assert_eq!(problem(&error), Some(BackupProblem::DataInUse));
    assert_eq!(
        connected
            .core
            .connection_status()
            .await
            .unwrap()
            .connections
            .len(),
        1
    );
    let weak = original.core.back_up("short".to_owned()).await.unwrap_err();
    assert_eq!(problem(&weak), Some(BackupProblem::WeakPassphrase));
}

#[tokio::test]
async fn a_backup_restores_data_whose_key_is_gone_once_the_passphrase_opens_it() {
    let folder = tempfile::tempdir().unwrap();
    let (original, file) = backed_up(folder.path()).await;
    let keychain = Keychain::with_store(keyring_core::mock::Store::new().unwrap());
    let elsewhere =
        core_on(&original.root, keychain.clone()).with_file_dialog(Box::new(SaveInto {
            folder: None,
            open_file: Some(file),
            suggested: std::sync::Arc::default(),
        }));
    assert!(elsewhere.connection_status().await.is_err());
    let before = store_file(&original);
    elsewhere.choose_backup().await.unwrap();

    let wrong = elsewhere
        .restore_backup("wrong horse battery".to_owned())
        .await
        .unwrap_err();

    assert_eq!(problem(&wrong), Some(BackupProblem::WrongPassphrase));
    // Nothing changed: not the store, not the keychain.
    assert_eq!(store_file(&original), before);
    assert!(keychain.store_key().await.unwrap().is_none());

    let status = elsewhere
        .restore_backup(PASSPHRASE.to_owned())
        .await
        .unwrap();

    assert_eq!(status.connections.len(), 1);
    assert!(keychain.store_key().await.unwrap().is_some());
    let aside = original
        .root
        .join("data")
        .join("bankbook before restore.sqlite3");
    assert_eq!(std::fs::read(aside).unwrap(), before);
}
