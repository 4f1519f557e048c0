//! App start-up: the app's state, deep-link registration and routing of incoming URLs.

use std::path::Path;
use std::sync::{Mutex, PoisonError};

use bank::BankProfile;
use connection::{Connector, DEMO_BANK_STATE_FILE, Link};
use store::Store;
use tauri::{App, AppHandle, Manager};
use tauri_plugin_deep_link::DeepLinkExt;
use vault::Keychain;

use crate::error::Error;
use crate::state::AppState;
use crate::{consent, launch};

/// Pins the in-process Demo Bank to a port (the end-to-end tests reach its admin interface).
const DEMO_PORT_ENV: &str = "BANKBOOK_DEMO_PORT";
/// How many transactions each Demo Bank account has (tests and measurements vary it).
const DEMO_TRANSACTIONS_ENV: &str = "BANKBOOK_DEMO_TRANSACTIONS";
/// About a year of everyday banking: enough history to scroll through.
const DEMO_TRANSACTIONS: u32 = 1_200;
const STORE_FILE: &str = "bankbook.sqlite3";

pub fn setup(app: &App) {
    // Without its data the app still opens, to say what is wrong; the first command the
    // window sends (`connection_status`) tries again.
    if let Err(error) = open_state(app.handle()) {
        tracing::error!(%error, "Bankbook could not open its data");
    }

    // Linux has no install-time registration for an unbundled binary, and Windows debug builds
    // are never installed: register the scheme for this executable at run time.
    #[cfg(any(target_os = "linux", all(debug_assertions, windows)))]
    if let Err(error) = app.deep_link().register_all() {
        // Not fatal: the app works, only the browser cannot hand the consent back.
        tracing::warn!(%error, "could not register the deep-link scheme");
    }

    // macOS hands URLs to the running app through the plugin, which emits them as an event.
    // Linux and Windows pass them as a launch argument, read below without that event.
    #[cfg(target_os = "macos")]
    {
        let handle = app.handle().clone();
        app.deep_link().on_open_url(move |event| {
            for url in event.urls() {
                consent::route(&handle, &url);
            }
        });
        // A URL that opened the app arrived before this listener did.
        if let Ok(Some(urls)) = app.deep_link().get_current() {
            urls.iter()
                .for_each(|url| consent::route(app.handle(), url));
        }
    }

    // Cold start: the OS started us with the callback URL as argument.
    if let Some(url) = launch::url_argument(launch::arguments()) {
        consent::route(app.handle(), &url);
    }
}

/// A second launch (for example the OS delivering a callback URL) focuses the running window
/// and hands its URL to the consent. Read here rather than through the deep-link plugin, which
/// would also emit the URL, authorization code and all, as an event any webview could listen to.
pub fn on_second_instance(app: &AppHandle, argv: Vec<String>, _cwd: String) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.set_focus();
    }
    if let Some(url) = launch::url_argument(argv.into_iter()) {
        consent::route(app, &url);
    }
}

/// Opens the app's data and keeps it as Tauri state, unless that was done already. One caller
/// at a time: two would open the store and run its migrations side by side.
pub fn open_state(app: &AppHandle) -> Result<(), Error> {
    static OPENING: Mutex<()> = Mutex::new(());
    let _opening = OPENING.lock().unwrap_or_else(PoisonError::into_inner);
    if app.try_state::<AppState>().is_none() {
        app.manage(app_state(app)?);
    }
    Ok(())
}

fn app_state(app: &AppHandle) -> Result<AppState, Error> {
    let config_folder = app.path().app_config_dir().map_err(Error::Folders)?;
    let data_folder = app.path().app_data_dir().map_err(Error::Folders)?;
    let unusable = |reason: String| Error::DataFolder {
        path: data_folder.display().to_string(),
        reason,
    };
    std::fs::create_dir_all(&data_folder).map_err(|error| unusable(error.to_string()))?;
    let profiles = BankProfile::load_all(&config_folder).unwrap_or_else(|error| {
        // The dialog reports the broken file when it lists the banks; the Demo Bank still works.
        tracing::warn!(%error, "bank profiles not loaded");
        vec![BankProfile::demo()]
    });
    let connector = Connector::new(profiles, &data_folder, Keychain::system())
        .with_demo_config(demo_config(&data_folder));
    let store_path = data_folder.join(STORE_FILE);
    // SQLite says only "unable to open database file"; opening the file first gets the
    // system's reason ("Read-only file system", "No space left on device").
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&store_path)
        .map_err(|error| unusable(error.to_string()))?;
    let store = Store::open(&store_path).map_err(|error| {
        if error.is_storage_failure() {
            unusable(error.to_string())
        } else {
            Error::Store(error)
        }
    })?;
    let link = saved_link(&store)?;
    Ok(AppState::new(connector, store, link))
}

/// The Demo Bank, sized and placed as the environment asks; its consents in the data folder.
fn demo_config(data_folder: &Path) -> sandbox_bank::Config {
    let mut config = sandbox_bank::Config::default()
        .transactions_per_account(env_number(DEMO_TRANSACTIONS_ENV).unwrap_or(DEMO_TRANSACTIONS))
        .state_file(data_folder.join(DEMO_BANK_STATE_FILE));
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

/// The connection saved by an earlier run. Its session opens when the bank is first needed,
/// so the window shows what is stored without waiting for the keychain or the Demo Bank.
fn saved_link(store: &Store) -> Result<Option<Link>, Error> {
    let Some(saved) = store.connection()? else {
        return Ok(None);
    };
    // A date out of range can only be damage: take the consent as ended, so the app asks to
    // connect again.
    let consent_expires_at = time::OffsetDateTime::from_unix_timestamp(saved.consent_expires_at)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    Ok(Some(Link::saved(saved.bank_id, consent_expires_at)))
}
