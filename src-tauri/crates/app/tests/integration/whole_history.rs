//! Fetching the whole history from the Demo Bank: every account's history stored to its end
//! with progress that only goes up, and a cancel that stops between pages and keeps them.

#![cfg(test)]

use app::{ErrorCode, ErrorDetail, IpcError, SearchQuery, TaskKind, TaskProgress};

use crate::common::{App, Setup};

#[tokio::test]
async fn the_whole_history_is_stored_with_progress_that_goes_up() {
    // Two accounts of 250 entries: three bank pages each at most.
    let mut app = App::new(&Setup::new(250, 2));
    let ibans = app.connect().await;

    let fetched = app.core.fetch_whole_history(None).await.unwrap();

    assert!(fetched.complete && !fetched.cancelled, "{fetched:?}");
    let stored: usize = ibans
        .iter()
        .map(|iban| app.stored_entries(iban).len())
        .sum();
    assert!(stored >= 2 * 250, "{stored} entries stored");
    assert_eq!(fetched.added as usize, stored);
    for iban in &ibans {
        assert!(app.stored().history_sync(iban).unwrap().complete);
    }
    let coverage = app
        .core
        .search_summary(SearchQuery::default())
        .await
        .unwrap()
        .coverage;
    assert!(coverage.complete);

    let reports: Vec<TaskProgress> = app.progress.reports();
    assert!(
        reports
            .iter()
            .all(|report| report.task == TaskKind::History)
    );
    assert_eq!(reports.first().map(|report| report.done), Some(0));
    assert!(
        reports.windows(2).all(|pair| pair[0].done < pair[1].done),
        "{reports:?}"
    );
    let last = reports.last().unwrap();
    assert!(last.done >= 4, "{reports:?}");
    assert_eq!(last.total, Some(last.done), "{reports:?}");
    assert!(
        reports
            .iter()
            .filter_map(|report| report.total)
            .all(|total| total >= 2),
        "{reports:?}"
    );

    let again = app.core.fetch_whole_history(None).await.unwrap();
    assert_eq!(
        (again.added, again.complete),
        (0, true),
        "nothing left to fetch"
    );
}

#[tokio::test]
async fn a_cancel_stops_between_pages_and_keeps_what_was_fetched() {
    // One account of 1,000 entries: ten bank pages.
    let mut app = App::new(&Setup::new(1_000, 1));
    let iban = app.connect().await.remove(0);

    let cancel = async {
        // The first page is in: ask to stop.
        while let Some(report) = app.progress_reports.recv().await {
            if report.done >= 1 {
                app.core.cancel_task(TaskKind::History).await.unwrap();
                break;
            }
        }
    };
    let (fetched, ()) = tokio::join!(app.core.fetch_whole_history(Some(iban.clone())), cancel);
    let fetched = fetched.unwrap();

    assert!(fetched.cancelled && !fetched.complete, "{fetched:?}");
    let stored = app.stored_entries(&iban).len();
    assert!(stored > 0 && stored < 1_000, "{stored} entries kept");
    assert_eq!(fetched.added as usize, stored);
    let pages = app.progress.reports().last().unwrap().done;
    assert!(pages < 10, "stopped after {pages} pages");
    assert!(!app.stored().history_sync(&iban).unwrap().complete);

    // A new fetch goes on from there, to the end.
    let rest = app
        .core
        .fetch_whole_history(Some(iban.clone()))
        .await
        .unwrap();
    assert!(rest.complete && !rest.cancelled);
    assert_eq!(
        stored + rest.added as usize,
        app.stored_entries(&iban).len()
    );
}

#[tokio::test]
async fn one_fetch_at_a_time_and_only_of_accounts_shown() {
    let mut app = App::new(&Setup::new(300, 1));
    let iban = app.connect().await.remove(0);

    let (first, second) = tokio::join!(
        app.core.fetch_whole_history(Some(iban.clone())),
        app.core.fetch_whole_history(None)
    );
    assert!(first.unwrap().complete);
    let second = second.unwrap_err();
    assert_eq!(second.code(), ErrorCode::InvalidInput);
    assert_eq!(
        IpcError::from(&second).detail,
        Some(ErrorDetail::TaskRunning {
            task: TaskKind::History
        }),
        "the window says it is already being fetched"
    );

    let unknown = app
        .core
        .fetch_whole_history(Some("SK0000000000000000000000".to_owned()))
        .await
        .unwrap_err();
    assert_eq!(unknown.code(), ErrorCode::InvalidInput);
}

#[tokio::test]
async fn a_cancel_as_soon_as_the_fetch_begins_is_not_lost() {
    // One account of 1,000 entries: ten bank pages.
    let mut app = App::new(&Setup::new(1_000, 1));
    let iban = app.connect().await.remove(0);

    let fetch = app.core.fetch_whole_history(None);
    tokio::pin!(fetch);
    // Polled once: the fetch has begun and waits for its first answer; then the cancel comes.
    tokio::select! {
        biased;
        fetched = &mut fetch => panic!("ended at once: {fetched:?}"),
        () = std::future::ready(()) => {}
    }
    app.core.cancel_task(TaskKind::History).await.unwrap();
    let fetched = fetch.await.unwrap();

    assert!(fetched.cancelled && !fetched.complete, "{fetched:?}");
    let pages = app.progress.reports().last().unwrap().done;
    assert!(pages <= 1, "stopped after {pages} pages");
    assert!(!app.stored().history_sync(&iban).unwrap().complete);
}
