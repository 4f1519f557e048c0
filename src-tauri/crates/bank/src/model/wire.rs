//! The bank's JSON as it arrives, tolerant where the contract says banks differ.
//!
//! Nothing here is used outside `model`: every shape is turned into a domain type on the way in.

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::money::CreditDebit;

// No `#[serde(flatten)]` for the paging fields: flatten buffers the whole object, and the
// amounts' `RawValue` cannot be read back from that buffer.

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct AccountsPage {
    pub page_number: Option<u32>,
    pub page_count: Option<u32>,
    pub next_page: Option<u32>,
    #[serde(default)]
    pub accounts: Vec<Account>,
}

#[derive(Debug, Deserialize)]
pub(super) struct Identification {
    pub iban: String,
}

#[derive(Debug, Deserialize)]
pub(super) struct Servicer {
    pub bic: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(super) struct Account {
    pub identification: Identification,
    pub currency: String,
    pub servicer: Option<Servicer>,
    pub name: Option<String>,
    pub product: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(super) struct AccountInformation {
    pub account: Account,
    #[serde(default)]
    pub balances: Vec<Balance>,
}

/// `{"value": 89.90, "currency": "EUR"}`; the value kept as its JSON text.
#[derive(Debug, Deserialize)]
pub(crate) struct Amount {
    pub value: Box<RawValue>,
    pub currency: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct CodeOrProprietary {
    pub code: Option<String>,
    pub proprietary: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct BalanceType {
    pub code_or_proprietary: CodeOrProprietary,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct DateOrDateTime {
    pub date: Option<String>,
    pub date_time: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(super) struct CreditLine {
    pub amount: Option<Amount>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Balance {
    #[serde(rename = "type")]
    pub kind: BalanceType,
    pub amount: Amount,
    pub credit_debit_indicator: Option<CreditDebit>,
    pub date: Option<DateOrDateTime>,
    pub credit_line: Option<CreditLine>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct TransactionsPage {
    pub page_number: Option<u32>,
    pub page_count: Option<u32>,
    pub next_page: Option<u32>,
    /// Each entry's JSON text exactly as the bank sent it: kept for the detail panel, then
    /// read into [`Transaction`].
    #[serde(default)]
    pub transactions: Vec<Box<RawValue>>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Transaction {
    pub entry_reference: String,
    pub status: String,
    pub credit_debit_indicator: CreditDebit,
    pub amount: Amount,
    pub booking_date: Option<DateOrDateTime>,
    pub value_date: Option<DateOrDateTime>,
    pub bank_transaction_code: Option<BankTransactionCode>,
    pub entry_details: Option<EntryDetails>,
}

#[derive(Debug, Deserialize)]
pub(super) struct BankTransactionCode {
    pub proprietary: Option<ProprietaryCode>,
}

#[derive(Debug, Deserialize)]
pub(super) struct ProprietaryCode {
    pub code: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct EntryDetails {
    pub transaction_details: Option<TransactionDetails>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct TransactionDetails {
    pub references: Option<References>,
    pub related_parties: Option<RelatedParties>,
    pub remittance_information: Option<RemittanceInformation>,
    pub additional_transaction_information: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct References {
    pub end_to_end_identification: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(super) struct PartyName {
    pub name: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(super) struct PartyAccount {
    pub identification: Option<PartyIdentification>,
}

#[derive(Debug, Deserialize)]
pub(super) struct PartyIdentification {
    pub iban: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct RelatedParties {
    pub debtor: Option<PartyName>,
    pub debtor_account: Option<PartyAccount>,
    pub creditor: Option<PartyName>,
    pub creditor_account: Option<PartyAccount>,
}

#[derive(Debug, Deserialize)]
pub(super) struct RemittanceInformation {
    pub unstructured: Option<String>,
}
