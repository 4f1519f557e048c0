//! Exporting what a search matches, through a stand-in for the save dialog: the CSV holds
//! exactly the search's matches in its order, camt.053 a statement of them, a cancel or a
//! closed dialog leaves no file, and a folder that cannot be written is said as such.

#![cfg(test)]

mod common;

use std::path::Path;

use app::{
    Direction, ErrorCode, ErrorDetail, ExportFormat, ExportOutcome, IoReason, IpcError,
    SearchQuery, TaskKind,
};
use common::{App, Setup, with_whole_history};

fn outgoing() -> SearchQuery {
    SearchQuery {
        direction: Direction::Outgoing,
        ..SearchQuery::default()
    }
}

/// Two accounts of 500 entries, saved into `folder`: more outgoing payments than one chunk.
fn saving_into(folder: &Path) -> Setup {
    Setup {
        save_into: Some(folder.to_owned()),
        ..Setup::new(500, 2)
    }
}

/// Every match of `query` as (IBAN, entry reference), in the search's order.
async fn matches(app: &App, query: &SearchQuery) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut cursor = None;
    loop {
        let page = app
            .core
            .search_transactions(query.clone(), cursor, 200)
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
    let written: Vec<(String, String)> = reader
        .records()
        .map(|record| {
            let record = record.unwrap();
            (record[0].to_owned(), record[record.len() - 1].to_owned())
        })
        .collect();
    assert_eq!(written, expected);

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

    let cancel = async {
        // The export has started writing: ask to stop.
        while let Some(report) = app.progress_reports.recv().await {
            if report.task == TaskKind::Export {
                app.core.cancel_task(TaskKind::Export).await.unwrap();
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
