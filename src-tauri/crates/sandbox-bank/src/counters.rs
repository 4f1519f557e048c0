//! Request counters, so a test can assert, say, that exactly one refresh happened.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::api::{PsuHeaders, Resource};
use crate::endpoint::Endpoint;

/// The grant types the token endpoint knows; anything else is counted as `unsupported`.
const GRANT_TYPES: [&str; 2] = ["authorization_code", "refresh_token"];

/// Requests per endpoint (every request that reached it: served, refused or faulted) and token
/// requests per `grant_type` (every one that named a grant type, whatever came of it).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Counters {
    pub endpoints: BTreeMap<Endpoint, u64>,
    pub grant_types: BTreeMap<String, u64>,
    /// Reads of each account's resources (a transactions listing counts once), by IBAN.
    pub reads: BTreeMap<String, BTreeMap<Resource, Reads>>,
    /// The PSU headers of the last read the person took part in.
    pub last_attended: Option<PsuHeaders>,
}

/// Reads of one account's resource.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Reads {
    /// With `PSU-IP-Address`: the person took part; not counted against the budget.
    pub attended: u64,
    /// Without it, served.
    pub unattended: u64,
    /// Without it, refused with 429: the four a day were used up.
    pub refused: u64,
}

impl Counters {
    /// Requests that reached `endpoint`.
    pub fn requests(&self, endpoint: Endpoint) -> u64 {
        self.endpoints.get(&endpoint).copied().unwrap_or(0)
    }

    /// Token requests with this `grant_type`.
    pub fn grant_type(&self, grant_type: &str) -> u64 {
        self.grant_types.get(grant_type).copied().unwrap_or(0)
    }

    /// Reads of `iban`'s `resource`; none yet: zeros.
    pub fn reads(&self, iban: &str, resource: Resource) -> Reads {
        self.reads
            .get(iban)
            .and_then(|resources| resources.get(&resource))
            .copied()
            .unwrap_or_default()
    }

    pub(crate) fn count_read(
        &mut self,
        iban: &str,
        resource: Resource,
        psu: &PsuHeaders,
        served: bool,
    ) {
        let reads = self
            .reads
            .entry(iban.to_owned())
            .or_default()
            .entry(resource)
            .or_default();
        match (psu.ip_address.is_some(), served) {
            (true, _) => {
                reads.attended += 1;
                self.last_attended = Some(psu.clone());
            }
            (false, true) => reads.unattended += 1,
            (false, false) => reads.refused += 1,
        }
    }

    pub(crate) fn count_request(&mut self, endpoint: Endpoint) {
        *self.endpoints.entry(endpoint).or_default() += 1;
    }

    pub(crate) fn count_grant_type(&mut self, grant_type: &str) {
        let name = if GRANT_TYPES.contains(&grant_type) {
            grant_type
        } else {
            "unsupported"
        };
        *self.grant_types.entry(name.to_owned()).or_default() += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_endpoints_and_grant_types_and_serializes_by_name() {
        let mut counters = Counters::default();
        counters.count_request(Endpoint::Token);
        counters.count_request(Endpoint::Token);
        counters.count_grant_type("refresh_token");
        counters.count_grant_type("password");
        assert_eq!(counters.requests(Endpoint::Token), 2);
        assert_eq!(counters.requests(Endpoint::Accounts), 0);
        assert_eq!(
            (
                counters.grant_type("refresh_token"),
                counters.grant_type("unsupported")
            ),
            (1, 1)
        );
        let json = serde_json::to_value(&counters).unwrap();
        assert_eq!(json["endpoints"]["token"], 2);
        assert_eq!(json["grantTypes"]["refresh_token"], 1);
    }
}
