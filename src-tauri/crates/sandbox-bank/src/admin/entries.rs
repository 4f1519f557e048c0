//! Every entry of an account in a date range, as the bank holds it: for a test to work out its
//! own sums and lists of what an app should show for a search or a filter, without the app.

use rust_decimal::Decimal;
use serde::Serialize;
use time::Date;

use crate::data::{Entry, EntryStatus, HistoryFilter, PageRequest, StatusFilter};
use crate::error::{Error, Result};

use super::Admin;

/// The most entries one call lists: a test's range is a few pages, and a whole 100,000-entry
/// history at once would only slow the bank for its API's callers.
pub const MOST_ENTRIES: usize = 20_000;

/// The bank's largest page: the listing is read a page at a time.
const PAGE_SIZE: u32 = 100;

/// One entry, with everything the bank sends for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EntryRecord {
    pub entry_reference: String,
    pub status: EntryStatus,
    /// Signed (negative leaves the account); decimal text in JSON.
    pub amount: Decimal,
    pub currency: &'static str,
    /// `YYYY-MM-DD`: what orders the entries and what date ranges compare, the booking date,
    /// else the value date.
    pub date: String,
    pub value_date: String,
    pub booking_date: Option<String>,
    pub bank_transaction_code: &'static str,
    pub counterparty_name: Option<String>,
    pub counterparty_iban: Option<String>,
    /// `/VS../SS../KS..` or `NOTPROVIDED`.
    pub end_to_end_reference: Option<String>,
    pub description: Option<String>,
    pub note: Option<&'static str>,
}

impl From<Entry> for EntryRecord {
    fn from(entry: Entry) -> Self {
        Self {
            date: iso(entry.date()),
            entry_reference: entry.reference,
            status: entry.status,
            amount: entry.amount,
            currency: "EUR",
            value_date: iso(entry.value_date),
            booking_date: entry.booking_date.map(iso),
            bank_transaction_code: entry.bank_transaction_code,
            counterparty_name: entry.counterparty_name,
            counterparty_iban: entry.counterparty_iban,
            end_to_end_reference: entry.end_to_end,
            description: entry.remittance,
            note: entry.note,
        }
    }
}

impl Admin {
    /// The entries of `iban` dated `from` to `to` (both inclusive, either open), booked and
    /// pending, newest first as the API lists them; refused when more than [`MOST_ENTRIES`].
    pub fn entries(
        &self,
        iban: &str,
        from: Option<Date>,
        to: Option<Date>,
    ) -> Result<Vec<EntryRecord>> {
        let account = self
            .state
            .bank
            .account(iban)
            .ok_or_else(|| Error::UnknownAccount(iban.to_owned()))?;
        let filter = HistoryFilter {
            status: StatusFilter::All,
            from,
            to,
        };
        let mut entries = Vec::new();
        let mut number = 1;
        loop {
            let request = PageRequest {
                number,
                size: PAGE_SIZE,
            };
            let Ok(page) = account.history_page(&filter, request) else {
                break;
            };
            if page.count > too_many_pages() {
                return Err(Error::InvalidAdminRequest(format!(
                    "more than {MOST_ENTRIES} entries in that range: narrow it"
                )));
            }
            let last = page.next().is_none();
            entries.extend(page.items.into_iter().map(EntryRecord::from));
            if last {
                break;
            }
            number += 1;
        }
        Ok(entries)
    }
}

fn too_many_pages() -> u32 {
    u32::try_from(MOST_ENTRIES.div_ceil(PAGE_SIZE as usize)).unwrap_or(u32::MAX)
}

/// `YYYY-MM-DD`.
fn iso(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

#[cfg(test)]
mod tests {
    use time::Date;
    use time::macros::format_description;

    use crate::data::NewTransaction;
    use crate::{Config, SandboxBank};

    const ISO: &[time::format_description::BorrowedFormatItem<'static>] =
        format_description!("[year]-[month]-[day]");

    #[tokio::test]
    async fn lists_a_range_newest_first_with_an_added_entry() {
        let bank = SandboxBank::start(Config::default()).await.unwrap();
        let admin = bank.admin();
        let iban = bank.users()[0].accounts[0].iban.clone();
        let all = admin.entries(&iban, None, None).unwrap();
        assert!(all.windows(2).all(|pair| pair[0].date >= pair[1].date));
        let newest: Date = Date::parse(&all[0].date, ISO).unwrap();
        let reference = admin
            .add_transaction(
                NewTransaction::booked(&iban, "-12.30".parse().unwrap())
                    .counterparty("=HYPERLINK(\"x\")", None),
            )
            .unwrap();
        // The bank's today is Bratislava's; a day either side covers any time zone.
        let today = admin.now().date();
        let (from, to) = (today.previous_day(), today.next_day());
        let added = admin.entries(&iban, from, to).unwrap();
        assert!(added.iter().any(|entry| entry.entry_reference == reference));
        let json = serde_json::to_value(&added[0]).unwrap();
        assert_eq!(json["amount"], "-12.30");
        assert_eq!(json["date"].as_str().map(str::len), Some(10));
        let before = admin
            .entries(&iban, None, Some(newest.previous_day().unwrap()))
            .unwrap();
        assert!(before.iter().all(|entry| entry.date < all[0].date));
        assert!(admin.entries("SK00", None, None).is_err());
    }
}
