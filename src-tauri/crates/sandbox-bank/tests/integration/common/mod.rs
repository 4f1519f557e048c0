//! Drives the sandbox bank over real loopback HTTP as the app and its user would: the consent
//! pages with a browser's forms, then the token and data endpoints.

#![cfg(test)]

use std::str::FromStr;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use reqwest::header::LOCATION;
use reqwest::{Response, StatusCode};
use rust_decimal::Decimal;
use sandbox_bank::tls::TlsConfig;
use sandbox_bank::{Config, DemoUser, RunningBank, SandboxBank};
use serde::Deserialize;
use serde_json::Value;
use serde_json::value::RawValue;
use sha2::{Digest, Sha256};
use url::Url;

pub const AUTHORIZE: &str = "/auth/oauth/v2/authorize";
pub const SIGN_IN: &str = "/auth/oauth/v2/authorize/sign-in";
pub const CONSENT: &str = "/auth/oauth/v2/authorize/consent";
pub const TOKEN: &str = "/auth/oauth/v2/token";
pub const ACCOUNTS: &str = "/api/v1/accounts";
pub const INFORMATION: &str = "/api/v1/accounts/information";
pub const TRANSACTIONS: &str = "/api/v1/accounts/transactions";

/// A PKCE pair (RFC 7636).
#[derive(Debug, Clone)]
pub struct Pkce {
    pub verifier: String,
    pub challenge: String,
}

impl Pkce {
    pub fn new(verifier: &str) -> Self {
        let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
        Self {
            verifier: verifier.to_owned(),
            challenge,
        }
    }

    pub fn standard() -> Self {
        Self::new("a-verifier-of-forty-three-characters-or-more_0123456789")
    }
}

/// A token response.
#[derive(Debug, Clone, Deserialize)]
pub struct Tokens {
    pub access_token: String,
    pub token_type: String,
    pub expires_in: u64,
    pub refresh_token: String,
    pub refresh_token_expires_in: u64,
    pub scope: String,
}

/// How a token request authenticates the client.
#[derive(Debug, Clone, Copy)]
pub enum ClientAuth<'a> {
    Registered,
    Basic(&'a str, &'a str),
    None,
}

/// A started bank and an HTTP client that, like the app's, does not follow redirects.
pub struct Harness {
    pub bank: RunningBank,
    pub http: reqwest::Client,
}

impl Harness {
    /// A small bank: quick to generate, big enough for several pages.
    pub async fn start() -> Self {
        Self::with(Config::default().transactions_per_account(57)).await
    }

    /// A bank as `config` says; over https (`config.tls`), the client trusts the bank's CA.
    pub async fn with(config: Config) -> Self {
        let ca_file = config.tls.as_ref().map(TlsConfig::ca_file);
        let bank = SandboxBank::start(config).await.expect("the bank starts");
        let mut http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none());
        if let Some(ca_file) = ca_file {
            http = http.add_root_certificate(ca_certificate(&ca_file));
        }
        Self {
            bank,
            http: http.build().expect("a client"),
        }
    }

    /// Shuts the bank down and starts a new one with `config` (on a free port), as the app does
    /// when it restarts.
    pub async fn restart(self, config: Config) -> Self {
        self.bank.shutdown().await.expect("the bank stops");
        Self::with(config).await
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.bank.base_url())
    }

    pub fn jana(&self) -> DemoUser {
        self.bank
            .users()
            .into_iter()
            .next()
            .expect("a first demo user")
    }

    pub fn ibans(&self) -> Vec<String> {
        self.jana()
            .accounts
            .into_iter()
            .map(|account| account.iban)
            .collect()
    }

    /// The standard authorize query for the registered client, with `state` and PKCE.
    pub fn authorize_query(&self, pkce: Option<&Pkce>) -> Vec<(String, String)> {
        let client = self.bank.client();
        let mut query: Vec<(String, String)> = [
            ("client_id", client.client_id.as_str()),
            ("response_type", "code"),
            ("redirect_uri", client.redirect_uri.as_str()),
            ("scope", "AISP"),
            ("state", "state-123"),
        ]
        .into_iter()
        .map(|(key, value)| (key.to_owned(), value.to_owned()))
        .collect();
        if let Some(pkce) = pkce {
            query.push(("code_challenge".into(), pkce.challenge.clone()));
            query.push(("code_challenge_method".into(), "S256".into()));
        }
        query
    }

    pub async fn authorize(&self, query: &[(String, String)]) -> Response {
        self.http
            .get(self.url(AUTHORIZE))
            .query(query)
            .send()
            .await
            .expect("authorize answers")
    }

    /// Opens the authorize page and returns the request id its sign-in form carries.
    pub async fn open(&self, pkce: Option<&Pkce>) -> String {
        let page = self.authorize(&self.authorize_query(pkce)).await;
        assert_eq!(page.status(), StatusCode::OK);
        request_id(&page.text().await.expect("a page"))
    }

    pub async fn sign_in(&self, request_id: &str, username: &str, password: &str) -> Response {
        let form = [
            ("request_id", request_id),
            ("username", username),
            ("password", password),
        ];
        self.http
            .post(self.url(SIGN_IN))
            .form(&form)
            .send()
            .await
            .expect("sign-in answers")
    }

    pub async fn decide(&self, request_id: &str, accounts: &[String], decision: &str) -> Response {
        let mut form = vec![("request_id", request_id), ("decision", decision)];
        form.extend(accounts.iter().map(|iban| ("account", iban.as_str())));
        self.http
            .post(self.url(CONSENT))
            .form(&form)
            .send()
            .await
            .expect("consent answers")
    }

    /// Jana signs in and approves `accounts`; returns the redirect's query parameters.
    pub async fn approve(&self, accounts: &[String], pkce: Option<&Pkce>) -> Url {
        let request_id = self.open(pkce).await;
        let signed_in = self.sign_in(&request_id, "jana.novakova", "demo1234").await;
        assert_eq!(signed_in.status(), StatusCode::OK);
        let decided = self.decide(&request_id, accounts, "approve").await;
        assert_eq!(decided.status(), StatusCode::FOUND);
        location(&decided)
    }

    pub async fn code(&self, accounts: &[String], pkce: Option<&Pkce>) -> String {
        query_value(&self.approve(accounts, pkce).await, "code").expect("a code")
    }

    pub async fn token_request(&self, form: &[(&str, &str)], auth: ClientAuth<'_>) -> Response {
        let client = self.bank.client();
        let request = self.http.post(self.url(TOKEN)).form(form);
        let request = match auth {
            ClientAuth::Registered => {
                request.basic_auth(&client.client_id, Some(&client.client_secret))
            }
            ClientAuth::Basic(id, secret) => request.basic_auth(id, Some(secret)),
            ClientAuth::None => request,
        };
        request.send().await.expect("the token endpoint answers")
    }

    pub async fn exchange(&self, code: &str, pkce: Option<&Pkce>) -> Response {
        let redirect_uri = self.bank.client().redirect_uri.clone();
        let mut form = vec![
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", redirect_uri.as_str()),
        ];
        if let Some(pkce) = pkce {
            form.push(("code_verifier", pkce.verifier.as_str()));
        }
        self.token_request(&form, ClientAuth::Registered).await
    }

    pub async fn refresh(&self, refresh_token: &str) -> Response {
        self.token_request(
            &[
                ("grant_type", "refresh_token"),
                ("refresh_token", refresh_token),
            ],
            ClientAuth::Registered,
        )
        .await
    }

    /// The whole consent with PKCE for `accounts`: the tokens.
    pub async fn connect(&self, accounts: &[String]) -> Tokens {
        let pkce = Pkce::standard();
        let code = self.code(accounts, Some(&pkce)).await;
        let response = self.exchange(&code, Some(&pkce)).await;
        assert_eq!(response.status(), StatusCode::OK);
        response.json().await.expect("a token response")
    }

    /// Connects all of Jana's accounts.
    pub async fn connect_all(&self) -> Tokens {
        self.connect(&self.ibans()).await
    }

    pub async fn get(&self, path: &str, token: &str) -> Response {
        self.http
            .get(self.url(path))
            .bearer_auth(token)
            .header("Request-ID", uuid::Uuid::new_v4().to_string())
            .send()
            .await
            .expect("the bank answers")
    }

    pub async fn post(&self, path: &str, token: &str, body: &Value) -> Response {
        self.http
            .post(self.url(path))
            .bearer_auth(token)
            .header("Request-ID", uuid::Uuid::new_v4().to_string())
            .header("Content-Type", "application/json; charset=utf-8")
            .body(body.to_string())
            .send()
            .await
            .expect("the bank answers")
    }

    /// A transactions page that must be served.
    pub async fn page(&self, token: &str, body: &Value) -> TransactionsPage {
        let response = self.post(TRANSACTIONS, token, body).await;
        assert_eq!(response.status(), StatusCode::OK, "{body}");
        serde_json::from_str(&response.text().await.expect("a body")).expect("a transactions page")
    }

    /// Every entry `body` selects, page by page, following `nextPage`.
    pub async fn all_pages(&self, token: &str, body: &Value) -> Vec<Transaction> {
        let mut entries = Vec::new();
        let mut request = body.clone();
        let mut number = 1;
        loop {
            request["page"] = number.into();
            let page = self.page(token, &request).await;
            let full = page.transactions.len() == page.page_size as usize;
            let next = page.next_page;
            assert!(full || next.is_none(), "only the last page may be short");
            entries.extend(page.transactions);
            match next {
                Some(following) => number = following,
                None => return entries,
            }
        }
    }

    /// ITBD, ITAV and the credit line of an account.
    pub async fn balances(&self, token: &str, iban: &str) -> Balances {
        let response = self
            .post(INFORMATION, token, &serde_json::json!({ "iban": iban }))
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        let information: Information =
            serde_json::from_str(&response.text().await.expect("a body")).expect("information");
        let find = |code: &str| {
            information
                .balances
                .iter()
                .find(|balance| balance.kind.code_or_proprietary.code == code)
                .expect("the balance")
        };
        let (booked, available) = (find("ITBD"), find("ITAV"));
        Balances {
            booked: booked.amount.signed(&booked.credit_debit_indicator),
            available: available.amount.signed(&available.credit_debit_indicator),
            credit_line: available
                .credit_line
                .as_ref()
                .map(|line| line.amount.decimal()),
        }
    }
}

impl Harness {
    /// A call to the HTTP admin interface: its status and JSON body (null when empty).
    pub async fn admin_call(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut request = self
            .http
            .request(method, self.url(&format!("/__admin{path}")));
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("the admin interface answers");
        let status = response.status();
        let text = response.text().await.expect("a body");
        (
            status,
            if text.is_empty() {
                Value::Null
            } else {
                serde_json::from_str(&text).expect("JSON")
            },
        )
    }
}

/// The CA certificate in the PEM file `path`, for a client to trust.
pub fn ca_certificate(path: &std::path::Path) -> reqwest::Certificate {
    let pem = std::fs::read(path).expect("the CA file");
    reqwest::Certificate::from_pem(&pem).expect("a CA certificate")
}

/// The hidden `request_id` of a sign-in or consent page.
pub fn request_id(html: &str) -> String {
    let marker = "name=\"request_id\" value=\"";
    let start = html.find(marker).expect("a request_id field") + marker.len();
    html[start..].split('"').next().expect("a value").to_owned()
}

pub fn location(response: &Response) -> Url {
    let location = response
        .headers()
        .get(LOCATION)
        .expect("a Location")
        .to_str()
        .expect("text");
    Url::parse(location).expect("an absolute URL")
}

pub fn query_value(url: &Url, name: &str) -> Option<String> {
    url.query_pairs()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.into_owned())
}

/// `{"errorCode", "errorDescription"}` or `{"error", "error_description"}`: the code.
pub async fn error_code(response: Response) -> String {
    let body: Value = response.json().await.expect("a JSON error body");
    body.get("errorCode")
        .or_else(|| body.get("error"))
        .and_then(Value::as_str)
        .expect("an error code")
        .to_owned()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Balances {
    pub booked: Decimal,
    pub available: Decimal,
    pub credit_line: Option<Decimal>,
}

/// An amount as the bank wrote it: the number's text, parsed exactly.
#[derive(Debug, Deserialize)]
pub struct Amount {
    pub value: Box<RawValue>,
    pub currency: String,
}

impl Amount {
    pub fn decimal(&self) -> Decimal {
        let text = self.value.get();
        let (whole, cents) = text.split_once('.').expect("a decimal point");
        assert!(
            whole.bytes().all(|byte| byte.is_ascii_digit()) && cents.len() == 2,
            "unsigned, two decimals: {text}"
        );
        Decimal::from_str(text).expect("a decimal number")
    }

    pub fn signed(&self, indicator: &str) -> Decimal {
        match indicator {
            "CRDT" => self.decimal(),
            "DBIT" => -self.decimal(),
            other => panic!("indicator {other}"),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TransactionsPage {
    pub page_number: u32,
    pub page_count: u32,
    pub page_size: u32,
    pub next_page: Option<u32>,
    pub transactions: Vec<Transaction>,
}

#[derive(Debug, Deserialize)]
pub struct DateField {
    pub date: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Transaction {
    pub entry_reference: String,
    pub status: String,
    pub credit_debit_indicator: String,
    pub amount: Amount,
    pub booking_date: Option<DateField>,
    pub value_date: DateField,
    pub entry_details: Value,
}

impl Transaction {
    pub fn signed(&self) -> Decimal {
        self.amount.signed(&self.credit_debit_indicator)
    }

    /// The date filters and ordering go by: booked on, or (pending) made on.
    pub fn date(&self) -> &str {
        self.booking_date
            .as_ref()
            .unwrap_or(&self.value_date)
            .date
            .as_str()
    }
}

#[derive(Debug, Deserialize)]
struct Information {
    balances: Vec<Balance>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Balance {
    #[serde(rename = "type")]
    kind: BalanceType,
    amount: Amount,
    credit_debit_indicator: String,
    credit_line: Option<CreditLine>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct BalanceType {
    code_or_proprietary: Code,
}

#[derive(Debug, Deserialize)]
struct Code {
    code: String,
}

#[derive(Debug, Deserialize)]
struct CreditLine {
    amount: Amount,
}
