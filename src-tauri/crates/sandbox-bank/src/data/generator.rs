//! Entry number `index` of an account, computed from (seed, account, index, date) alone; the
//! amount of a cycle's close, which depends on the cycle, is given by the archive.

use rust_decimal::{Decimal, RoundingStrategy};
use time::Date;

use super::catalog::{self, Bill, Merchant, Party, Purpose, Template};
use super::entry::{Entry, EntryStatus};
use super::rng::Rng;
use super::schedule::{self, Slot};
use crate::data::AccountKind;
use crate::iban;

/// What the generator needs to know about an account.
#[derive(Debug, Clone)]
pub(crate) struct AccountProfile {
    pub seed: u64,
    /// 1-based across the bank; part of every entry reference.
    pub ordinal: u64,
    pub kind: AccountKind,
    pub holder: &'static str,
    /// The holder's other account, the far side of transfers between own accounts.
    pub sibling_iban: String,
}

/// Keys of what an account draws once, for its whole life.
const CARD_KEY: u64 = u64::MAX;
const FIXED_KEY: u64 = u64::MAX - 2;
/// Keys of what an account draws once a month (with the month's number).
const MONTH_KEY: u64 = u64::MAX - 3;
pub(crate) const PLAN_KEY: u64 = u64::MAX - 4;

impl AccountProfile {
    fn rng(&self, index: u64) -> Rng {
        Rng::new(self.seed, &[self.ordinal, index])
    }

    /// Draws that stay the same for the account's life: its employer, its bills' amounts.
    fn fixed(&self, what: u64) -> Rng {
        Rng::new(self.seed, &[self.ordinal, FIXED_KEY, what])
    }

    /// Draws that stay the same for a month: overtime, interest.
    pub(crate) fn monthly(&self, key: u64, date: Date) -> Rng {
        Rng::new(self.seed, &[self.ordinal, key, schedule::month_key(date)])
    }

    fn templates(&self, status: EntryStatus) -> &'static [Template] {
        match (status, self.kind) {
            (EntryStatus::Pending, _) => catalog::CARD_HOLDS,
            (EntryStatus::Booked, AccountKind::Savings) => catalog::SAVINGS,
            (EntryStatus::Booked, AccountKind::Current | AccountKind::CreditLine) => {
                catalog::EVERYDAY
            }
        }
    }

    /// The last four digits of the account's debit card.
    fn card_suffix(&self) -> u64 {
        1000 + Rng::new(self.seed, &[self.ordinal, CARD_KEY]).below(9000)
    }
}

/// What an entry is, as the archive lays it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum What {
    /// A card hold at the newest end.
    Pending,
    /// A draw from the account's templates.
    Drawn,
    /// What the schedule puts on its day.
    Scheduled(Slot),
    /// A cycle's close, or a savings account's side of it, with the amount the cycle needs.
    Settling(Slot, Decimal),
    /// The oldest entry: the cash paid in when the account was opened.
    Opening,
}

/// Amounts drawn from templates are scaled by `kept / drawn`, so a history denser than three
/// entries a day (a test of a long history) still spends about a salary a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Thinning {
    pub kept: u64,
    pub drawn: u64,
}

impl Thinning {
    /// Amounts as the templates say.
    pub(crate) const NONE: Self = Self { kept: 1, drawn: 1 };

    fn cents(self, cents: i64) -> i64 {
        let scaled = i128::from(cents) * i128::from(self.kept) / i128::from(self.drawn.max(1));
        i64::try_from(scaled).unwrap_or(cents).max(1)
    }
}

/// The signed amount of entry `index`: the first draws of [`generate`], without the text, so
/// the start-up sum over a long history stays cheap.
pub(crate) fn booked_amount(
    profile: &AccountProfile,
    index: u64,
    date: Date,
    what: What,
    thinning: Thinning,
) -> Decimal {
    match what {
        What::Opening => opening_amount(profile),
        What::Settling(_, amount) => amount,
        What::Pending => {
            draw(
                &mut profile.rng(index),
                profile.templates(EntryStatus::Pending),
                thinning,
            )
            .1
        }
        What::Drawn => {
            draw(
                &mut profile.rng(index),
                profile.templates(EntryStatus::Booked),
                thinning,
            )
            .1
        }
        What::Scheduled(slot) => scheduled_amount(profile, slot, date),
    }
}

/// Entry `index` of the account, dated `date`.
pub(crate) fn generate(
    profile: &AccountProfile,
    index: u64,
    date: Date,
    what: What,
    thinning: Thinning,
) -> Entry {
    let status = if what == What::Pending {
        EntryStatus::Pending
    } else {
        EntryStatus::Booked
    };
    let amount = booked_amount(profile, index, date, what, thinning);
    let mut rng = profile.rng(index);
    let details = match what {
        What::Pending | What::Drawn => {
            let (template, _) = draw(&mut rng, profile.templates(status), thinning);
            describe(template.purpose, &mut rng, profile, date)
        }
        What::Scheduled(slot) | What::Settling(slot, _) => {
            describe_scheduled(slot, amount, profile, date)
        }
        What::Opening => opening(),
    };
    Entry {
        reference: reference(profile.ordinal, index, date),
        status,
        amount,
        value_date: date,
        booking_date: (status == EntryStatus::Booked).then_some(date),
        bank_transaction_code: details.code,
        counterparty_name: details.name,
        counterparty_iban: details.iban,
        end_to_end: Some(details.end_to_end),
        remittance: Some(details.remittance),
        note: Some(details.note),
    }
}

/// The cash paid in when the account was opened: the start of its balance.
fn opening_amount(profile: &AccountProfile) -> Decimal {
    let mut rng = profile.fixed(0);
    match profile.kind {
        AccountKind::Current => rng.cents(80_000, 200_000),
        AccountKind::Savings => rng.cents(200_000, 800_000),
        AccountKind::CreditLine => rng.cents(30_000, 100_000),
    }
}

fn opening() -> Details {
    Details {
        code: "PMNT-CNTR-CDPT",
        name: None,
        iban: None,
        end_to_end: "NOTPROVIDED".to_owned(),
        remittance: "Vklad hotovosti pri zriadení účtu".to_owned(),
        note: "Opening balance",
    }
}

/// The amount of a scheduled entry: fixed for the account's life, but for overtime on the
/// salary and the month's interest.
fn scheduled_amount(profile: &AccountProfile, slot: Slot, date: Date) -> Decimal {
    let fixed = |what, low, high| -profile.fixed(what).cents(low, high);
    match slot {
        Slot::AccountFee => fixed(1, 290, 590),
        Slot::Housing => fixed(2, 42_000, 65_000),
        Slot::Electricity => fixed(3, 4_500, 9_500),
        Slot::Gas => fixed(4, 3_500, 8_000),
        Slot::Mobile => fixed(5, 1_500, 4_500),
        Slot::Internet => fixed(6, 2_000, 3_500),
        Slot::Salary => {
            -fixed(7, 205_000, 235_000) + profile.monthly(MONTH_KEY, date).cents(0, 15_000)
        }
        Slot::Interest => interest(profile, date),
        Slot::InterestTax => -(interest(profile, date) * Decimal::new(19, 2))
            .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
            .max(Decimal::new(1, 2)),
        // The archive settles these from the cycle and passes them as `What::Settling`.
        Slot::Close | Slot::FromCurrentAccount => Decimal::ZERO,
    }
}

fn interest(profile: &AccountProfile, date: Date) -> Decimal {
    profile.monthly(MONTH_KEY, date).cents(300, 1_800)
}

/// A reference unique in the bank and stable for the entry's life: date made, account, index.
pub(crate) fn reference(ordinal: u64, index: u64, date: Date) -> String {
    let (year, month, day) = (date.year(), u8::from(date.month()), date.day());
    format!("DB{year:04}{month:02}{day:02}{ordinal:02}{index:07}")
}

/// Picks a template by weight and an amount in its range, signed by its direction.
fn draw(
    rng: &mut Rng,
    templates: &'static [Template],
    thinning: Thinning,
) -> (&'static Template, Decimal) {
    let total: u64 = templates.iter().map(|template| template.weight).sum();
    let mut ticket = rng.below(total);
    let template = templates
        .iter()
        .find(|template| {
            let hit = ticket < template.weight;
            ticket = ticket.saturating_sub(template.weight);
            hit
        })
        .unwrap_or(&templates[0]);
    let amount = rng.cents(
        thinning.cents(template.low_cents),
        thinning.cents(template.high_cents),
    );
    (template, if template.credit { amount } else { -amount })
}

/// The text of an entry: who, what for, which symbols.
struct Details {
    code: &'static str,
    name: Option<String>,
    iban: Option<String>,
    end_to_end: String,
    remittance: String,
    note: &'static str,
}

fn describe(purpose: Purpose, rng: &mut Rng, profile: &AccountProfile, date: Date) -> Details {
    match purpose {
        Purpose::Groceries => card(rng.pick(catalog::GROCERS), profile, "Card payment"),
        Purpose::Dining => card(rng.pick(catalog::RESTAURANTS), profile, "Card payment"),
        Purpose::Fuel => card(rng.pick(catalog::FUEL_STATIONS), profile, "Card payment"),
        Purpose::Online => card(rng.pick(catalog::WEB_SHOPS), profile, "Card payment online"),
        Purpose::Pharmacy => card(rng.pick(catalog::PHARMACIES), profile, "Card payment"),
        Purpose::Transport => card(rng.pick(catalog::TRANSPORT), profile, "Card payment"),
        Purpose::CashWithdrawal => cash(rng.pick(catalog::CASH_MACHINES), profile),
        Purpose::OccasionalBill => {
            let bill = rng.pick(catalog::OCCASIONAL_BILLS);
            let symbol = rng.digits(10);
            pay_bill(bill, &symbol, rng.chance(30), &period(date))
        }
        Purpose::FromFriend | Purpose::ToFriend => friend(rng, purpose == Purpose::FromFriend),
        Purpose::RoundUp => {
            own_transfer(profile, true, "Sporenie zaokrúhľovaním", "Round-up saving")
        }
    }
}

/// The text of what the schedule puts on a day; `amount` says a close's direction.
fn describe_scheduled(
    slot: Slot,
    amount: Decimal,
    profile: &AccountProfile,
    date: Date,
) -> Details {
    let period = period(date);
    let incoming = amount.is_sign_positive();
    let customer_number = |what| profile.fixed(what).digits(10);
    match slot {
        Slot::AccountFee => bank_own(
            "ACMT-MDOP-FEES",
            format!("Poplatok za vedenie účtu {period}"),
            "Account fee",
        ),
        Slot::Salary => salary(profile.fixed(7).pick(catalog::EMPLOYERS), date, &period),
        Slot::Housing => pay_bill(
            profile.fixed(2).pick(catalog::HOUSING),
            &customer_number(12),
            false,
            &period,
        ),
        Slot::Electricity => pay_bill(&catalog::ELECTRICITY, &customer_number(13), true, &period),
        Slot::Gas => pay_bill(&catalog::GAS, &customer_number(14), true, &period),
        Slot::Mobile => pay_bill(
            profile.fixed(5).pick(catalog::MOBILE_OPERATORS),
            &customer_number(15),
            true,
            &period,
        ),
        Slot::Internet => pay_bill(&catalog::INTERNET, &customer_number(16), true, &period),
        Slot::Close if profile.kind == AccountKind::CreditLine && incoming => {
            invoice(profile.fixed(8).pick(catalog::CLIENTS), date)
        }
        Slot::Close | Slot::FromCurrentAccount => {
            let words = if incoming == (profile.kind == AccountKind::Savings) {
                "Sporenie"
            } else {
                "Presun zo sporenia"
            };
            own_transfer(profile, incoming, words, "Transfer between own accounts")
        }
        Slot::Interest => bank_own("ACMT-MCOP-INTR", format!("Úroky {period}"), "Interest"),
        Slot::InterestTax => bank_own(
            "ACMT-MDOP-TAXE",
            format!("Daň z úrokov {period}"),
            "Withholding tax",
        ),
    }
}

fn period(date: Date) -> String {
    format!("{:02}/{}", u8::from(date.month()), date.year())
}

fn card(merchant: &Merchant, profile: &AccountProfile, note: &'static str) -> Details {
    Details {
        code: "PMNT-CCRD-POSD",
        name: Some(merchant.name.to_owned()),
        iban: None,
        end_to_end: "NOTPROVIDED".to_owned(),
        remittance: format!(
            "{}, {}, karta *{}",
            merchant.name,
            merchant.town,
            profile.card_suffix()
        ),
        note,
    }
}

fn cash(machine: &Merchant, profile: &AccountProfile) -> Details {
    Details {
        code: "PMNT-CCRD-CWDL",
        name: None,
        iban: None,
        end_to_end: "NOTPROVIDED".to_owned(),
        remittance: format!(
            "Výber z bankomatu {}, {}, karta *{}",
            machine.name,
            machine.town,
            profile.card_suffix()
        ),
        note: "ATM withdrawal",
    }
}

fn pay_bill(bill: &Bill, variable_symbol: &str, direct_debit: bool, period: &str) -> Details {
    Details {
        code: if direct_debit {
            "PMNT-IDDT-ESDD"
        } else {
            "PMNT-ICDT-ESCT"
        },
        name: Some(bill.payee.name.to_owned()),
        iban: Some(party_iban(&bill.payee)),
        end_to_end: format!("/VS{variable_symbol}/SS/KS{}", bill.constant_symbol),
        remittance: format!("{} {period}", bill.purpose),
        note: if direct_debit {
            "SEPA direct debit"
        } else {
            "SEPA transfer"
        },
    }
}

fn invoice(client: &Party, date: Date) -> Details {
    let number = format!("{}{:02}01", date.year(), u8::from(date.month()));
    Details {
        code: "PMNT-RCDT-ESCT",
        name: Some(client.name.to_owned()),
        iban: Some(party_iban(client)),
        end_to_end: format!("/VS{number}/SS/KS0308"),
        remittance: format!("Faktúra {number}"),
        note: "SEPA transfer",
    }
}

fn salary(employer: &Party, date: Date, period: &str) -> Details {
    Details {
        code: "PMNT-RCDT-ESCT",
        name: Some(employer.name.to_owned()),
        iban: Some(party_iban(employer)),
        end_to_end: format!("/VS{}{:02}/SS/KS0138", date.year(), u8::from(date.month())),
        remittance: format!("Mzda {period}"),
        note: "SEPA transfer",
    }
}

fn friend(rng: &mut Rng, incoming: bool) -> Details {
    let person = rng.pick(catalog::PEOPLE);
    let message = rng.pick(catalog::FRIENDLY_MESSAGES);
    let specific = if rng.chance(20) {
        rng.digits(6)
    } else {
        String::new()
    };
    Details {
        code: if incoming {
            "PMNT-RCDT-ESCT"
        } else {
            "PMNT-ICDT-ESCT"
        },
        name: Some(person.name.to_owned()),
        iban: Some(party_iban(person)),
        end_to_end: format!("/VS{}/SS{specific}/KS0558", rng.digits(4)),
        remittance: (*message).to_owned(),
        note: "SEPA transfer",
    }
}

fn bank_own(code: &'static str, remittance: String, note: &'static str) -> Details {
    Details {
        code,
        name: None,
        iban: None,
        end_to_end: "NOTPROVIDED".to_owned(),
        remittance,
        note,
    }
}

fn own_transfer(
    profile: &AccountProfile,
    incoming: bool,
    remittance: &str,
    note: &'static str,
) -> Details {
    Details {
        code: if incoming {
            "PMNT-RCDT-BOOK"
        } else {
            "PMNT-ICDT-BOOK"
        },
        name: Some(profile.holder.to_owned()),
        iban: Some(profile.sibling_iban.clone()),
        end_to_end: "NOTPROVIDED".to_owned(),
        remittance: remittance.to_owned(),
        note,
    }
}

fn party_iban(party: &Party) -> String {
    iban::slovak(party.bank_code, 0, party.account)
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    fn profile(kind: AccountKind) -> AccountProfile {
        AccountProfile {
            seed: 99,
            ordinal: 3,
            kind,
            holder: "Jana Nováková",
            sibling_iban: iban::slovak(9950, 0, 1_234_567_890),
        }
    }

    #[test]
    fn an_entry_is_the_same_however_often_it_is_computed() {
        let profile = profile(AccountKind::Current);
        let date = date!(2026 - 04 - 15);
        let first = generate(&profile, 17, date, What::Drawn, Thinning::NONE);
        let again = generate(&profile, 17, date, What::Drawn, Thinning::NONE);
        assert_eq!(first, again);
        assert_eq!(first.reference, "DB20260415030000017");
        assert_eq!(
            booked_amount(&profile, 17, date, What::Drawn, Thinning::NONE),
            first.amount
        );
    }

    #[test]
    fn transfers_carry_valid_ibans_and_payment_symbols() {
        let profile = profile(AccountKind::Current);
        let mut transfers = 0;
        let scheduled = [
            What::Scheduled(Slot::AccountFee),
            What::Scheduled(Slot::Salary),
            What::Scheduled(Slot::Housing),
            What::Scheduled(Slot::Electricity),
            What::Scheduled(Slot::Gas),
            What::Scheduled(Slot::Mobile),
            What::Scheduled(Slot::Internet),
            What::Settling(Slot::Close, Decimal::new(-30_000, 2)),
            What::Settling(Slot::Close, Decimal::new(12_000, 2)),
            What::Opening,
        ];
        let whats = scheduled
            .into_iter()
            .chain(std::iter::repeat_n(What::Drawn, 500));
        for (index, what) in (1..).zip(whats) {
            let entry = generate(&profile, index, date!(2026 - 04 - 15), what, Thinning::NONE);
            assert_ne!(entry.amount, Decimal::ZERO);
            assert_eq!(entry.amount.scale(), 2);
            if let Some(iban) = &entry.counterparty_iban {
                assert!(iban::is_valid(iban), "{iban}");
                let end_to_end = entry.end_to_end.clone().unwrap_or_default();
                assert!(
                    end_to_end.starts_with("/VS") || end_to_end == "NOTPROVIDED",
                    "{end_to_end}"
                );
                transfers += 1;
            }
        }
        assert!(transfers > 50);
    }

    #[test]
    fn pending_entries_are_card_holds_without_a_booking_date() {
        let profile = profile(AccountKind::Savings);
        let entry = generate(
            &profile,
            5,
            date!(2026 - 04 - 15),
            What::Pending,
            Thinning::NONE,
        );
        assert_eq!(entry.status, EntryStatus::Pending);
        assert_eq!(entry.booking_date, None);
        assert_eq!(entry.bank_transaction_code, "PMNT-CCRD-POSD");
        assert!(entry.amount.is_sign_negative());
    }
}
