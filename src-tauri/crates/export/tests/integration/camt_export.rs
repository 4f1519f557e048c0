//! The camt.053 export, validated against ISO 20022's own schema by xmllint.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "clippy.toml allows them in tests, but not in a test file's helper functions"
)]

use std::fs;
use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};

use export::{CamtAccount, CamtHeader, CamtWriter, Error, ExportRow, StatementBalance, write_rows};
use time::Date;
use time::macros::{date, datetime};

use crate::common::{CURRENT, SAVINGS, bare_row, decimal, names, ok_rows, row};

fn header() -> CamtHeader {
    CamtHeader {
        created: datetime!(2026-05-14 10:21:07 +02:00),
        from: None,
        to: None,
    }
}

fn account(iban: &str, name: Option<&str>, balance: &str) -> CamtAccount {
    CamtAccount {
        iban: iban.to_owned(),
        name: name.map(str::to_owned),
        currency: "EUR".to_owned(),
        balance: StatementBalance {
            code: "ITBD".to_owned(),
            amount: decimal(balance),
            date: date!(2026 - 05 - 14),
        },
    }
}

fn export(path: &Path, accounts: Vec<CamtAccount>, rows: Vec<ExportRow>) -> export::Result<u64> {
    let writer = CamtWriter::create(path, header(), accounts)?;
    write_rows(writer, ok_rows(rows), &AtomicBool::new(false), &mut |_| {})
}

/// Validates `path` against the official schema. A machine without xmllint fails the test:
/// `scripts/install-deps.sh` installs it (Debian's libxml2-utils).
fn assert_valid(path: &Path) {
    let output = xmllint(path);
    assert!(
        output.status.success(),
        "the export does not validate:\n{}\n{}",
        String::from_utf8_lossy(&output.stderr),
        fs::read_to_string(path).unwrap()
    );
}

fn xmllint(path: &Path) -> std::process::Output {
    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schema/camt.053.001.08.xsd");
    Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&schema)
        .arg(path)
        .output()
        .expect("xmllint runs (install libxml2-utils: scripts/install-deps.sh)")
}

#[test]
fn the_schema_check_rejects_a_broken_statement() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("export.xml");
    export(&path, vec![account(CURRENT, None, "1")], vec![row(1)]).unwrap();
    assert_valid(&path);
    let text = fs::read_to_string(&path).unwrap();

    for (good, bad) in [
        (">89.90</Amt>", ">-89.90</Amt>"),
        ("<Cd>BOOK</Cd>", "<Cd>BOOKED</Cd>"),
        ("<Bal>", "<Bal><Bal>"),
    ] {
        fs::write(&path, text.replacen(good, bad, 1)).unwrap();
        assert!(!xmllint(&path).status.success(), "{bad} passed");
    }
}

/// The file without its indentation and line breaks between elements.
fn flat(path: &Path) -> String {
    fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(str::trim_start)
        .collect()
}

/// Every way a row can be odd, in the list's order (newest first, accounts mixed).
fn odd_rows() -> Vec<ExportRow> {
    let mut incoming = row(1);
    incoming.account_iban = String::from(SAVINGS);
    incoming.amount = decimal("1520.35");
    incoming.counterparty_name = Some("Záloha & <plyn> \"SPP\" a.s.\u{0}\u{1b}".to_owned());
    incoming.description = Some(format!("Ďakujeme ťa & <vás> {}", "ô".repeat(300)));
    incoming.bank_note = Some(format!("note\r\n{}", "x".repeat(600)));
    incoming.end_to_end_reference = None;
    incoming.specific_symbol = Some("77".to_owned());
    incoming.bank_transaction_code =
        Some("Card payment (proprietary, very long code text)".to_owned());
    incoming.entry_reference = "R".repeat(50);

    let mut foreign = row(2);
    foreign.counterparty_iban = Some("123456789/0900".to_owned());
    foreign.currency = String::from("CZK");
    foreign.amount = decimal("-250.12345");
    foreign.bank_transaction_code = Some("PMNT-CCRD-POSD".to_owned());

    let mut spaced = row(3);
    spaced.account_iban = String::from("sk31 1100 0000 0026 1263 7541");
    spaced.counterparty_name = Some("   ".to_owned());
    spaced.counterparty_iban = Some("  ".to_owned());
    spaced.description = Some("\u{7}".to_owned());
    spaced.amount = decimal("0");

    vec![
        bare_row(10, "-12.5", date!(2026 - 05 - 13)),
        incoming,
        row(4),
        foreign,
        spaced,
        bare_row(11, "9999999999999.99999", date!(2026 - 03 - 02)),
    ]
}

#[test]
fn a_statement_of_several_accounts_validates_against_the_schema() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("export.xml");
    let accounts = vec![
        account(CURRENT, Some("Bežný účet & <spol>"), "1520.35"),
        account(SAVINGS, None, "-20.00"),
        account("SK0809000000000123123123", Some("Empty"), "0"),
    ];

    assert_eq!(export(&path, accounts, odd_rows()).unwrap(), 6);

    assert_valid(&path);
    assert_eq!(names(folder.path()), ["export.xml"]);
    let xml = flat(&path);
    assert_eq!(xml.matches("<Stmt>").count(), 3);
    assert_eq!(xml.matches("<Ntry>").count(), 6);
    assert_eq!(xml.matches("<Cd>PDNG</Cd>").count(), 2);
    assert_eq!(xml.matches("<Cd>BOOK</Cd>").count(), 4);
    assert!(xml.contains("<Amt Ccy=\"EUR\">1520.35</Amt><CdtDbtInd>CRDT</CdtDbtInd>"));
    assert!(xml.contains("<Amt Ccy=\"EUR\">89.90</Amt><CdtDbtInd>DBIT</CdtDbtInd>"));
    assert!(xml.contains("<Amt Ccy=\"CZK\">250.12345</Amt>"));
    assert!(xml.contains("<Nm>Záloha &amp; &lt;plyn&gt; \"SPP\" a.s.</Nm>"));
    assert!(xml.contains("<Nm>Bežný účet &amp; &lt;spol&gt;</Nm>"));
    assert!(xml.contains("<Domn>"));
    assert!(xml.contains("<SubFmlyCd>ESCT</SubFmlyCd>"));
    assert!(xml.contains("<Prtry><Cd>Card payment (proprietary, very lo…</Cd>"));
    // Money in names its payer, money out its payee.
    assert!(xml.contains("<Dbtr>"));
    assert!(xml.contains("<CdtrAcct><Id><IBAN>SK8975000000000012345671</IBAN>"));
    assert!(xml.contains("<Othr><Id>123456789/0900</Id>"));
    // The symbols go where the bank carries them.
    assert!(xml.contains("<EndToEndId>/VS20260001/SS77/KS0308</EndToEndId>"));
    // The whole remittance, in pieces the schema allows.
    assert_eq!(xml.matches("<Ustrd>").count(), 3 + 2);
    // The overdrawn savings account's balance, and each statement's period.
    assert!(xml.contains("<Amt Ccy=\"EUR\">20.00</Amt><CdtDbtInd>DBIT</CdtDbtInd>"));
    assert!(xml.contains("<FrDtTm>2026-03-02T00:00:00</FrDtTm>"));
    assert!(xml.contains("<ToDtTm>2026-05-13T23:59:59</ToDtTm>"));
    assert!(xml.contains("<MsgId>BANKBOOK-20260514102107</MsgId>"));
}

#[test]
fn the_totals_count_and_sum_each_direction() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("export.xml");
    let mut refund = row(2);
    refund.amount = decimal("10.10");
    let rows = vec![row(1), refund, row(3)];
    let mut header = header();
    header.from = Some(date!(2026 - 04 - 01));
    header.to = Some(date!(2026 - 04 - 30));
    let writer = CamtWriter::create(&path, header, vec![account(CURRENT, None, "1")]).unwrap();

    write_rows(writer, ok_rows(rows), &AtomicBool::new(false), &mut |_| {}).unwrap();

    assert_valid(&path);
    let compact = flat(&path);
    assert!(compact.contains("<TtlNtries><NbOfNtries>3</NbOfNtries></TtlNtries>"));
    assert!(compact.contains("<TtlCdtNtries><NbOfNtries>1</NbOfNtries><Sum>10.10</Sum>"));
    assert!(compact.contains("<TtlDbtNtries><NbOfNtries>2</NbOfNtries><Sum>179.80</Sum>"));
    // The period asked for, not only the entries' span.
    assert!(
        compact
            .contains("<FrDtTm>2026-04-01T00:00:00</FrDtTm><ToDtTm>2026-04-30T23:59:59</ToDtTm>")
    );
}

#[test]
fn a_statement_without_entries_validates() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("export.xml");
    export(&path, vec![account(CURRENT, None, "0.00")], Vec::new()).unwrap();
    assert_valid(&path);
}

#[test]
fn many_rows_stream_through_the_spools() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("export.xml");
    let day = |n: u32| Date::from_ordinal_date(2025, 1 + (n % 365) as u16).unwrap();
    let rows: Vec<ExportRow> = (0..5_000)
        .map(|n| {
            let mut row = if n % 3 == 0 {
                bare_row(n, "3.5", day(n))
            } else {
                row(n)
            };
            row.account_iban = if n % 2 == 0 { CURRENT } else { SAVINGS }.to_owned();
            row
        })
        .collect();
    let accounts = vec![account(CURRENT, None, "1"), account(SAVINGS, None, "2")];

    assert_eq!(export(&path, accounts, rows).unwrap(), 5_000);

    assert_valid(&path);
    assert_eq!(
        fs::read_to_string(&path).unwrap().matches("<Ntry>").count(),
        5_000
    );
    assert_eq!(names(folder.path()), ["export.xml"]);
}

#[test]
fn a_cancelled_statement_leaves_no_file() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("export.xml");
    let cancel = AtomicBool::new(false);
    let rows: Vec<ExportRow> = (0..500).map(row).collect();
    let writer = CamtWriter::create(&path, header(), vec![account(CURRENT, None, "1")]).unwrap();

    let result = write_rows(writer, ok_rows(rows), &cancel, &mut |rows| {
        if rows == 100 {
            cancel.store(true, Ordering::Relaxed);
        }
    });

    assert!(matches!(result, Err(Error::Cancelled)));
    assert!(names(folder.path()).is_empty());
}

#[test]
fn a_row_of_an_account_not_given_stops_the_export() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("export.xml");
    let mut stray = row(2);
    stray.account_iban = String::from("SK0809000000000123123123");

    let result = export(
        &path,
        vec![account(CURRENT, None, "1")],
        vec![row(1), stray],
    );

    assert!(matches!(result, Err(Error::UnknownAccount)));
    assert!(names(folder.path()).is_empty());
}

#[test]
fn what_the_schema_cannot_carry_is_an_error_not_a_bad_file() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("export.xml");
    let mut precise = row(1);
    precise.amount = decimal("-0.123456");
    let mut odd_currency = row(2);
    odd_currency.currency = String::from("eur");

    for bad in [precise, odd_currency] {
        let result = export(&path, vec![account(CURRENT, None, "1")], vec![bad]);
        assert!(
            matches!(result, Err(Error::Unrepresentable { .. })),
            "{result:?}"
        );
    }
    assert!(matches!(
        export(&path, Vec::new(), Vec::new()),
        Err(Error::NoAccounts)
    ));
    let mut bad_account = account(CURRENT, None, "1");
    bad_account.currency = String::from("€");
    assert!(matches!(
        export(&path, vec![bad_account], Vec::new()),
        Err(Error::Unrepresentable { .. })
    ));
    assert!(names(folder.path()).is_empty());
}
