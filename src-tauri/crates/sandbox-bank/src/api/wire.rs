//! The contract's JSON shapes (shared/bank-api.md), built from the bank's data.
//!
//! Amounts are unsigned JSON numbers with exactly two decimals, written as text through
//! `RawValue` so they never pass through a float.

use rust_decimal::Decimal;
use serde::ser::Error as _;
use serde::{Serialize, Serializer};
use serde_json::value::RawValue;
use time::{Date, OffsetDateTime};

use crate::data::{Account, BIC, Balances, Entry, Page};

const CURRENCY: &str = "EUR";

/// The magnitude of an amount as a JSON number with two decimals, e.g. `89.90`.
#[derive(Debug, Clone, Copy)]
struct UnsignedNumber(Decimal);

impl Serialize for UnsignedNumber {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = format!("{:.2}", self.0.abs());
        RawValue::from_string(text)
            .map_err(S::Error::custom)?
            .serialize(serializer)
    }
}

#[derive(Debug, Serialize)]
pub(super) struct Amount {
    value: UnsignedNumber,
    currency: &'static str,
}

impl Amount {
    fn of(amount: Decimal) -> Self {
        Self {
            value: UnsignedNumber(amount),
            currency: CURRENCY,
        }
    }
}

/// `CRDT` for money in (and zero), `DBIT` for money out.
fn indicator(amount: Decimal) -> &'static str {
    if amount.is_sign_negative() && !amount.is_zero() {
        "DBIT"
    } else {
        "CRDT"
    }
}

#[derive(Debug, Serialize)]
pub(super) struct Identification<'a> {
    iban: &'a str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Servicer {
    bic: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    country_code: Option<&'static str>,
}

/// An account as the accounts list shows it, or (without product and country) as account
/// information does.
#[derive(Debug, Serialize)]
pub(super) struct AccountJson<'a> {
    identification: Identification<'a>,
    currency: &'static str,
    servicer: Servicer,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    product: Option<&'static str>,
}

impl<'a> AccountJson<'a> {
    pub(super) fn listed(account: &'a Account) -> Self {
        Self {
            identification: Identification {
                iban: &account.iban,
            },
            currency: CURRENCY,
            servicer: Servicer {
                bic: BIC,
                country_code: Some("SK"),
            },
            name: &account.name,
            product: Some(account.kind.product()),
        }
    }

    fn detail(account: &'a Account) -> Self {
        Self {
            servicer: Servicer {
                bic: BIC,
                country_code: None,
            },
            product: None,
            ..Self::listed(account)
        }
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct PageJson<T> {
    page_number: u32,
    page_count: u32,
    page_size: u32,
    next_page: Option<u32>,
    #[serde(flatten)]
    items: T,
}

impl<T> PageJson<T> {
    /// The page's numbers, and its items made into `T`.
    pub(super) fn new<U>(page: Page<U>, items: impl FnOnce(Vec<U>) -> T) -> Self {
        let next_page = page.next();
        Self {
            page_number: page.number,
            page_count: page.count,
            page_size: page.size,
            next_page,
            items: items(page.items),
        }
    }
}

#[derive(Debug, Serialize)]
pub(super) struct AccountsJson<'a> {
    pub accounts: Vec<AccountJson<'a>>,
}

#[derive(Debug, Serialize)]
pub(super) struct TransactionsJson {
    pub transactions: Vec<TransactionJson>,
}

#[derive(Debug, Serialize)]
pub(super) struct InformationJson<'a> {
    account: AccountJson<'a>,
    balances: Vec<BalanceJson>,
}

#[derive(Debug, Serialize)]
struct Code {
    code: &'static str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct BalanceType {
    code_or_proprietary: Code,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct DateTimeJson {
    date_time: String,
}

#[derive(Debug, Serialize)]
struct CreditLine {
    included: bool,
    amount: Amount,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct BalanceJson {
    #[serde(rename = "type")]
    kind: BalanceType,
    amount: Amount,
    credit_debit_indicator: &'static str,
    date: DateTimeJson,
    #[serde(skip_serializing_if = "Option::is_none")]
    credit_line: Option<CreditLine>,
}

impl<'a> InformationJson<'a> {
    /// ITBD and ITAV, the credit line on ITAV where the account has one; `at` in local time.
    pub(super) fn new(account: &'a Account, balances: Balances, at: OffsetDateTime) -> Self {
        let stamp = || DateTimeJson {
            date_time: date_time(at),
        };
        let balance = |code, amount: Decimal, credit_line| BalanceJson {
            kind: BalanceType {
                code_or_proprietary: Code { code },
            },
            amount: Amount::of(amount),
            credit_debit_indicator: indicator(amount),
            date: stamp(),
            credit_line,
        };
        let credit_line = balances.credit_line.map(|line| CreditLine {
            included: true,
            amount: Amount::of(line),
        });
        Self {
            account: AccountJson::detail(account),
            balances: vec![
                balance("ITBD", balances.booked, None),
                balance("ITAV", balances.available, credit_line),
            ],
        }
    }
}

#[derive(Debug, Serialize)]
struct DateJson {
    date: String,
}

impl DateJson {
    fn of(date: Date) -> Self {
        Self {
            date: format!(
                "{:04}-{:02}-{:02}",
                date.year(),
                u8::from(date.month()),
                date.day()
            ),
        }
    }
}

#[derive(Debug, Serialize)]
struct Proprietary {
    proprietary: Code,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct References {
    end_to_end_identification: String,
}

#[derive(Debug, Serialize)]
struct PartyName {
    name: String,
}

#[derive(Debug, Serialize)]
struct PartyAccount {
    identification: PartyIban,
}

#[derive(Debug, Serialize)]
struct PartyIban {
    iban: String,
}

#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
struct RelatedParties {
    #[serde(skip_serializing_if = "Option::is_none")]
    debtor: Option<PartyName>,
    #[serde(skip_serializing_if = "Option::is_none")]
    debtor_account: Option<PartyAccount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    creditor: Option<PartyName>,
    #[serde(skip_serializing_if = "Option::is_none")]
    creditor_account: Option<PartyAccount>,
}

#[derive(Debug, Serialize)]
struct Remittance {
    unstructured: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct TransactionDetails {
    #[serde(skip_serializing_if = "Option::is_none")]
    references: Option<References>,
    #[serde(skip_serializing_if = "Option::is_none")]
    related_parties: Option<RelatedParties>,
    #[serde(skip_serializing_if = "Option::is_none")]
    remittance_information: Option<Remittance>,
    #[serde(skip_serializing_if = "Option::is_none")]
    additional_transaction_information: Option<&'static str>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct EntryDetails {
    transaction_details: TransactionDetails,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct TransactionJson {
    entry_reference: String,
    status: &'static str,
    credit_debit_indicator: &'static str,
    amount: Amount,
    #[serde(skip_serializing_if = "Option::is_none")]
    booking_date: Option<DateJson>,
    value_date: DateJson,
    bank_transaction_code: Proprietary,
    entry_details: EntryDetails,
}

impl From<Entry> for TransactionJson {
    fn from(entry: Entry) -> Self {
        let incoming = indicator(entry.amount) == "CRDT";
        Self {
            entry_reference: entry.reference,
            status: entry.status.code(),
            credit_debit_indicator: indicator(entry.amount),
            amount: Amount::of(entry.amount),
            booking_date: entry.booking_date.map(DateJson::of),
            value_date: DateJson::of(entry.value_date),
            bank_transaction_code: Proprietary {
                proprietary: Code {
                    code: entry.bank_transaction_code,
                },
            },
            entry_details: EntryDetails {
                transaction_details: TransactionDetails {
                    references: entry
                        .end_to_end
                        .map(|end_to_end_identification| References {
                            end_to_end_identification,
                        }),
                    related_parties: related_parties(
                        entry.counterparty_name,
                        entry.counterparty_iban,
                        incoming,
                    ),
                    remittance_information: entry
                        .remittance
                        .map(|unstructured| Remittance { unstructured }),
                    additional_transaction_information: entry.note,
                },
            },
        }
    }
}

/// The counterparty is the debtor of money in and the creditor of money out.
fn related_parties(
    name: Option<String>,
    iban: Option<String>,
    incoming: bool,
) -> Option<RelatedParties> {
    if name.is_none() && iban.is_none() {
        return None;
    }
    let name = name.map(|name| PartyName { name });
    let account = iban.map(|iban| PartyAccount {
        identification: PartyIban { iban },
    });
    Some(if incoming {
        RelatedParties {
            debtor: name,
            debtor_account: account,
            ..RelatedParties::default()
        }
    } else {
        RelatedParties {
            creditor: name,
            creditor_account: account,
            ..RelatedParties::default()
        }
    })
}

/// `2026-05-14T10:21:00+02:00`
fn date_time(at: OffsetDateTime) -> String {
    let offset = at.offset();
    let sign = if offset.is_negative() { '-' } else { '+' };
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second(),
        offset.whole_hours().unsigned_abs(),
        offset.minutes_past_hour().unsigned_abs(),
    )
}

#[cfg(test)]
mod tests {
    use time::macros::{date, datetime};

    use super::*;
    use crate::data::EntryStatus;

    #[test]
    fn amounts_are_unsigned_numbers_with_two_decimals() {
        let json = |amount| serde_json::to_string(&Amount::of(amount)).unwrap();
        assert_eq!(
            json(Decimal::new(-8990, 2)),
            r#"{"value":89.90,"currency":"EUR"}"#
        );
        assert_eq!(
            json(Decimal::new(500, 0)),
            r#"{"value":500.00,"currency":"EUR"}"#
        );
        assert_eq!(
            json(Decimal::new(12_345_678_901, 2)),
            r#"{"value":123456789.01,"currency":"EUR"}"#
        );
        assert_eq!(
            (indicator(Decimal::new(-1, 2)), indicator(Decimal::ZERO)),
            ("DBIT", "CRDT")
        );
    }

    #[test]
    fn a_transaction_has_the_contract_shape() {
        let entry = Entry {
            reference: "DB2026041501".into(),
            status: EntryStatus::Booked,
            amount: Decimal::new(-8990, 2),
            value_date: date!(2026 - 04 - 15),
            booking_date: Some(date!(2026 - 04 - 15)),
            bank_transaction_code: "PMNT-ICDT-ESCT",
            counterparty_name: Some("Example Shop s.r.o.".into()),
            counterparty_iban: Some("SK8975000000000012345671".into()),
            end_to_end: Some("/VS20260001/SS/KS0308".into()),
            remittance: Some("Invoice 20260001".into()),
            note: Some("SEPA transfer"),
        };
        let json = serde_json::to_value(TransactionJson::from(entry)).unwrap();
        let expected = serde_json::json!({"entryReference":"DB2026041501","status":"BOOK","creditDebitIndicator":"DBIT",
            "amount":{"value":89.90,"currency":"EUR"},"bookingDate":{"date":"2026-04-15"},"valueDate":{"date":"2026-04-15"},
            "bankTransactionCode":{"proprietary":{"code":"PMNT-ICDT-ESCT"}},
            "entryDetails":{"transactionDetails":{
                "references":{"endToEndIdentification":"/VS20260001/SS/KS0308"},
                "relatedParties":{"creditor":{"name":"Example Shop s.r.o."},"creditorAccount":{"identification":{"iban":"SK8975000000000012345671"}}},
                "remittanceInformation":{"unstructured":"Invoice 20260001"},
                "additionalTransactionInformation":"SEPA transfer"}}});
        assert_eq!(json, expected);
    }

    #[test]
    fn balance_stamps_carry_the_local_offset() {
        let at = crate::clock::bratislava(datetime!(2026-05-14 08:21 UTC));
        assert_eq!(date_time(at), "2026-05-14T10:21:00+02:00");
    }
}
