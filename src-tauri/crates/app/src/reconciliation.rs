//! Does an account's stored history add up to the balances its bank reported? And fetching
//! again the days where it does not.

use serde::Serialize;
use time::Date;
use time::macros::format_description;
use ts_rs::TS;

use crate::core::Core;
use crate::error::{Error, Result};

/// How an account's stored history compares with its bank's balances.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AccountReconciliation {
    pub iban: String,
    /// The account's currency: what `opening` and each break's `missing` are in.
    pub currency: String,
    /// False until a refresh has read a booked balance with the history since this was kept.
    pub checked: bool,
    /// `YYYY-MM-DD`: the oldest stored booked entry's day; `None` while nothing is stored.
    pub since: Option<String>,
    /// Nothing older exists at the bank.
    pub complete: bool,
    /// The balance before the oldest stored entry, a decimal string.
    pub opening: Option<String>,
    /// Where the stored entries and the bank's balance part, oldest first.
    pub breaks: Vec<HistoryBreak>,
}

/// The bank's balance moved by `missing` more than the entries stored for the days `from` to
/// `to` (`YYYY-MM-DD`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HistoryBreak {
    pub from: String,
    pub to: String,
    /// A signed decimal string: positive, money in that the store lacks.
    pub missing: String,
}

/// A period fetched again spans at most this many days: the longest history the Demo Bank
/// keeps, and more than any bank of this family serves.
const MAX_PERIOD_DAYS: i64 = 3_660;

impl Core {
    /// Checks the stored history of `iban` against every booked balance the bank reported.
    /// An account not shown is `invalid_input`.
    pub async fn reconciliation(&self, iban: String) -> Result<AccountReconciliation> {
        let data = &*self.data().await?;
        let shown = data.shown_accounts(Some(&iban))?;
        let account = shown.first().ok_or(ledger::Error::UnknownAccount)?;
        let found = data.ledger.reconciliation(&iban)?;
        Ok(AccountReconciliation {
            currency: account.account.currency.clone(),
            iban,
            checked: found.checked,
            since: found.since.map(|date| date.to_string()),
            complete: found.complete,
            opening: found.opening.map(|opening| opening.to_string()),
            breaks: found
                .breaks
                .iter()
                .map(|found| HistoryBreak {
                    from: found.from.to_string(),
                    to: found.to.to_string(),
                    missing: found.missing.to_string(),
                })
                .collect(),
        })
    }

    /// Fetches the bank's entries of `iban` dated `from` to `to` (`YYYY-MM-DD`, a break's days)
    /// and stores those missing; then checks again.
    pub async fn fetch_period_again(
        &self,
        iban: String,
        from: String,
        to: String,
    ) -> Result<AccountReconciliation> {
        let period = period(&from, &to)?;
        {
            let data = &*self.data().await?;
            let link = data.link_of_account(&iban)?;
            let session = link.session(&data.connector).await?;
            data.ledger
                .fetch_period_again(session, &iban, period)
                .await?;
        }
        self.reconciliation(iban).await
    }
}

/// The days `from` to `to`, in order and not too many.
fn period(from: &str, to: &str) -> Result<(Date, Date)> {
    let day = |text: &str| {
        Date::parse(text, format_description!("[year]-[month]-[day]"))
            .map_err(|_| Error::InvalidInput(format!("not a date: {text:?}")))
    };
    let (from, to) = (day(from)?, day(to)?);
    if from > to || (to - from).whole_days() > MAX_PERIOD_DAYS {
        return Err(Error::InvalidInput(format!(
            "a period fetched again runs forwards over at most {MAX_PERIOD_DAYS} days"
        )));
    }
    Ok((from, to))
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    #[test]
    fn a_period_runs_forwards_over_whole_days() {
        assert_eq!(
            period("2026-03-02", "2026-03-03").unwrap(),
            (date!(2026 - 03 - 02), date!(2026 - 03 - 03))
        );
        assert!(period("2026-03-03", "2026-03-02").is_err());
        assert!(period("2016-03-02", "2027-06-01").is_err());
        assert!(period("yesterday", "2026-03-02").is_err());
    }
}
