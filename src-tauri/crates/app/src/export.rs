//! Exporting what a search matches to a file the person picks in the system's save dialog.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use export::{
    CamtAccount, CamtHeader, CamtWriter, CsvWriter, ExportRow, Language, RowWriter,
    StatementBalance,
};
use store::{BalanceRecord, FoundEntry};
use time::macros::format_description;
use time::{Date, OffsetDateTime};

use crate::categories::CategoryNames;
use crate::core::Core;
use crate::error::{Error, Result};
use crate::file_dialog::FileKind;
use crate::opened::{Opened, ShownAccount};
use crate::search::{SearchQuery, search_of};
use crate::tasks::{ProgressSink, TaskKind, TaskProgress};

/// The file formats an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ExportFormat {
    /// Comma-separated values, UTF-8, for spreadsheets.
    Csv,
    /// An ISO 20022 camt.053.001.08 bank statement, for accounting software.
    Camt053,
}

/// How an export ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[ts(export)]
pub enum ExportOutcome {
    /// The file is written, whole.
    #[serde(rename_all = "camelCase")]
    Saved { file_name: String, rows: u32 },
    /// The person closed the save dialog without choosing a file.
    DialogClosed,
    /// The person stopped the export; no file was left behind.
    Cancelled,
}

impl ExportFormat {
    /// The file name's extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Camt053 => "xml",
        }
    }
}

impl Core {
    /// Writes every stored entry that matches `query` to a file the person picks, reporting
    /// `export` progress; `cancel_task(export)` stops it and removes the unfinished file.
    /// One export at a time: a second while one runs is refused (`TaskRunning`). A camt.053
    /// statement needs the booked balance of every account with matches (`MissingBalance`).
    pub async fn export_transactions(
        &self,
        query: SearchQuery,
        format: ExportFormat,
    ) -> Result<ExportOutcome> {
        // Before any wait: a cancel that comes while the data opens is seen.
        let task = self.tasks.start(TaskKind::Export)?;
        let data = &*self.data().await?;
        let search = search_of(data, &query)?;
        let accounts = data.shown_accounts(query.iban.as_deref())?;
        // Before the dialog: a statement that cannot be written is said before a file is chosen.
        let statements = match format {
            ExportFormat::Csv => Vec::new(),
            ExportFormat::Camt053 => camt_accounts(data, &accounts, &search)?,
        };
        if task.cancelled() {
            return Ok(ExportOutcome::Cancelled);
        }
        let Some(path) = self
            .file_dialog
            .save_as(&file_name(format), FileKind::Export(format))
            .await
        else {
            return Ok(ExportOutcome::DialogClosed);
        };
        let language = self.reading_language().await;
        let (from, to) = search.dates();
        let job = ExportJob {
            format,
            path: path.clone(),
            language,
            camt_header: CamtHeader {
                created: OffsetDateTime::now_utc(),
                from,
                to,
            },
            statements,
            accounts,
            category_names: crate::categories::names(&data.ledger, language)?,
            matches: data.ledger.search_matches(&search),
            cancel: task.shared_cancel_flag(),
            progress: Arc::clone(&self.progress),
        };
        // SQLite reads and file writes, the camt spools' copy included, off the async runtime.
        let rows = match tokio::task::spawn_blocking(move || job.run()).await {
            Ok(rows) => rows?,
            Err(failed) if failed.is_panic() => std::panic::resume_unwind(failed.into_panic()),
            // The runtime is shutting down: the app is closing.
            Err(_) => None,
        };
        let Some(rows) = rows else {
            tracing::info!("export cancelled; no file left");
            return Ok(ExportOutcome::Cancelled);
        };
        tracing::info!(rows, ?format, "exported");
        Ok(ExportOutcome::Saved {
            file_name: path
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default(),
            rows,
        })
    }

    /// The language the person reads the app in: for the CSV header and status words, and
    /// the notifications.
    pub(crate) async fn reading_language(&self) -> Language {
        let slovak = self
            .preferences()
            .await
            .is_ok_and(|preferences| preferences.reads_slovak());
        if slovak { Language::Sk } else { Language::En }
    }
}

/// `bankbook-2026-11-30.csv`: the app and the day, for a file the person may keep many of.
fn file_name(format: ExportFormat) -> String {
    // UTC: the local offset cannot be read safely once the app runs several threads.
    let today = OffsetDateTime::now_utc().date();
    format!("bankbook-{today}.{}", format.extension())
}

/// The file being written, in its format.
#[derive(Debug)]
enum Writer {
    Csv(Box<CsvWriter>),
    Camt(CamtWriter),
}

impl RowWriter for Writer {
    fn write_row(&mut self, row: &ExportRow) -> export::Result<()> {
        match self {
            Self::Csv(writer) => writer.write_row(row),
            Self::Camt(writer) => writer.write_row(row),
        }
    }

    fn finish(self) -> export::Result<u64> {
        match self {
            Self::Csv(writer) => writer.finish(),
            Self::Camt(writer) => writer.finish(),
        }
    }
}

/// One export, with all it needs to run on a blocking thread.
struct ExportJob {
    format: ExportFormat,
    /// The file the person chose.
    path: PathBuf,
    language: Language,
    camt_header: CamtHeader,
    /// The camt.053 statements; empty for CSV.
    statements: Vec<CamtAccount>,
    accounts: Vec<ShownAccount>,
    /// Each category's name in the person's language.
    category_names: CategoryNames,
    matches: ledger::SearchMatches,
    cancel: Arc<AtomicBool>,
    progress: Arc<dyn ProgressSink>,
}

impl ExportJob {
    /// Writes every match, reporting progress and stopping at a cancel between rows; the rows
    /// written, or `None` when cancelled (the unfinished file is removed).
    fn run(self) -> Result<Option<u32>> {
        let Self {
            format,
            path,
            language,
            camt_header,
            statements,
            accounts,
            category_names,
            matches,
            cancel,
            progress,
        } = self;
        let failed = |source| Error::ExportFile {
            path: path.clone(),
            source,
        };
        let report = |done, total| {
            progress.report(TaskProgress {
                task: TaskKind::Export,
                done,
                total: Some(total),
            });
        };
        let total = matches.total()?;
        report(0, total);
        let writer = match format {
            ExportFormat::Csv => Writer::Csv(Box::new(
                CsvWriter::create(&path, language).map_err(failed)?,
            )),
            ExportFormat::Camt053 => {
                Writer::Camt(CamtWriter::create(&path, camt_header, statements).map_err(failed)?)
            }
        };
        let rows = matches.map(|found| found.map(|found| row(&accounts, &category_names, found)));
        // Entries stored meanwhile (a refresh) can make more rows than were counted.
        let mut on_progress = |done: u64| {
            let done = u32::try_from(done).unwrap_or(u32::MAX);
            report(done, total.max(done));
        };
        match export::write_rows(writer, rows, &cancel, &mut on_progress) {
            Ok(rows) => Ok(Some(u32::try_from(rows).unwrap_or(u32::MAX))),
            Err(export::Error::Cancelled) => Ok(None),
            // The store's failure, which the rows' iterator hands on boxed.
            Err(export::Error::Source(source)) => match source.downcast::<ledger::Error>() {
                Ok(error) => Err(Error::Ledger(*error)),
                Err(other) => Err(failed(export::Error::Source(other))),
            },
            Err(source) => Err(failed(source)),
        }
    }
}

/// A match as an export row, with its account's name.
fn row(accounts: &[ShownAccount], category_names: &CategoryNames, found: FoundEntry) -> ExportRow {
    let account_name = accounts
        .iter()
        .find(|shown| shown.account.iban == found.iban)
        .and_then(|shown| shown.account.name.clone());
    let category = found
        .entry
        .category_id
        .and_then(|id| category_names.get(&id).cloned());
    let entry = found.entry.record;
    ExportRow {
        account_iban: found.iban,
        account_name,
        date: entry.date,
        booking_date: entry.booking_date,
        value_date: entry.value_date,
        pending: entry.pending,
        amount: entry.amount,
        currency: entry.currency,
        category,
        counterparty_name: entry.counterparty_name,
        counterparty_iban: entry.counterparty_iban,
        description: entry.description,
        bank_note: entry.bank_note,
        variable_symbol: entry.variable_symbol,
        specific_symbol: entry.specific_symbol,
        constant_symbol: entry.constant_symbol,
        end_to_end_reference: entry.end_to_end_reference,
        bank_transaction_code: entry.bank_transaction_code,
        entry_reference: entry.entry_reference,
    }
}

/// The searched accounts that get a camt.053 statement, each with its booked balance as last
/// fetched: the schema requires one in every statement. An account with matches and no booked
/// balance stored is `MissingBalance`; one without matches and without a balance gets no
/// statement. No statement at all is `MissingBalance` too: a camt.053 file holds at least one.
fn camt_accounts(
    data: &Opened,
    accounts: &[ShownAccount],
    search: &ledger::Search,
) -> Result<Vec<CamtAccount>> {
    let mut statements = Vec::with_capacity(accounts.len());
    for shown in accounts {
        let iban = &shown.account.iban;
        let stored = data.store().balances(iban)?;
        let Some(balance) = booked_balance(&stored.balances) else {
            if data.ledger.search_count_in(search, iban)? > 0 {
                return Err(Error::MissingBalance);
            }
            continue;
        };
        statements.push(CamtAccount {
            iban: iban.clone(),
            name: shown.account.name.clone(),
            currency: shown.account.currency.clone(),
            balance: StatementBalance {
                code: balance.code.clone(),
                amount: balance.amount,
                date: balance_date(balance.as_of.as_deref(), stored.fetched_at),
            },
        });
    }
    if statements.is_empty() {
        return Err(Error::MissingBalance);
    }
    Ok(statements)
}

/// The booked balance: interim booked (`ITBD`), else closing booked (`CLBD`). Never the
/// available balance, which counts pending payments and credit lines a statement does not.
fn booked_balance(balances: &[BalanceRecord]) -> Option<&BalanceRecord> {
    ["ITBD", "CLBD"]
        .into_iter()
        .find_map(|code| balances.iter().find(|balance| balance.code == code))
}

/// The day a balance is of: as the bank dated it, else the day it was fetched.
fn balance_date(as_of: Option<&str>, fetched_at: Option<i64>) -> Date {
    as_of
        .and_then(|text| text.get(..10))
        .and_then(|day| Date::parse(day, format_description!("[year]-[month]-[day]")).ok())
        .or_else(|| {
            fetched_at
                .and_then(|seconds| OffsetDateTime::from_unix_timestamp(seconds).ok())
                .map(OffsetDateTime::date)
        })
        .unwrap_or_else(|| OffsetDateTime::now_utc().date())
}
