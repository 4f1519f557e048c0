//! What the page holds while the list scrolls, counted inside it: DOM elements, React's fibers
//! and the pages the query cache keeps.

use serde_json::Value;

use crate::{AppSession, Error, Result};

/// The counts `AppSession::page_memory` reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageMemory {
    /// Elements in the document.
    pub dom_elements: u64,
    /// Fibers in React's current tree: one per rendered component and element.
    pub react_fibers: u64,
    /// Queries in the query cache.
    pub cached_queries: u64,
    /// Pages held by the cached paged queries, and their rows.
    pub cached_pages: u64,
    pub cached_rows: u64,
}

/// Walks React's tree from the root element's container fiber (React keeps it under a
/// `__reactContainer$…` key), and finds the query client the provider holds in its props.
const COUNT: &str = r"
const container = document.getElementById('root');
const key = Object.keys(container).find((name) => name.startsWith('__reactContainer$'));
const root = key ? container[key].stateNode.current : null;
let fibers = 0;
let client = null;
const stack = root ? [root] : [];
while (stack.length > 0) {
  const fiber = stack.pop();
  fibers += 1;
  const props = fiber.memoizedProps;
  if (client === null && props && props.client && typeof props.client.getQueryCache === 'function') {
    client = props.client;
  }
  if (fiber.sibling) { stack.push(fiber.sibling); }
  if (fiber.child) { stack.push(fiber.child); }
}
let queries = 0, pages = 0, rows = 0;
for (const query of client ? client.getQueryCache().getAll() : []) {
  queries += 1;
  const data = query.state.data;
  if (data && Array.isArray(data.pages)) {
    pages += data.pages.length;
    for (const page of data.pages) { rows += Array.isArray(page.items) ? page.items.length : 0; }
  }
}
return { elements: document.getElementsByTagName('*').length, fibers, queries, pages, rows };
";

impl AppSession {
    /// Counts what the page holds now (see `PageMemory`).
    pub async fn page_memory(&self) -> Result<PageMemory> {
        let counts = self.client().execute(COUNT, Vec::new()).await?;
        Ok(PageMemory {
            dom_elements: count(&counts["elements"])?,
            react_fibers: count(&counts["fibers"])?,
            cached_queries: count(&counts["queries"])?,
            cached_pages: count(&counts["pages"])?,
            cached_rows: count(&counts["rows"])?,
        })
    }
}

fn count(value: &Value) -> Result<u64> {
    value
        .as_u64()
        .ok_or_else(|| Error::NotFound(format!("a count, not {value}")))
}
