//! The search bar as a person uses it: words typed into the search field, filters set, and what
//! the window then shows: the summary (count, sums in and out, what history was searched) and
//! every row of the results, read by scrolling the list.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::key::Key;
use serde_json::{Value, json};

use crate::{AppSession, Arg, Error, Language, Result};

/// How long a search may take to show its summary before the step fails: a whole-history
/// search of a loaded test machine, not a performance bound.
const SEARCH_TIMEOUT: Duration = Duration::from_secs(20);

/// A transaction row as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownRow {
    /// Its entry reference (`data-id`).
    pub id: String,
    /// The row's title: the counterparty, else the bank's note, else the description.
    pub title: String,
    /// Its other line (the description and the note), and the symbols (`VS 1 · KS 0308`).
    pub details: String,
    pub symbols: String,
    /// The amount as written (`-€45.10`).
    pub amount: String,
    /// The day header above it (`Today`, `Tuesday 3 March 2026`).
    pub day: String,
}

/// Scrolls the list from its top to its end, most of a screen every other frame, collecting
/// the rows and day headers by their `aria-rowindex`; done at the end once the list is not busy
/// and holds at least `expected` rows, or after `timeoutMillis` (then `finished` is false).
const COLLECT_ROWS: &str = r#"
const [expected, timeoutMillis, done] = arguments;
const list = document.querySelector('[data-testid="transaction-list"]');
if (!list) { done({ finished: false, rows: [] }); return; }
list.scrollTop = 0;
const seen = new Map();
const text = (row, css) => row.querySelector(css)?.textContent.trim() ?? "";
const collect = () => {
  for (const row of list.querySelectorAll('[role="row"][aria-rowindex]')) {
    const index = Number(row.getAttribute("aria-rowindex"));
    seen.set(index, {
      index,
      header: row.dataset.testid === "date-header" ? row.textContent.trim() : null,
      id: row.dataset.testid === "transaction-row" ? row.dataset.id : null,
      title: text(row, ".transaction-counterparty"),
      details: text(row, ".transaction-description"),
      symbols: text(row, ".transaction-symbols"),
      amount: text(row, ".transaction-amount"),
    });
  }
};
const started = performance.now();
let frames = 0;
let lastTop = -1;
function frame(now) {
  collect();
  frames += 1;
  if (frames % 2 === 0) {
    const rows = [...seen.values()].filter((row) => row.id !== null).length;
    const atEnd = list.scrollTop + list.clientHeight >= list.scrollHeight - 2
      || list.scrollTop === lastTop;
    const busy = list.getAttribute("aria-busy") === "true";
    if (atEnd && !busy && rows >= expected) {
      done({ finished: true, rows: [...seen.values()] });
      return;
    }
    if (now - started > timeoutMillis) {
      done({ finished: false, rows: [...seen.values()] });
      return;
    }
    lastTop = list.scrollTop;
    list.scrollTop += Math.max(list.clientHeight * 0.8, 50);
  }
  requestAnimationFrame(frame);
}
requestAnimationFrame(frame);
"#;

impl AppSession {
    /// The search field.
    pub async fn search_field(&self, language: &Language) -> Result<Element> {
        self.find_role("searchbox", language.message("search.field.label"))
            .await
    }

    /// Empties the search field and types `text` into it, as a person does (select all, delete,
    /// type).
    pub async fn type_search(&self, language: &Language, text: &str) -> Result<()> {
        let field = self.search_field(language).await?;
        replace_text(&field, text).await
    }

    /// Empties the text field named `label` and types `text` in its place.
    pub async fn replace_in(&self, label: &str, text: &str) -> Result<()> {
        let field = self.find_role("textbox", label).await?;
        replace_text(&field, text).await
    }

    /// Opens the filters under the search field, unless they are open.
    pub async fn open_search_filters(&self, language: &Language) -> Result<()> {
        let toggle = self
            .find_role("button", language.message("search.filters.toggle"))
            .await?;
        if toggle.attr("aria-expanded").await?.as_deref() != Some("true") {
            toggle.click().await?;
        }
        self.find_role("textbox", language.message("search.amount.label"))
            .await?;
        Ok(())
    }

    /// The text of the search's summary (count, sums, what history was searched, notes).
    pub async fn search_summary_text(&self, language: &Language) -> Result<String> {
        let summary = self
            .find_role("region", language.message("search.summary.label"))
            .await?;
        Ok(summary.text().await?)
    }

    /// Waits until the summary says `count` transactions and is no longer searching; returns its
    /// text. On a timeout the error says what it said instead.
    pub async fn search_count(&self, language: &Language, count: u64) -> Result<String> {
        let wanted = count_text(language, count);
        self.summary_until(language, &format!("{wanted:?}"), |text| {
            text.contains(&wanted)
        })
        .await
    }

    /// Waits until the summary, searching no more, satisfies `wanted` (`what` names it for the
    /// error, which also says what the summary said last).
    pub async fn summary_until(
        &self,
        language: &Language,
        what: &str,
        wanted: impl Fn(&str) -> bool,
    ) -> Result<String> {
        let searching = language.message("search.summary.searching");
        let deadline = Instant::now() + SEARCH_TIMEOUT;
        let mut last = String::new();
        loop {
            if let Ok(text) = self.search_summary_text(language).await {
                if !text.contains(searching) && wanted(&text) {
                    return Ok(text);
                }
                last = text;
            }
            if Instant::now() > deadline {
                self.screenshot_failure().await;
                return Err(Error::NotFound(format!(
                    "{what} in the summary; it said {last:?}"
                )));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until the coverage line (under the summary, or in the no-results state) holds
    /// `wanted`; the error says what it said instead.
    pub async fn coverage_says(&self, wanted: &str, within: Duration) -> Result<String> {
        let deadline = Instant::now() + within;
        let mut last = String::new();
        loop {
            for coverage in self.find_all("[data-testid=search-coverage]").await? {
                let text = coverage.text().await.unwrap_or_default();
                if text.contains(wanted) {
                    return Ok(text);
                }
                last = text;
            }
            if Instant::now() > deadline {
                self.screenshot_failure().await;
                return Err(Error::NotFound(format!(
                    "{wanted:?} in the coverage line; it said {last:?}"
                )));
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// Every row the list shows now, from the top to its end, read by scrolling it a screen at
    /// a time (it is virtualized: only what is near the screen is in the DOM); `expected` rows
    /// at least, so a page still loading is waited for.
    pub async fn all_shown_rows(&self, expected: usize) -> Result<Vec<ShownRow>> {
        let outcome = self
            .client()
            .execute_async(COLLECT_ROWS, vec![json!(expected), json!(20_000)])
            .await?;
        let mut seen: BTreeMap<u64, Value> = BTreeMap::new();
        for row in outcome["rows"].as_array().into_iter().flatten() {
            if let Some(index) = row["index"].as_u64() {
                seen.insert(index, row.clone());
            }
        }
        let rows = rows_under_headers(&seen);
        if outcome["finished"].as_bool() != Some(true) {
            self.screenshot_failure().await;
            return Err(Error::NotFound(format!(
                "{expected} rows in the list, to its end; scrolled through {}",
                rows.len()
            )));
        }
        Ok(rows)
    }

    /// Waits until the file at `path` exists and has stopped growing, and returns its bytes.
    pub async fn saved_file(&self, path: &std::path::Path) -> Result<Vec<u8>> {
        let deadline = Instant::now() + SEARCH_TIMEOUT;
        let mut last = None;
        loop {
            if let Ok(bytes) = std::fs::read(path) {
                if last.as_ref() == Some(&bytes.len()) && !bytes.is_empty() {
                    return Ok(bytes);
                }
                last = Some(bytes.len());
            }
            if Instant::now() > deadline {
                self.screenshot_failure().await;
                return Err(Error::NotFound(format!(
                    "the saved file {}",
                    path.display()
                )));
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
}

/// `12 transactions` in `language` (counts below a thousand: the catalog's `#` has no grouping
/// here).
pub fn count_text(language: &Language, count: u64) -> String {
    language.format("search.summary.count", &[("count", Arg::Number(count))])
}

/// Selects what the field holds, deletes it and types `text`: keys a person would press, so
/// the page sees input events as from a keyboard.
async fn replace_text(field: &Element, text: &str) -> Result<()> {
    field.click().await?;
    let select_all = format!(
        "{}a{}{}",
        char::from(Key::Control),
        char::from(Key::Null),
        char::from(Key::Backspace)
    );
    field.send_keys(&select_all).await?;
    if !text.is_empty() {
        field.send_keys(text).await?;
    }
    Ok(())
}

/// The transaction rows in order, each with the day header above it.
fn rows_under_headers(seen: &BTreeMap<u64, Value>) -> Vec<ShownRow> {
    let text = |row: &Value, field: &str| row[field].as_str().unwrap_or_default().to_owned();
    let mut day = String::new();
    let mut rows = Vec::new();
    for row in seen.values() {
        if let Some(header) = row["header"].as_str() {
            header.clone_into(&mut day);
        } else if row["id"].is_string() {
            rows.push(ShownRow {
                id: text(row, "id"),
                title: text(row, "title"),
                details: text(row, "details"),
                symbols: text(row, "symbols"),
                amount: text(row, "amount"),
                day: day.clone(),
            });
        }
    }
    rows
}

/// An amount as shown (`-€1,520.30`, `1 520,30 €`) has the digits of `decimal` (`-1520.3`),
/// whatever the locale's separators and symbol, with at least two decimals; the sign is not
/// compared (a sum "Out" may be written either way).
pub fn same_magnitude(shown: &str, decimal: &str) -> bool {
    let digits: String = shown.chars().filter(char::is_ascii_digit).collect();
    let magnitude = decimal.trim_start_matches('-');
    let (whole, fraction) = magnitude.split_once('.').unwrap_or((magnitude, ""));
    let whole = whole.trim_start_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    digits.trim_start_matches('0') == format!("{whole}{fraction:0<2}").trim_start_matches('0')
}

/// The part of `text` after `prefix` up to the next letter that is not a currency sign: the
/// amount a summary line such as `In €1,234.50` holds.
pub fn amount_after<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let start = text.find(prefix)? + prefix.len();
    let rest = &text[start..];
    let end = rest
        .char_indices()
        .find(|(_, character)| character.is_alphabetic() || *character == '\n')
        .map_or(rest.len(), |(index, _)| index);
    Some(rest[..end].trim())
}

/// `{"kind": "latency", ...}` on the bank's transactions endpoint for `seconds`: pages come
/// slowly enough for a progress bar to be seen.
pub fn slow_transactions(millis: u64, seconds: u64) -> Value {
    json!({
        "kind": "latency",
        "millis": millis,
        "endpoint": "transactions",
        "lasts": { "seconds": seconds },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_compared_by_their_digits() {
        assert!(same_magnitude("-€1,520.30", "-1520.3"));
        assert!(same_magnitude("−€45.10", "-45.10"));
        assert!(same_magnitude("1\u{a0}520,30\u{a0}€", "1520.30"));
        assert!(same_magnitude("€0.50", "0.5"));
        assert!(!same_magnitude("€1,520.31", "1520.3"));
    }

    #[test]
    fn a_summary_line_gives_its_amount() {
        let text = "12 transactions\nIn €1,234.50\nOut −€45.10\nSearched the whole history";
        assert_eq!(amount_after(text, "In "), Some("€1,234.50"));
        assert_eq!(amount_after(text, "Out "), Some("−€45.10"));
        assert_eq!(amount_after("In 1 234,50 € Out", "In "), Some("1 234,50 €"));
    }
}
