//! What every request handler shares: the bank, the OAuth books, faults, counters, the clock.

use std::sync::{Arc, Mutex};

use crate::clock::Clock;
use crate::config::{ClientRegistration, Config};
use crate::counters::Counters;
use crate::data::Bank;
use crate::faults::FaultBook;
use crate::oauth::{Grants, Lifetimes, PendingRequests};

pub(crate) type AppState = Arc<Shared>;

#[derive(Debug)]
pub(crate) struct Shared {
    pub client: ClientRegistration,
    pub lifetimes: Lifetimes,
    pub clock: Clock,
    pub bank: Bank,
    pub oauth: Mutex<OAuthBooks>,
    pub faults: Mutex<FaultBook>,
    pub counters: Mutex<Counters>,
}

/// Authorization requests in progress and the grants made; one lock, as a decision on the
/// consent page both closes a request and issues a code.
#[derive(Debug, Default)]
pub(crate) struct OAuthBooks {
    pub requests: PendingRequests,
    pub grants: Grants,
}

impl Shared {
    pub(crate) fn new(config: Config, clock: Clock, bank: Bank) -> Self {
        Self {
            lifetimes: Lifetimes {
                access: config.access_token_lifetime,
                consent: config.consent_lifetime,
            },
            client: config.client,
            clock,
            bank,
            oauth: Mutex::default(),
            faults: Mutex::default(),
            counters: Mutex::default(),
        }
    }
}
