//! What every request handler shares: the bank, the OAuth books, the clock, the state file the
//! grants are saved to, and (the `admin` feature) faults and counters.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
#[cfg(feature = "admin")]
use std::time::Duration;

use crate::api::UnattendedReads;
use crate::clock::Clock;
#[cfg(feature = "admin")]
use crate::clock::TooFarAhead;
use crate::config::{ClientRegistration, Config};
#[cfg(feature = "admin")]
use crate::counters::Counters;
use crate::data::Bank;
#[cfg(feature = "admin")]
use crate::faults::FaultBook;
use crate::oauth::{Grants, Lifetimes, PendingRequests};
use crate::persistence::{self, SavedState};
use crate::sync::lock;

pub(crate) type AppState = Arc<Shared>;

#[derive(Debug)]
pub(crate) struct Shared {
    pub client: ClientRegistration,
    /// The bank's base URL, which is also its issuer identifier: sent as `iss` with every
    /// authorization response (RFC 9207), so a client talking to several banks can tell which
    /// one answered (the mix-up defence of RFC 9700 4.4).
    pub issuer: String,
    pub lifetimes: Lifetimes,
    pub clock: Clock,
    pub bank: Bank,
    pub oauth: Mutex<OAuthBooks>,
    /// Reads made without the person, against PSD2's four a day.
    pub unattended_reads: Mutex<UnattendedReads>,
    #[cfg(feature = "admin")]
    pub faults: Mutex<FaultBook>,
    #[cfg(feature = "admin")]
    pub counters: Mutex<Counters>,
    state_file: Option<PathBuf>,
}

/// Authorization requests in progress and the grants made; one lock, as a decision on the
/// consent page both closes a request and issues a code.
#[derive(Debug, Default)]
pub(crate) struct OAuthBooks {
    pub requests: PendingRequests,
    pub grants: Grants,
}

impl Shared {
    /// A bank at `base_url` resuming `grants` (from the state file, or none).
    pub(crate) fn new(
        config: Config,
        clock: Clock,
        bank: Bank,
        grants: Grants,
        base_url: &str,
    ) -> Self {
        Self {
            issuer: base_url.to_owned(),
            lifetimes: Lifetimes {
                access: config.access_token_lifetime,
                consent: config.consent_lifetime,
            },
            client: config.client,
            clock,
            bank,
            oauth: Mutex::new(OAuthBooks {
                requests: PendingRequests::default(),
                grants,
            }),
            unattended_reads: Mutex::default(),
            #[cfg(feature = "admin")]
            faults: Mutex::default(),
            #[cfg(feature = "admin")]
            counters: Mutex::default(),
            state_file: config.state_file,
        }
    }

    /// Runs `change` on the grants and saves them if it changed what a restart keeps. The save
    /// happens under the lock, so files are written in the order of the changes and the last
    /// one written holds the newest state. Writing on the request's thread is fine here: a
    /// small file, on the rare requests that change grants, for one app on loopback.
    pub(crate) fn change_grants<T>(&self, change: impl FnOnce(&mut Grants) -> T) -> T {
        let mut books = lock(&self.oauth);
        let revision = books.grants.revision();
        let outcome = change(&mut books.grants);
        if books.grants.revision() != revision {
            self.save(&books.grants);
        }
        outcome
    }

    /// Moves the bank's clock forward and saves the new offset: consents age by it, and must
    /// not grow young again on a restart. Refused, changing nothing, beyond `clock::MAX_OFFSET`.
    #[cfg(feature = "admin")]
    pub(crate) fn advance_clock(&self, by: Duration) -> Result<(), TooFarAhead> {
        let books = lock(&self.oauth);
        self.clock.advance(by)?;
        self.save(&books.grants);
        Ok(())
    }

    /// Writes the state file, if there is one. A failed save is logged, not fatal: the bank
    /// keeps serving from memory and the next change writes the whole state again.
    fn save(&self, grants: &Grants) {
        let Some(path) = &self.state_file else {
            return;
        };
        let state = SavedState::new(self.clock.offset(), grants.stored(&self.bank));
        if let Err(error) = persistence::save(path, &state) {
            tracing::warn!(
                error = &error as &dyn std::error::Error,
                "the grants could not be saved"
            );
        }
    }
}
