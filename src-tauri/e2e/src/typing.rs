//! How long the window takes, after the last keystroke in the search bar, to show the results:
//! measured inside the page, from the input event to the first animation frame whose DOM holds
//! the settled results (the results grid not busy, with its rows, or the no-results state).
//!
//! The text is set as one input event (as a paste, or the last of a burst of keys typed faster
//! than the search's pause): the clock starts at the keystroke that completes the query, which
//! is the one the person waits after.

use serde_json::{Value, json};

use crate::{AppSession, Error, Language, Result};

/// Sets the labelled field's value as a keystroke would (React's own value setter, then an
/// `input` event), then times frames until the results are there. Resolves with the
/// milliseconds (fractional) to the results, and the rows in the DOM then; or `null` after
/// `timeoutMillis`. What the page announced then (the count of the last summary that came)
/// comes along, to read the figures by.
const TIME_TO_RESULTS: &str = r#"
const [label, value, resultsLabel, timeoutMillis, done] = arguments;
const field = [...document.querySelectorAll("input")].find((input) =>
  [...(input.labels ?? [])].some((l) => l.textContent.trim() === label));
if (!field) { done({ error: `no field labelled ${label}` }); return; }
const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
const settled = () => {
  const grid = document.querySelector(`[role="grid"][aria-label="${resultsLabel}"]`);
  if (grid && grid.getAttribute("aria-busy") !== "true"
      && grid.querySelector('[data-testid="transaction-row"]')) {
    return grid.querySelectorAll('[data-testid="transaction-row"]').length;
  }
  // The no-results state, once it is this query's (a previous query's answer stands in,
  // busy, until this one's comes).
  const empty = document.querySelector('[data-testid="search-empty"]');
  const list = empty?.closest('[data-testid="transaction-list"]');
  return empty && list?.getAttribute("aria-busy") !== "true" ? 0 : null;
};
const announced = () =>
  document.querySelector('[data-testid="search-announcement"]')?.textContent.trim() ?? "";
field.focus();
setter.call(field, value);
const typed = performance.now();
field.dispatchEvent(new Event("input", { bubbles: true }));
function frame(now) {
  const rows = settled();
  if (rows !== null) { done({ millis: now - typed, rows, announced: announced() }); return; }
  if (now - typed > timeoutMillis) { done(null); return; }
  requestAnimationFrame(frame);
}
requestAnimationFrame(frame);
"#;

/// The floor any keystroke meets: from an input event on a field that starts no search to the
/// next frame (the echo of the key on screen).
const TIME_TO_ECHO: &str = r"
const [done] = arguments;
const field = document.createElement('input');
field.setAttribute('aria-hidden', 'true');
field.style.position = 'fixed';
field.style.opacity = '0.01';
document.body.append(field);
field.focus();
const typed = performance.now();
field.value = 'x';
field.dispatchEvent(new Event('input', { bubbles: true }));
requestAnimationFrame((now) => { field.remove(); done(now - typed); });
";

/// One timing: from the keystroke to the results on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultsTiming {
    /// Microseconds.
    pub micros: u64,
    /// Transaction rows in the DOM when they came (0: nothing matched).
    pub rows: u64,
    /// The count announced then (`128 transactions`): the last summary that came, which may
    /// still be the previous query's.
    pub announced: String,
}

impl AppSession {
    /// Completes the field labelled `label` (the search field or the amount field) to
    /// `value` with one keystroke and times the results' coming.
    pub async fn time_to_results(
        &self,
        language: &Language,
        label: &str,
        value: &str,
    ) -> Result<ResultsTiming> {
        let results = language.message("search.results.label");
        let outcome = self
            .client()
            .execute_async(
                TIME_TO_RESULTS,
                vec![json!(label), json!(value), json!(results), json!(20_000)],
            )
            .await?;
        if let Some(error) = outcome["error"].as_str() {
            return Err(Error::NotFound(error.to_owned()));
        }
        let micros = micros_of(&outcome["millis"])
            .ok_or_else(|| Error::NotFound(format!("results for {value:?} in 20 s")))?;
        Ok(ResultsTiming {
            micros,
            rows: outcome["rows"].as_u64().unwrap_or_default(),
            announced: outcome["announced"].as_str().unwrap_or_default().to_owned(),
        })
    }

    /// The time from a keystroke in a field that starts nothing to the next frame, in
    /// microseconds.
    pub async fn time_to_echo(&self) -> Result<u64> {
        let millis = self
            .client()
            .execute_async(TIME_TO_ECHO, Vec::new())
            .await?;
        micros_of(&millis).ok_or_else(|| Error::NotFound("a frame after a keystroke".to_owned()))
    }
}

/// Fractional milliseconds as whole microseconds.
fn micros_of(millis: &Value) -> Option<u64> {
    let text = millis.as_number()?.to_string();
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let fraction: String = fraction.chars().chain("000".chars()).take(3).collect();
    format!("{whole}{fraction}").parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn milliseconds_become_microseconds_without_a_float() {
        assert_eq!(micros_of(&json!(12.345_678)), Some(12_345));
        assert_eq!(micros_of(&json!(7)), Some(7_000));
        assert_eq!(micros_of(&json!(0.5)), Some(500));
        assert_eq!(micros_of(&json!("x")), None);
    }
}
