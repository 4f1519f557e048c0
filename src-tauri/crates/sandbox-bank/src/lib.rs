//! A real bank of the SBAS family on loopback, for tests and the app's Demo Bank.
//!
//! An OAuth 2.0 authorization server (consent page, authorization code with PKCE S256, refresh
//! token rotation) and a PSD2 account-information server speaking `shared/bank-api.md`, over
//! seeded, deterministic data. See README.md for the HTTP details.
//!
//! The test bench is the `admin` feature, off by default: the admin interface (`/__admin` over
//! HTTP, `Admin` in-process) to revoke, expire, add transactions, inject faults and read
//! counters, and `user`, a scripted person at the consent page. Without it the bank serves
//! the contract only, as the app's built-in Demo Bank does, and `/__admin` answers 404.
//! Either way the bank answers only requests addressed to its own `Host` (DNS rebinding).
//!
//! ```no_run
//! # async fn demo() -> sandbox_bank::Result<()> {
//! use sandbox_bank::{Config, SandboxBank};
//! let bank = SandboxBank::start(Config::default()).await?;
//! println!("{} {}", bank.base_url(), bank.client().client_id);
//! bank.shutdown().await
//! # }
//! ```

#[cfg(feature = "admin")]
mod admin;
mod api;
mod clock;
mod config;
mod consent_page;
#[cfg(feature = "admin")]
mod counters;
mod data;
mod endpoint;
mod error;
#[cfg(feature = "admin")]
mod faults;
mod form;
mod host;
pub mod iban;
mod oauth;
mod persistence;
mod router;
mod secrets;
mod server;
mod state;
mod sync;
#[cfg(feature = "admin")]
pub mod tls;
mod transport;
#[cfg(feature = "admin")]
pub mod user;

#[cfg(feature = "admin")]
pub use admin::{AccountSnapshot, Admin, GrantFilter, GrantInfo, TokenDigests};
pub use api::{PsuHeaders, Resource, UNATTENDED_READS_PER_DAY};
pub use config::{ACCOUNTS_PER_USER, ClientRegistration, Config, MAX_TRANSACTIONS_PER_ACCOUNT};
#[cfg(feature = "admin")]
pub use counters::{Counters, Reads};
#[cfg(feature = "admin")]
pub use data::NewTransaction;
pub use data::{AccountKind, DemoAccount, DemoUser, EntryStatus};
pub use endpoint::Endpoint;
pub use error::{Error, Result};
#[cfg(feature = "admin")]
pub use faults::{ActiveFault, Fault, FaultKind, Lasting};
pub use oauth::GrantId;
pub use server::{RunningBank, SandboxBank};
