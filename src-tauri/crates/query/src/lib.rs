//! What a person types in the search field and the amount field, read into a search.
//!
//! Nothing typed is ever an error: what cannot be used is left out and said in a
//! [`QueryNote`]. The MATCH expression is built from quoted terms only, so FTS5 operators
//! typed by the person (`AND OR NOT NEAR ^ : * - ( ) +`) are plain text and the expression is
//! always valid FTS5 syntax.

mod amount;
mod expression;
mod fts;
mod note;
mod number;
mod search;
mod tokens;

pub use amount::{AmountBound, AmountRange, MicrosRange};
pub use expression::parse_amount;
pub use note::{NoteKind, QueryNote};
pub use search::{MAX_CHARS, MAX_WORDS, SearchText, parse_search};
