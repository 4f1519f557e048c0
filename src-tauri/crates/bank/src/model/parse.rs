//! Bank answers -> domain types. Errors name the endpoint and what was wrong, never the data.

use serde::de::DeserializeOwned;
use time::Date;
use time::macros::format_description;

use crate::money::Money;
use crate::{Error, Result};

use super::{
    Account, AccountInformation, Balance, BalanceKind, Counterparty, EntryStatus, Iban, Page,
    PaymentSymbols, Transaction, wire,
};

pub fn parse_accounts_page(body: &[u8]) -> Result<Page<Account>> {
    const ENDPOINT: &str = "accounts";
    let page: wire::AccountsPage = read_json(ENDPOINT, body)?;
    let items = page
        .accounts
        .into_iter()
        .map(|account| account_from_wire(ENDPOINT, account))
        .collect::<Result<_>>()?;
    Ok(Page {
        items,
        page_number: page.page_number.unwrap_or(1),
        page_count: page.page_count,
        next_page: next_page(page.page_number, page.page_count, page.next_page),
    })
}

pub fn parse_account_information(body: &[u8]) -> Result<AccountInformation> {
    const ENDPOINT: &str = "accounts/information";
    let information: wire::AccountInformation = read_json(ENDPOINT, body)?;
    Ok(AccountInformation {
        account: account_from_wire(ENDPOINT, information.account)?,
        balances: information
            .balances
            .into_iter()
            .map(|balance| balance_from_wire(ENDPOINT, balance))
            .collect::<Result<_>>()?,
    })
}

pub fn parse_transactions_page(body: &[u8]) -> Result<Page<Transaction>> {
    const ENDPOINT: &str = "accounts/transactions";
    let page: wire::TransactionsPage = read_json(ENDPOINT, body)?;
    let items = page
        .transactions
        .into_iter()
        .map(|raw| {
            let entry = read_json(ENDPOINT, raw.get().as_bytes())?;
            transaction_from_wire(ENDPOINT, entry, Box::<str>::from(raw).into_string())
        })
        .collect::<Result<_>>()?;
    Ok(Page {
        items,
        page_number: page.page_number.unwrap_or(1),
        page_count: page.page_count,
        next_page: next_page(page.page_number, page.page_count, page.next_page),
    })
}

/// `serde_json`'s messages can quote the offending value (an IBAN, a name): keep only the
/// kind of error and where it is.
fn read_json<T: DeserializeOwned>(endpoint: &'static str, body: &[u8]) -> Result<T> {
    serde_json::from_slice(body).map_err(|error| {
        let kind = match error.classify() {
            serde_json::error::Category::Syntax => "not valid JSON",
            serde_json::error::Category::Eof => "cut short",
            serde_json::error::Category::Data => "not the expected shape",
            serde_json::error::Category::Io => "unreadable",
        };
        Error::malformed(
            endpoint,
            format!("{kind} at line {} column {}", error.line(), error.column()),
        )
    })
}

/// Paging ends when `nextPage` is null or `pageNumber == pageCount`.
fn next_page(number: Option<u32>, count: Option<u32>, next: Option<u32>) -> Option<u32> {
    match (number, count) {
        (Some(number), Some(count)) if number >= count => None,
        _ => next,
    }
}

fn account_from_wire(endpoint: &'static str, account: wire::Account) -> Result<Account> {
    Ok(Account {
        iban: Iban::parse(&account.identification.iban).map_err(|_| bad_iban(endpoint))?,
        currency: Money::check_currency(endpoint, &account.currency)?,
        name: account.name,
        product: account.product,
        bic: account.servicer.and_then(|servicer| servicer.bic),
    })
}

fn balance_from_wire(endpoint: &'static str, balance: wire::Balance) -> Result<Balance> {
    let code = balance.kind.code_or_proprietary;
    let code = code
        .code
        .or(code.proprietary)
        .ok_or_else(|| Error::malformed(endpoint, "a balance has no type code"))?;
    Ok(Balance {
        kind: BalanceKind::from_code(&code),
        amount: Money::from_wire(endpoint, &balance.amount, balance.credit_debit_indicator)?,
        as_of: balance.date.and_then(|date| date.date_time.or(date.date)),
        credit_line: balance
            .credit_line
            .and_then(|line| line.amount)
            .map(|amount| Money::from_wire(endpoint, &amount, None))
            .transpose()?,
    })
}

fn transaction_from_wire(
    endpoint: &'static str,
    entry: wire::Transaction,
    raw: String,
) -> Result<Transaction> {
    let indicator = entry.credit_debit_indicator;
    let details = entry
        .entry_details
        .and_then(|details| details.transaction_details);
    let (counterparty, description, bank_note, end_to_end) = match details {
        Some(details) => (
            counterparty(indicator, details.related_parties),
            details
                .remittance_information
                .and_then(|info| info.unstructured),
            details.additional_transaction_information,
            details
                .references
                .and_then(|references| references.end_to_end_identification),
        ),
        None => (Counterparty::default(), None, None, None),
    };
    if entry.entry_reference.is_empty() {
        return Err(Error::malformed(endpoint, "an entry has no entryReference"));
    }
    Ok(Transaction {
        entry_reference: entry.entry_reference,
        status: entry_status(endpoint, &entry.status),
        amount: Money::from_wire(endpoint, &entry.amount, Some(indicator))?,
        booking_date: date(endpoint, entry.booking_date)?,
        value_date: date(endpoint, entry.value_date)?,
        counterparty,
        description,
        bank_note,
        symbols: end_to_end
            .as_deref()
            .map(PaymentSymbols::parse)
            .unwrap_or_default(),
        end_to_end_reference: end_to_end,
        bank_transaction_code: entry
            .bank_transaction_code
            .and_then(|code| code.proprietary)
            .and_then(|code| code.code),
        raw,
    })
}

/// Only `BOOK` is booked; anything else (`INFO`, `PDNG`, a status this client does not know)
/// is shown as not yet booked rather than failing the page.
fn entry_status(endpoint: &'static str, status: &str) -> EntryStatus {
    match status {
        "BOOK" => EntryStatus::Booked,
        "INFO" | "PDNG" => EntryStatus::Pending,
        _ => {
            tracing::warn!(endpoint, "an entry has an unknown status; shown as pending");
            EntryStatus::Pending
        }
    }
}

/// For money leaving the account the other side is the creditor; for money coming in, the debtor.
fn counterparty(
    indicator: crate::CreditDebit,
    parties: Option<wire::RelatedParties>,
) -> Counterparty {
    let Some(parties) = parties else {
        return Counterparty::default();
    };
    let (party, account) = match indicator {
        crate::CreditDebit::Debit => (parties.creditor, parties.creditor_account),
        crate::CreditDebit::Credit => (parties.debtor, parties.debtor_account),
    };
    // The other side's account is only shown: one that is not a valid IBAN (a card acquirer,
    // an internal or non-SEPA account) is left out rather than failing the whole page.
    let iban = account
        .and_then(|account| account.identification)
        .and_then(|identification| identification.iban)
        .and_then(|iban| Iban::parse(&iban).ok());
    Counterparty {
        name: party.and_then(|party| party.name),
        iban,
    }
}

fn date(endpoint: &'static str, value: Option<wire::DateOrDateTime>) -> Result<Option<Date>> {
    let Some(text) = value.and_then(|value| value.date.or(value.date_time)) else {
        return Ok(None);
    };
    let day = text.get(..10).unwrap_or(&text);
    Date::parse(day, format_description!("[year]-[month]-[day]"))
        .map(Some)
        .map_err(|_| Error::malformed(endpoint, "a date is not YYYY-MM-DD"))
}

fn bad_iban(endpoint: &'static str) -> Error {
    Error::malformed(endpoint, "an IBAN fails its check digits")
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRANSACTIONS: &str = r#"{"pageNumber":1,"pageCount":3,"pageSize":10,"nextPage":2,
     "transactions":[{"entryReference":"TB-2026041500123","status":"BOOK","creditDebitIndicator":"DBIT",
       "amount":{"value":89.90,"currency":"EUR"},"bookingDate":{"date":"2026-04-15"},"valueDate":{"date":"2026-04-15"},
       "bankTransactionCode":{"proprietary":{"code":"PMNT-ICDT-ESCT"}},
       "entryDetails":{"transactionDetails":{
         "references":{"endToEndIdentification":"/VS20260001/SS/KS0308"},
         "relatedParties":{"creditor":{"name":"Example Shop s.r.o."},"creditorAccount":{"identification":{"iban":"SK8975000000000012345671"}}},
         "remittanceInformation":{"unstructured":"Invoice 20260001"},
         "additionalTransactionInformation":"SEPA transfer"}}}]}"#;

    #[test]
    fn reads_the_contract_transactions_page() {
        let page = parse_transactions_page(TRANSACTIONS.as_bytes()).unwrap();
        assert_eq!(page.next_page, Some(2));
        let entry = &page.items[0];
        assert_eq!(entry.amount.amount.to_string(), "-89.90");
        assert_eq!(entry.status, EntryStatus::Booked);
        assert_eq!(
            entry.counterparty.name.as_deref(),
            Some("Example Shop s.r.o.")
        );
        assert_eq!(entry.symbols.variable.as_deref(), Some("20260001"));
        assert_eq!(entry.description.as_deref(), Some("Invoice 20260001"));
        assert_eq!(entry.booking_date.unwrap().to_string(), "2026-04-15");
    }

    #[test]
    fn keeps_each_entry_as_the_bank_sent_it() {
        let page = parse_transactions_page(TRANSACTIONS.as_bytes()).unwrap();
        let raw = &page.items[0].raw;
        assert!(
            raw.starts_with(r#"{"entryReference":"TB-2026041500123""#),
            "{raw}"
        );
        assert!(raw.ends_with(r#""SEPA transfer"}}}"#), "{raw}");
        // The amount as written, not as a float would print it.
        assert!(raw.contains(r#""value":89.90,"#), "{raw}");
        assert_eq!(page.page_count, Some(3));
    }

    #[test]
    fn reads_the_contract_account_information_and_keeps_unknown_balances() {
        let body = r#"{"account":{"identification":{"iban":"SK3112000000198742637541"},"currency":"EUR","name":"Current account","servicer":{"bic":"TATRSKBX"}},
         "balances":[
          {"type":{"codeOrProprietary":{"code":"ITBD"}},"amount":{"value":1520.35,"currency":"EUR"},"creditDebitIndicator":"CRDT","date":{"dateTime":"2026-05-14T10:21:00+02:00"}},
          {"type":{"codeOrProprietary":{"code":"ITAV"}},"amount":{"value":2020.35,"currency":"EUR"},"creditDebitIndicator":"CRDT",
           "creditLine":{"included":true,"amount":{"value":500.00,"currency":"EUR"}}},
          {"type":{"codeOrProprietary":{"code":"CLBD"}},"amount":{"value":"12.5","currency":"EUR"},"creditDebitIndicator":"DBIT"}]}"#;
        let information = parse_account_information(body.as_bytes()).unwrap();
        let kinds: Vec<_> = information.balances.iter().map(|b| b.kind.code()).collect();
        assert_eq!(kinds, ["ITBD", "ITAV", "CLBD"]);
        assert_eq!(
            information.balances[1]
                .credit_line
                .as_ref()
                .unwrap()
                .amount
                .to_string(),
            "500.00"
        );
        assert_eq!(information.balances[2].amount.amount.to_string(), "-12.5");
    }

    #[test]
    fn an_odd_entry_does_not_fail_its_page() {
        let odd = TRANSACTIONS
            .replace("SK8975000000000012345671", "CARD-ACQUIRER-42")
            .replace(r#""status":"BOOK""#, r#""status":"RJCT""#);
        let page = parse_transactions_page(odd.as_bytes()).unwrap();
        assert_eq!(page.items[0].counterparty.iban, None);
        assert_eq!(
            page.items[0].counterparty.name.as_deref(),
            Some("Example Shop s.r.o.")
        );
        assert_eq!(page.items[0].status, EntryStatus::Pending);
    }

    #[test]
    fn the_last_page_has_no_next_page() {
        let body = r#"{"pageNumber":3,"pageCount":3,"nextPage":4,"accounts":[]}"#;
        assert_eq!(
            parse_accounts_page(body.as_bytes()).unwrap().next_page,
            None
        );
    }

    #[test]
    fn errors_name_the_endpoint_but_not_the_data() {
        let body = r#"{"transactions":[{"entryReference":"R1","status":"BOOK","creditDebitIndicator":"DBIT",
            "amount":{"value":"secret-looking-value","currency":"EUR"}}]}"#;
        let message = parse_transactions_page(body.as_bytes())
            .unwrap_err()
            .to_string();
        assert!(message.contains("accounts/transactions"), "{message}");
        assert!(!message.contains("secret-looking-value"), "{message}");

        let message = parse_accounts_page(br#"{"accounts":[{"identification":{"iban":42}}]}"#)
            .unwrap_err()
            .to_string();
        assert!(message.contains("not the expected shape"), "{message}");
        let truncated = &TRANSACTIONS.as_bytes()[..200];
        let message = parse_transactions_page(truncated).unwrap_err().to_string();
        assert!(message.contains("cut short"), "{message}");
    }
}
