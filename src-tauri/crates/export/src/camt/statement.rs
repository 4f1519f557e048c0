//! The group header and one account's statement: its header, balance and totals, and its
//! entries spooled until the export finishes.

use std::fs::File;
use std::io::{self, BufWriter, Seek, Write};
use std::path::Path;

use rust_decimal::Decimal;
use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime};

use super::amount::{self, amount_text, is_currency, sum_text};
use super::entry::{self, account_id, write_entry};
use super::xml::Xml;
use super::{CamtAccount, CamtHeader};
use crate::{Error, ExportRow, Result};

/// The statement's entries start three levels down: `Document/BkToCstmrStmt/Stmt`.
const ENTRY_DEPTH: usize = 3;
/// `Max70Text` (the account's name), `Max35Text` (a proprietary balance type).
const MAX_70: usize = 70;
const MAX_35: usize = 35;

/// `GrpHdr`: the message's identification and creation time.
pub(super) fn group_header<W: Write>(xml: &mut Xml<W>, header: &CamtHeader) -> Result<()> {
    xml.open("GrpHdr")?;
    xml.value("MsgId", &message_id(header))?;
    xml.value("CreDtTm", &date_time(header.created)?)?;
    xml.close("GrpHdr")?;
    Ok(())
}

/// `BANKBOOK-20260514102100`: unique enough for a person's exports, and within `Max35Text`
/// together with a statement's number.
fn message_id(header: &CamtHeader) -> String {
    let at = header.created;
    format!(
        "BANKBOOK-{:04}{:02}{:02}{:02}{:02}{:02}",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// `ISODateTime` with the offset it was given, to the second.
fn date_time(at: OffsetDateTime) -> Result<String> {
    at.replace_nanosecond(0)
        .ok()
        .and_then(|at| at.format(&Rfc3339).ok())
        .ok_or(Error::camt("creation time"))
}

/// One account's statement as its rows arrive.
#[derive(Debug)]
pub(super) struct Statement {
    account: CamtAccount,
    account_number: String,
    balance_amount: String,
    spool: Xml<BufWriter<File>>,
    totals: Totals,
}

/// What the statement's totals and period need, gathered row by row.
#[derive(Debug, Default)]
struct Totals {
    credits: u64,
    credit_sum: Decimal,
    debits: u64,
    debit_sum: Decimal,
    /// Some entry is in another currency than the account's: sums would mix currencies.
    mixed_currencies: bool,
    /// The oldest and the newest date of an entry.
    first: Option<Date>,
    last: Option<Date>,
}

impl Statement {
    /// Checks the account, so that a bad one fails the export before any row is read.
    pub(super) fn new(account: CamtAccount, target: &Path) -> Result<Self> {
        if !is_currency(&account.currency) {
            return Err(Error::camt("account currency"));
        }
        let balance_amount = amount_text(account.balance.amount).ok_or(Error::camt("balance"))?;
        if account.balance.code.trim().is_empty() {
            return Err(Error::camt("balance type"));
        }
        let spool = tempfile::tempfile_in(folder_of(target))?;
        Ok(Self {
            account_number: amount::compact(&account.iban),
            account,
            balance_amount,
            spool: Xml::new(BufWriter::new(spool), ENTRY_DEPTH),
            totals: Totals::default(),
        })
    }

    /// The account's number as rows are matched to it.
    pub(super) fn account_number(&self) -> &str {
        &self.account_number
    }

    pub(super) fn add(&mut self, row: &ExportRow) -> Result<()> {
        let totals = &mut self.totals;
        // Summed before the entry is written: a sum that cannot be held writes nothing.
        if entry::direction(row) == "CRDT" {
            add_to(&mut totals.credit_sum, row.amount)?;
            totals.credits += 1;
        } else {
            add_to(&mut totals.debit_sum, row.amount)?;
            totals.debits += 1;
        }
        write_entry(&mut self.spool, row)?;
        totals.mixed_currencies |= row.currency != self.account.currency;
        totals.first = Some(totals.first.map_or(row.date, |first| first.min(row.date)));
        totals.last = Some(totals.last.map_or(row.date, |last| last.max(row.date)));
        Ok(())
    }

    /// Writes the statement: its header, balance and totals, then the spooled entries.
    pub(super) fn write<W: Write>(
        self,
        xml: &mut Xml<W>,
        header: &CamtHeader,
        number: u32,
    ) -> Result<()> {
        xml.open("Stmt")?;
        xml.value("Id", &format!("{}-{number}", message_id(header)))?;
        xml.value("CreDtTm", &date_time(header.created)?)?;
        self.period(xml, header)?;
        self.account(xml)?;
        self.balance(xml)?;
        self.summary(xml)?;
        let mut spool = self
            .spool
            .into_inner()
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?;
        spool.rewind()?;
        io::copy(&mut spool, xml.inner())?;
        xml.close("Stmt")?;
        Ok(())
    }

    /// `FrToDt`: the days the export covers, when known.
    fn period<W: Write>(&self, xml: &mut Xml<W>, header: &CamtHeader) -> io::Result<()> {
        let from = header.from.or(self.totals.first);
        let to = header.to.or(self.totals.last);
        let (Some(from), Some(to)) = (from, to) else {
            return Ok(());
        };
        xml.open("FrToDt")?;
        xml.value("FrDtTm", &format!("{from}T00:00:00"))?;
        xml.value("ToDtTm", &format!("{to}T23:59:59"))?;
        xml.close("FrToDt")
    }

    fn account<W: Write>(&self, xml: &mut Xml<W>) -> io::Result<()> {
        xml.open("Acct")?;
        account_id(xml, &self.account.iban)?;
        xml.value("Ccy", &self.account.currency)?;
        if let Some(name) = &self.account.name {
            xml.text("Nm", name, MAX_70)?;
        }
        xml.close("Acct")
    }

    /// `Bal`, which the schema requires: the balance the app was given, under its own type.
    fn balance<W: Write>(&self, xml: &mut Xml<W>) -> io::Result<()> {
        let balance = &self.account.balance;
        let code = balance.code.trim();
        xml.open("Bal")?;
        xml.open("Tp")?;
        xml.open("CdOrPrtry")?;
        if (1..=4).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_alphanumeric()) {
            xml.value("Cd", code)?;
        } else {
            xml.text("Prtry", code, MAX_35)?;
        }
        xml.close("CdOrPrtry")?;
        xml.close("Tp")?;
        xml.amount("Amt", &self.account.currency, &self.balance_amount)?;
        let negative = balance.amount.is_sign_negative() && !balance.amount.is_zero();
        xml.value("CdtDbtInd", if negative { "DBIT" } else { "CRDT" })?;
        xml.open("Dt")?;
        xml.value("Dt", &balance.date.to_string())?;
        xml.close("Dt")?;
        xml.close("Bal")
    }

    /// `TxsSummry`: how many entries in and out, and their sums when all are in the account's
    /// currency (sums across currencies mean nothing).
    fn summary<W: Write>(&self, xml: &mut Xml<W>) -> io::Result<()> {
        let totals = &self.totals;
        let entries = totals.credits + totals.debits;
        if entries == 0 {
            return Ok(());
        }
        let sum = |sum: Decimal| (!totals.mixed_currencies).then(|| sum_text(sum)).flatten();
        xml.open("TxsSummry")?;
        xml.open("TtlNtries")?;
        xml.value("NbOfNtries", &entries.to_string())?;
        xml.close("TtlNtries")?;
        for (name, count, total) in [
            ("TtlCdtNtries", totals.credits, totals.credit_sum),
            ("TtlDbtNtries", totals.debits, totals.debit_sum),
        ] {
            xml.open(name)?;
            xml.value("NbOfNtries", &count.to_string())?;
            if let Some(total) = sum(total) {
                xml.value("Sum", &total)?;
            }
            xml.close(name)?;
        }
        xml.close("TxsSummry")
    }
}

/// Adds `amount`'s magnitude to a statement's sum: a sum past what a decimal holds is an
/// error of the export, never a panic.
fn add_to(sum: &mut Decimal, amount: Decimal) -> Result<()> {
    *sum = sum
        .checked_add(amount.abs())
        .ok_or(Error::camt("sum of the entries"))?;
    Ok(())
}

/// The spools go beside the target: the data stays where the person chose to put it.
fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|folder| !folder.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    #[test]
    fn a_sum_too_large_for_a_decimal_is_an_error() {
        let mut sum = Decimal::MAX;
        let error = add_to(&mut sum, Decimal::NEGATIVE_ONE).unwrap_err();
        assert!(
            matches!(
                error,
                Error::Unrepresentable {
                    field: "sum of the entries",
                    ..
                }
            ),
            "{error:?}"
        );
        assert_eq!(sum, Decimal::MAX, "left as it was");
        let mut sum = Decimal::ONE;
        add_to(&mut sum, Decimal::NEGATIVE_ONE).unwrap();
        assert_eq!(sum, Decimal::TWO);
    }

    #[test]
    fn the_message_is_named_by_its_time() {
        let header = CamtHeader {
            created: datetime!(2026-05-14 10:21:07.123 +02:00),
            from: None,
            to: None,
        };
        assert_eq!(message_id(&header), "BANKBOOK-20260514102107");
        assert_eq!(
            date_time(header.created).unwrap(),
            "2026-05-14T10:21:07+02:00"
        );
    }
}
