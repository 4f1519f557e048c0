//! The bank's redirect back to the app (RFC 8252 section 7.1): an untrusted deep link becomes
//! a typed answer, or is rejected.
//!
//! Anyone can start the app with any URL, so nothing here is trusted: only the app's own
//! private-use scheme and its callback path are accepted, each parameter at most once, within
//! size limits.
//!
//! Each bank has its own callback path, `app.bankbook:/oauth/callback/<bank-id>` (RFC 9700
//! section 4.4, mix-up defence): an answer is matched only against the consents started at the
//! bank its path names, so a code one bank issued is never sent to another's token endpoint.

use url::Url;
use vault::Sensitive;

use crate::Error;

/// The private-use scheme, the reverse of a domain we control (RFC 8252 section 7.1).
pub const SCHEME: &str = "app.bankbook";
/// The path of the OAuth redirect, followed by `/<bank-id>`: `app.bankbook:/oauth/callback/demo`.
pub const CALLBACK_PATH: &str = "/oauth/callback";

/// Longer URLs are refused before they are looked at.
const MAX_URL_LEN: usize = 4096;
/// Longer parameter values are refused: no bank sends codes or states this long.
const MAX_VALUE_LEN: usize = 1024;

/// An accepted callback: which bank's path it came on, and what the bank answered.
#[derive(Debug, PartialEq, Eq)]
pub struct Callback {
    /// The bank its path names: only that bank's pending consents can match it.
    pub bank_id: String,
    /// The authorization server's issuer identifier, when the bank sends it (RFC 9207).
    pub issuer: Option<String>,
    pub answer: Answer,
}

/// What the bank answered.
#[derive(Debug, PartialEq, Eq)]
pub enum Answer {
    /// The bank granted consent: exchange `code` if `state` matches a pending consent.
    ConsentGranted {
        code: Sensitive<String>,
        state: String,
    },
    /// The bank reports an OAuth error (`access_denied` when the user refused).
    ConsentRefused {
        state: Option<String>,
        error: String,
        description: Option<String>,
    },
}

impl TryFrom<&Url> for Callback {
    type Error = Error;

    fn try_from(url: &Url) -> Result<Self, Error> {
        if url.as_str().len() > MAX_URL_LEN {
            return Err(Error::CallbackRejected("the URL is too long"));
        }
        if url.scheme() != SCHEME {
            return Err(Error::CallbackRejected("unknown scheme"));
        }
        if url.host().is_some() || url.fragment().is_some() {
            return Err(Error::CallbackRejected("unknown path"));
        }
        let bank_id = bank_of_path(url.path())?;
        let params = CallbackParams::parse(url)?;
        let answer = match (params.code, params.error) {
            (Some(code), None) => Answer::ConsentGranted {
                code: Sensitive(code),
                state: params.state.ok_or(Error::CallbackRejected("no state"))?,
            },
            // An RFC 6749 error code is a short lowercase word; anything else (markup, control
            // characters) is not a bank's answer and must not reach the log.
            (None, Some(error)) if !is_error_code(&error) => {
                return Err(Error::CallbackRejected(
                    "an error that is not an OAuth error code",
                ));
            }
            (None, Some(error)) => Answer::ConsentRefused {
                state: params.state,
                error,
                description: params.error_description,
            },
            (Some(_), Some(_)) => return Err(Error::CallbackRejected("both code and error")),
            (None, None) => return Err(Error::CallbackRejected("neither code nor error")),
        };
        Ok(Self {
            bank_id: bank_id.to_owned(),
            issuer: params.iss,
            answer,
        })
    }
}

/// The bank id in `/oauth/callback/<bank-id>`.
fn bank_of_path(path: &str) -> Result<&str, Error> {
    path.strip_prefix(CALLBACK_PATH)
        .and_then(|rest| rest.strip_prefix('/'))
        .filter(|bank_id| crate::profile::is_valid_id(bank_id))
        .ok_or(Error::CallbackRejected("unknown path"))
}

impl Callback {
    /// Refuses an answer whose issuer is not the bank whose consent it answers (RFC 9207
    /// section 2.4): `expected` is that bank's base URL, which is its issuer identifier. A bank
    /// that does not send `iss` is not refused for it.
    pub fn check_issuer(&self, expected: &Url) -> Result<(), Error> {
        let Some(issuer) = &self.issuer else {
            return Ok(());
        };
        let trimmed = |text: &str| text.trim_end_matches('/').to_owned();
        if trimmed(issuer) == trimmed(expected.as_str()) {
            Ok(())
        } else {
            Err(Error::CallbackRejected(
                "the answer names another issuer than the bank (iss)",
            ))
        }
    }
}

/// The redirect URI of `bank_id`, as registered at the bank: `app.bankbook:/oauth/callback/<id>`.
pub fn redirect_uri(bank_id: &str) -> String {
    format!("{SCHEME}:{CALLBACK_PATH}/{bank_id}")
}

fn is_error_code(error: &str) -> bool {
    error.len() <= 64
        && error
            .bytes()
            .all(|byte| byte.is_ascii_lowercase() || byte == b'_')
}

/// The callback's query parameters, each seen at most once.
#[derive(Default)]
struct CallbackParams {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
    error_description: Option<String>,
    iss: Option<String>,
}

impl CallbackParams {
    fn parse(url: &Url) -> Result<Self, Error> {
        let mut params = Self::default();
        for (name, value) in url.query_pairs() {
            let slot = match name.as_ref() {
                "code" => &mut params.code,
                "state" => &mut params.state,
                "error" => &mut params.error,
                "error_description" => &mut params.error_description,
                "iss" => &mut params.iss,
                // RFC 6749 lets servers add parameters (e.g. `session_state`).
                _ => continue,
            };
            if slot.is_some() {
                return Err(Error::CallbackRejected("a parameter is repeated"));
            }
            if value.is_empty() || value.len() > MAX_VALUE_LEN {
                return Err(Error::CallbackRejected("a parameter is empty or too long"));
            }
            // Percent-encoding that is not UTF-8 decodes to U+FFFD: no bank sends that.
            if value.contains(char::REPLACEMENT_CHARACTER) {
                return Err(Error::CallbackRejected("a parameter is not UTF-8"));
            }
            *slot = Some(value.into_owned());
        }
        Ok(params)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Callback, Error> {
        Callback::try_from(&Url::parse(text).unwrap())
    }

    #[test]
    fn accepts_the_consent_callback() {
        let link = parse("app.bankbook:/oauth/callback/demo?code=abc%2B1&state=s1").unwrap();
        assert_eq!(
            link,
            Callback {
                bank_id: "demo".to_owned(),
                issuer: None,
                answer: Answer::ConsentGranted {
                    code: Sensitive("abc+1".to_owned()),
                    state: "s1".to_owned()
                }
            }
        );
    }

    #[test]
    fn names_the_bank_of_its_path_and_the_issuer_it_carries() {
        let link = parse(
            "app.bankbook:/oauth/callback/tatra-banka?code=c&state=s&iss=https%3A%2F%2Fbank.example",
        )
        .unwrap();
        assert_eq!(link.bank_id, "tatra-banka");
        assert_eq!(link.issuer.as_deref(), Some("https://bank.example"));
        assert_eq!(
            redirect_uri("tatra-banka"),
            "app.bankbook:/oauth/callback/tatra-banka"
        );
    }

    #[test]
    fn an_issuer_must_be_the_banks_own_when_sent() {
        let bank = Url::parse("https://api.bank.example/psd2").unwrap();
        let with = |iss: &str| {
            parse(&format!(
                "app.bankbook:/oauth/callback/demo?code=c&state=s&iss={iss}"
            ))
            .unwrap()
        };
        assert!(
            with("https%3A%2F%2Fapi.bank.example%2Fpsd2")
                .check_issuer(&bank)
                .is_ok()
        );
        assert!(
            with("https%3A%2F%2Fapi.bank.example%2Fpsd2%2F")
                .check_issuer(&bank)
                .is_ok()
        );
        assert!(
            parse("app.bankbook:/oauth/callback/demo?code=c&state=s")
                .unwrap()
                .check_issuer(&bank)
                .is_ok()
        );
        for other in [
            "https%3A%2F%2Fevil.example%2Fpsd2",
            "https%3A%2F%2Fapi.bank.example",
            "http%3A%2F%2Fapi.bank.example%2Fpsd2",
        ] {
            assert!(with(other).check_issuer(&bank).is_err(), "{other}");
        }
    }

    #[test]
    fn accepts_a_refusal_with_its_description() {
        let link = parse(
            "app.bankbook:/oauth/callback/demo?error=access_denied&error_description=No&state=s",
        )
        .unwrap();
        assert!(
            matches!(link.answer, Answer::ConsentRefused { error, .. } if error == "access_denied")
        );
    }

    #[test]
    fn rejects_other_schemes_hosts_and_paths() {
        for text in [
            "https://bankbook.app/oauth/callback?code=a&state=s",
            "app.bankbook://evil.example/oauth/callback?code=a&state=s",
            "app.bankbook:/other?code=a&state=s",
            "app.bankbook:/oauth/callback#code=a&state=s",
        ] {
            assert!(parse(text).is_err(), "{text} was accepted");
        }
    }

    #[test]
    fn rejects_missing_repeated_and_oversized_parameters() {
        let long = "a".repeat(MAX_URL_LEN);
        for text in [
            "app.bankbook:/oauth/callback/demo?code=a".to_owned(),
            "app.bankbook:/oauth/callback/demo?state=s".to_owned(),
            "app.bankbook:/oauth/callback/demo?code=a&code=b&state=s".to_owned(),
            "app.bankbook:/oauth/callback/demo?code=&state=s".to_owned(),
            "app.bankbook:/oauth/callback/demo?code=a&error=x&state=s".to_owned(),
            "app.bankbook:/oauth/callback/demo?code=a&state=s&iss=x&iss=y".to_owned(),
            format!("app.bankbook:/oauth/callback/demo?code={long}&state=s"),
        ] {
            assert!(parse(&text).is_err(), "{text} was accepted");
        }
    }

    #[test]
    fn rejects_forged_encodings_and_sizes() {
        let huge = format!(
            "app.bankbook:/oauth/callback/demo?code={}&state=s",
            "a".repeat(65_536)
        );
        for text in [
            huge.as_str(),
            "app.bankbook:/oauth/callback/demo?code=%C3%28&state=s",
            "app.bankbook:/oauth/callback/demo?code=a&state=%FF%FE",
            "app.bankbook:/oauth/callback/demo?error=%3Cscript%3Ealert(1)%3C/script%3E&state=s",
            "app.bankbook:/oauth/callback/demo?error=access_denied%0Aforged%20log%20line&state=s",
        ] {
            assert!(parse(text).is_err(), "{text} was accepted");
        }
        // Broken escapes that are not escapes at all stay literal, as RFC 3986 readers take them.
        let literal = parse("app.bankbook:/oauth/callback/demo?code=a%zz&state=s").unwrap();
        assert!(matches!(literal.answer, Answer::ConsentGranted { code, .. } if code.0 == "a%zz"));
        // Markup in the description is carried, never shown: the UI says what a refusal means.
        let refusal = parse(
            "app.bankbook:/oauth/callback/demo?error=access_denied&error_description=%3Cb%3Ex%3C/b%3E",
        );
        assert!(refusal.is_ok());
    }

    #[test]
    fn the_code_never_shows_in_debug_output() {
        let link = parse("app.bankbook:/oauth/callback/demo?code=secret-code&state=s").unwrap();
        assert!(!format!("{link:?}").contains("secret-code"));
    }
}
