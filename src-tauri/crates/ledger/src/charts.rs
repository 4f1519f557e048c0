//! What the charts show, summed here in decimal: each month's money in and out, and the
//! balance at the end of each day, rebuilt backwards from the bank's booked balance through the
//! stored booked entries. Days the store holds no history for have no balance: a gap, never a
//! flat line.

use rust_decimal::Decimal;
use store::DayTotals;
use time::{Date, Month};

use crate::chart_axis::Axis;
use crate::reconciliation::booked_balance;
use crate::{Ledger, Result};

/// One calendar month's booked entries: what came in and what went out (both positive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthlyFlow {
    pub year: i32,
    pub month: Month,
    pub incoming: Decimal,
    pub outgoing: Decimal,
}

/// The balance at the end of `date`; `None` where the store has no history for the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DailyBalance {
    pub date: Date,
    pub balance: Option<Decimal>,
}

/// An account's charts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountCharts {
    /// The last `months` calendar months up to `today`'s, oldest first.
    pub months: Vec<MonthlyFlow>,
    /// Every day from the first month's first day to `today`, oldest first; empty without a
    /// booked balance to rebuild from.
    pub balances: Vec<DailyBalance>,
    /// The amount axis of the months' money in and out.
    pub flow_axis: Axis,
    /// The amount axis of the balance.
    pub balance_axis: Axis,
}

impl Ledger {
    /// The charts of `iban` over the `months` calendar months that end with `today`'s.
    pub fn charts(&self, iban: &str, today: Date, months: u8) -> Result<AccountCharts> {
        let first_day = first_day_of(months_before(today, months.saturating_sub(1)));
        let store = self.store();
        let (days, oldest) = store.booked_day_totals_since(iban, first_day)?;
        let stored = store.balances(iban)?;
        drop(store);
        let balance_now = booked_balance(&stored).map(|balance| balance.amount);
        let months: Vec<MonthlyFlow> = monthly_flows(&days, today, months)
            .into_iter()
            .map(|flow| MonthlyFlow {
                incoming: money(flow.incoming),
                outgoing: money(flow.outgoing),
                ..flow
            })
            .collect();
        let balances: Vec<DailyBalance> = balance_now.map_or_else(Vec::new, |now| {
            daily_balances(&days, oldest, now, first_day, today)
                .into_iter()
                .map(|day| DailyBalance {
                    balance: day.balance.map(money),
                    ..day
                })
                .collect()
        });
        Ok(AccountCharts {
            flow_axis: Axis::over(
                months
                    .iter()
                    .flat_map(|flow| [flow.incoming, flow.outgoing]),
            ),
            balance_axis: Axis::over(balances.iter().filter_map(|day| day.balance)),
            months,
            balances,
        })
    }
}

/// Money in and out per month over the `months` months ending with `today`'s, oldest first;
/// `days` oldest first.
pub fn monthly_flows(days: &[DayTotals], today: Date, months: u8) -> Vec<MonthlyFlow> {
    let first = first_day_of(months_before(today, months.saturating_sub(1)));
    let mut flows: Vec<MonthlyFlow> = (0..months)
        .rev()
        .map(|back| {
            let day = months_before(today, back);
            MonthlyFlow {
                year: day.year(),
                month: day.month(),
                incoming: Decimal::ZERO,
                outgoing: Decimal::ZERO,
            }
        })
        .collect();
    let start = days.partition_point(|day| day.date < first);
    for day in days[start..].iter().take_while(|day| day.date <= today) {
        if let Some(flow) = flows.get_mut(month_index(first, day.date)) {
            flow.incoming += day.incoming;
            flow.outgoing -= day.outgoing;
        }
    }
    flows
}

/// The balance at the end of each day from `from` to `today`: `balance_now` less what every
/// later day brought (`days`: the days from `from` on, oldest first). Before the oldest stored
/// entry (`oldest`) the store knows nothing.
pub fn daily_balances(
    days: &[DayTotals],
    oldest: Option<Date>,
    balance_now: Decimal,
    from: Date,
    today: Date,
) -> Vec<DailyBalance> {
    // The booked balance is taken as of now, covering every booked entry stored, a booking
    // dated after today too: so each day's balance is it less everything dated later.
    let mut balance = balance_now;
    let mut newer = days.len();
    let mut balances = Vec::new();
    let mut day = today;
    while day >= from {
        while newer > 0 && days[newer - 1].date > day {
            newer -= 1;
            balance -= days[newer].incoming + days[newer].outgoing;
        }
        let known = oldest.is_some_and(|oldest| day >= oldest);
        balances.push(DailyBalance {
            date: day,
            balance: known.then_some(balance),
        });
        let Some(previous) = day.previous_day() else {
            break;
        };
        day = previous;
    }
    balances.reverse();
    balances
}

/// A sum as money is written: no trailing zeros beyond the cents (sums of exact micros carry six
/// places).
pub(crate) fn money(amount: Decimal) -> Decimal {
    let mut amount = amount.normalize();
    if amount.scale() < 2 {
        amount.rescale(2);
    }
    amount
}

fn months_before(day: Date, months: u8) -> Date {
    let index = i32::from(u8::from(day.month())) - 1 - i32::from(months);
    let year = day.year() + index.div_euclid(12);
    let month = u8::try_from(index.rem_euclid(12) + 1).unwrap_or(1);
    let month = Month::try_from(month).unwrap_or(Month::January);
    Date::from_calendar_date(year, month, 1).unwrap_or(day)
}

fn first_day_of(day: Date) -> Date {
    day.replace_day(1).unwrap_or(day)
}

fn month_index(first: Date, day: Date) -> usize {
    let months = (day.year() - first.year()) * 12 + i32::from(u8::from(day.month()))
        - i32::from(u8::from(first.month()));
    usize::try_from(months).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    #[test]
    fn sums_are_written_to_the_cent_at_least() {
        assert_eq!(money("2000.000000".parse().unwrap()).to_string(), "2000.00");
        assert_eq!(money("0.125000".parse().unwrap()).to_string(), "0.125");
    }

    use time::macros::date;

    use super::*;

    fn euros(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    /// A day's totals from its entries' amounts.
    fn day(date: Date, amounts: &[&str]) -> DayTotals {
        let (incoming, outgoing) = amounts.iter().map(|amount| euros(amount)).fold(
            (Decimal::ZERO, Decimal::ZERO),
            |(incoming, outgoing), amount| {
                if amount.is_sign_negative() {
                    (incoming, outgoing + amount)
                } else {
                    (incoming + amount, outgoing)
                }
            },
        );
        DayTotals {
            date,
            incoming,
            outgoing,
        }
    }

    #[test]
    fn each_month_sums_what_came_in_and_what_went_out() {
        let booked = [
            day(date!(2025 - 12 - 31), &["-99.00"]),
            day(date!(2026 - 01 - 10), &["2000.00", "-500.00"]),
            day(date!(2026 - 01 - 31), &["-0.01"]),
            day(date!(2026 - 03 - 01), &["12.30"]),
            day(date!(2026 - 03 - 20), &["-1.00"]),
        ];
        let flows = monthly_flows(&booked, date!(2026 - 03 - 15), 3);
        let summed: Vec<(Month, Decimal, Decimal)> = flows
            .iter()
            .map(|flow| (flow.month, flow.incoming, flow.outgoing))
            .collect();
        assert_eq!(
            summed,
            [
                (Month::January, euros("2000.00"), euros("500.01")),
                (Month::February, Decimal::ZERO, Decimal::ZERO),
                (Month::March, euros("12.30"), Decimal::ZERO),
            ]
        );
        assert_eq!(flows[0].year, 2026);
        let across_the_year = monthly_flows(&booked, date!(2026 - 01 - 31), 2);
        assert_eq!(
            (across_the_year[0].year, across_the_year[0].month),
            (2025, Month::December)
        );
        assert_eq!(across_the_year[0].outgoing, euros("99.00"));
    }

    #[test]
    fn balances_are_rebuilt_backwards_and_days_before_the_history_are_a_gap() {
        let booked = [
            day(date!(2026 - 03 - 02), &["100.00"]),
            day(date!(2026 - 03 - 04), &["-30.00", "-5.00"]),
        ];
        let days = daily_balances(
            &booked,
            Some(date!(2026 - 03 - 02)),
            euros("65.00"),
            date!(2026 - 03 - 01),
            date!(2026 - 03 - 05),
        );
        let balances: Vec<Option<Decimal>> = days.iter().map(|day| day.balance).collect();
        assert_eq!(
            balances,
            [
                None,
                Some(euros("100.00")),
                Some(euros("100.00")),
                Some(euros("65.00")),
                Some(euros("65.00")),
            ]
        );
        assert_eq!(days[0].date, date!(2026 - 03 - 01));
        assert!(
            daily_balances(
                &[],
                None,
                euros("1"),
                date!(2026 - 03 - 01),
                date!(2026 - 03 - 02)
            )
            .iter()
            .all(|day| day.balance.is_none())
        );
    }
}
