//! CSV (RFC 4180) for spreadsheets: UTF-8 with a byte order mark, a header row, ISO dates,
//! amounts as signed decimal text with a dot, and text that cannot turn into a formula.

use std::io::Write;
use std::path::Path;

use atomic_file::AtomicWriter;
use time::Date;

use crate::labels::{self, Column, Language};
use crate::{Error, ExportRow, Result, RowWriter};

/// Excel reads a CSV file without it in the system's legacy code page (Windows-1250 for
/// Slovak), so every `á` and `č` would come out garbled; `LibreOffice`, Numbers, pandas
/// (`utf-8-sig`) and the csv crate's readers all skip it.
const BYTE_ORDER_MARK: &[u8] = "\u{feff}".as_bytes();

/// Writes a CSV export. See [`RowWriter`].
#[derive(Debug)]
pub struct CsvWriter {
    csv: csv::Writer<AtomicWriter>,
    language: Language,
    rows: u64,
}

impl CsvWriter {
    /// Starts the file that will replace `target` (owner-only permissions on Unix) and writes
    /// the header row in `language`.
    pub fn create(target: &Path, language: Language) -> Result<Self> {
        let mut file = AtomicWriter::create(target, None)?;
        file.write_all(BYTE_ORDER_MARK)?;
        // Every text cell is quoted (as OWASP asks of neutralised cells), also text that looks
        // like a number (a symbol such as `0308`); the amount, a plain number, is not, so
        // spreadsheets read it as one. The csv crate quotes per writer, not per cell: the cells
        // come quoted by `quoted`, and the writer adds none.
        let mut csv = csv::WriterBuilder::new()
            .quote_style(csv::QuoteStyle::Never)
            .from_writer(file);
        csv.write_record(labels::header(language).map(quoted))?;
        Ok(Self {
            csv,
            language,
            rows: 0,
        })
    }

    fn cell(&self, row: &ExportRow, column: Column) -> Result<String> {
        let text = |value: &Option<String>| neutralised(value.as_deref().unwrap_or(""));
        let date = |value: Option<Date>| value.map(|date| date.to_string()).unwrap_or_default();
        Ok(match column {
            Column::AccountIban => neutralised(&row.account_iban),
            Column::AccountName => text(&row.account_name),
            Column::Date => row.date.to_string(),
            Column::BookingDate => date(row.booking_date),
            Column::ValueDate => date(row.value_date),
            Column::Status => labels::status(self.language, row.pending).to_owned(),
            Column::Amount => amount_text(row)?,
            Column::Currency => neutralised(&row.currency),
            Column::Category => text(&row.category),
            Column::CounterpartyName => text(&row.counterparty_name),
            Column::CounterpartyIban => text(&row.counterparty_iban),
            Column::Description => text(&row.description),
            Column::BankNote => text(&row.bank_note),
            Column::VariableSymbol => text(&row.variable_symbol),
            Column::SpecificSymbol => text(&row.specific_symbol),
            Column::ConstantSymbol => text(&row.constant_symbol),
            Column::EndToEndReference => text(&row.end_to_end_reference),
            Column::BankTransactionCode => text(&row.bank_transaction_code),
            Column::EntryReference => neutralised(&row.entry_reference),
        })
    }
}

impl RowWriter for CsvWriter {
    fn write_row(&mut self, row: &ExportRow) -> Result<()> {
        let cells = labels::columns()
            .map(|column| {
                let cell = self.cell(row, column)?;
                Ok(if column == Column::Amount {
                    cell
                } else {
                    quoted(&cell)
                })
            })
            .collect::<Result<Vec<_>>>()?;
        self.csv.write_record(&cells)?;
        self.rows += 1;
        Ok(())
    }

    fn finish(self) -> Result<u64> {
        let file = self
            .csv
            .into_inner()
            .map_err(|error| Error::Io(error.into_error()))?;
        file.commit()?;
        Ok(self.rows)
    }
}

/// A cell a spreadsheet would read as a formula (or a command, through DDE) starts with one of
/// these; a tab or carriage return in front hides such a start from a naive check.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Text that a spreadsheet shows as text: a cell starting like a formula gets a single quote
/// in front (OWASP's CSV injection advice; the writer quotes every text cell).
fn neutralised(text: &str) -> String {
    if text.starts_with(FORMULA_STARTS) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// A text cell as RFC 4180 quotes it: in double quotes, each double quote inside doubled.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// The amount, exempt from neutralising because it is checked to be a plain signed decimal
/// number (`-?digits(.digits)?`), which no spreadsheet reads as a formula.
fn amount_text(row: &ExportRow) -> Result<String> {
    let text = row.amount.to_string();
    let digits = text.strip_prefix('-').unwrap_or(&text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    let is_number = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    if is_number(whole) && is_number(fraction) {
        Ok(text)
    } else {
        Err(Error::Unrepresentable {
            field: "amount",
            format: "CSV",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_quoted_with_its_quotes_doubled() {
        assert_eq!(quoted("0308"), "\"0308\"");
        assert_eq!(quoted(""), "\"\"");
        assert_eq!(quoted("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn formula_starts_get_a_quote_and_other_text_stays() {
        for payload in [
            "=HYPERLINK(\"http://x\",\"y\")",
            "+1",
            "-2+3",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
        ] {
            assert_eq!(neutralised(payload), format!("'{payload}"));
        }
        for text in ["Invoice 2026", "", "a=b", "'quoted", "SK89 7500"] {
            assert_eq!(neutralised(text), text);
        }
    }
}
