//! A sandbox bank steered and read through its `/__admin` interface: the app's in-process Demo
//! Bank on the port the test pinned with `BANKBOOK_DEMO_PORT`, or a standalone sandbox process
//! (see [`crate::SandboxProcess`]) at its base URL.

use rust_decimal::Decimal;
use sandbox_bank::{Counters, Endpoint, TokenDigests};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::{Error, Result};

/// The Demo Bank of one app under test, or a standalone sandbox bank.
#[derive(Debug, Clone)]
pub struct DemoBank {
    http: reqwest::Client,
    base: String,
}

/// An account as the bank holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountAtTheBank {
    /// Decimal text, as the bank reports it.
    pub booked: String,
    pub available: String,
    /// The newest entry references, in the order the API lists them.
    pub entry_references: Vec<String>,
}

/// One entry as the bank holds it (`/__admin/accounts/{iban}/entries`): what a test works out
/// its own lists and sums from, to hold the app's up against.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EntryAtTheBank {
    pub entry_reference: String,
    /// `BOOK` or `INFO` (pending).
    pub status: String,
    /// Signed: negative leaves the account (decimal text in JSON, never a float).
    pub amount: Decimal,
    pub currency: String,
    /// `YYYY-MM-DD`: the booking date, else the value date.
    pub date: String,
    pub value_date: String,
    pub booking_date: Option<String>,
    pub bank_transaction_code: String,
    pub counterparty_name: Option<String>,
    pub counterparty_iban: Option<String>,
    /// `/VS../SS../KS..` or `NOTPROVIDED`.
    pub end_to_end_reference: Option<String>,
    pub description: Option<String>,
    pub note: Option<String>,
}

impl EntryAtTheBank {
    /// The symbol `kind` (`VS`, `SS`, `KS`) of its end-to-end reference, if it has one.
    pub fn symbol(&self, kind: &str) -> Option<&str> {
        let reference = self.end_to_end_reference.as_deref()?;
        reference
            .split('/')
            .find_map(|part| part.strip_prefix(kind))
            .filter(|value| !value.is_empty())
    }
}

impl DemoBank {
    pub fn on_port(port: u16) -> Self {
        Self::at(&format!("http://127.0.0.1:{port}"), reqwest::Client::new())
    }

    /// The sandbox bank at `base_url`, asked through `http` (which trusts its certificate, and
    /// presents a client certificate to a bank with mutual TLS).
    pub fn at(base_url: &str, http: reqwest::Client) -> Self {
        Self {
            http,
            base: format!("{}/__admin", base_url.trim_end_matches('/')),
        }
    }

    /// Whether the app has started its Demo Bank at all (it starts it on first use).
    pub async fn is_running(&self) -> bool {
        self.http.get(self.url("clock")).send().await.is_ok()
    }

    /// Requests to the bank's API and token endpoint since the bank started.
    pub async fn counters(&self) -> Result<Counters> {
        let counters = self.get("counters").await?;
        serde_json::from_value(counters).map_err(|error| Error::Admin(error.to_string()))
    }

    /// Transactions pages the bank has served.
    pub async fn transaction_pages(&self) -> Result<u64> {
        Ok(self.counters().await?.requests(Endpoint::Transactions))
    }

    /// Account-information requests (balances) the bank has served.
    pub async fn information_requests(&self) -> Result<u64> {
        Ok(self.counters().await?.requests(Endpoint::Information))
    }

    /// Token requests of `grant_type` the bank has answered.
    pub async fn token_requests(&self, grant_type: &str) -> Result<u64> {
        Ok(self.counters().await?.grant_type(grant_type))
    }

    pub async fn reset_counters(&self) -> Result<()> {
        self.send(self.http.delete(self.url("counters"))).await?;
        Ok(())
    }

    /// The balances and up to `entries` newest entry references of `iban`.
    pub async fn account(&self, iban: &str, entries: usize) -> Result<AccountAtTheBank> {
        let snapshot = self
            .get(&format!("accounts/{iban}?entries={entries}"))
            .await?;
        let text = |field: &str| snapshot[field].as_str().map(str::to_owned);
        let references = snapshot["entryReferences"]
            .as_array()
            .map(|references| {
                references
                    .iter()
                    .filter_map(|reference| reference.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        match (text("booked"), text("available")) {
            (Some(booked), Some(available)) => Ok(AccountAtTheBank {
                booked,
                available,
                entry_references: references,
            }),
            _ => Err(Error::Admin(format!(
                "an account without balances: {snapshot}"
            ))),
        }
    }

    /// Adds an entry of `amount` (signed decimal text) as the newest; `pending` adds a card
    /// hold that can book later. Returns its entry reference.
    pub async fn add_transaction(
        &self,
        iban: &str,
        amount: &str,
        counterparty: &str,
        pending: bool,
    ) -> Result<String> {
        let body = json!({
            "iban": iban,
            "amount": amount,
            "status": if pending { "INFO" } else { "BOOK" },
            "counterpartyName": counterparty,
        });
        let added = self
            .send(self.http.post(self.url("transactions")).json(&body))
            .await?;
        added["entryReference"]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| Error::Admin(format!("no entry reference in {added}")))
    }

    /// Moves the booked balance of `iban` by `amount` (signed decimal text) with no entry to
    /// show for it.
    pub async fn shift_balance(&self, iban: &str, amount: &str) -> Result<()> {
        let path = format!("accounts/{iban}/balance/shift");
        self.send(
            self.http
                .post(self.url(&path))
                .json(&json!({ "amount": amount })),
        )
        .await?;
        Ok(())
    }

    /// Adds a booked entry as the newest, with the fields of `fields` (the admin interface's
    /// JSON: `counterpartyName`, `counterpartyIban`, `description`, `endToEndReference`);
    /// returns its entry reference.
    pub async fn add_entry(&self, iban: &str, amount: &str, fields: Value) -> Result<String> {
        let mut body = json!({ "iban": iban, "amount": amount, "status": "BOOK" });
        if let (Some(body), Some(fields)) = (body.as_object_mut(), fields.as_object()) {
            body.extend(fields.clone());
        }
        let added = self
            .send(self.http.post(self.url("transactions")).json(&body))
            .await?;
        added["entryReference"]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| Error::Admin(format!("no entry reference in {added}")))
    }

    /// Every entry of `iban` dated `from` to `to` (`YYYY-MM-DD`, inclusive, either open),
    /// newest first.
    pub async fn entries(
        &self,
        iban: &str,
        from: Option<&str>,
        to: Option<&str>,
    ) -> Result<Vec<EntryAtTheBank>> {
        let mut query = Vec::new();
        if let Some(from) = from {
            query.push(("from", from));
        }
        if let Some(to) = to {
            query.push(("to", to));
        }
        let url = self.url(&format!("accounts/{iban}/entries"));
        let entries = self.send(self.http.get(url).query(&query)).await?;
        serde_json::from_value(entries).map_err(|error| Error::Admin(error.to_string()))
    }

    /// Books the pending entry `reference` today.
    pub async fn book(&self, reference: &str) -> Result<()> {
        let url = self.url(&format!("transactions/{reference}/book"));
        self.send(self.http.post(url)).await?;
        Ok(())
    }

    /// The SHA-256 digests of the access and refresh tokens the bank issued and still knows.
    pub async fn token_digests(&self) -> Result<TokenDigests> {
        let digests = self.get("tokens").await?;
        serde_json::from_value(digests).map_err(|error| Error::Admin(error.to_string()))
    }

    /// Makes every live access token expire now: the app's next call must refresh.
    pub async fn expire_access_tokens(&self) -> Result<()> {
        let url = self.url("tokens/expire");
        self.send(self.http.post(url).json(&json!({}))).await?;
        Ok(())
    }

    /// Injects a fault (the sandbox's JSON: `{"kind": "latency", "millis": 400, "endpoint":
    /// "transactions", "lasts": {"seconds": 60}}`).
    pub async fn inject_fault(&self, fault: Value) -> Result<()> {
        self.send(self.http.post(self.url("faults")).json(&fault))
            .await?;
        Ok(())
    }

    /// Ends every injected fault.
    pub async fn clear_faults(&self) -> Result<()> {
        self.send(self.http.delete(self.url("faults"))).await?;
        Ok(())
    }

    /// Moves the bank's clock forward: consents and access tokens age by it.
    pub async fn advance_clock(&self, by: std::time::Duration) -> Result<()> {
        let url = self.url("clock/advance");
        self.send(
            self.http
                .post(url)
                .json(&json!({ "seconds": by.as_secs() })),
        )
        .await?;
        Ok(())
    }

    /// Revokes every consent: the app's next call gets a 401 and its refresh `invalid_grant`.
    pub async fn revoke_consents(&self) -> Result<()> {
        let url = self.url("consents/revoke");
        self.send(self.http.post(url).json(&json!({}))).await?;
        Ok(())
    }

    fn url(&self, path: &str) -> String {
        format!("{}/{path}", self.base)
    }

    async fn get(&self, path: &str) -> Result<Value> {
        self.send(self.http.get(self.url(path))).await
    }

    async fn send(&self, request: reqwest::RequestBuilder) -> Result<Value> {
        let response = request
            .send()
            .await
            .map_err(|error| Error::Admin(error.without_url().to_string()))?;
        let status = response.status();
        let body = response
            .bytes()
            .await
            .map_err(|error| Error::Admin(error.to_string()))?;
        if !status.is_success() {
            return Err(Error::Admin(format!(
                "{status}: {}",
                String::from_utf8_lossy(&body)
            )));
        }
        if body.is_empty() {
            return Ok(Value::Null);
        }
        serde_json::from_slice(&body).map_err(|error| Error::Admin(error.to_string()))
    }
}
