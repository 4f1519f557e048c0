use crate::model::{Account, Page, parse_accounts_page};
use crate::{AccessToken, Error, Result};

use super::{BankApi, Presence};

const ENDPOINT: &str = "accounts";
const PAGE_SIZE: &str = "50";
/// A user with more consented accounts than this is not a person: stop rather than loop.
const MAX_PAGES: u32 = 100;

impl BankApi {
    /// `GET /api/v1/accounts`: one page of the consented accounts. Always for the person: the
    /// list is read when they pick accounts.
    pub async fn accounts_page(&self, token: &AccessToken, page: u32) -> Result<Page<Account>> {
        let url = self.url("api/v1/accounts");
        let page = page.to_string();
        let request = self.http.get(url).query(&[
            ("page", page.as_str()),
            ("pageSize", PAGE_SIZE),
            ("order", "asc"),
        ]);
        let body = self
            .send(ENDPOINT, token, request, Presence::Attended)
            .await?;
        parse_accounts_page(&body)
    }

    /// Every consented account, all pages.
    pub async fn all_accounts(&self, token: &AccessToken) -> Result<Vec<Account>> {
        let mut accounts = Vec::new();
        let mut page_number = 1;
        loop {
            let page = self.accounts_page(token, page_number).await?;
            accounts.extend(page.items);
            match page.next_page {
                None => return Ok(accounts),
                // A next page that does not move forward would never end.
                Some(next) if next <= page_number || next > MAX_PAGES => {
                    return Err(Error::malformed(ENDPOINT, "the pages do not move forward"));
                }
                Some(next) => page_number = next,
            }
        }
    }
}
