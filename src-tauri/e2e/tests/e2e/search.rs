//! Search, filters, detail and export (issue 15) in the real app, one session: the Demo Bank
//! connected with two accounts; a search before the whole history is stored says what it
//! covered; "Fetch the whole history" (pages slowed at the bank so its progress bar is seen)
//! makes it complete; then, against the sandbox bank's own entries (its admin interface over
//! loopback, summed in `Decimal`, never the app's figures):
//! - an accent-free search (`zaloha plyn`) finds exactly the accented entries ("Záloha plyn");
//! - an amount range, then outgoing only, shows the bank's count and sums in and out; an
//!   amount the field cannot read is said, not an error;
//! - a row's detail (a dialog) shows the counterparty's IBAN, the symbols and the amount, and
//!   Escape closes it;
//! - an entry added at the bank with the counterparty `=HYPERLINK(...)`, fetched by Refresh and
//!   found by the search, comes out of the CSV export neutralised (`'=HYPERLINK...`), and the
//!   file's rows are the rows the list shows (references, dates, amounts as plain signed
//!   decimals, titles);
//! - a camt.053 export of a filtered set is well-formed XML with one `Ntry` per match (the
//!   export crate's own tests validate it against the ISO 20022 schema).
//!
//! The save dialog is answered by the test bench (`BANKBOOK_SAVE_AS`, set at launch).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::Duration;

use e2e::{
    AppSession, ENGLISH, EntryAtTheBank, Onboarded, ShownRow, amount_after, matches_words, onboard,
    same_magnitude, slow_transactions, sums, within,
};
use fantoccini::Locator;
use fantoccini::key::Key;
use rust_decimal::Decimal;
use serde_json::json;

const BROWSER: &str = env!("CARGO_BIN_EXE_stand-in-browser");
/// Each account's history at the bank: several bank pages beyond the first, which the app
/// stores when it opens; small enough for the bank's lists and sums to be read whole.
const HISTORY: &str = "600";
const GAS: &str = "zaloha plyn";
const PAYLOAD: &str = r#"=HYPERLINK("http://evil.example","click")"#;

#[tokio::test]
#[ignore = "drives the built app under Xvfb: run with `make e2e`"]
async fn search_filters_detail_and_export_agree_with_the_bank() -> e2e::Result<()> {
    let folder = tempfile::tempdir().map_err(|source| e2e::Error::io(Path::new("tmp"), source))?;
    let save_as = folder.path().join("bankbook-export");
    let save_as_text = save_as.to_string_lossy().into_owned();
    let Onboarded { mut app, bank } = onboard(
        "search",
        BROWSER,
        2,
        2,
        &[
            ("BANKBOOK_DEMO_TRANSACTIONS", HISTORY),
            ("BANKBOOK_SAVE_AS", &save_as_text),
        ],
    )
    .await?;
    app.find("[data-testid=transaction-row]").await?;
    app.refreshed().await?;
    let ibans = shown_ibans(&app).await?;
    assert_eq!(ibans.len(), 2, "both accounts are shown");

    search_before_and_after_the_whole_history(&mut app, &bank).await?;
    let at_the_bank = entries_of(&bank, &ibans).await?;
    accent_free_words_find_the_accented_entries(&mut app, &at_the_bank).await?;
    filters_count_and_sum_as_the_bank_does(&mut app, &at_the_bank).await?;
    the_detail_shows_what_the_bank_sent(&mut app, &at_the_bank).await?;

    bank.add_entry(
        &ibans[0],
        "-45.10",
        json!({ "counterpartyName": PAYLOAD, "description": "Záloha plyn" }),
    )
    .await?;
    app.click_role("button", ENGLISH.words.refresh).await?;
    app.refreshed().await?;
    let at_the_bank = entries_of(&bank, &ibans).await?;
    the_csv_export_is_the_list_and_neutralised(&mut app, &at_the_bank, &save_as).await?;
    the_camt_export_has_an_entry_per_match(&mut app, &at_the_bank, &save_as).await?;
    app.close().await
}

/// Before the whole history is stored, the summary says since when it searched; "Fetch the
/// whole history" shows its progress (the bank's pages slowed to half a second each) and ends
/// with the whole history searched.
async fn search_before_and_after_the_whole_history(
    app: &mut AppSession,
    bank: &e2e::DemoBank,
) -> e2e::Result<()> {
    app.type_search(&ENGLISH, GAS).await?;
    app.coverage_says(
        ENGLISH.message_start("search.coverage.since"),
        Duration::from_secs(20),
    )
    .await?;
    app.screenshot("search-partial-history").await?;

    bank.inject_fault(slow_transactions(500, 120)).await?;
    app.click_role("button", ENGLISH.message("search.wholeHistory.fetch"))
        .await?;
    app.find("progress").await?;
    app.screenshot("whole-history-progress").await?;
    let fetched = app
        .coverage_says(
            ENGLISH.message("search.coverage.complete"),
            Duration::from_mins(1),
        )
        .await;
    bank.clear_faults().await?;
    fetched?;
    app.gone("progress", Duration::from_secs(15)).await?;
    app.screenshot("whole-history-fetched").await?;
    Ok(())
}

/// `zaloha plyn` shows exactly the entries whose words start with `zaloha` and `plyn`, accents
/// aside ("Záloha plyn"), newest first.
async fn accent_free_words_find_the_accented_entries(
    app: &mut AppSession,
    at_the_bank: &[EntryAtTheBank],
) -> e2e::Result<()> {
    let expected: Vec<&EntryAtTheBank> = at_the_bank
        .iter()
        .filter(|entry| matches_words(entry, GAS))
        .collect();
    assert!(!expected.is_empty(), "the Demo Bank has gas advances");
    app.type_search(&ENGLISH, GAS).await?;
    app.search_count(&ENGLISH, count(expected.len())).await?;
    let rows = app.all_shown_rows(expected.len()).await?;
    assert_same_entries(&rows, &expected);
    assert!(
        rows.iter()
            .any(|row| format!("{} {}", row.title, row.details).contains("Záloha plyn")),
        "the accented words are shown: {rows:?}"
    );
    app.scroll_history_to_top().await?;
    app.screenshot("search-accent-free").await?;
    Ok(())
}

/// An amount range (`10..100`) shows the bank's count and sums in and out of that range; with
/// outgoing only, its count and sum out. An amount the field cannot read is said.
async fn filters_count_and_sum_as_the_bank_does(
    app: &mut AppSession,
    at_the_bank: &[EntryAtTheBank],
) -> e2e::Result<()> {
    let (low, high) = (Decimal::new(10, 0), Decimal::new(100, 0));
    app.type_search(&ENGLISH, "").await?;
    app.open_search_filters(&ENGLISH).await?;
    app.replace_in(ENGLISH.message("search.amount.label"), "10..100")
        .await?;
    let in_range: Vec<&EntryAtTheBank> = at_the_bank
        .iter()
        .filter(|entry| within(entry, low, high))
        .collect();
    let text = app.search_count(&ENGLISH, count(in_range.len())).await?;
    let expected = sums(in_range.iter().copied());
    let euro = &expected["EUR"];
    assert_sum(&text, "search.summary.in", euro.incoming);
    assert_sum(&text, "search.summary.out", euro.outgoing);
    app.screenshot("filter-amount").await?;

    choose_direction(app, ENGLISH.message("search.direction.outgoing")).await?;
    let outgoing: Vec<&EntryAtTheBank> = in_range
        .iter()
        .copied()
        .filter(|entry| entry.amount.is_sign_negative())
        .collect();
    let text = app.search_count(&ENGLISH, count(outgoing.len())).await?;
    assert_sum(
        &text,
        "search.summary.out",
        sums(outgoing.iter().copied())["EUR"].outgoing,
    );
    let rows = app.all_shown_rows(outgoing.len()).await?;
    assert_same_entries(&rows, &outgoing);
    app.screenshot("filter-outgoing").await?;

    app.replace_in(ENGLISH.message("search.amount.label"), "1,2,3")
        .await?;
    let note = ENGLISH.message_start("search.note.notAnAmount");
    app.summary_until(&ENGLISH, "the note on 1,2,3", |text| {
        text.contains("1,2,3") || text.contains(note)
    })
    .await?;
    app.shows_text("1,2,3").await?;
    app.click_role("button", ENGLISH.message("search.clear"))
        .await?;
    Ok(())
}

/// A gas advance's detail: its counterparty's IBAN, its symbols and its amount as the bank has
/// them; Escape closes it.
async fn the_detail_shows_what_the_bank_sent(
    app: &mut AppSession,
    at_the_bank: &[EntryAtTheBank],
) -> e2e::Result<()> {
    app.type_search(&ENGLISH, GAS).await?;
    let expected = at_the_bank
        .iter()
        .filter(|entry| matches_words(entry, GAS))
        .count();
    app.search_count(&ENGLISH, count(expected)).await?;
    let row = app.find("[data-testid=transaction-row]").await?;
    let id = row.attr("data-id").await?.unwrap_or_default();
    let entry = at_the_bank
        .iter()
        .find(|entry| entry.entry_reference == id)
        .unwrap_or_else(|| panic!("the row {id} is at the bank"));
    let title = row
        .find(Locator::Css(".transaction-counterparty"))
        .await?
        .prop("textContent")
        .await?
        .unwrap_or_default();
    row.click().await?;
    // The dialog is named by what the row is titled by: the counterparty.
    let dialog = app.find_role("dialog", &title).await?;
    // What loads after the dialog opens: the IBAN is the last field to come.
    let iban = entry.counterparty_iban.clone().unwrap_or_default();
    let mut text = String::new();
    for _ in 0..50 {
        text = dialog.text().await?;
        if compact(&text).contains(&iban) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(!iban.is_empty(), "a gas advance names its payee's IBAN");
    assert!(
        compact(&text).contains(&iban),
        "the IBAN {iban} in {text:?}"
    );
    for kind in ["VS", "KS"] {
        if let Some(symbol) = entry.symbol(kind) {
            assert!(text.contains(symbol), "{kind} {symbol} in {text:?}");
        }
    }
    assert!(
        text.contains(ENGLISH.message("detail.field.counterpartyIban")),
        "{text:?}"
    );
    assert!(
        text.contains(&entry.bank_transaction_code),
        "the bank transaction code in {text:?}"
    );
    app.screenshot("detail").await?;
    app.press(Key::Escape).await?;
    app.gone("dialog[open]", Duration::from_secs(5)).await?;
    Ok(())
}

/// The CSV export of `zaloha plyn` (with the entry added at the bank) holds the rows the list
/// shows, in its order, with the bank's dates and amounts; the payload is neutralised.
async fn the_csv_export_is_the_list_and_neutralised(
    app: &mut AppSession,
    at_the_bank: &[EntryAtTheBank],
    save_as: &Path,
) -> e2e::Result<()> {
    let expected: Vec<&EntryAtTheBank> = at_the_bank
        .iter()
        .filter(|entry| matches_words(entry, GAS))
        .collect();
    app.type_search(&ENGLISH, GAS).await?;
    app.search_count(&ENGLISH, count(expected.len())).await?;
    let rows = app.all_shown_rows(expected.len()).await?;
    assert_same_entries(&rows, &expected);
    assert!(
        rows.iter().any(|row| row.title == PAYLOAD),
        "the added entry is found, its name shown as text: {rows:?}"
    );

    export(app, "CSV", expected.len()).await?;
    let bytes = app.saved_file(save_as).await?;
    let table = read_csv(&bytes);
    let header = &table[0];
    let column = |name: &str| {
        header
            .iter()
            .position(|label| label == name)
            .unwrap_or_else(|| panic!("no column {name:?} in {header:?}"))
    };
    let (reference, date, amount, counterparty) = (
        column("Entry reference"),
        column("Date"),
        column("Amount"),
        column("Counterparty"),
    );
    let (note, description) = (column("Additional information"), column("Description"));
    let lines = &table[1..];
    assert_eq!(lines.len(), rows.len(), "a line per row shown");
    let by_reference: BTreeMap<&str, &EntryAtTheBank> = expected
        .iter()
        .map(|entry| (entry.entry_reference.as_str(), *entry))
        .collect();
    for (line, row) in lines.iter().zip(&rows) {
        assert_eq!(line[reference], row.id, "the same order as the list");
        let entry = by_reference[row.id.as_str()];
        assert_eq!(line[date], entry.date, "{}'s date", row.id);
        assert!(
            plain_decimal(&line[amount]),
            "a plain signed decimal: {:?}",
            line[amount]
        );
        let written: Decimal = line[amount].parse().unwrap_or_default();
        assert_eq!(written, entry.amount, "{}'s amount", row.id);
        assert!(
            same_magnitude(&row.amount, &line[amount]),
            "{row:?} {line:?}"
        );
        assert!(
            row.day.contains(&day_of_month(&entry.date))
                || !row.day.chars().any(|c| c.is_ascii_digit()),
            "{} under the day of {}: {:?}",
            row.id,
            entry.date,
            row.day
        );
        let title = [
            unneutralised(&line[counterparty]),
            &line[note],
            &line[description],
        ]
        .into_iter()
        .find(|text| !text.is_empty())
        .unwrap_or_default();
        assert_eq!(row.title, title, "{}'s title", row.id);
    }
    let payload = lines
        .iter()
        .find(|line| line[counterparty].contains("HYPERLINK"))
        .unwrap_or_else(|| panic!("the payload's line in {lines:?}"));
    assert_eq!(payload[counterparty], format!("'{PAYLOAD}"), "neutralised");
    for line in lines {
        for (index, cell) in line.iter().enumerate() {
            if index != amount {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "a cell that a spreadsheet would run: {cell:?}"
                );
            }
        }
    }
    Ok(())
}

/// The camt.053 export of `zaloha plyn`, outgoing only: well-formed, one `Ntry` per match.
async fn the_camt_export_has_an_entry_per_match(
    app: &mut AppSession,
    at_the_bank: &[EntryAtTheBank],
    save_as: &Path,
) -> e2e::Result<()> {
    let expected = at_the_bank
        .iter()
        .filter(|entry| matches_words(entry, GAS) && entry.amount.is_sign_negative())
        .count();
    app.open_search_filters(&ENGLISH).await?;
    choose_direction(app, ENGLISH.message("search.direction.outgoing")).await?;
    app.search_count(&ENGLISH, count(expected)).await?;
    let _ = std::fs::remove_file(save_as);
    export(app, "camt.053", expected).await?;
    let bytes = app.saved_file(save_as).await?;
    let (root, entries) = xml_outline(&bytes);
    assert_eq!(root, "Document", "a camt.053 document");
    assert_eq!(entries, expected, "an Ntry per match");
    Ok(())
}

/// Export…, the format whose radio button's name holds `format`, Save as…; waits for
/// the saved message.
async fn export(app: &mut AppSession, format: &str, rows: usize) -> e2e::Result<()> {
    app.scroll_history_to_top().await?;
    app.click_role("button", ENGLISH.message("export.open"))
        .await?;
    app.find_role("dialog", ENGLISH.message("export.title"))
        .await?;
    let radios = app.names_of_role("radio").await?;
    let name = radios
        .iter()
        .find(|name| name.contains(format))
        .unwrap_or_else(|| panic!("a {format} format among {radios:?}"));
    app.click_role("radio", name).await?;
    app.screenshot(&format!("export-{format}")).await?;
    app.click_role("button", ENGLISH.message("export.confirm"))
        .await?;
    let saved = ENGLISH.message_start("export.saved");
    app.shows_text(saved).await?;
    let _ = rows;
    app.screenshot(&format!("exported-{format}")).await?;
    if app.count("dialog[open]").await? > 0 {
        app.press(Key::Escape).await?;
        app.gone("dialog[open]", Duration::from_secs(5)).await?;
    }
    Ok(())
}

/// Sets the direction filter: a radio button or an option of a select, by its name.
async fn choose_direction(app: &AppSession, name: &str) -> e2e::Result<()> {
    if app
        .names_of_role("radio")
        .await?
        .iter()
        .any(|radio| radio == name)
    {
        return app.click_role("radio", name).await;
    }
    let select = app
        .find_role("combobox", ENGLISH.message("search.direction.label"))
        .await?;
    select
        .find(Locator::XPath(&format!(
            "./option[normalize-space()='{name}']"
        )))
        .await?
        .click()
        .await?;
    Ok(())
}

async fn shown_ibans(app: &AppSession) -> e2e::Result<Vec<String>> {
    let mut ibans = Vec::new();
    for item in app.find_all("[data-testid=account-item]").await? {
        if let Some(iban) = item.attr("data-iban").await? {
            ibans.push(iban);
        }
    }
    Ok(ibans)
}

async fn entries_of(bank: &e2e::DemoBank, ibans: &[String]) -> e2e::Result<Vec<EntryAtTheBank>> {
    let mut all = Vec::new();
    for iban in ibans {
        all.extend(bank.entries(iban, None, None).await?);
    }
    Ok(all)
}

/// The rows are the entries (each once), newest first.
fn assert_same_entries(rows: &[ShownRow], expected: &[&EntryAtTheBank]) {
    let shown: BTreeSet<&str> = rows.iter().map(|row| row.id.as_str()).collect();
    let wanted: BTreeSet<&str> = expected
        .iter()
        .map(|entry| entry.entry_reference.as_str())
        .collect();
    assert_eq!(shown.len(), rows.len(), "no row twice");
    assert_eq!(shown, wanted, "the rows shown are the bank's matches");
    let dates: BTreeMap<&str, &str> = expected
        .iter()
        .map(|entry| (entry.entry_reference.as_str(), entry.date.as_str()))
        .collect();
    let in_order: Vec<&str> = rows.iter().map(|row| dates[row.id.as_str()]).collect();
    assert!(
        in_order.windows(2).all(|pair| pair[0] >= pair[1]),
        "newest first: {in_order:?}"
    );
}

/// The summary's amount after the message `key`'s words (`In `, `Out `) is `sum`.
fn assert_sum(summary: &str, key: &str, sum: Decimal) {
    let prefix = ENGLISH.message_start(key);
    let shown = amount_after(summary, prefix)
        .unwrap_or_else(|| panic!("{prefix:?} in the summary {summary:?}"));
    assert!(
        same_magnitude(shown, &sum.to_string()),
        "{prefix}{shown} shown, the bank's sum is {sum} ({summary:?})"
    );
}

fn count(entries: usize) -> u64 {
    u64::try_from(entries).unwrap_or(u64::MAX)
}

fn compact(text: &str) -> String {
    text.chars()
        .filter(|character| !character.is_whitespace())
        .collect()
}

/// `-45.10`, `1200`, `0.5`: a sign, digits, a dot and digits; no grouping, no currency.
fn plain_decimal(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    !whole.is_empty()
        && !fraction.is_empty()
        && whole.chars().all(|character| character.is_ascii_digit())
        && fraction.chars().all(|character| character.is_ascii_digit())
}

/// A cell as written before neutralising: `'=...` back to `=...`.
fn unneutralised(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}

/// `2026-03-03` -> `3`.
fn day_of_month(date: &str) -> String {
    date.rsplit('-')
        .next()
        .unwrap_or_default()
        .trim_start_matches('0')
        .to_owned()
}

/// The CSV's records, the header first (a byte order mark before it is skipped).
fn read_csv(bytes: &[u8]) -> Vec<Vec<String>> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes);
    reader
        .records()
        .map(|record| {
            record
                .unwrap_or_else(|error| panic!("a CSV record: {error}"))
                .iter()
                .map(str::to_owned)
                .collect()
        })
        .collect()
}

/// The root element's name and how many `Ntry` elements the document has; panics if it is
/// not well-formed XML (an unclosed or mismatched tag, a bad escape).
fn xml_outline(bytes: &[u8]) -> (String, usize) {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut buffer = Vec::new();
    let (mut root, mut entries, mut depth) = (None, 0, 0_i32);
    loop {
        match reader.read_event_into(&mut buffer) {
            Ok(Event::Start(element)) => {
                let local = element.local_name();
                let name = AsRef::<str>::as_ref(&local).to_owned();
                root.get_or_insert(name.clone());
                entries += usize::from(name == "Ntry");
                depth += 1;
            }
            Ok(Event::End(_)) => depth -= 1,
            Ok(Event::GeneralRef(reference)) => {
                let name = reference.into_inner();
                assert!(
                    name.starts_with('#') || ["lt", "gt", "amp", "apos", "quot"].contains(&&*name),
                    "an entity XML does not define: &{name};"
                );
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(error) => panic!(
                "not well-formed XML at {}: {error}",
                reader.buffer_position()
            ),
        }
        buffer.clear();
    }
    assert_eq!(depth, 0, "every element closed");
    (root.unwrap_or_default(), entries)
}
