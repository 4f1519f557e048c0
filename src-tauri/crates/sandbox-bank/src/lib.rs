//! A real bank of the SBAS family on loopback, for tests and the app's Demo Bank.
//!
//! An OAuth 2.0 authorization server (consent page, authorization code with PKCE S256, refresh
//! token rotation) and a PSD2 account-information server speaking `shared/bank-api.md`, over
//! seeded, deterministic data; plus an admin interface to revoke, expire, add transactions,
//! inject faults and read counters. See README.md for the HTTP details.
//!
//! ```no_run
//! # async fn demo() -> sandbox_bank::Result<()> {
//! use sandbox_bank::{Config, SandboxBank};
//! let bank = SandboxBank::start(Config::default()).await?;
//! println!("{} {}", bank.base_url(), bank.client().client_id);
//! bank.shutdown().await
//! # }
//! ```

mod admin;
mod api;
mod clock;
mod config;
mod consent_page;
mod counters;
mod data;
mod endpoint;
mod error;
mod faults;
mod form;
pub mod iban;
mod oauth;
mod persistence;
mod router;
mod secrets;
mod server;
mod state;
mod sync;
pub mod user;

pub use admin::{AccountSnapshot, Admin, GrantFilter, GrantInfo, TokenDigests};
pub use config::{ACCOUNTS_PER_USER, ClientRegistration, Config, MAX_TRANSACTIONS_PER_ACCOUNT};
pub use counters::Counters;
pub use data::{AccountKind, DemoAccount, DemoUser, EntryStatus, NewTransaction};
pub use endpoint::Endpoint;
pub use error::{Error, Result};
pub use faults::{ActiveFault, Fault, FaultKind, Lasting};
pub use oauth::GrantId;
pub use server::{RunningBank, SandboxBank};
