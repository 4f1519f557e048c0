//! One transaction as a camt.053 entry (`Ntry`, `ReportEntry10`).

use std::io::{self, Write};

use time::Date;

use super::amount::{self, iban};
use super::xml::{Xml, has_text};
use crate::{Error, ExportRow, Result};

/// The schema's text lengths: `Max35Text`, `Max34Text`, `Max140Text`, `Max500Text`.
const MAX_35: usize = 35;
const MAX_34: usize = 34;
const MAX_140: usize = 140;
const MAX_500: usize = 500;

/// Writes `row` as an entry. Checks what the schema would reject before writing anything.
pub(crate) fn write_entry<W: Write>(xml: &mut Xml<W>, row: &ExportRow) -> Result<()> {
    let amount = amount::amount_text(row.amount).ok_or(Error::camt("amount"))?;
    if !amount::is_currency(&row.currency) {
        return Err(Error::camt("currency"));
    }
    write_entry_checked(xml, row, &amount)?;
    Ok(())
}

fn write_entry_checked<W: Write>(
    xml: &mut Xml<W>,
    row: &ExportRow,
    amount: &str,
) -> io::Result<()> {
    xml.open("Ntry")?;
    xml.amount("Amt", &row.currency, amount)?;
    xml.value("CdtDbtInd", direction(row))?;
    xml.open("Sts")?;
    xml.value("Cd", if row.pending { "PDNG" } else { "BOOK" })?;
    xml.close("Sts")?;
    date(xml, "BookgDt", row.booking_date)?;
    date(xml, "ValDt", row.value_date)?;
    xml.text("AcctSvcrRef", &row.entry_reference, MAX_35)?;
    bank_transaction_code(xml, row.bank_transaction_code.as_deref())?;
    details(xml, row)?;
    xml.close("Ntry")
}

/// Credit for money in, debit for money out (zero counts as in).
pub(crate) fn direction(row: &ExportRow) -> &'static str {
    if row.amount.is_sign_negative() && !row.amount.is_zero() {
        "DBIT"
    } else {
        "CRDT"
    }
}

fn date<W: Write>(xml: &mut Xml<W>, name: &str, date: Option<Date>) -> io::Result<()> {
    let Some(date) = date else { return Ok(()) };
    xml.open(name)?;
    xml.value("Dt", &date.to_string())?;
    xml.close(name)
}

/// `BkTxCd` is mandatory but may be empty. A code in ISO 20022's own form
/// (`PMNT-ICDT-ESCT`: domain, family, sub-family) is written as such; any other code as the
/// bank's proprietary one.
fn bank_transaction_code<W: Write>(xml: &mut Xml<W>, code: Option<&str>) -> io::Result<()> {
    xml.open("BkTxCd")?;
    let code = code.map(str::trim).filter(|code| has_text(Some(code)));
    if let Some(code) = code {
        if let Some([domain, family, sub_family]) = iso_code(code) {
            xml.open("Domn")?;
            xml.value("Cd", domain)?;
            xml.open("Fmly")?;
            xml.value("Cd", family)?;
            xml.value("SubFmlyCd", sub_family)?;
            xml.close("Fmly")?;
            xml.close("Domn")?;
        } else {
            xml.open("Prtry")?;
            xml.text("Cd", code, MAX_35)?;
            xml.close("Prtry")?;
        }
    }
    xml.close("BkTxCd")
}

/// The three parts of `DOMN-FMLY-SUBF`, each one to four capital letters or digits.
fn iso_code(code: &str) -> Option<[&str; 3]> {
    let mut parts = code.split('-');
    let parts = [
        parts.next()?,
        parts.next()?,
        parts.next().filter(|_| parts.next().is_none())?,
    ];
    let valid = |part: &&str| {
        (1..=4).contains(&part.len())
            && part
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    };
    parts.iter().all(valid).then_some(parts)
}

/// `NtryDtls/TxDtls`: references, the counterparty, the remittance and the bank's note; left
/// out when there is none of them.
fn details<W: Write>(xml: &mut Xml<W>, row: &ExportRow) -> io::Result<()> {
    let end_to_end = row
        .end_to_end_reference
        .clone()
        .filter(|r| has_text(Some(r)))
        .or_else(|| row.symbols_reference());
    let has_party = has_text(row.counterparty_name.as_deref())
        || has_text(row.counterparty_iban.as_deref().map(str::trim));
    let has_remittance = has_text(row.description.as_deref());
    let has_note = has_text(row.bank_note.as_deref());
    if end_to_end.is_none() && !has_party && !has_remittance && !has_note {
        return Ok(());
    }
    xml.open("NtryDtls")?;
    xml.open("TxDtls")?;
    if let Some(reference) = end_to_end {
        xml.open("Refs")?;
        xml.text("EndToEndId", &reference, MAX_35)?;
        xml.close("Refs")?;
    }
    if has_party {
        related_party(xml, row)?;
    }
    if let Some(description) = row.description.as_deref().filter(|_| has_remittance) {
        xml.open("RmtInf")?;
        xml.split_text("Ustrd", description, MAX_140)?;
        xml.close("RmtInf")?;
    }
    if let Some(note) = row.bank_note.as_deref() {
        xml.text("AddtlTxInf", note, MAX_500)?;
    }
    xml.close("TxDtls")?;
    xml.close("NtryDtls")
}

/// The other side: the debtor of money that came in, the creditor of money that went out.
fn related_party<W: Write>(xml: &mut Xml<W>, row: &ExportRow) -> io::Result<()> {
    let (party, account) = if direction(row) == "CRDT" {
        ("Dbtr", "DbtrAcct")
    } else {
        ("Cdtr", "CdtrAcct")
    };
    xml.open("RltdPties")?;
    if let Some(name) = row
        .counterparty_name
        .as_deref()
        .filter(|name| has_text(Some(name)))
    {
        xml.open(party)?;
        xml.open("Pty")?;
        xml.text("Nm", name, MAX_140)?;
        xml.close("Pty")?;
        xml.close(party)?;
    }
    if let Some(id) = row
        .counterparty_iban
        .as_deref()
        .map(str::trim)
        .filter(|id| has_text(Some(id)))
    {
        xml.open(account)?;
        account_id(xml, id)?;
        xml.close(account)?;
    }
    xml.close("RltdPties")
}

/// `Id` of an account: its IBAN, or whatever other number the bank gave as `Othr`.
pub(crate) fn account_id<W: Write>(xml: &mut Xml<W>, id: &str) -> io::Result<()> {
    xml.open("Id")?;
    if let Some(iban) = iban(id) {
        xml.value("IBAN", &iban)?;
    } else {
        xml.open("Othr")?;
        xml.text("Id", id.trim(), MAX_34)?;
        xml.close("Othr")?;
    }
    xml.close("Id")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_codes_are_recognised() {
        assert_eq!(iso_code("PMNT-ICDT-ESCT"), Some(["PMNT", "ICDT", "ESCT"]));
        assert_eq!(iso_code("PMNT-RCDT-ESCT"), Some(["PMNT", "RCDT", "ESCT"]));
        assert_eq!(iso_code("PMNT-ICDT"), None);
        assert_eq!(iso_code("PMNT-ICDT-ESCT-X"), None);
        assert_eq!(iso_code("PAYMENTS-ICDT-ESCT"), None);
        assert_eq!(iso_code("pmnt-icdt-esct"), None);
        assert_eq!(iso_code("12"), None);
    }
}
