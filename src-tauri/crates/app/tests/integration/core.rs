//! The app core without a window: consents completed against the Demo Bank (the sandbox bank on
//! loopback) by a stand-in for the person at its page, accounts chosen, history paged,
//! disconnecting, a data folder that cannot be used at first, and the preferences remembered.

#![cfg(test)]

use std::path::{Path, PathBuf};
use std::time::Instant;

use app::{
    Browser, Core, ErrorCode, ErrorDetail, Folders, IpcError, LanguageChoice, PageDirection,
    PreferenceChoice, ThemeChoice,
};
use sandbox_bank::user::{ConsentUser, Decision};
use store::Store;
use tokio::sync::mpsc;
use url::Url;
use vault::Keychain;

const DEMO: &str = "demo";

/// Each Demo Bank account's history: two pages of ten.
const TRANSACTIONS: u32 = 20;

/// The person in front of the browser: signs in at the bank's page, decides, and hands the
/// bank's redirect back as the operating system would hand it to the app.
#[derive(Debug)]
struct PersonAtTheBank {
    decision: Decision,
    redirects: mpsc::UnboundedSender<Url>,
}

impl Browser for PersonAtTheBank {
    fn open(&self, url: &Url) -> app::Result<()> {
        let (page, decision, redirects) =
            (url.clone(), self.decision.clone(), self.redirects.clone());
        tokio::spawn(async move {
            let person = ConsentUser::new("jana.novakova", "demo1234").unwrap();
            let redirect = person.decide(&page, &decision).await.unwrap();
            redirects.send(redirect).unwrap();
        });
        Ok(())
    }
}

struct App {
    core: Core,
    /// Holds the `config` and `data` folders.
    root: PathBuf,
    keychain: Keychain,
    redirects: mpsc::UnboundedReceiver<Url>,
    _folders: tempfile::TempDir,
}

fn app(decision: Decision) -> App {
    let folders = tempfile::tempdir().unwrap();
    let root = folders.path().to_owned();
    app_in(&root, decision, folders)
}

fn app_in(root: &Path, decision: Decision, folders: tempfile::TempDir) -> App {
    let (sender, redirects) = mpsc::unbounded_channel();
    let browser = PersonAtTheBank {
        decision,
        redirects: sender,
    };
    let keychain = Keychain::with_store(keyring_core::mock::Store::new().unwrap());
    let core = Core::new(
        Ok::<_, std::io::Error>(Folders {
            config: root.join("config"),
            data: root.join("data"),
        }),
        Box::new(browser),
        Instant::now(),
    )
    .with_keychain(keychain.clone())
    .with_demo_transactions(TRANSACTIONS);
    App {
        core,
        root: root.to_owned(),
        keychain,
        redirects,
        _folders: folders,
    }
}

impl App {
    fn stored(&self) -> Store {
        crate::common::stored_in(&self.root, &self.keychain)
    }

    /// Starts a consent at the Demo Bank and hands the bank's answer to the core.
    async fn consent(&mut self) -> app::ConsentOutcome {
        self.core.start_consent(DEMO.to_owned()).await.unwrap();
        let redirect = self.redirects.recv().await.unwrap();
        self.core.answer_consent(&redirect).await.unwrap()
    }

    /// Connects and shows every consented account; returns their IBANs.
    async fn connect(&mut self) -> Vec<String> {
        assert!(self.consent().await.ok);
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
}

#[tokio::test]
async fn a_consent_connects_and_the_chosen_accounts_are_shown() {
    let mut app = app(Decision::ApproveFirst(2));
    let before = app.core.connection_status().await.unwrap();
    assert!(before.connections.is_empty());

    let outcome = app.consent().await;
    assert!(outcome.ok);
    assert_eq!(outcome.bank_id, DEMO);
    let consented = app.core.consented_accounts(DEMO.to_owned()).await.unwrap();
    assert_eq!(consented.len(), 2);
    let chosen = vec![consented[1].iban.clone()];
    let status = app
        .core
        .select_accounts(DEMO.to_owned(), chosen.clone())
        .await
        .unwrap();

    let [connection] = &status.connections[..] else {
        panic!("one connection: {status:?}");
    };
    assert_eq!(connection.bank.id, DEMO);
    assert!(connection.consent_expires_at.is_some());
    assert!(!connection.tokens_unsaved);
    let shown: Vec<String> = connection
        .selected_accounts
        .clone()
        .into_iter()
        .map(|account| account.iban)
        .collect();
    assert_eq!(shown, chosen);
}

#[tokio::test]
async fn an_account_that_was_not_consented_cannot_be_chosen() {
    let mut app = app(Decision::ApproveFirst(1));
    assert!(app.consent().await.ok);
    app.core.consented_accounts(DEMO.to_owned()).await.unwrap();

    for choice in [vec![], vec!["SK0000000000000000000000".to_owned()]] {
        let refused = app
            .core
            .select_accounts(DEMO.to_owned(), choice)
            .await
            .unwrap_err();
        assert_eq!(refused.code(), ErrorCode::InvalidInput);
    }
}

#[tokio::test]
async fn history_pages_through_the_bank_to_its_end_once_each() {
    let mut app = app(Decision::ApproveFirst(1));
    let iban = app.connect().await.remove(0);

    let mut cursor = None;
    let mut seen = Vec::new();
    loop {
        let page = app
            .core
            .transactions_page(iban.clone(), cursor, 10, PageDirection::Older)
            .await
            .unwrap();
        seen.extend(page.items.into_iter().map(|entry| entry.id));
        if page.complete && page.next_cursor.is_none() {
            break;
        }
        cursor = page.next_cursor;
        assert!(cursor.is_some(), "an incomplete history has a next page");
    }

    let mut distinct = seen.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), seen.len(), "an entry came twice");
    assert!(seen.len() >= usize::try_from(TRANSACTIONS).unwrap());
}

/// Connected to one account, with its first page of history stored; returns its IBAN.
async fn with_stored_history() -> (App, String) {
    let mut app = app(Decision::ApproveFirst(1));
    let iban = app.connect().await.remove(0);
    app.core
        .transactions_page(iban.clone(), None, 10, PageDirection::Older)
        .await
        .unwrap();
    (app, iban)
}

#[tokio::test]
async fn disconnecting_forgets_the_connection_and_the_data_when_asked() {
    let (app, iban) = with_stored_history().await;
    assert!(app.stored().entry_count(&iban).unwrap() > 0);

    app.core.disconnect(DEMO.to_owned(), false).await.unwrap();

    let status = app.core.connection_status().await.unwrap();
    assert!(status.connections.is_empty());
    assert!(app.core.accounts_overview().await.unwrap().is_empty());
    let after = app
        .core
        .transactions_page(iban.clone(), None, 10, PageDirection::Older)
        .await
        .unwrap_err();
    assert_eq!(after.code(), ErrorCode::InvalidInput, "{after:?}");
    let store = app.stored();
    assert_eq!(store.entry_count(&iban).unwrap(), 0);
    assert!(store.selected_accounts("demo").unwrap().is_empty());
}

#[tokio::test]
async fn disconnecting_keeps_the_data_when_asked_to() {
    let (app, iban) = with_stored_history().await;

    app.core.disconnect(DEMO.to_owned(), true).await.unwrap();

    let status = app.core.connection_status().await.unwrap();
    assert!(status.connections.is_empty());
    assert!(app.stored().entry_count(&iban).unwrap() > 0);
}

#[tokio::test]
async fn a_refusal_at_the_bank_is_consent_denied() {
    let mut app = app(Decision::Deny);

    let outcome = app.consent().await;

    assert!(!outcome.ok);
    assert_eq!(outcome.bank_id, DEMO);
    assert_eq!(outcome.error.unwrap().code, ErrorCode::ConsentDenied);
    let status = app.core.connection_status().await.unwrap();
    assert!(status.connections.is_empty());
}

#[tokio::test]
async fn an_answer_to_no_consent_of_ours_changes_nothing_and_opens_nothing() {
    let app = app(Decision::ApproveFirst(1));
    let forged = Url::parse("app.bankbook:/oauth/callback/demo?code=c&state=s").unwrap();

    // Nothing for the window to show: a log line only.
    assert!(app.core.answer_consent(&forged).await.is_none());
    assert!(
        !app.root.join("data").exists(),
        "the answer opened the data"
    );
    let not_a_callback = Url::parse("app.bankbook:/elsewhere").unwrap();
    assert!(app.core.answer_consent(&not_a_callback).await.is_none());
}

#[tokio::test]
async fn a_data_folder_that_cannot_be_made_is_said_and_tried_again() {
    let folders = tempfile::tempdir().unwrap();
    let root = folders.path().to_owned();
    // A file where the data folder should be: the folder cannot be made.
    std::fs::write(root.join("data"), b"in the way").unwrap();
    let app = app_in(&root, Decision::ApproveFirst(1), folders);

    let failed = app.core.connection_status().await.unwrap_err();
    assert_eq!(failed.code(), ErrorCode::StorageUnavailable);
    let Some(ErrorDetail::Folder { path, .. }) = IpcError::from(&failed).detail else {
        panic!("{failed:?}");
    };
    assert_eq!(path, root.join("data").display().to_string());

    std::fs::remove_file(root.join("data")).unwrap();
    assert!(
        app.core
            .connection_status()
            .await
            .unwrap()
            .connections
            .is_empty()
    );
}

#[tokio::test]
async fn preferences_are_remembered_and_a_broken_file_is_kept_aside() {
    let app = app(Decision::ApproveFirst(1));
    let fresh = app.core.preferences().await.unwrap();
    assert_eq!(
        (fresh.language, fresh.theme, fresh.unreadable),
        (LanguageChoice::System, ThemeChoice::System, None)
    );

    let config = app.root.join("config");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("preferences.toml"), "theme = \"dark\n").unwrap();
    let broken = app.core.preferences().await.unwrap();
    assert_eq!(broken.theme, ThemeChoice::System);
    assert_eq!(broken.unreadable.unwrap().line, Some(1));

    let choice = PreferenceChoice {
        language: LanguageChoice::Sk,
        theme: ThemeChoice::Dark,
        ..PreferenceChoice::default()
    };
    let saved = app.core.save_preferences(choice).await.unwrap();
    assert_eq!(
        (saved.language, saved.theme),
        (LanguageChoice::Sk, ThemeChoice::Dark)
    );
    let read = app.core.preferences().await.unwrap();
    assert_eq!(
        (read.language, read.theme, read.unreadable),
        (LanguageChoice::Sk, ThemeChoice::Dark, None)
    );
    let kept = std::fs::read_to_string(config.join("preferences.broken.toml")).unwrap();
    assert_eq!(kept, "theme = \"dark\n");
}

/// What a save of the preferences told the desktop: start at login, and the tray's language.
#[derive(Debug, Clone, Default)]
struct Desktop(std::sync::Arc<std::sync::Mutex<Vec<String>>>);

impl Desktop {
    fn told(&self) -> Vec<String> {
        std::mem::take(&mut *self.0.lock().unwrap())
    }
}

impl app::LoginItem for Desktop {
    fn set(&self, start_at_login: bool) -> app::Result<()> {
        self.0
            .lock()
            .unwrap()
            .push(format!("start at login: {start_at_login}"));
        Ok(())
    }
}

impl app::TrayMenu for Desktop {
    fn speak(&self, slovak: bool) -> app::Result<()> {
        self.0
            .lock()
            .unwrap()
            .push(format!("tray in Slovak: {slovak}"));
        Err(app::Error::tray_menu(std::io::Error::other("no tray here")))
    }
}

#[tokio::test]
async fn a_saved_choice_sets_start_at_login_and_a_new_language_the_trays_and_a_tray_error_loses_nothing()
 {
    let root = tempfile::tempdir().unwrap();
    let desktop = Desktop::default();
    let core = crate::common::core_on(
        root.path(),
        Keychain::with_store(keyring_core::mock::Store::new().unwrap()),
    )
    .with_login_item(Box::new(desktop.clone()))
    .with_tray_menu(Box::new(desktop.clone()));
    let choice = PreferenceChoice {
        language: LanguageChoice::Sk,
        start_at_login: true,
        ..PreferenceChoice::default()
    };
    let saved = core.save_preferences(choice).await.unwrap();
    assert!(saved.start_at_login);
    assert_eq!(
        desktop.told(),
        ["start at login: true", "tray in Slovak: true"]
    );
    // Another theme, the same language: the tray is not made again.
    let dark = PreferenceChoice {
        theme: ThemeChoice::Dark,
        ..choice
    };
    core.save_preferences(dark).await.unwrap();
    assert_eq!(desktop.told(), ["start at login: true"]);
    let english = PreferenceChoice {
        language: LanguageChoice::En,
        ..choice
    };
    core.save_preferences(english).await.unwrap();
    assert_eq!(
        desktop.told(),
        ["start at login: true", "tray in Slovak: false"]
    );
    assert_eq!(
        core.preferences().await.unwrap().language,
        LanguageChoice::En
    );
}
