//! camt.053.001.08 (ISO 20022 BankToCustomerStatementV08): one statement (`Stmt`) per account.
//!
//! Rows come in the list's order, newest first across accounts, while a statement holds one
//! account's entries after its header, balance and totals. So each account's entries are
//! written as they come to a spool of their own (an unnamed temporary file beside the target,
//! gone with its handle), and [`RowWriter::finish`] writes each statement's header, with the
//! period and totals now known, and then copies its spool in. Memory stays small whatever the
//! number of rows; the disk holds the export about twice until it finishes.

mod amount;
mod entry;
mod statement;
mod xml;

use std::io::Write;
use std::path::Path;

use atomic_file::AtomicWriter;
use rust_decimal::Decimal;
use time::{Date, OffsetDateTime};

use self::statement::Statement;
use self::xml::Xml;
use crate::{Error, ExportRow, Result, RowWriter};

/// The message as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CamtHeader {
    /// When the export was made (now); names the message and its statements.
    pub created: OffsetDateTime,
    /// The first day the export covers (the search's "from" date); `None`: the oldest entry's.
    pub from: Option<Date>,
    /// The last day the export covers; `None`: the newest entry's.
    pub to: Option<Date>,
}

/// An account that gets a statement, whether or not any row is for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CamtAccount {
    pub iban: String,
    pub name: Option<String>,
    /// The account's currency (ISO 4217).
    pub currency: String,
    /// The schema requires a balance in every statement.
    pub balance: StatementBalance,
}

/// A balance of the account as the bank reported it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementBalance {
    /// The ISO 20022 balance type the bank gave it: `ITBD` for the booked balance.
    pub code: String,
    /// Signed: negative when the account is overdrawn. In the account's currency.
    pub amount: Decimal,
    /// The day the bank computed it.
    pub date: Date,
}

/// Writes a camt.053.001.08 export. See [`RowWriter`] and the module's notes.
#[derive(Debug)]
pub struct CamtWriter {
    xml: Xml<AtomicWriter>,
    header: CamtHeader,
    statements: Vec<Statement>,
    rows: u64,
}

/// The XML declaration and the root's namespace.
const PROLOGUE: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
    <Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">";

impl CamtWriter {
    /// Starts the file that will replace `target` (owner-only permissions on Unix), with one
    /// statement for each of `accounts`, in their order. Every row must belong to one of them.
    pub fn create(target: &Path, header: CamtHeader, accounts: Vec<CamtAccount>) -> Result<Self> {
        if accounts.is_empty() {
            return Err(Error::NoAccounts);
        }
        let statements = accounts
            .into_iter()
            .map(|account| Statement::new(account, target))
            .collect::<Result<Vec<_>>>()?;
        let mut file = AtomicWriter::create(target, None)?;
        file.write_all(PROLOGUE.as_bytes())?;
        let mut xml = Xml::new(file, 1);
        xml.open("BkToCstmrStmt")?;
        statement::group_header(&mut xml, &header)?;
        Ok(Self {
            xml,
            header,
            statements,
            rows: 0,
        })
    }
}

impl RowWriter for CamtWriter {
    fn write_row(&mut self, row: &ExportRow) -> Result<()> {
        let wanted = amount::compact(&row.account_iban);
        let statement = self
            .statements
            .iter_mut()
            .find(|statement| statement.account_number() == wanted)
            .ok_or(Error::UnknownAccount)?;
        statement.add(row)?;
        self.rows += 1;
        Ok(())
    }

    fn finish(mut self) -> Result<u64> {
        for (number, statement) in (1..).zip(self.statements) {
            statement.write(&mut self.xml, &self.header, number)?;
        }
        self.xml.close("BkToCstmrStmt")?;
        self.xml.inner().write_all(b"\n</Document>\n")?;
        self.xml.into_inner().commit()?;
        Ok(self.rows)
    }
}
