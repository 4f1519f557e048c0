//! The bank's redirect back to the app (RFC 8252 section 7.1): an untrusted deep link becomes
//! a typed answer, or is rejected.
//!
//! Anyone can start the app with any URL, so nothing here is trusted: only the app's own
//! private-use scheme and its one callback path are accepted, each parameter at most once,
//! within size limits.

use url::Url;
use vault::Sensitive;

use crate::Error;

/// The private-use scheme, the reverse of a domain we control (RFC 8252 section 7.1).
pub const SCHEME: &str = "app.bankbook";
/// The path of the OAuth redirect: `app.bankbook:/oauth/callback`.
pub const CALLBACK_PATH: &str = "/oauth/callback";

/// Longer URLs are refused before they are looked at.
const MAX_URL_LEN: usize = 4096;
/// Longer parameter values are refused: no bank sends codes or states this long.
const MAX_VALUE_LEN: usize = 1024;

/// What an accepted callback says the bank answered.
#[derive(Debug, PartialEq, Eq)]
pub enum Callback {
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
        if url.host().is_some() || url.path() != CALLBACK_PATH || url.fragment().is_some() {
            return Err(Error::CallbackRejected("unknown path"));
        }
        let params = CallbackParams::parse(url)?;
        match (params.code, params.error) {
            (Some(code), None) => Ok(Self::ConsentGranted {
                code: Sensitive(code),
                state: params.state.ok_or(Error::CallbackRejected("no state"))?,
            }),
            // An RFC 6749 error code is a short lowercase word; anything else (markup, control
            // characters) is not a bank's answer and must not reach the log.
            (None, Some(error)) if !is_error_code(&error) => Err(Error::CallbackRejected(
                "an error that is not an OAuth error code",
            )),
            (None, Some(error)) => Ok(Self::ConsentRefused {
                state: params.state,
                error,
                description: params.error_description,
            }),
            (Some(_), Some(_)) => Err(Error::CallbackRejected("both code and error")),
            (None, None) => Err(Error::CallbackRejected("neither code nor error")),
        }
    }
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
                // RFC 6749 lets servers add parameters (e.g. `iss`, `session_state`).
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
        let link = parse("app.bankbook:/oauth/callback?code=abc%2B1&state=s1").unwrap();
        assert_eq!(
            link,
            Callback::ConsentGranted {
                code: Sensitive("abc+1".to_owned()),
                state: "s1".to_owned()
            }
        );
    }

    #[test]
    fn accepts_a_refusal_with_its_description() {
        let link =
            parse("app.bankbook:/oauth/callback?error=access_denied&error_description=No&state=s")
                .unwrap();
        assert!(matches!(link, Callback::ConsentRefused { error, .. } if error == "access_denied"));
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
            "app.bankbook:/oauth/callback?code=a".to_owned(),
            "app.bankbook:/oauth/callback?state=s".to_owned(),
            "app.bankbook:/oauth/callback?code=a&code=b&state=s".to_owned(),
            "app.bankbook:/oauth/callback?code=&state=s".to_owned(),
            "app.bankbook:/oauth/callback?code=a&error=x&state=s".to_owned(),
            format!("app.bankbook:/oauth/callback?code={long}&state=s"),
        ] {
            assert!(parse(&text).is_err(), "{text} was accepted");
        }
    }

    #[test]
    fn rejects_forged_encodings_and_sizes() {
        let huge = format!(
            "app.bankbook:/oauth/callback?code={}&state=s",
            "a".repeat(65_536)
        );
        for text in [
            huge.as_str(),
            "app.bankbook:/oauth/callback?code=%C3%28&state=s",
            "app.bankbook:/oauth/callback?code=a&state=%FF%FE",
            "app.bankbook:/oauth/callback?error=%3Cscript%3Ealert(1)%3C/script%3E&state=s",
            "app.bankbook:/oauth/callback?error=access_denied%0Aforged%20log%20line&state=s",
        ] {
            assert!(parse(text).is_err(), "{text} was accepted");
        }
        // Broken escapes that are not escapes at all stay literal, as RFC 3986 readers take them.
        let literal = parse("app.bankbook:/oauth/callback?code=a%zz&state=s").unwrap();
        assert!(matches!(literal, Callback::ConsentGranted { code, .. } if code.0 == "a%zz"));
        // Markup in the description is carried, never shown: the UI says what a refusal means.
        let refusal = parse(
            "app.bankbook:/oauth/callback?error=access_denied&error_description=%3Cb%3Ex%3C/b%3E",
        );
        assert!(refusal.is_ok());
    }

    #[test]
    fn the_code_never_shows_in_debug_output() {
        let link = parse("app.bankbook:/oauth/callback?code=secret-code&state=s").unwrap();
        assert!(!format!("{link:?}").contains("secret-code"));
    }
}
