//! Connecting Bankbook to a bank, without Tauri: resolve the bank profile (starting the Demo
//! Bank in-process when it is chosen), start a consent for the browser, complete it from the
//! callback only when its state matches, and resume the connection after a restart.

mod connector;
mod error;
mod link;

pub use connector::{Connected, Connector, DEMO_BANK_STATE_FILE};
pub use error::{Error, Result};
pub use link::Link;
