//! Entry number `index` of an account, computed from (seed, account, index) alone.

use rust_decimal::Decimal;
use time::Date;

use super::catalog::{self, Merchant, Party, Purpose, Template};
use super::entry::{Entry, EntryStatus};
use super::rng::Rng;
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

impl AccountProfile {
    fn rng(&self, index: u64) -> Rng {
        Rng::new(self.seed, &[self.ordinal, index])
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
        1000 + Rng::new(self.seed, &[self.ordinal, u64::MAX]).below(9000)
    }
}

/// The signed amount of booked entry `index`: the first draws of [`generate`], without the
/// text, so the start-up sum over a long history stays cheap.
pub(crate) fn booked_amount(profile: &AccountProfile, index: u64) -> Decimal {
    let mut rng = profile.rng(index);
    draw(&mut rng, profile.templates(EntryStatus::Booked)).1
}

/// Entry `index` of the account, dated `date`.
pub(crate) fn generate(
    profile: &AccountProfile,
    index: u64,
    date: Date,
    status: EntryStatus,
) -> Entry {
    let mut rng = profile.rng(index);
    let (template, amount) = draw(&mut rng, profile.templates(status));
    let details = describe(template.purpose, &mut rng, profile, date);
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

/// The oldest entry: the balance brought over when the account was opened, sized so that the
/// booked entries add up to the balance the account is meant to show.
pub(crate) fn opening(profile: &AccountProfile, amount: Decimal, date: Date) -> Entry {
    let code = if amount.is_sign_negative() {
        "PMNT-ICDT-BOOK"
    } else {
        "PMNT-RCDT-BOOK"
    };
    Entry {
        reference: reference(profile.ordinal, 0, date),
        status: EntryStatus::Booked,
        amount,
        value_date: date,
        booking_date: Some(date),
        bank_transaction_code: code,
        counterparty_name: Some(profile.holder.to_owned()),
        counterparty_iban: Some(profile.sibling_iban.clone()),
        end_to_end: Some("NOTPROVIDED".to_owned()),
        remittance: Some("Prevod zostatku pri zriadení účtu".to_owned()),
        note: Some("Opening balance"),
    }
}

/// A reference unique in the bank and stable for the entry's life: date made, account, index.
pub(crate) fn reference(ordinal: u64, index: u64, date: Date) -> String {
    let (year, month, day) = (date.year(), u8::from(date.month()), date.day());
    format!("DB{year:04}{month:02}{day:02}{ordinal:02}{index:07}")
}

/// Picks a template by weight and an amount in its range, signed by its direction.
fn draw(rng: &mut Rng, templates: &'static [Template]) -> (&'static Template, Decimal) {
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
    let amount = rng.cents(template.low_cents, template.high_cents);
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
    let period = format!("{:02}/{}", u8::from(date.month()), date.year());
    match purpose {
        Purpose::Groceries => card(rng.pick(catalog::GROCERS), profile, "Card payment"),
        Purpose::Dining => card(rng.pick(catalog::RESTAURANTS), profile, "Card payment"),
        Purpose::Fuel => card(rng.pick(catalog::FUEL_STATIONS), profile, "Card payment"),
        Purpose::Online => card(rng.pick(catalog::WEB_SHOPS), profile, "Card payment online"),
        Purpose::Pharmacy => card(rng.pick(catalog::PHARMACIES), profile, "Card payment"),
        Purpose::Transport => card(rng.pick(catalog::TRANSPORT), profile, "Card payment"),
        Purpose::CashWithdrawal => cash(rng.pick(catalog::CASH_MACHINES), profile),
        Purpose::Bill => bill(rng, &period),
        Purpose::Salary => salary(rng.pick(catalog::EMPLOYERS), date, &period),
        Purpose::FromFriend | Purpose::ToFriend => friend(rng, purpose == Purpose::FromFriend),
        Purpose::AccountFee => bank_own(
            "ACMT-MDOP-FEES",
            format!("Poplatok za vedenie účtu {period}"),
            "Account fee",
        ),
        Purpose::Interest => bank_own("ACMT-MCOP-INTR", format!("Úroky {period}"), "Interest"),
        Purpose::InterestTax => bank_own(
            "ACMT-MDOP-TAXE",
            format!("Daň z úrokov {period}"),
            "Withholding tax",
        ),
        Purpose::ToSavings | Purpose::ToCurrentAccount => own_transfer(profile, false),
        Purpose::FromCurrentAccount => own_transfer(profile, true),
    }
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

fn bill(rng: &mut Rng, period: &str) -> Details {
    let bill = rng.pick(catalog::BILLS);
    let direct_debit = rng.chance(30);
    Details {
        code: if direct_debit {
            "PMNT-IDDT-ESDD"
        } else {
            "PMNT-ICDT-ESCT"
        },
        name: Some(bill.payee.name.to_owned()),
        iban: Some(party_iban(&bill.payee)),
        end_to_end: format!("/VS{}/SS/KS{}", rng.digits(10), bill.constant_symbol),
        remittance: format!("{} {period}", bill.purpose),
        note: if direct_debit {
            "SEPA direct debit"
        } else {
            "SEPA transfer"
        },
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

fn own_transfer(profile: &AccountProfile, incoming: bool) -> Details {
    Details {
        code: if incoming {
            "PMNT-RCDT-BOOK"
        } else {
            "PMNT-ICDT-BOOK"
        },
        name: Some(profile.holder.to_owned()),
        iban: Some(profile.sibling_iban.clone()),
        end_to_end: "NOTPROVIDED".to_owned(),
        remittance: "Sporenie".to_owned(),
        note: "Transfer between own accounts",
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
        let first = generate(&profile, 17, date!(2026 - 04 - 15), EntryStatus::Booked);
        let again = generate(&profile, 17, date!(2026 - 04 - 15), EntryStatus::Booked);
        assert_eq!(first, again);
        assert_eq!(first.reference, "DB20260415030000017");
        assert_eq!(booked_amount(&profile, 17), first.amount);
    }

    #[test]
    fn transfers_carry_valid_ibans_and_payment_symbols() {
        let profile = profile(AccountKind::Current);
        let mut transfers = 0;
        for index in 1..500 {
            let entry = generate(&profile, index, date!(2026 - 04 - 15), EntryStatus::Booked);
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
        let entry = generate(&profile, 5, date!(2026 - 04 - 15), EntryStatus::Pending);
        assert_eq!(entry.status, EntryStatus::Pending);
        assert_eq!(entry.booking_date, None);
        assert_eq!(entry.bank_transaction_code, "PMNT-CCRD-POSD");
        assert!(entry.amount.is_sign_negative());
    }
}
