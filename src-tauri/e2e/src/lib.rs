//! The end-to-end harness: starts the built app through tauri-driver in a throwaway HOME (or,
//! for a headless `make run`, one kept between runs), drives it over WebDriver and keeps a
//! screenshot of every step.
//!
//! The tests run inside the session `scripts/with-desktop.sh` makes (Xvfb, a private D-Bus,
//! an unlocked gnome-keyring); `make e2e` sets it up. Environment:
//! - `BANKBOOK_APP`: the app binary to test, built with the test bench (required); the standalone
//!   `sandbox-bank` (the test bench's, which `cargo test --workspace` builds) is found beside it;
//! - `BANKBOOK_INSTALLER_APP`: the app as the installer ships it (for `tests/e2e/installer.rs`);
//! - `BANKBOOK_ARTEFACTS`: where screenshots and logs go (default `target/e2e-artefacts`);
//! - `TAURI_DRIVER`: the tauri-driver binary (default: found on `PATH`).
//! - `BANKBOOK_E2E_SLOT`: the parallel job's slot, set by `scripts/e2e.sh`: its ports' range
//!   (see [`free_port`]).
//!
//! The app speaks English in a session (`LANG=en_GB.UTF-8`, no `LC_ALL` or `LC_MESSAGES`)
//! unless a test sets another locale. The accessibility checks run axe-core from the UI's dev
//! dependencies (`ui/node_modules/axe-core`, installed by `npm --prefix ui install`).

mod axe;
mod banks;
mod bus;
mod demo;
mod disk;
mod error;
mod expected;
mod flows;
mod gc_log;
mod keyboard;
mod keyring;
mod language;
mod leaks;
mod notifications;
mod page_memory;
mod ports;
mod roles;
mod sandbox;
mod scroll;
mod search;
mod session;
mod tray;
mod typing;
mod window_manager;

pub use axe::{AXE_TAGS, AxeAudit, AxeReport, THEMES, Violation, axe_folder};
pub use banks::NewBank;
pub use bus::BareBus;
pub use demo::{AccountAtTheBank, DemoBank, EntryAtTheBank};
pub use disk::{SmallDisk, data_folder};
pub use error::{Error, Result};
pub use expected::{Sums, matches_words, sums, within, words_of};
pub use flows::{
    Onboarded, continue_in_browser, onboard, show_accounts, show_accounts_in, start_on_demo_bank,
};
pub use gc_log::JsHeap;
pub use keyring::PrivateKeyring;
pub use language::{Arg, ENGLISH, Language, SLOVAK, Words};
pub use leaks::{SecretScan, files_under};
pub use notifications::{NotificationSink, Notified, midday_time_zone};
pub use page_memory::PageMemory;
pub use ports::free_port;
pub use roles::Focused;
pub use sandbox::{ClientFiles, SandboxProcess, SandboxSettings, redirect_uri};
pub use scroll::{Pace, ScrollReport};
pub use search::{ShownRow, amount_after, count_text, same_magnitude, slow_transactions};
pub use session::{AppSession, artefacts_root};
pub use tray::{MenuEntry, TrayHost};
pub use typing::ResultsTiming;
pub use window_manager::{close_window, window_shown};
