//! Banks whose API address is known, to fill in the Banks screen's form: the person still brings
//! their own registration (client id, secret, and for production a QWAC certificate).
//!
//! Only addresses confirmed in a public source are here, with the source beside each. Banks
//! of the family that are not here, and why:
//! - Raiffeisen banka (Slovakia), developer.raiffeisen.sk: its portal runs on the same platform
//!   as Tatra banka's, but no public page or client names its API's address.
//! - ČSOB (Slovakia), devportal.csob.sk: documented, but not on one base URL: the consent page
//!   is `https://apiauthorization.csob.sk/connect/authorize`, the code exchange
//!   `https://api.csob.sk/identity-server/connect/authorizationcode` (client secret in the form,
//!   scope `AISP offline_access`), the data `https://api.csob.sk/aisp/api/v1/...` (pages
//!   `Documentation/AuthorizationAPI/StrongCustomerAuth`,
//!   `Documentation/AuthorizationAPI/AuthorizationCode` and
//!   `Documentation/AccountInformationAPI` of the portal). A profile of this app (one base URL,
//!   `/auth/oauth/v2/...` and `/api/v1/...` under it) cannot reach it.

/// Where a preset's address leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Environment {
    /// The bank's test system: made-up data, registration on its developer portal.
    Sandbox,
    /// Real accounts: a licensed third-party provider with an eIDAS certificate.
    Production,
}

/// A bank's API as known from a public source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preset {
    /// Stable key of the preset (a valid bank id, though a bank made from it gets its own).
    pub id: &'static str,
    /// The bank's name alone: the Banks screen says "(sandbox)" after it in the person's
    /// language.
    pub name: &'static str,
    /// Always https; the OAuth endpoints and the data API are under it.
    pub base_url: &'static str,
    pub environment: Environment,
    /// The bank requires a client certificate (mutual TLS).
    pub mutual_tls: bool,
    /// Where the address was confirmed.
    pub source: &'static str,
}

/// An open-source client of Tatra banka's PSD2 account API: `API_URL` is
/// `https://api.tatrabanka.sk`, the sandbox that plus `/sandbox`, with `/auth/oauth/v2/authorize`,
/// `/auth/oauth/v2/token` (HTTP Basic) and `/api/v1/accounts...` under it.
const TATRA_CLIENT: &str = "https://github.com/pavolbiely/tatrabanka-api/blob/\
                            261f80f6cc033a845f47c50c38ea7a686a467c3f/src/TatraBankaApi.php";

/// The known banks, sandbox first.
pub const PRESETS: &[Preset] = &[
    Preset {
        id: "tatra-banka-sandbox",
        name: "Tatra banka",
        base_url: "https://api.tatrabanka.sk/sandbox",
        environment: Environment::Sandbox,
        mutual_tls: false,
        source: TATRA_CLIENT,
    },
    // Production needs the QWAC: the portal ties the Accounts API to "the client certificate"
    // (developer.tatrabanka.sk/documentation/before_start).
    Preset {
        id: "tatra-banka",
        name: "Tatra banka",
        base_url: "https://api.tatrabanka.sk",
        environment: Environment::Production,
        mutual_tls: true,
        source: TATRA_CLIENT,
    },
];

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::profile::{is_valid_id, remote_profile};

    #[test]
    fn every_preset_is_a_profile_that_could_work() {
        let mut ids = HashSet::new();
        for preset in PRESETS {
            assert!(is_valid_id(preset.id), "{preset:?}");
            assert!(ids.insert(preset.id), "twice: {}", preset.id);
            let url = url::Url::parse(preset.base_url).unwrap();
            assert_eq!(url.scheme(), "https", "{preset:?}");
            assert!(
                remote_profile(
                    preset.id.to_owned(),
                    preset.name,
                    preset.base_url,
                    "client",
                    None
                )
                .is_ok()
            );
            assert!(preset.source.starts_with("https://"), "{preset:?}");
            assert!(url::Url::parse(preset.source).is_ok(), "{preset:?}");
        }
    }

    #[test]
    fn production_presets_need_mutual_tls() {
        for preset in PRESETS {
            if preset.environment == Environment::Production {
                assert!(preset.mutual_tls, "{preset:?}");
            }
        }
    }
}
