//! Search over the stored history of the accounts shown: what the person typed, read into the
//! store's filter (never an error: what cannot be used is noted), pages of matches behind an
//! opaque cursor, and the count, sums and coverage of all of them.

use query::{AmountRange, QueryNote, parse_amount, parse_search};
use store::{Coverage, Direction, FoundEntry, SearchFilter, SearchTotals};
use time::Date;
use time::macros::format_description;

use crate::{Error, Ledger, MAX_PAGE_SIZE, Result, cursor};

/// What the person typed and set, as typed.
#[derive(Debug, Clone, Copy, Default)]
pub struct SearchRequest<'a> {
    /// Words, "phrases" and an amount among them.
    pub text: &'a str,
    /// The amount field.
    pub amount: &'a str,
    /// `YYYY-MM-DD`; empty or `None`: no bound.
    pub date_from: Option<&'a str>,
    pub date_to: Option<&'a str>,
    pub direction: Direction,
    pub pending_only: bool,
    /// Only entries of this category.
    pub category_id: Option<i64>,
}

/// Something typed that the search did not use as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchNote {
    /// About the search text or the amount field.
    Query(QueryNote),
    /// The dates are not a range (not a date, or `from` after `to`): what was typed, as
    /// `from..to`; the dates concerned are not applied.
    BadDateRange(String),
}

/// A search read from what was typed, over a set of accounts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    filter: SearchFilter,
    notes: Vec<SearchNote>,
}

/// A page of matches, newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchResults {
    pub found: Vec<FoundEntry>,
    /// For the next page; `None` after the last match.
    pub next_cursor: Option<String>,
    /// For the page just newer than this one, which a list that let it go asks for again when
    /// scrolled back up; `None` at the top of the matches.
    pub previous_cursor: Option<String>,
}

/// The count and sums of every match, and how much history the searched accounts hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchOverview {
    pub totals: SearchTotals,
    pub coverage: Coverage,
}

impl Search {
    /// `request` over the accounts `ibans` (none: nothing matches).
    pub fn read(request: &SearchRequest<'_>, ibans: Vec<String>) -> Self {
        let text = parse_search(request.text);
        let mut notes: Vec<SearchNote> = text.notes.into_iter().map(SearchNote::Query).collect();
        let field = parse_amount(request.amount).unwrap_or_else(|note| {
            notes.push(SearchNote::Query(note));
            None
        });
        let (date_from, date_to) = dates(request.date_from, request.date_to, &mut notes);
        Self {
            filter: SearchFilter {
                fts_match: text.fts_match,
                amount: amount_condition(text.amount, field),
                date_from,
                date_to,
                direction: request.direction,
                pending_only: request.pending_only,
                category_id: request.category_id,
                ibans,
            },
            notes,
        }
    }

    pub fn notes(&self) -> &[SearchNote] {
        &self.notes
    }

    /// The dates applied, inclusive.
    pub fn dates(&self) -> (Option<Date>, Option<Date>) {
        (self.filter.date_from, self.filter.date_to)
    }

    pub(crate) fn filter(&self) -> &SearchFilter {
        &self.filter
    }
}

impl Ledger {
    /// Up to `limit` matches of `search` after `cursor` (`None` or empty: from the newest).
    pub fn search(
        &self,
        search: &Search,
        cursor: Option<&str>,
        limit: u32,
    ) -> Result<SearchResults> {
        check_limit(limit)?;
        let after = cursor
            .filter(|cursor| !cursor.is_empty())
            .map(cursor::decode_search)
            .transpose()?;
        // One more than asked for: whether it exists says if there is a next page.
        let mut found = self
            .store()
            .search(&search.filter, after.as_ref(), limit + 1)?;
        let more = found.len() > limit as usize;
        found.truncate(limit as usize);
        let next_cursor = more
            .then(|| {
                found
                    .last()
                    .map(|last| cursor::encode_search(&last.position()))
            })
            .flatten();
        // Read after a cursor, the page has matches above it: back up from its first entry, or
        // from the cursor when nothing is left below it (entries gone since).
        let previous_cursor = after.as_ref().map(|after| {
            cursor::encode_search(
                &found
                    .first()
                    .map_or_else(|| after.clone(), FoundEntry::position),
            )
        });
        Ok(SearchResults {
            found,
            next_cursor,
            previous_cursor,
        })
    }

    /// Up to `limit` matches of `search` just newer than `cursor`, newest first.
    pub fn search_newer(&self, search: &Search, cursor: &str, limit: u32) -> Result<SearchResults> {
        check_limit(limit)?;
        let before = cursor::decode_search(cursor)?;
        // One more than asked for, the farthest from the cursor: whether it exists says if the
        // matches go on upwards.
        let mut found = self
            .store()
            .search_before(&search.filter, &before, limit + 1)?;
        let more_above = found.len() > limit as usize;
        if more_above {
            found.remove(0);
        }
        let previous_cursor = more_above
            .then(|| {
                found
                    .first()
                    .map(|first| cursor::encode_search(&first.position()))
            })
            .flatten();
        let next_cursor = Some(cursor::encode_search(
            &found.last().map_or(before, FoundEntry::position),
        ));
        Ok(SearchResults {
            found,
            next_cursor,
            previous_cursor,
        })
    }

    /// The count and sums of every match of `search`, and how far back its accounts' stored
    /// history goes.
    pub fn search_overview(&self, search: &Search) -> Result<SearchOverview> {
        let store = self.store();
        Ok(SearchOverview {
            totals: store.search_summary(&search.filter)?,
            coverage: store.history_coverage(&search.filter.ibans)?,
        })
    }

    /// How many entries of the account `iban` match `search` (none when it is not searched).
    pub fn search_count_in(&self, search: &Search, iban: &str) -> Result<u32> {
        if !search.filter.ibans.iter().any(|searched| searched == iban) {
            return Ok(0);
        }
        let filter = SearchFilter {
            ibans: vec![iban.to_owned()],
            ..search.filter.clone()
        };
        Ok(self.store().search_summary(&filter)?.count)
    }
}

/// A page of 1 to [`MAX_PAGE_SIZE`] matches: the limit comes from the webview.
fn check_limit(limit: u32) -> Result<()> {
    if (1..=MAX_PAGE_SIZE).contains(&limit) {
        Ok(())
    } else {
        Err(Error::InvalidLimit)
    }
}

/// The amount typed among the words and the amount field's: both hold when both are set.
fn amount_condition(
    text: Option<AmountRange>,
    field: Option<AmountRange>,
) -> Option<store::AmountRange> {
    let ranges: Vec<AmountRange> = text.into_iter().chain(field).collect();
    if ranges.is_empty() {
        return None;
    }
    let mut condition = store::AmountRange::default();
    for range in ranges {
        let Some(micros) = range.to_micros() else {
            // No amount the store can hold is inside it (`12.0000005` exactly).
            return Some(NOTHING);
        };
        condition.min = condition.min.max(micros.min);
        condition.max = match (condition.max, micros.max) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
    Some(condition)
}

/// A range no magnitude is in.
const NOTHING: store::AmountRange = store::AmountRange {
    min: Some(1),
    max: Some(0),
};

/// The dates that can be applied, noting those that cannot.
fn dates(
    from: Option<&str>,
    to: Option<&str>,
    notes: &mut Vec<SearchNote>,
) -> (Option<Date>, Option<Date>) {
    let (from_text, to_text) = (typed(from), typed(to));
    let (from, to) = (from_text.map(day), to_text.map(day));
    let note = || {
        SearchNote::BadDateRange(format!(
            "{}..{}",
            from_text.unwrap_or(""),
            to_text.unwrap_or("")
        ))
    };
    // `Some(None)`: typed but not a date.
    if from == Some(None) || to == Some(None) {
        notes.push(note());
        return (from.flatten(), to.flatten());
    }
    let (from, to) = (from.flatten(), to.flatten());
    if let (Some(from), Some(to)) = (from, to)
        && from > to
    {
        notes.push(note());
        return (None, None);
    }
    (from, to)
}

/// What was typed in a date field, unless blank.
fn typed(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|text| !text.is_empty())
}

/// `YYYY-MM-DD`, or `None` when it is not a date.
fn day(text: &str) -> Option<Date> {
    Date::parse(text, format_description!("[year]-[month]-[day]")).ok()
}

#[cfg(test)]
mod tests {
    use query::NoteKind;
    use rust_decimal::Decimal;
    use store::{EntryRecord, Store};
    use time::macros::date;

    use super::*;

    const CURRENT: &str = "SK3111000000002611223344";
    const SAVINGS: &str = "SK5000000000000000000055";

    /// A ledger whose two accounts hold shops, four a day on the same days, and other entries.
    fn ledger_of_shops() -> Ledger {
        let mut store = Store::open_in_memory().unwrap();
        for iban in [CURRENT, SAVINGS] {
            let entries: Vec<EntryRecord> = (0..30)
                .map(|index| {
                    let date = date!(2026 - 03 - 20) - time::Duration::days(index / 5);
                    let name = if index % 5 == 4 { "Bakery" } else { "Shop" };
                    EntryRecord {
                        entry_reference: format!("{iban}-{index}"),
                        pending: false,
                        date,
                        amount: Decimal::new(-150, 2),
                        currency: "EUR".to_owned(),
                        booking_date: Some(date),
                        value_date: None,
                        counterparty_name: Some(name.to_owned()),
                        counterparty_iban: None,
                        description: None,
                        bank_note: None,
                        variable_symbol: None,
                        specific_symbol: None,
                        constant_symbol: None,
                        end_to_end_reference: None,
                        bank_transaction_code: None,
                        raw: None,
                    }
                })
                .collect();
            store.append_older(iban, &entries, None).unwrap();
        }
        Ledger::new(store)
    }

    fn shops() -> Search {
        let request = SearchRequest {
            text: "shop",
            ..SearchRequest::default()
        };
        Search::read(&request, vec![CURRENT.to_owned(), SAVINGS.to_owned()])
    }

    /// Every page of `search` from the top, `limit` at a time.
    fn pages_down(ledger: &Ledger, search: &Search, limit: u32) -> Vec<SearchResults> {
        let mut pages = vec![ledger.search(search, None, limit).unwrap()];
        while let Some(cursor) = pages.last().and_then(|page| page.next_cursor.clone()) {
            pages.push(ledger.search(search, Some(&cursor), limit).unwrap());
        }
        pages
    }

    #[test]
    fn a_page_read_back_up_is_the_page_read_on_the_way_down_cursors_and_all() {
        let ledger = ledger_of_shops();
        let search = shops();
        let pages = pages_down(&ledger, &search, 7);
        assert_eq!(pages.len(), 7, "48 shops, 7 a page");
        assert_eq!(pages[0].previous_cursor, None);
        for (below, page) in pages.iter().enumerate().skip(1) {
            let cursor = page.previous_cursor.as_deref().unwrap();
            assert_eq!(
                ledger.search_newer(&search, cursor, 7).unwrap(),
                pages[below - 1],
                "above page {below}"
            );
        }
    }

    #[test]
    fn a_page_after_the_last_match_leads_back_up_from_its_cursor() {
        let ledger = ledger_of_shops();
        let search = shops();
        let everything = ledger.search(&search, None, MAX_PAGE_SIZE).unwrap();
        assert_eq!(everything.next_cursor, None);
        let last = cursor::encode_search(&everything.found.last().unwrap().position());

        let beyond = ledger.search(&search, Some(&last), 10).unwrap();

        assert!(beyond.found.is_empty());
        assert_eq!(beyond.next_cursor, None);
        assert_eq!(beyond.previous_cursor.as_deref(), Some(last.as_str()));
        let above = ledger.search_newer(&search, &last, 10).unwrap();
        assert_eq!(above.found, everything.found[37..47]);
        let nearest = cursor::encode_search(&everything.found[46].position());
        assert_eq!(above.next_cursor, Some(nearest));
        assert!(above.previous_cursor.is_some());
    }

    #[test]
    fn a_page_back_up_from_the_top_is_empty_and_leads_nowhere_above() {
        let ledger = ledger_of_shops();
        let search = shops();
        let first = ledger.search(&search, None, 5).unwrap();
        let top = cursor::encode_search(&first.found[0].position());

        let above = ledger.search_newer(&search, &top, 5).unwrap();

        assert!(above.found.is_empty());
        assert_eq!(above.previous_cursor, None);
        assert_eq!(above.next_cursor.as_deref(), Some(top.as_str()));
    }

    #[test]
    fn a_page_back_up_checks_its_limit_and_cursor_as_strictly_as_one_down() {
        let ledger = ledger_of_shops();
        let search = shops();
        let cursor = ledger
            .search(&search, None, 5)
            .unwrap()
            .next_cursor
            .unwrap();
        for limit in [0, MAX_PAGE_SIZE + 1] {
            assert!(matches!(
                ledger.search_newer(&search, &cursor, limit),
                Err(Error::InvalidLimit)
            ));
        }
        for forged in ["", "not-a-cursor", "2026-03-20.-1", "2026-03-20.-1.sk31"] {
            assert!(
                matches!(
                    ledger.search_newer(&search, forged, 5),
                    Err(Error::InvalidCursor)
                ),
                "{forged:?} was accepted"
            );
        }
    }

    fn read(request: SearchRequest<'_>) -> Search {
        Search::read(&request, vec!["SK3112000000198742637541".to_owned()])
    }

    #[test]
    fn an_empty_query_matches_everything_of_its_accounts() {
        let search = read(SearchRequest::default());
        assert_eq!(
            search.filter,
            SearchFilter {
                ibans: vec!["SK3112000000198742637541".to_owned()],
                ..SearchFilter::default()
            }
        );
        assert!(search.notes().is_empty());
    }

    #[test]
    fn the_amount_in_the_text_and_the_amount_field_both_hold() {
        let search = read(SearchRequest {
            text: "plyn >10",
            amount: "5..50",
            ..SearchRequest::default()
        });
        assert_eq!(
            search.filter.amount,
            Some(store::AmountRange {
                min: Some(10_000_001),
                max: Some(50_000_000)
            })
        );
        assert!(search.filter.fts_match.is_some());
    }

    #[test]
    fn an_amount_field_that_is_not_an_amount_is_noted_and_not_applied() {
        let search = read(SearchRequest {
            amount: "1,2,3",
            ..SearchRequest::default()
        });
        assert_eq!(search.filter.amount, None);
        let [SearchNote::Query(note)] = search.notes() else {
            panic!("{:?}", search.notes());
        };
        assert_eq!(note.kind, NoteKind::NotAnAmount);
        assert_eq!(note.text, "1,2,3");
    }

    #[test]
    fn an_amount_no_stored_amount_can_be_matches_nothing() {
        let search = read(SearchRequest {
            amount: "12.0000005",
            ..SearchRequest::default()
        });
        assert_eq!(search.filter.amount, Some(NOTHING));
    }

    #[test]
    fn dates_apply_inclusive_and_a_bad_range_is_noted_not_applied() {
        let good = read(SearchRequest {
            date_from: Some("2026-03-01"),
            date_to: Some(" 2026-03-31 "),
            ..SearchRequest::default()
        });
        assert_eq!(
            good.dates(),
            (Some(date!(2026 - 03 - 01)), Some(date!(2026 - 03 - 31)))
        );
        assert!(good.notes().is_empty());

        let crossed = read(SearchRequest {
            date_from: Some("2026-04-01"),
            date_to: Some("2026-03-01"),
            ..SearchRequest::default()
        });
        assert_eq!(crossed.dates(), (None, None));
        assert_eq!(
            crossed.notes(),
            [SearchNote::BadDateRange(
                "2026-04-01..2026-03-01".to_owned()
            )]
        );

        let unreadable = read(SearchRequest {
            date_from: Some("2026-02-30"),
            date_to: Some("2026-03-01"),
            ..SearchRequest::default()
        });
        assert_eq!(unreadable.dates(), (None, Some(date!(2026 - 03 - 01))));
        assert_eq!(unreadable.notes().len(), 1);

        let blank = read(SearchRequest {
            date_from: Some(""),
            date_to: None,
            ..SearchRequest::default()
        });
        assert_eq!(blank.dates(), (None, None));
        assert!(blank.notes().is_empty());
    }
}
