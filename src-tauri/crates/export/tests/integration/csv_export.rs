//! The CSV export read back as a spreadsheet program would read it.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "clippy.toml allows them in tests, but not in a test file's helper functions"
)]

use std::fs;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use export::{CsvWriter, Error, ExportRow, Language, write_rows};
use time::macros::date;

use crate::common::{self, bare_row, names, ok_rows, row};

/// Exports `rows` to `path` with no cancel and no interest in progress.
fn export(path: &Path, language: Language, rows: Vec<ExportRow>) -> export::Result<u64> {
    let writer = CsvWriter::create(path, language)?;
    write_rows(writer, ok_rows(rows), &AtomicBool::new(false), &mut |_| {})
}

/// The file's records, the header first, as the csv crate reads them.
fn read_back(path: &Path) -> Vec<Vec<String>> {
    let bytes = fs::read(path).unwrap();
    let body = bytes
        .strip_prefix("\u{feff}".as_bytes())
        .expect("a byte order mark");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body)
        .records()
        .map(|record| record.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn rows_read_back_as_written() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("export.csv");
    let mut odd = row(2);
    odd.counterparty_name = Some("Kováč, \"Jožko\" & syn".to_owned());
    odd.description = Some("line one\nline two; 'three'".to_owned());
    odd.bank_note = None;
    odd.amount = common::decimal("1234567.05");
    let bare = bare_row(3, "0.5", date!(2026 - 04 - 01));

    assert_eq!(
        export(&path, Language::En, vec![row(1), odd, bare]).unwrap(),
        3
    );

    let records = read_back(&path);
    assert_eq!(records.len(), 4);
    assert_eq!(records[0][0], "Account IBAN");
    assert_eq!(records[0].len(), 19);
    let expected_first = [
        common::CURRENT,
        "Current account",
        "2026-04-15",
        "2026-04-15",
        "2026-04-14",
        "booked",
        "-89.90",
        "EUR",
        "Example Shop s.r.o.",
        "SK89 7500 0000 0000 1234 5671",
        "Invoice 1",
        "SEPA transfer",
        "20260001",
        "",
        "0308",
        "/VS20260001/SS/KS0308",
        "PMNT-ICDT-ESCT",
        "TB-0000000001",
        "Shopping",
    ];
    assert_eq!(records[1], expected_first);
    assert_eq!(records[2][6], "1234567.05");
    assert_eq!(records[2][8], "Kováč, \"Jožko\" & syn");
    assert_eq!(records[2][10], "line one\nline two; 'three'");
    assert_eq!(records[2][11], "");
    assert_eq!(
        records[3][..8],
        [
            common::CURRENT,
            "",
            "2026-04-01",
            "",
            "",
            "pending",
            "0.5",
            "EUR"
        ]
    );
    assert!(records[3][8..17].iter().all(String::is_empty));
}

#[test]
fn the_header_and_status_follow_the_language() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("export.csv");
    let pending = bare_row(1, "-5", date!(2026 - 04 - 01));
    export(&path, Language::Sk, vec![row(1), pending]).unwrap();

    let records = read_back(&path);
    assert_eq!(records[0][..3], ["IBAN účtu", "Názov účtu", "Dátum"]);
    assert_eq!(records[0][6], "Suma");
    assert_eq!(records[1][5], "zaúčtovaná");
    assert_eq!(records[2][5], "čaká na zaúčtovanie");
}

#[test]
fn formula_payloads_are_neutralised_and_amounts_stay_numbers() {
    let payloads = [
        "=HYPERLINK(\"http://x\",\"y\")",
        "+1",
        "-2+3",
        "@SUM(A1)",
        "\t=1+1",
        "\r=1+1",
    ];
    let rows: Vec<ExportRow> = payloads
        .iter()
        .map(|payload| {
            let mut row = row(1);
            row.account_name = Some((*payload).to_owned());
            row.counterparty_name = Some((*payload).to_owned());
            row.counterparty_iban = Some((*payload).to_owned());
            row.description = Some((*payload).to_owned());
            row.bank_note = Some((*payload).to_owned());
            row.variable_symbol = Some((*payload).to_owned());
            row.end_to_end_reference = Some((*payload).to_owned());
            row.bank_transaction_code = Some((*payload).to_owned());
            row.entry_reference = (*payload).to_owned();
            row.category = Some((*payload).to_owned());
            row.amount = common::decimal("-2");
            row
        })
        .collect();
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("export.csv");
    export(&path, Language::En, rows).unwrap();

    let records = read_back(&path);
    for (record, payload) in records[1..].iter().zip(payloads) {
        let neutralised = format!("'{payload}");
        for column in [1, 8, 9, 10, 11, 12, 15, 16, 17, 18] {
            assert_eq!(record[column], neutralised, "column {column}");
        }
        // Only the checked amount starts with a minus sign, and stays a number.
        assert_eq!(record[6], "-2");
    }
    // Every neutralised cell is quoted; the amount is not.
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","));
    assert!(text.contains(",\"'+1\","));
    assert!(text.contains(",-2,\"EUR\","));
    // No cell of the file starts like a formula.
    for record in &records {
        for cell in record {
            assert!(!cell.starts_with(['=', '+', '@', '\t', '\r']), "{cell:?}");
        }
    }
}

#[test]
fn progress_is_told_every_hundred_rows_and_at_the_end() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("export.csv");
    let rows: Vec<ExportRow> = (0..250).map(row).collect();
    let mut told = Vec::new();

    let writer = CsvWriter::create(&path, Language::En).unwrap();
    let written = write_rows(
        writer,
        ok_rows(rows),
        &AtomicBool::new(false),
        &mut |rows| {
            told.push(rows);
        },
    )
    .unwrap();

    assert_eq!(written, 250);
    assert_eq!(told, [100, 200, 250]);
    assert_eq!(read_back(&path).len(), 251);
}

#[test]
fn a_cancelled_export_leaves_no_file_and_keeps_an_old_one() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("export.csv");
    fs::write(&path, "old").unwrap();
    let cancel = AtomicBool::new(false);
    let rows: Vec<ExportRow> = (0..1_000).map(row).collect();

    let writer = CsvWriter::create(&path, Language::En).unwrap();
    // The person presses Cancel when the first 200 rows are written.
    let result = write_rows(writer, ok_rows(rows), &cancel, &mut |rows| {
        if rows == 200 {
            cancel.store(true, Ordering::Relaxed);
        }
    });

    assert!(matches!(result, Err(Error::Cancelled)));
    assert_eq!(fs::read_to_string(&path).unwrap(), "old");
    assert_eq!(names(folder.path()), ["export.csv"]);
}

#[test]
fn a_cancel_after_the_last_row_still_leaves_no_file() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("export.csv");
    let writer = CsvWriter::create(&path, Language::En).unwrap();
    let cancel = AtomicBool::new(false);
    let rows = ok_rows(vec![row(1)]).inspect(|_| cancel.store(true, Ordering::Relaxed));

    let result = write_rows(writer, rows, &cancel, &mut |_| {});

    assert!(matches!(result, Err(Error::Cancelled)));
    assert!(names(folder.path()).is_empty());
}

#[test]
fn rows_that_fail_to_come_leave_no_file() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("export.csv");
    let writer = CsvWriter::create(&path, Language::En).unwrap();
    let rows = (0..10).map(|number| {
        if number == 5 {
            Err(std::io::Error::other("the store went away"))
        } else {
            Ok(row(number))
        }
    });

    let result = write_rows(writer, rows, &AtomicBool::new(false), &mut |_| {});

    let Err(Error::Source(error)) = result else {
        panic!("{result:?}")
    };
    assert!(error.downcast_ref::<std::io::Error>().is_some());
    assert!(names(folder.path()).is_empty());
}

#[test]
fn an_empty_export_has_its_header() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("export.csv");
    assert_eq!(export(&path, Language::En, Vec::new()).unwrap(), 0);
    assert_eq!(read_back(&path).len(), 1);
}

#[test]
fn a_symbol_that_looks_like_a_number_is_quoted_text_and_keeps_its_zeros() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("export.csv");
    let mut symbol = row(1);
    symbol.variable_symbol = Some("0308".to_owned());
    symbol.constant_symbol = Some("0558".to_owned());
    symbol.amount = common::decimal("-12.50");

    export(&path, Language::En, vec![symbol]).unwrap();

    let records = read_back(&path);
    assert_eq!(records[1][12], "0308");
    assert_eq!(records[1][14], "0558");
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(",\"0308\","), "{text}");
    assert!(
        text.contains(",-12.50,\"EUR\","),
        "the amount alone is bare: {text}"
    );
    assert!(text.contains("\"Account IBAN\","), "the header is text too");
}
