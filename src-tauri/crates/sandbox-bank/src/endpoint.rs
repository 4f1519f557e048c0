//! The bank's public endpoints: their paths, and their names in counters and faults.

use serde::{Deserialize, Serialize};

/// One public endpoint (the admin interface is not one: it is never counted nor faulted).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Endpoint {
    /// `GET /auth/oauth/v2/authorize`: the sign-in page.
    Authorize,
    /// `POST /auth/oauth/v2/authorize/sign-in`: the sign-in form.
    SignIn,
    /// `POST /auth/oauth/v2/authorize/consent`: the consent form.
    Consent,
    /// `POST /auth/oauth/v2/token`
    Token,
    /// `GET /api/v1/accounts`
    Accounts,
    /// `POST /api/v1/accounts/information`
    Information,
    /// `POST /api/v1/accounts/transactions`
    Transactions,
}

/// How an endpoint answers errors: an HTML page, an RFC 6749 body, or the data API's body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    Page,
    OAuth,
    Data,
}

impl Endpoint {
    pub const ALL: [Self; 7] = [
        Self::Authorize,
        Self::SignIn,
        Self::Consent,
        Self::Token,
        Self::Accounts,
        Self::Information,
        Self::Transactions,
    ];

    /// The path below the base URL.
    pub fn path(self) -> &'static str {
        match self {
            Self::Authorize => "/auth/oauth/v2/authorize",
            Self::SignIn => "/auth/oauth/v2/authorize/sign-in",
            Self::Consent => "/auth/oauth/v2/authorize/consent",
            Self::Token => "/auth/oauth/v2/token",
            Self::Accounts => "/api/v1/accounts",
            Self::Information => "/api/v1/accounts/information",
            Self::Transactions => "/api/v1/accounts/transactions",
        }
    }

    pub(crate) fn from_path(path: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|endpoint| endpoint.path() == path)
    }

    pub(crate) fn family(self) -> Family {
        match self {
            Self::Authorize | Self::SignIn | Self::Consent => Family::Page,
            Self::Token => Family::OAuth,
            Self::Accounts | Self::Information | Self::Transactions => Family::Data,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_endpoint_is_found_by_its_path_and_nothing_else_is() {
        for endpoint in Endpoint::ALL {
            assert_eq!(Endpoint::from_path(endpoint.path()), Some(endpoint));
        }
        assert_eq!(Endpoint::from_path("/__admin/counters"), None);
        assert_eq!(
            serde_json::to_string(&Endpoint::SignIn).unwrap(),
            r#""sign_in""#
        );
    }
}
