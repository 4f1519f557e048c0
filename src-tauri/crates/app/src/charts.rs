//! What an account's charts show, summed in Rust as decimals and handed over as decimal
//! strings to print, each with its place on its chart's amount axis (0 at the lowest tick,
//! `AXIS_TOP` at the highest) to draw it by: no amount becomes a JavaScript number.

use serde::Serialize;
use ts_rs::TS;

use crate::core::Core;
use crate::error::Result;

/// The months the in-and-out chart shows: the last twelve, this one included.
const MONTHS: u8 = 12;

/// An account's charts over the last twelve months.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AccountCharts {
    pub iban: String,
    /// What every amount is in.
    pub currency: String,
    /// Oldest first, this month last.
    pub months: Vec<MonthFlow>,
    /// The months' amount axis.
    pub flow_axis: ChartAxis,
    /// Each day from the first month's first day to today, oldest first; empty while no booked
    /// balance is stored.
    pub balances: Vec<DayBalance>,
    /// The balance's amount axis.
    pub balance_axis: ChartAxis,
}

/// A chart's amount axis: its round ticks, lowest first, and where zero is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ChartAxis {
    pub ticks: Vec<AxisTick>,
    pub zero: u32,
    /// The highest position: the top of the axis.
    pub top: u32,
}

/// One tick: its amount as a decimal string, and its position.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AxisTick {
    pub amount: String,
    pub position: u32,
}

/// One month's booked money in and out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MonthFlow {
    /// `YYYY-MM`.
    pub month: String,
    /// Decimal strings, both positive (or zero).
    pub incoming: String,
    pub outgoing: String,
    /// Where each sits on the months' axis.
    pub incoming_position: u32,
    pub outgoing_position: u32,
}

/// The balance at the end of a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DayBalance {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// A decimal string; `None` where the store has no history for the day (a gap).
    pub balance: Option<String>,
    /// Where it sits on the balance's axis.
    pub position: Option<u32>,
}

impl Core {
    /// The charts of `iban`, up to today in the person's time. An account not shown is
    /// `invalid_input`.
    pub async fn charts(&self, iban: String) -> Result<AccountCharts> {
        let data = &*self.data().await?;
        let shown = data.shown_accounts(Some(&iban))?;
        let account = shown.first().ok_or(ledger::Error::UnknownAccount)?;
        let today = self.clock.local_now().date();
        let charts = data.ledger.charts(&iban, today, MONTHS)?;
        Ok(AccountCharts {
            currency: account.account.currency.clone(),
            iban,
            months: charts
                .months
                .iter()
                .map(|flow| MonthFlow {
                    month: format!("{:04}-{:02}", flow.year, u8::from(flow.month)),
                    incoming: flow.incoming.to_string(),
                    outgoing: flow.outgoing.to_string(),
                    incoming_position: charts.flow_axis.position(flow.incoming),
                    outgoing_position: charts.flow_axis.position(flow.outgoing),
                })
                .collect(),
            flow_axis: axis(&charts.flow_axis),
            balances: charts
                .balances
                .iter()
                .map(|day| DayBalance {
                    date: day.date.to_string(),
                    balance: day.balance.map(|balance| balance.to_string()),
                    position: day
                        .balance
                        .map(|balance| charts.balance_axis.position(balance)),
                })
                .collect(),
            balance_axis: axis(&charts.balance_axis),
        })
    }
}

fn axis(axis: &ledger::Axis) -> ChartAxis {
    ChartAxis {
        ticks: axis
            .ticks
            .iter()
            .map(|&amount| AxisTick {
                amount: amount.to_string(),
                position: axis.position(amount),
            })
            .collect(),
        zero: axis.position(rust_decimal::Decimal::ZERO),
        top: ledger::AXIS_TOP,
    }
}

/// What an account's booked entries spent per category in a month, largest first, with each
/// amount's place on the chart's axis; transfers between own accounts are not spending.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MonthSpending {
    pub iban: String,
    pub currency: String,
    /// `YYYY-MM`.
    pub month: String,
    pub categories: Vec<CategorySpent>,
    pub axis: ChartAxis,
}

/// One category's spending: money out less what came back into it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CategorySpent {
    /// `None` for entries stored before categories, not categorised yet.
    pub category_id: Option<u32>,
    /// A positive decimal string.
    pub spent: String,
    pub entries: u32,
    pub position: u32,
}

impl Core {
    /// What `iban` spent per category in `month` (`YYYY-MM`). An account not shown, or a
    /// month that is not one, is `invalid_input`.
    pub async fn month_spending(&self, iban: String, month: String) -> Result<MonthSpending> {
        let first_day = time::Date::parse(
            &format!("{month}-01"),
            time::macros::format_description!("[year]-[month]-[day]"),
        )
        .map_err(|_| crate::error::Error::InvalidInput("a month is YYYY-MM".to_owned()))?;
        let data = &*self.data().await?;
        let shown = data.shown_accounts(Some(&iban))?;
        let account = shown.first().ok_or(ledger::Error::UnknownAccount)?;
        let spending = data.ledger.month_spending(&iban, first_day)?;
        Ok(MonthSpending {
            currency: account.account.currency.clone(),
            iban,
            month,
            categories: spending
                .categories
                .iter()
                .map(|category| CategorySpent {
                    category_id: category.category_id.map(crate::categories::id_of),
                    spent: category.spent.to_string(),
                    entries: category.entries,
                    position: spending.axis.position(category.spent),
                })
                .collect(),
            axis: axis(&spending.axis),
        })
    }
}
