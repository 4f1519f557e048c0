//! Bankbook's bank client for the SBAS family of PSD2 account-information APIs: OAuth consent,
//! the token life of a connection, and the accounts, balances and transactions calls.

mod api;
mod callback;
mod client_check;
mod client_key;
mod error;
#[cfg(fuzzing)]
pub mod fuzzing;
mod keychain_store;
mod model;
mod money;
mod oauth;
mod pending;
mod presets;
mod profile;
mod profiles_file;
mod session;
mod tokens;
mod transport;

pub use api::{
    BankApi, BankErrorBody, PAGE_SIZES, Presence, RetryPolicy, StatusFilter, TransactionsQuery,
};
pub use callback::{Answer, CALLBACK_PATH, Callback, SCHEME, redirect_uri};
pub use client_check::{ClientCheck, check_client};
pub use client_key::{MAX_IDENTITY_FILE_BYTES, check_identity, read_certificate, read_private_key};
pub use error::{Error, Result};
pub use error::{FieldProblem, IdentityProblem, ProfileField};
pub use model::{
    Account, AccountInformation, Balance, BalanceKind, Counterparty, EntryStatus, Iban, Page,
    PaymentSymbols, Transaction, parse_account_information, parse_accounts_page,
    parse_transactions_page,
};
pub use money::{CreditDebit, Money};
pub use oauth::{ConsentRequest, OAuth, OAuthConfig};
pub use pending::{CONSENT_WAIT, PendingConsent, PendingConsents, Unmatched};
pub use presets::{Environment, PRESETS, Preset};
pub use profile::{BankProfile, Connection, DEMO_BANK_ID, PROFILES_FILE, RemoteBank, line_of};
pub use profile::{MAX_CLIENT_ID_LEN, MAX_ID_LEN, MAX_NAME_LEN, MAX_URL_LEN};
pub use profiles_file::{RemoteProfileInput, fold, remove_profile, save_profile};
pub use session::{CONSENT_LIFETIME, RefreshTokenStore, Session};
pub use tokens::{AccessToken, IssuedTokens, RefreshToken};
pub use transport::{ClientIdentity, Timeouts, http_client};
