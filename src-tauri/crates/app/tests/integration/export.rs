//! Exporting what a search matches, through a stand-in for the save dialog: the CSV holds
//! exactly the search's matches in its order, camt.053 a statement of them, a cancel or a
//! closed dialog leaves no file, and a folder that cannot be written is said as such.

#![cfg(test)]

use std::path::Path;

use app::{
    Direction, ErrorCode, ErrorDetail, ExportFormat, ExportOutcome, IoReason, IpcError,
    PageDirection, SearchQuery, TaskKind,
};
use rust_decimal::Decimal;
use store::BalanceRecord;

use crate::common::{self, App, Setup, with_whole_history};

fn outgoing() -> SearchQuery {
    SearchQuery {
        direction: Direction::Outgoing,
        ..SearchQuery::default()
    }
}

/// Two accounts of 600 entries, saved into `folder`: more outgoing payments than one chunk (the
/// savings account has few).
fn saving_into(folder: &Path) -> Setup {
    Setup {
        save_into: Some(folder.to_owned()),
        ..Setup::new(600, 2)
    }
}

/// Every match of `query` as (IBAN, entry reference), in the search's order.
async fn matches(app: &App, query: &SearchQuery) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut cursor = None;
    loop {
        let page = app
            .core
            .search_transactions(query.clone(), cursor, 200, PageDirection::Older)
            .await
            .unwrap();
        found.extend(
            page.items
                .into_iter()
                .map(|item| (item.iban, item.transaction.id)),
        );
        cursor = page.next_cursor;
        if cursor.is_none() {
            return found;
        }
    }
}

/// `bankbook-<today>.<extension>`.
fn suggested_name(extension: &str) -> String {
    let today = time::OffsetDateTime::now_utc().date();
    format!("bankbook-{today}.{extension}")
}

fn files_in(folder: &Path) -> Vec<String> {
    std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

#[tokio::test]
async fn a_csv_export_holds_the_searchs_matches_in_its_order() {
    let folder = tempfile::tempdir().unwrap();
    let (app, _) = with_whole_history(&saving_into(folder.path())).await;
    let expected = matches(&app, &outgoing()).await;
    assert!(
        expected.len() > 500,
        "more than one chunk: {}",
        expected.len()
    );

    let outcome = app
        .core
        .export_transactions(outgoing(), ExportFormat::Csv)
        .await
        .unwrap();

    let ExportOutcome::Saved { file_name, rows } = outcome else {
        panic!("{outcome:?}");
    };
    assert_eq!(rows as usize, expected.len());
    assert_eq!(file_name, suggested_name("csv"));
    assert_eq!(*app.suggested.lock().unwrap(), vec![file_name.clone()]);
    assert_eq!(
        files_in(folder.path()),
        vec![file_name.clone()],
        "nothing else left"
    );
    let mut reader = csv::Reader::from_path(folder.path().join(&file_name)).unwrap();
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|header| header == name).unwrap();
    let (reference, category) = (column("Entry reference"), column("Category"));
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let written: Vec<(String, String)> = records
        .iter()
        .map(|record| (record[0].to_owned(), record[reference].to_owned()))
        .collect();
    assert_eq!(written, expected);
    // Every entry was categorised as it was stored, and the column names its category.
    let names = ["Groceries", "Eating out", "Transport", "Other", "Cash"];
    assert!(records.iter().all(|record| !record[category].is_empty()));
    assert!(
        records
            .iter()
            .any(|record| names.contains(&&record[category]))
    );

    let reports: Vec<_> = app
        .progress
        .reports()
        .into_iter()
        .filter(|report| report.task == TaskKind::Export)
        .collect();
    assert!(reports.len() > 2, "{reports:?}");
    assert!(reports.windows(2).all(|pair| pair[0].done <= pair[1].done));
    let last = reports.last().unwrap();
    assert_eq!((last.done, last.total), (rows, Some(rows)));
}

#[tokio::test]
async fn a_camt_export_has_a_statement_of_the_matches() {
    let folder = tempfile::tempdir().unwrap();
    let (app, ibans) = with_whole_history(&saving_into(folder.path())).await;
    // A statement carries the account's balance.
    app.core
        .refresh_bank(common::DEMO.to_owned(), false)
        .await
        .unwrap();
    let query = SearchQuery {
        iban: Some(ibans[0].clone()),
        ..outgoing()
    };
    let expected = matches(&app, &query).await;

    let outcome = app
        .core
        .export_transactions(query, ExportFormat::Camt053)
        .await
        .unwrap();

    let ExportOutcome::Saved { file_name, rows } = outcome else {
        panic!("{outcome:?}");
    };
    assert_eq!(rows as usize, expected.len());
    assert_eq!(file_name, suggested_name("xml"));
    let xml = std::fs::read_to_string(folder.path().join(&file_name)).unwrap();
    assert!(xml.starts_with("<?xml"));
    assert_eq!(xml.matches("<Ntry>").count(), expected.len());
    for (_, reference) in &expected {
        assert!(xml.contains(reference.as_str()), "{reference} missing");
    }
}

#[tokio::test]
async fn a_cancelled_export_leaves_no_file() {
    let folder = tempfile::tempdir().unwrap();
    let (mut app, _) = with_whole_history(&saving_into(folder.path())).await;
    // The whole history's reports, before the export's.
    while app.progress_reports.try_recv().is_ok() {}

    app.progress.hold_export();
    let cancel = async {
        // The export has written its first rows and waits: ask to stop, then let it go on.
        while let Some(report) = app.progress_reports.recv().await {
            if report.task == TaskKind::Export && report.done > 0 {
                app.core.cancel_task(TaskKind::Export).await.unwrap();
                app.progress.release();
                break;
            }
        }
    };
    let (outcome, ()) = tokio::join!(
        app.core
            .export_transactions(SearchQuery::default(), ExportFormat::Csv),
        cancel
    );

    assert_eq!(outcome.unwrap(), ExportOutcome::Cancelled);
    assert!(
        files_in(folder.path()).is_empty(),
        "{:?}",
        files_in(folder.path())
    );
}

#[tokio::test]
async fn a_closed_dialog_writes_nothing() {
    let mut app = App::new(&Setup::new(30, 1));
    app.connect().await;

    let outcome = app
        .core
        .export_transactions(SearchQuery::default(), ExportFormat::Csv)
        .await
        .unwrap();

    assert_eq!(outcome, ExportOutcome::DialogClosed);
    assert!(app.progress.reports().is_empty());
}

#[tokio::test]
async fn a_folder_that_cannot_be_written_is_storage_unavailable() {
    let folder = tempfile::tempdir().unwrap();
    let gone = folder.path().join("removed meanwhile");
    let mut app = App::new(&Setup {
        save_into: Some(gone.clone()),
        ..Setup::new(30, 1)
    });
    app.connect().await;

    let failed = app
        .core
        .export_transactions(SearchQuery::default(), ExportFormat::Csv)
        .await
        .unwrap_err();

    assert_eq!(failed.code(), ErrorCode::StorageUnavailable, "{failed:?}");
    let ipc = IpcError::from(&failed);
    assert_eq!(
        ipc.detail,
        Some(ErrorDetail::Folder {
            path: gone.display().to_string(),
            reason: IoReason::NotFound
        })
    );
}

fn balance(code: &str, amount: &str) -> BalanceRecord {
    BalanceRecord {
        code: code.to_owned(),
        amount: amount.parse::<Decimal>().unwrap(),
        currency: "EUR".to_owned(),
        as_of: Some("2026-05-14T10:00:00Z".to_owned()),
        credit_line: None,
    }
}

#[tokio::test]
async fn a_statement_carries_the_booked_balance_and_only_accounts_with_one_or_with_matches() {
    let folder = tempfile::tempdir().unwrap();
    let (app, ibans) = with_whole_history(&saving_into(folder.path())).await;
    // The first account: an available balance listed before the closing booked one. The
    // second: none stored.
    app.stored()
        .save_balances(
            &ibans[0],
            &[balance("ITAV", "999.99"), balance("CLBD", "123.45")],
            1_778_752_800,
        )
        .unwrap();
    let first = app
        .stored_entries(&ibans[0])
        .remove(0)
        .record
        .entry_reference;
    let query = SearchQuery {
        text: format!("\"{first}\""),
        ..SearchQuery::default()
    };
    let expected = matches(&app, &query).await;
    assert!(!expected.is_empty() && expected.iter().all(|(iban, _)| *iban == ibans[0]));

    let outcome = app
        .core
        .export_transactions(query, ExportFormat::Camt053)
        .await
        .unwrap();

    let ExportOutcome::Saved { file_name, .. } = outcome else {
        panic!("{outcome:?}");
    };
    let xml = std::fs::read_to_string(folder.path().join(&file_name)).unwrap();
    assert_eq!(
        xml.matches("<Stmt>").count(),
        1,
        "the second account has none"
    );
    assert!(xml.contains("<Cd>CLBD</Cd>"), "{xml}");
    assert!(
        xml.contains("123.45") && !xml.contains("999.99"),
        "never the available one"
    );
}

#[tokio::test]
async fn matches_without_a_booked_balance_are_refused_before_the_dialog() {
    let folder = tempfile::tempdir().unwrap();
    let (app, ibans) = with_whole_history(&saving_into(folder.path())).await;
    app.stored()
        .save_balances(&ibans[0], &[balance("ITAV", "999.99")], 1_778_752_800)
        .unwrap();

    let failed = app
        .core
        .export_transactions(SearchQuery::default(), ExportFormat::Camt053)
        .await
        .unwrap_err();

    assert_eq!(failed.code(), ErrorCode::InvalidInput, "{failed:?}");
    assert_eq!(
        IpcError::from(&failed).detail,
        Some(ErrorDetail::MissingBalance)
    );
    assert!(
        !failed.to_string().contains(&ibans[0]),
        "no IBAN in the log"
    );
    assert!(app.suggested.lock().unwrap().is_empty(), "no dialog opened");
    assert!(files_in(folder.path()).is_empty());
}

#[tokio::test]
async fn a_cancel_as_soon_as_the_export_begins_is_not_lost() {
    let folder = tempfile::tempdir().unwrap();
    let (app, _) = with_whole_history(&saving_into(folder.path())).await;
    // However slow this thread is, the export cannot finish before the cancel.
    app.progress.hold_export();

    let export = app
        .core
        .export_transactions(SearchQuery::default(), ExportFormat::Csv);
    tokio::pin!(export);
    // Polled once: the export has begun and waits; then the cancel comes.
    tokio::select! {
        biased;
        outcome = &mut export => panic!("ended at once: {outcome:?}"),
        () = std::future::ready(()) => {}
    }
    app.core.cancel_task(TaskKind::Export).await.unwrap();
    app.progress.release();

    assert_eq!(export.await.unwrap(), ExportOutcome::Cancelled);
    assert!(files_in(folder.path()).is_empty());
}

#[tokio::test]
async fn a_second_export_while_one_runs_is_told_as_running() {
    let folder = tempfile::tempdir().unwrap();
    let (app, _) = with_whole_history(&saving_into(folder.path())).await;

    let (first, second) = tokio::join!(
        app.core
            .export_transactions(SearchQuery::default(), ExportFormat::Csv),
        app.core
            .export_transactions(SearchQuery::default(), ExportFormat::Csv)
    );

    assert!(matches!(first.unwrap(), ExportOutcome::Saved { .. }));
    let second = second.unwrap_err();
    assert_eq!(
        IpcError::from(&second).detail,
        Some(ErrorDetail::TaskRunning {
            task: TaskKind::Export
        })
    );
}
