//! The app core: the app's folders and browser, and its data, opened on first need.

use std::path::PathBuf;
use std::sync::{Arc, PoisonError, RwLock};
use std::time::Instant;

use connection::Connector;
use vault::Keychain;

use crate::browser::Browser;
use crate::clock::{Clock, SystemClock};
use crate::error::{Cause, Error, Result};
use crate::file_dialog::{FileDialog, NoFileDialog};
use crate::notifications::{NoNotifier, Notifier};
use crate::opened::Opened;
use crate::preferences::{LoginItem, NoLoginItem, NoTrayMenu, TrayMenu};
use crate::restore::PickedBackup;
use crate::retry_later::RetryLater;
use crate::store_key;
use crate::tasks::{NoProgress, ProgressSink, Tasks};

/// Where the app keeps its settings (`banks.toml`, `preferences.toml`) and its data (the store).
#[derive(Debug, Clone)]
pub struct Folders {
    pub config: PathBuf,
    pub data: PathBuf,
}

/// What the app holds while it runs. Its data opens on first need and, until that succeeds,
/// every use case that needs it tries again: a disk fixed after start-up is used at once.
#[derive(Debug)]
pub struct Core {
    /// `Err`: the system could not say where the app's folders are.
    folders: std::result::Result<Folders, Cause>,
    pub(crate) browser: Box<dyn Browser>,
    /// When the process started, for the start-up times in the log.
    pub(crate) started: Instant,
    pub(crate) keychain: Keychain,
    /// How many transactions each Demo Bank account has.
    pub(crate) demo_transactions: u32,
    /// The data once open. Replaced whole by a restore from a backup; a use case holds its own
    /// handle on the data it started with.
    opened: RwLock<Option<Arc<Opened>>>,
    /// Held while the data opens, or its files are moved (starting again, a restore): one at a
    /// time, so two callers never open the store and run its migrations side by side.
    opening: tokio::sync::Mutex<()>,
    /// Where long tasks report how far they got; shared with an export's blocking thread.
    pub(crate) progress: Arc<dyn ProgressSink>,
    /// Asks the person where to save an export or a backup, and which backup to restore.
    pub(crate) file_dialog: Box<dyn FileDialog>,
    /// The long tasks running, to refuse a second of a kind and to cancel.
    pub(crate) tasks: Tasks,
    /// The backup the person picked to restore.
    pub(crate) picked_backup: PickedBackup,
    /// What the automatic refreshes are planned by.
    pub(crate) clock: Arc<dyn Clock>,
    /// Shows the desktop notifications.
    pub(crate) notifier: Box<dyn Notifier>,
    /// Starts Bankbook at login, as the preferences say.
    pub(crate) login_item: Box<dyn LoginItem>,
    /// The tray icon's menu, told the language the person reads.
    pub(crate) tray_menu: Box<dyn TrayMenu>,
    /// When each bank whose automatic refresh failed may be tried again.
    pub(crate) retry_later: RetryLater,
}

/// About a year of everyday banking: enough history to scroll through.
const DEMO_TRANSACTIONS: u32 = 1_200;

impl Core {
    pub fn new(
        folders: std::result::Result<Folders, impl std::error::Error + Send + Sync + 'static>,
        browser: Box<dyn Browser>,
        started: Instant,
    ) -> Self {
        Self {
            folders: folders.map_err(|cause| Arc::new(cause) as Cause),
            browser,
            started,
            keychain: Keychain::system(),
            demo_transactions: DEMO_TRANSACTIONS,
            opened: RwLock::default(),
            opening: tokio::sync::Mutex::default(),
            progress: Arc::new(NoProgress),
            file_dialog: Box::new(NoFileDialog),
            tasks: Tasks::default(),
            picked_backup: PickedBackup::default(),
            clock: Arc::new(SystemClock),
            notifier: Box::new(NoNotifier),
            login_item: Box::new(NoLoginItem),
            tray_menu: Box::new(NoTrayMenu),
            retry_later: RetryLater::default(),
        }
    }

    /// Tells `tray_menu` the reading language when a saved choice changes it.
    #[must_use]
    pub fn with_tray_menu(mut self, tray_menu: Box<dyn TrayMenu>) -> Self {
        self.tray_menu = tray_menu;
        self
    }

    /// Starts Bankbook at login through `login_item` instead of nothing.
    #[must_use]
    pub fn with_login_item(mut self, login_item: Box<dyn LoginItem>) -> Self {
        self.login_item = login_item;
        self
    }

    /// Shows desktop notifications with `notifier` instead of none.
    #[must_use]
    pub fn with_notifier(mut self, notifier: Box<dyn Notifier>) -> Self {
        self.notifier = notifier;
        self
    }

    /// Plans the automatic refreshes by `clock` instead of the system's (tests).
    #[must_use]
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// Reports the progress of long tasks to `progress` (the window) instead of no one.
    #[must_use]
    pub fn with_progress(mut self, progress: Box<dyn ProgressSink>) -> Self {
        self.progress = Arc::from(progress);
        self
    }

    /// Asks about files with `dialog` instead of answering "closed".
    #[must_use]
    pub fn with_file_dialog(mut self, dialog: Box<dyn FileDialog>) -> Self {
        self.file_dialog = dialog;
        self
    }

    /// Keeps secrets in `keychain` instead of the system's (tests).
    #[must_use]
    pub fn with_keychain(mut self, keychain: Keychain) -> Self {
        self.keychain = keychain;
        self
    }

    /// Gives each Demo Bank account `transactions` entries instead of a year's worth.
    #[must_use]
    pub fn with_demo_transactions(mut self, transactions: u32) -> Self {
        self.demo_transactions = transactions;
        self
    }

    /// Opens the app's data now, unless it is open already (start-up does, to show what is
    /// stored at once).
    pub async fn open(&self) -> Result<()> {
        self.data().await.map(|_| ())
    }

    /// The app's data, opened now unless it is already.
    pub(crate) async fn data(&self) -> Result<Arc<Opened>> {
        if let Some(opened) = self.opened() {
            return Ok(opened);
        }
        let _opening = self.opening().await;
        if let Some(opened) = self.opened() {
            return Ok(opened);
        }
        let opened = Arc::new(self.open_data().await?);
        self.set_opened(Some(Arc::clone(&opened)));
        Ok(opened)
    }

    /// Held while the data opens or its files move.
    pub(crate) async fn opening(&self) -> tokio::sync::MutexGuard<'_, ()> {
        self.opening.lock().await
    }

    /// Opens the store with the keychain's key, and the saved connections.
    pub(crate) async fn open_data(&self) -> Result<Opened> {
        self.open_data_keeping(None).await
    }

    /// As [`open_data`](Self::open_data), keeping `connector` when given (a Demo Bank already
    /// running).
    pub(crate) async fn open_data_keeping(&self, connector: Option<Connector>) -> Result<Opened> {
        let folders = self.folders()?;
        let key = store_key::for_store(&self.keychain, &Opened::store_path(folders))
            .await
            .map_err(|error| error.in_data_folder(&folders.data))?;
        Opened::open(
            folders,
            &self.keychain,
            &key,
            self.demo_transactions,
            connector,
        )
    }

    /// The data if it is open, without trying to open it: an app that could not open its data
    /// (or has not yet, at a cold start) has started no consent an answer could match.
    pub(crate) fn opened(&self) -> Option<Arc<Opened>> {
        self.opened
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    pub(crate) fn set_opened(&self, opened: Option<Arc<Opened>>) {
        *self.opened.write().unwrap_or_else(PoisonError::into_inner) = opened;
    }

    /// A use case's error as the person is told it: a failure of the store, which does not
    /// know where it is, names the data folder. Every command's error passes through here.
    pub fn with_data_folder(&self, error: Error) -> Error {
        match &self.folders {
            Ok(folders) => error.in_data_folder(&folders.data),
            Err(_) => error,
        }
    }

    pub(crate) fn folders(&self) -> Result<&Folders> {
        self.folders
            .as_ref()
            .map_err(|cause| Error::Folders(Arc::clone(cause)))
    }
}
