//! What falls on a fixed day of the month: the salary, the bills, the month's saving, interest.
//! A month's balance is planned: its closing entry (the transfer to savings, or a freelancer's
//! invoice paid) is sized so that the account ends the cycle on the plan, whatever the drawn
//! card payments came to. So the history earns about what it spends, a current account never
//! drifts into thousands of debt, and the savings grow by what the month left over.

use time::Date;

use super::AccountKind;
use super::rng::Rng;

/// A scheduled entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slot {
    AccountFee,
    Salary,
    Housing,
    Electricity,
    Gas,
    Mobile,
    Internet,
    /// The cycle's last entry: the transfer to (or from) savings on a current account, the
    /// invoice paid on an account with overdraft.
    Close,
    /// A savings account's side of the current account's [`Slot::Close`].
    FromCurrentAccount,
    Interest,
    InterestTax,
}

/// The slot of the `nth` oldest entry (0: the day's first) dated `date` on a `kind` account.
/// Interest and its tax are the second and third entries of a month's last day.
/// `None`: the entry is drawn from the account's templates.
pub(crate) fn slot(kind: AccountKind, date: Date, nth: u64) -> Option<Slot> {
    if nth > 2 || (nth > 0 && !is_last_day_of_month(date)) {
        return None;
    }
    let day = date.day();
    let slot = match (kind, day, nth) {
        (AccountKind::Current | AccountKind::CreditLine, 1, 0) => Slot::AccountFee,
        (AccountKind::Current | AccountKind::CreditLine, 18, 0) => Slot::Mobile,
        (AccountKind::Current, 10, 0) => Slot::Salary,
        (AccountKind::Current, 12, 0) => Slot::Housing,
        (AccountKind::Current, 15, 0) => Slot::Electricity,
        (AccountKind::Current, 16, 0) => Slot::Gas,
        (AccountKind::Current, 20, 0) => Slot::Internet,
        (AccountKind::Current, CURRENT_CLOSE_DAY, 0)
        | (AccountKind::CreditLine, INVOICE_DAY, 0) => Slot::Close,
        (AccountKind::Savings, CURRENT_CLOSE_DAY, 0) => Slot::FromCurrentAccount,
        // After the deposit where the 28th is the month's last day.
        (AccountKind::Savings, _, 1) => Slot::Interest,
        (AccountKind::Savings, _, 2) => Slot::InterestTax,
        _ => return None,
    };
    Some(slot)
}

/// A current account closes its month after the bills, before the next salary (both close days
/// exist in every month).
const CURRENT_CLOSE_DAY: u8 = 28;
/// An account with overdraft is fed by an invoice at the start of the month.
const INVOICE_DAY: u8 = 5;

/// The balance a `kind` account is planned to have right after its close on `date`, in cents:
/// a current account keeps a buffer until the salary; an account with overdraft starts the
/// month with a little and dips into the overdraft before the next invoice.
pub(crate) fn planned_cents(kind: AccountKind, rng: &mut Rng) -> i64 {
    match kind {
        AccountKind::Current => rng.between(90_000, 140_000),
        AccountKind::CreditLine => rng.between(90_000, 150_000),
        AccountKind::Savings => 0,
    }
}

/// A key for things drawn once a month: the month's number since year 0.
pub(crate) fn month_key(date: Date) -> u64 {
    u64::try_from(i64::from(date.year()) * 12 + i64::from(u8::from(date.month()))).unwrap_or(0)
}

fn is_last_day_of_month(date: Date) -> bool {
    date.next_day()
        .is_none_or(|next| next.month() != date.month())
}

#[cfg(test)]
mod tests {
    use time::Month;
    use time::macros::date;

    use super::*;

    #[test]
    fn the_salary_comes_before_the_bills_and_the_close_after_them() {
        let on = |day: u8, nth| {
            slot(
                AccountKind::Current,
                Date::from_calendar_date(2026, Month::April, day).unwrap(),
                nth,
            )
        };
        assert_eq!(on(10, 0), Some(Slot::Salary));
        assert_eq!(on(12, 0), Some(Slot::Housing));
        assert_eq!(on(28, 0), Some(Slot::Close));
        assert_eq!(on(28, 1), None);
        assert_eq!(on(11, 0), None);
    }

    #[test]
    fn savings_earn_interest_on_the_last_day_and_mirror_the_close() {
        assert_eq!(
            slot(AccountKind::Savings, date!(2026 - 02 - 28), 0),
            Some(Slot::FromCurrentAccount)
        );
        assert_eq!(
            slot(AccountKind::Savings, date!(2026 - 04 - 30), 1),
            Some(Slot::Interest)
        );
        assert_eq!(
            slot(AccountKind::Savings, date!(2026 - 04 - 30), 2),
            Some(Slot::InterestTax)
        );
        assert_eq!(slot(AccountKind::Savings, date!(2026 - 04 - 29), 1), None);
        assert_eq!(slot(AccountKind::Savings, date!(2026 - 04 - 30), 0), None);
    }
}
