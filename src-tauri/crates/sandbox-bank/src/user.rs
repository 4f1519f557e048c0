//! A stand-in for the person at the bank's consent page, acting through HTTP as their browser
//! would: open the authorize URL, sign in, tick accounts, approve or deny, and see where the
//! bank redirects. Tests and the end-to-end stand-in browser use it; it follows the forms on
//! the pages, so it works against this bank's pages only.

use reqwest::{StatusCode, header};
use url::Url;

use crate::{Error, Result};

/// What the person decides on the consent page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Tick these accounts (by IBAN) and approve.
    Approve(Vec<String>),
    /// Tick the first `n` accounts the page lists and approve.
    ApproveFirst(usize),
    Deny,
}

/// A demo user in front of their browser.
#[derive(Debug, Clone)]
pub struct ConsentUser {
    http: reqwest::Client,
    /// What the browser is built with, kept so that each setting adds to the others.
    tls: BrowserTls,
    username: String,
    password: String,
}

/// The browser's TLS settings besides the system's trust store.
#[derive(Clone, Default)]
struct BrowserTls {
    ca: Option<reqwest::Certificate>,
    identity: Option<reqwest::Identity>,
}

impl std::fmt::Debug for BrowserTls {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("BrowserTls")
            .field("ca", &self.ca.is_some())
            .field("identity", &self.identity.is_some())
            .finish()
    }
}

impl ConsentUser {
    pub fn new(username: &str, password: &str) -> Result<Self> {
        let tls = BrowserTls::default();
        Ok(Self {
            http: browser(&tls)?,
            tls,
            username: username.to_owned(),
            password: password.to_owned(),
        })
    }

    /// The same person, whose browser also trusts the CA certificate `ca_pem` (PEM): for a
    /// bank served over https with a test CA (`tls::TestPki::ca_pem`). Without it, the system's
    /// trust store decides (with OpenSSL, `SSL_CERT_FILE` names it).
    pub fn trusting(self, ca_pem: &[u8]) -> Result<Self> {
        let certificate = reqwest::Certificate::from_pem(ca_pem)
            .map_err(|error| consent_page(format!("CA certificate: {error}")))?;
        let tls = BrowserTls {
            ca: Some(certificate),
            ..self.tls.clone()
        };
        self.with_tls(tls)
    }

    /// The same person, whose browser presents the client certificate `certificate_pem` with
    /// its PKCS#8 key `key_pem` (both PEM, as `tls::ClientIdentity` holds them) when a bank
    /// asks for one: a bank served with mutual TLS (`--client-ca`) asks every connection, its
    /// consent page's too, where a real bank's web pages would not.
    pub fn presenting(self, certificate_pem: &[u8], key_pem: &[u8]) -> Result<Self> {
        let identity = reqwest::Identity::from_pkcs8_pem(certificate_pem, key_pem)
            .map_err(|error| consent_page(format!("client certificate: {error}")))?;
        let tls = BrowserTls {
            identity: Some(identity),
            ..self.tls.clone()
        };
        self.with_tls(tls)
    }

    fn with_tls(self, tls: BrowserTls) -> Result<Self> {
        Ok(Self {
            http: browser(&tls)?,
            tls,
            ..self
        })
    }

    /// Goes through the consent pages from `authorize_url` and returns where the bank sends
    /// the browser at the end (the redirect URI with `code` or `error`, and `state`).
    pub async fn decide(&self, authorize_url: &Url, decision: &Decision) -> Result<Url> {
        let sign_in_page = self.page(self.http.get(authorize_url.clone())).await?;
        let form = Form::read(authorize_url, &sign_in_page)?;
        let consent_html = self
            .page(self.http.post(form.action.clone()).form(&[
                ("request_id", form.request_id.as_str()),
                ("username", &self.username),
                ("password", &self.password),
            ]))
            .await?;
        let form = Form::read(&form.action, &consent_html)?;
        let mut fields = vec![("request_id", form.request_id.clone())];
        match decision {
            Decision::Approve(ibans) => {
                fields.push(("decision", "approve".to_owned()));
                fields.extend(ibans.iter().map(|iban| ("account", iban.clone())));
            }
            Decision::ApproveFirst(count) => {
                fields.push(("decision", "approve".to_owned()));
                let listed = checkbox_values(&consent_html, "account");
                fields.extend(
                    listed
                        .into_iter()
                        .take(*count)
                        .map(|iban| ("account", iban)),
                );
            }
            Decision::Deny => fields.push(("decision", "deny".to_owned())),
        }
        let answer = self
            .http
            .post(form.action)
            .form(&fields)
            .send()
            .await
            .map_err(|error| consent_page(format!("consent form: {error}")))?;
        redirect_target(&answer)
    }

    /// A page that must come back 200 with HTML.
    async fn page(&self, request: reqwest::RequestBuilder) -> Result<String> {
        let response = request
            .send()
            .await
            .map_err(|error| consent_page(format!("request: {error}")))?;
        let status = response.status();
        let html = response
            .text()
            .await
            .map_err(|error| consent_page(format!("page: {error}")))?;
        if status == StatusCode::OK {
            Ok(html)
        } else {
            Err(consent_page(format!("the bank answered {status}")))
        }
    }
}

/// The person's browser, trusting `tls.ca` too and presenting `tls.identity` if asked.
fn browser(tls: &BrowserTls) -> Result<reqwest::Client> {
    // A browser would follow the final redirect to the app's scheme; we stop there to read it.
    let mut builder = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none());
    if let Some(ca) = &tls.ca {
        builder = builder.add_root_certificate(ca.clone());
    }
    if let Some(identity) = &tls.identity {
        builder = builder.identity(identity.clone());
    }
    builder
        .build()
        .map_err(|error| consent_page(format!("HTTP client: {error}")))
}

/// The form on a page: where it posts and its hidden request id.
struct Form {
    action: Url,
    request_id: String,
}

impl Form {
    fn read(page_url: &Url, html: &str) -> Result<Self> {
        let action = attribute_after(html, "<form", "action")
            .ok_or_else(|| consent_page("the page has no form".to_owned()))?;
        let action = page_url
            .join(&action)
            .map_err(|_| consent_page("the form posts to no URL".to_owned()))?;
        let request_id = attribute_after(html, "name=\"request_id\"", "value")
            .ok_or_else(|| consent_page("the form has no request_id".to_owned()))?;
        Ok(Self { action, request_id })
    }
}

/// The value of `attribute` in the first tag text after `marker`, HTML-unescaped.
fn attribute_after(html: &str, marker: &str, attribute: &str) -> Option<String> {
    let rest = &html[html.find(marker)?..];
    let rest = &rest[rest.find(&format!("{attribute}=\""))? + attribute.len() + 2..];
    let value = &rest[..rest.find('"')?];
    Some(
        value
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&#39;", "'")
            .replace("&amp;", "&"),
    )
}

/// The values of the checkboxes named `name`, in page order.
fn checkbox_values(html: &str, name: &str) -> Vec<String> {
    let marker = format!("name=\"{name}\"");
    html.match_indices(&marker)
        .filter_map(|(at, _)| attribute_after(&html[at..], &marker, "value"))
        .collect()
}

fn redirect_target(answer: &reqwest::Response) -> Result<Url> {
    if !answer.status().is_redirection() {
        return Err(consent_page(format!(
            "the consent form answered {} instead of a redirect",
            answer.status()
        )));
    }
    answer
        .headers()
        .get(header::LOCATION)
        .and_then(|location| location.to_str().ok())
        .and_then(|location| Url::parse(location).ok())
        .ok_or_else(|| consent_page("the redirect has no usable Location".to_owned()))
}

fn consent_page(problem: String) -> Error {
    Error::ConsentPage(problem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_attributes_and_unescapes_them() {
        let html = r#"<p>x</p><form method="post" action="/a?b=1&amp;c=2">
            <input type="hidden" name="request_id" value="r&quot;1">"#;
        assert_eq!(
            attribute_after(html, "<form", "action").unwrap(),
            "/a?b=1&c=2"
        );
        assert_eq!(
            attribute_after(html, "name=\"request_id\"", "value").unwrap(),
            "r\"1"
        );
        assert_eq!(attribute_after(html, "<table", "action"), None);
    }

    #[test]
    fn lists_checkbox_values_in_page_order() {
        let html = r#"<input type="checkbox" name="account" value="SK1"><input name="other" value="x">
            <input type="checkbox" name="account" value="SK2">"#;
        assert_eq!(checkbox_values(html, "account"), ["SK1", "SK2"]);
    }
}
