//! Scrolling the transaction list the way a person flicks through it, measured inside the
//! page: each animation frame scrolls a step, and the rows in the DOM are counted and read.

use serde_json::{Value, json};

use crate::{AppSession, Error, Result};

/// What a scroll through the list saw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScrollReport {
    /// Every transaction row's id, in the order they first appeared.
    pub ids: Vec<String>,
    /// The most transaction rows in the DOM at one time.
    pub most_rows_in_dom: usize,
    /// The time between animation frames while scrolling, in microseconds.
    pub frame_micros: Vec<u64>,
    /// The end-of-history marker was reached.
    pub reached_the_end: bool,
}

/// How fast a scroll goes: `step_pixels` at a time, at most once every `step_millis` (0: every
/// frame).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pace {
    pub step_pixels: u32,
    pub step_millis: u32,
}

impl Pace {
    /// A step every animation frame: a fling, or a scrollbar dragged fast.
    pub const fn every_frame(step_pixels: u32) -> Self {
        Self {
            step_pixels,
            step_millis: 0,
        }
    }

    /// A person turning a mouse wheel briskly: a notch of 120 px (three 40-px lines) every
    /// 50 ms, 2,400 px a second.
    pub const WHEEL: Self = Self {
        step_pixels: 120,
        step_millis: 50,
    };
}

/// One WebDriver call scrolls for at most this long, well inside the driver's script timeout;
/// the scroll's state stays in the page between calls.
const SLICE_MILLIS: u64 = 5_000;

/// A scroll that sees no new row for this long has stopped: an error row, a dialog.
const STALL_MILLIS: u64 = 10_000;

const SCROLL_SLICE: &str = r#"
const [stepPixels, stepMillis, wantedRows, sliceMillis, stallMillis, done] = arguments;
const list = document.querySelector('[data-testid="transaction-list"]');
const state = (window.__bankbookScroll ??= {
  ids: [], seen: new Set(), mostRows: 0, frames: [], last: null, grewAt: performance.now(),
  steppedAt: -Infinity,
});
const sliceStart = performance.now();
function collect() {
  const rows = list.querySelectorAll('[data-testid="transaction-row"]');
  state.mostRows = Math.max(state.mostRows, rows.length);
  for (const row of rows) {
    const id = row.dataset.id;
    if (!state.seen.has(id)) { state.seen.add(id); state.ids.push(id); state.grewAt = performance.now(); }
  }
}
function frame(now) {
  if (state.last !== null) { state.frames.push(Math.round((now - state.last) * 1000)); }
  state.last = now;
  collect();
  const atBottom = list.scrollTop + list.clientHeight >= list.scrollHeight - 1;
  const ended = atBottom && list.querySelector('[data-testid="history-end"]') !== null;
  // Nothing new for this long: the list stopped (an error row, a dialog); report what was seen.
  const stalled = now - state.grewAt > stallMillis;
  if (ended || stalled || state.ids.length >= wantedRows) {
    state.last = null;
    done({ finished: true, ended });
    return;
  }
  if (now - sliceStart > sliceMillis) {
    state.last = null;
    done({ finished: false, ended: false });
    return;
  }
  // A step every frame, or (a wheel's notches) the first frame after each `stepMillis`.
  if (now - state.steppedAt >= stepMillis) {
    list.scrollTop += stepPixels;
    state.steppedAt = now;
  }
  requestAnimationFrame(frame);
}
requestAnimationFrame(frame);
"#;

const TAKE_REPORT: &str = r"
const state = window.__bankbookScroll;
window.__bankbookScroll = undefined;
return { ids: state.ids, mostRows: state.mostRows, frames: state.frames };
";

impl AppSession {
    /// The time between `count` animation frames while nothing moves, in microseconds: the
    /// pace the display sets, to read scrolling's frame times against.
    pub async fn idle_frame_micros(&self, count: u32) -> Result<Vec<u64>> {
        let frames = self
            .client()
            .execute_async(
                r"const [count, done] = arguments;
                  const frames = [];
                  let last = null;
                  function frame(now) {
                    if (last !== null) { frames.push(Math.round((now - last) * 1000)); }
                    last = now;
                    if (frames.length >= count) { done(frames); } else { requestAnimationFrame(frame); }
                  }
                  requestAnimationFrame(frame);",
                vec![json!(count)],
            )
            .await?;
        Ok(frames
            .as_array()
            .map(|frames| frames.iter().filter_map(Value::as_u64).collect())
            .unwrap_or_default())
    }

    /// Scrolls the transaction list back to its newest entry and waits for the frame.
    pub async fn scroll_history_to_top(&self) -> Result<()> {
        self.client()
            .execute(
                r#"document.querySelector('[data-testid="transaction-list"]').scrollTop = 0;"#,
                Vec::new(),
            )
            .await?;
        self.next_frames().await
    }

    /// Scrolls the transaction list down by `step_pixels` a frame until the end of the history,
    /// until `wanted_rows` rows have been seen, or until no new row came for ten seconds.
    pub async fn scroll_history(
        &self,
        step_pixels: u32,
        wanted_rows: usize,
    ) -> Result<ScrollReport> {
        self.scroll_history_at(Pace::every_frame(step_pixels), wanted_rows)
            .await
    }

    /// Scrolls the transaction list down at `pace`, with the same ends as `scroll_history`.
    pub async fn scroll_history_at(&self, pace: Pace, wanted_rows: usize) -> Result<ScrollReport> {
        let reached_the_end = loop {
            let slice = self
                .client()
                .execute_async(
                    SCROLL_SLICE,
                    vec![
                        json!(pace.step_pixels),
                        json!(pace.step_millis),
                        json!(wanted_rows),
                        json!(SLICE_MILLIS),
                        json!(STALL_MILLIS),
                    ],
                )
                .await?;
            if slice["finished"].as_bool() == Some(true) {
                break slice["ended"].as_bool() == Some(true);
            }
        };
        let report = self.client().execute(TAKE_REPORT, Vec::new()).await?;
        Ok(ScrollReport {
            ids: strings(&report["ids"])?,
            most_rows_in_dom: number(&report["mostRows"])?,
            frame_micros: report["frames"]
                .as_array()
                .map(|frames| frames.iter().filter_map(Value::as_u64).collect())
                .unwrap_or_default(),
            reached_the_end,
        })
    }
}

fn strings(value: &Value) -> Result<Vec<String>> {
    value
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|item| item.as_str().map(str::to_owned))
                .collect()
        })
        .ok_or_else(|| Error::NotFound(format!("a list of strings, not {value}")))
}

fn number(value: &Value) -> Result<usize> {
    value
        .as_u64()
        .and_then(|number| usize::try_from(number).ok())
        .ok_or_else(|| Error::NotFound(format!("a count, not {value}")))
}
