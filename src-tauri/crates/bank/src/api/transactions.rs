use serde::Serialize;
use time::Date;

use crate::model::{Iban, Page, Transaction, parse_transactions_page};
use crate::{AccessToken, Error, Result};

use super::{BankApi, PAGE_SIZES, Presence};

/// Which entries to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum StatusFilter {
    #[serde(rename = "ALL")]
    All,
    #[serde(rename = "BOOK")]
    Booked,
    #[serde(rename = "INFO")]
    Pending,
}

/// One page of an account's history, newest first.
#[derive(Debug, Clone)]
pub struct TransactionsQuery {
    pub iban: Iban,
    pub status: StatusFilter,
    pub date_from: Option<Date>,
    pub date_to: Option<Date>,
    /// 1-based.
    pub page: u32,
    /// 10 to 100.
    pub page_size: u8,
}

impl TransactionsQuery {
    /// The first page of everything, booked and pending, at the largest page size.
    pub fn newest(iban: Iban) -> Self {
        Self {
            iban,
            status: StatusFilter::All,
            date_from: None,
            date_to: None,
            page: 1,
            page_size: *PAGE_SIZES.end(),
        }
    }

    #[must_use]
    pub fn page(mut self, page: u32) -> Self {
        self.page = page;
        self
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Body<'a> {
    iban: &'a str,
    status: StatusFilter,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_to: Option<String>,
    page: u32,
    page_size: u8,
}

impl BankApi {
    /// `POST /api/v1/accounts/transactions`: one page of history.
    pub async fn transactions_page(
        &self,
        token: &AccessToken,
        query: &TransactionsQuery,
        presence: Presence,
    ) -> Result<Page<Transaction>> {
        if !PAGE_SIZES.contains(&query.page_size) || query.page == 0 {
            return Err(Error::InvalidRequest(
                "transactions come in pages of 10 to 100, numbered from 1".to_owned(),
            ));
        }
        let url = self.url("api/v1/accounts/transactions");
        let body = Body {
            iban: query.iban.as_str(),
            status: query.status,
            date_from: query.date_from.map(|date| date.to_string()),
            date_to: query.date_to.map(|date| date.to_string()),
            page: query.page,
            page_size: query.page_size,
        };
        let request = self.http.post(url).json(&body);
        let answer = self
            .send("accounts/transactions", token, request, presence)
            .await?;
        let page = parse_transactions_page(&answer)?;
        // A next page that does not move forward would keep a caller paging for ever.
        if page.next_page.is_some_and(|next| next <= query.page) {
            return Err(Error::malformed(
                "accounts/transactions",
                "the pages do not move forward",
            ));
        }
        Ok(page)
    }
}
