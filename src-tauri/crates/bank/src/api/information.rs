use serde_json::json;

use crate::model::{AccountInformation, Iban, parse_account_information};
use crate::{AccessToken, Result};

use super::{BankApi, Presence};

impl BankApi {
    /// `POST /api/v1/accounts/information`: the account's details and balances.
    pub async fn account_information(
        &self,
        token: &AccessToken,
        iban: &Iban,
        presence: Presence,
    ) -> Result<AccountInformation> {
        let url = self.url("api/v1/accounts/information");
        let body = json!({ "iban": iban.as_str() });
        let request = self.http.post(url).json(&body);
        let answer = self
            .send("accounts/information", token, request, presence)
            .await?;
        parse_account_information(&answer)
    }
}
