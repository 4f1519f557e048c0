//! A core connected to the Demo Bank (the sandbox bank on loopback), its consent given at the
//! bank's page by a stand-in for the person, with test doubles for the window's progress bar
//! and save dialog. For the search, whole-history and export tests.

// Test code, as the test modules that use it are: its helpers unwrap as they do.
#![cfg(test)]

use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::Instant;

use app::{
    Browser, Clock, Core, FileAnswer, FileDialog, FileKind, Folders, ProgressSink, TaskKind,
    TaskProgress,
};
use sandbox_bank::user::{ConsentUser, Decision};
use store::{Store, StoreKey, StoredEntry};
use tokio::sync::mpsc;
use url::Url;
use vault::Keychain;

mod clock;

pub use clock::{DemoBankAdmin, Notifications, TestClock};

pub const DEMO: &str = "demo";

/// The person in front of the browser: approves the first `accounts` accounts and hands the
/// bank's redirect back as the operating system would.
#[derive(Debug)]
struct PersonAtTheBank {
    /// How many accounts the next consent approves.
    accounts: Arc<std::sync::atomic::AtomicUsize>,
    redirects: mpsc::UnboundedSender<Url>,
    /// The last consent page opened.
    page: Arc<Mutex<Option<Url>>>,
}

impl Browser for PersonAtTheBank {
    fn open(&self, url: &Url) -> app::Result<()> {
        *self.page.lock().unwrap_or_else(PoisonError::into_inner) = Some(url.clone());
        let accounts = self.accounts.load(std::sync::atomic::Ordering::Relaxed);
        let (page, redirects) = (url.clone(), self.redirects.clone());
        tokio::spawn(async move {
            let person = ConsentUser::new("jana.novakova", "demo1234").unwrap();
            let redirect = person
                .decide(&page, &Decision::ApproveFirst(accounts))
                .await
                .unwrap();
            redirects.send(redirect).unwrap();
        });
        Ok(())
    }
}

/// Every progress report, in order, also sent on a channel for tests that act on them.
#[derive(Debug, Clone)]
pub struct Progress {
    reports: Arc<Mutex<Vec<TaskProgress>>>,
    sender: mpsc::UnboundedSender<TaskProgress>,
    held: Arc<Hold>,
}

/// Keeps the export's writing thread at its first report of rows written until the test lets
/// it go, so that what the test does meanwhile (a cancel) lands between two rows whatever the
/// machine's pace.
#[derive(Debug, Default)]
struct Hold {
    holding: Mutex<bool>,
    released: Condvar,
}

impl ProgressSink for Progress {
    fn report(&self, progress: TaskProgress) {
        self.reports
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(progress);
        let _ = self.sender.send(progress);
        // Only on the writing thread (rows written): the runtime's own thread is never held.
        if progress.task == TaskKind::Export && progress.done > 0 {
            let mut holding = self
                .held
                .holding
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            while *holding {
                holding = self
                    .held
                    .released
                    .wait(holding)
                    .unwrap_or_else(PoisonError::into_inner);
            }
        }
    }
}

impl Progress {
    /// Holds the next export at its first report of rows written, until `release`.
    pub fn hold_export(&self) {
        *self
            .held
            .holding
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = true;
    }

    pub fn release(&self) {
        *self
            .held
            .holding
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = false;
        self.held.released.notify_all();
    }

    pub fn reports(&self) -> Vec<TaskProgress> {
        self.reports
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

/// A save dialog the person answers with a file in a folder of the test's, or closes.
#[derive(Debug)]
pub struct SaveInto {
    pub folder: Option<PathBuf>,
    /// The file the person picks in the open dialog; `None`: they close it.
    pub open_file: Option<PathBuf>,
    /// The file names suggested, in order.
    pub suggested: Arc<Mutex<Vec<String>>>,
}

impl FileDialog for SaveInto {
    fn save_as(&self, file_name: &str, _kind: FileKind) -> FileAnswer<'_> {
        self.suggested
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(file_name.to_owned());
        let answer = self.folder.as_ref().map(|folder| folder.join(file_name));
        Box::pin(std::future::ready(answer))
    }

    fn open(&self, _kind: FileKind) -> FileAnswer<'_> {
        Box::pin(std::future::ready(self.open_file.clone()))
    }
}

pub struct App {
    pub core: Core,
    pub root: PathBuf,
    pub progress: Progress,
    pub progress_reports: mpsc::UnboundedReceiver<TaskProgress>,
    pub suggested: Arc<Mutex<Vec<String>>>,
    consent_page: Arc<Mutex<Option<Url>>>,
    approved: Arc<std::sync::atomic::AtomicUsize>,
    keychain: Keychain,
    redirects: mpsc::UnboundedReceiver<Url>,
    _folders: tempfile::TempDir,
}

/// How the test's app is set up.
#[derive(Debug, Clone)]
pub struct Setup {
    /// Entries each Demo Bank account has.
    pub transactions: u32,
    /// Accounts consented and shown.
    pub accounts: usize,
    /// Where the save dialog saves; `None`: the person closes it.
    pub save_into: Option<PathBuf>,
    /// What the open dialog opens; `None`: the person closes it.
    pub open_file: Option<PathBuf>,
    /// What the automatic refreshes are planned by; `None`: the system's clock.
    pub clock: Option<Arc<dyn Clock>>,
    /// Where the desktop notifications go; `None`: nowhere.
    pub notifications: Option<Notifications>,
}

impl Setup {
    pub fn new(transactions: u32, accounts: usize) -> Self {
        Self {
            transactions,
            accounts,
            save_into: None,
            open_file: None,
            clock: None,
            notifications: None,
        }
    }
}

impl App {
    pub fn new(setup: &Setup) -> Self {
        let folders = tempfile::tempdir().unwrap();
        let root = folders.path().to_owned();
        let (sender, redirects) = mpsc::unbounded_channel();
        let (progress_sender, progress_reports) = mpsc::unbounded_channel();
        let progress = Progress {
            reports: Arc::default(),
            sender: progress_sender,
            held: Arc::default(),
        };
        let suggested = Arc::<Mutex<Vec<String>>>::default();
        let consent_page = Arc::<Mutex<Option<Url>>>::default();
        let approved = Arc::new(std::sync::atomic::AtomicUsize::new(setup.accounts));
        let keychain = Keychain::with_store(keyring_core::mock::Store::new().unwrap());
        let core = Core::new(
            Ok::<_, std::io::Error>(Folders {
                config: root.join("config"),
                data: root.join("data"),
            }),
            Box::new(PersonAtTheBank {
                accounts: Arc::clone(&approved),
                redirects: sender,
                page: Arc::clone(&consent_page),
            }),
            Instant::now(),
        )
        .with_keychain(keychain.clone())
        .with_demo_transactions(setup.transactions)
        .with_progress(Box::new(progress.clone()))
        .with_file_dialog(Box::new(SaveInto {
            folder: setup.save_into.clone(),
            open_file: setup.open_file.clone(),
            suggested: Arc::clone(&suggested),
        }));
        let core = match &setup.clock {
            Some(clock) => core.with_clock(Arc::clone(clock)),
            None => core,
        };
        let core = match &setup.notifications {
            Some(notifications) => core.with_notifier(Box::new(notifications.clone())),
            None => core,
        };
        Self {
            core,
            root,
            consent_page,
            approved,
            keychain,
            progress,
            progress_reports,
            suggested,
            redirects,
            _folders: folders,
        }
    }

    /// The next consent approves the first `accounts` accounts.
    pub fn approve_next(&self, accounts: usize) {
        self.approved
            .store(accounts, std::sync::atomic::Ordering::Relaxed);
    }

    /// Connects to the Demo Bank and shows every consented account; returns their IBANs.
    pub async fn connect(&mut self) -> Vec<String> {
        self.core.start_consent(DEMO.to_owned()).await.unwrap();
        let redirect = self.redirects.recv().await.unwrap();
        assert!(self.core.answer_consent(&redirect).await.unwrap().ok);
        let ibans: Vec<String> = self
            .core
            .consented_accounts(DEMO.to_owned())
            .await
            .unwrap()
            .into_iter()
            .map(|account| account.iban)
            .collect();
        self.core
            .select_accounts(DEMO.to_owned(), ibans.clone())
            .await
            .unwrap();
        ibans
    }

    /// The Demo Bank's base URL, once a consent page was opened there.
    pub fn demo_bank_url(&self) -> Url {
        let page = self
            .consent_page
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
            .expect("a consent page was opened");
        page.join("/").unwrap()
    }

    pub fn keychain(&self) -> &Keychain {
        &self.keychain
    }

    /// The store the app keeps its data in, opened beside the app's own connection to it.
    pub fn stored(&self) -> Store {
        stored_in(&self.root, &self.keychain)
    }

    /// Every stored entry of `iban`, in list order.
    pub fn stored_entries(&self, iban: &str) -> Vec<StoredEntry> {
        self.stored().entries_after(iban, None, u32::MAX).unwrap()
    }
}

/// A second app core on the folders under `root` (as after a restart, or on a computer whose
/// keychain is `keychain`), with no browser: it connects no bank.
pub fn core_on(root: &Path, keychain: Keychain) -> Core {
    Core::new(
        Ok::<_, std::io::Error>(Folders {
            config: root.join("config"),
            data: root.join("data"),
        }),
        Box::new(NoBrowser),
        Instant::now(),
    )
    .with_keychain(keychain)
}

#[derive(Debug)]
struct NoBrowser;

impl Browser for NoBrowser {
    fn open(&self, _url: &Url) -> app::Result<()> {
        Err(app::Error::InvalidInput(
            "no browser in this test".to_owned(),
        ))
    }
}

/// An app connected to `setup.accounts` accounts with their whole history stored.
pub async fn with_whole_history(setup: &Setup) -> (App, Vec<String>) {
    let mut app = App::new(setup);
    let ibans = app.connect().await;
    let fetched = app.core.fetch_whole_history(None).await.unwrap();
    assert!(fetched.complete && !fetched.cancelled, "{fetched:?}");
    (app, ibans)
}

/// The store an app keeps under `root`, opened with the key it keeps in `keychain`, beside the
/// app's own connection to it.
pub fn stored_in(root: &Path, keychain: &Keychain) -> Store {
    Store::open(
        &root.join("data").join("bankbook.sqlite3"),
        &store_key(keychain),
    )
    .unwrap()
}

/// The key an app keeps for its store in `keychain`. Read on a thread and a runtime of its
/// own: the helpers that open the store are not async.
fn store_key(keychain: &Keychain) -> StoreKey {
    let keychain = keychain.clone();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let text = runtime
            .block_on(keychain.store_key())
            .unwrap()
            .expect("the app made its store's key");
        StoreKey::from_hex(text.expose()).unwrap()
    })
    .join()
    .unwrap()
}
