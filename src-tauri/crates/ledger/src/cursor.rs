//! The cursor the UI passes back for the next page: where the previous page ended, as text.
//! Opaque to the UI; checked strictly here, since it comes back from the webview.

use store::{ListPosition, SearchPosition};
use time::Date;
use time::macros::format_description;

use crate::{Error, Result};

/// No cursor this ledger writes is longer; a longer one was not written here.
const MAX_LENGTH: usize = 40;

pub(crate) fn encode(position: &ListPosition) -> String {
    format!("{}.{}", position.date, position.ordinal)
}

pub(crate) fn decode(cursor: &str) -> Result<ListPosition> {
    if cursor.len() > MAX_LENGTH {
        return Err(Error::InvalidCursor);
    }
    let mut parts = cursor.split('.');
    let (Some(date), Some(ordinal), None) = (parts.next(), parts.next(), parts.next()) else {
        return Err(Error::InvalidCursor);
    };
    let date = Date::parse(date, format_description!("[year]-[month]-[day]"))
        .map_err(|_| Error::InvalidCursor)?;
    let ordinal = ordinal.parse().map_err(|_| Error::InvalidCursor)?;
    Ok(ListPosition { date, ordinal })
}

/// A search's cursor also names the account: a search goes across accounts.
const MAX_SEARCH_LENGTH: usize = MAX_LENGTH + 1 + MAX_IBAN_LENGTH;
/// ISO 13616.
const MAX_IBAN_LENGTH: usize = 34;

pub(crate) fn encode_search(position: &SearchPosition) -> String {
    format!("{}.{}.{}", position.date, position.ordinal, position.iban)
}

pub(crate) fn decode_search(cursor: &str) -> Result<SearchPosition> {
    if cursor.len() > MAX_SEARCH_LENGTH {
        return Err(Error::InvalidCursor);
    }
    let (list, iban) = cursor.rsplit_once('.').ok_or(Error::InvalidCursor)?;
    let plausible = (2..=MAX_IBAN_LENGTH).contains(&iban.len())
        && iban
            .bytes()
            .all(|byte| byte.is_ascii_uppercase() || byte.is_ascii_digit());
    if !plausible {
        return Err(Error::InvalidCursor);
    }
    let ListPosition { date, ordinal } = decode(list)?;
    Ok(SearchPosition {
        date,
        iban: iban.to_owned(),
        ordinal,
    })
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    #[test]
    fn reads_back_what_it_wrote() {
        for position in [
            ListPosition {
                date: date!(2026 - 11 - 23),
                ordinal: 0,
            },
            ListPosition {
                date: date!(1999 - 1 - 1),
                ordinal: i64::MIN,
            },
        ] {
            assert_eq!(decode(&encode(&position)).unwrap(), position);
        }
    }

    #[test]
    fn a_search_cursor_reads_back_what_it_wrote_and_nothing_else() {
        let position = SearchPosition {
            date: date!(2026 - 11 - 23),
            iban: "SK3112000000198742637541".to_owned(),
            ordinal: -7,
        };
        assert_eq!(decode_search(&encode_search(&position)).unwrap(), position);
        for cursor in [
            "2026-11-23.1",
            "2026-11-23.1.",
            "2026-11-23.1.sk31",
            "2026-11-23.1.SK 31",
            "2026-11-23.x.SK31",
            "SK31",
            &format!("2026-11-23.1.SK{}", "1".repeat(40)),
        ] {
            assert!(
                matches!(decode_search(cursor), Err(Error::InvalidCursor)),
                "{cursor:?} was accepted"
            );
        }
    }

    #[test]
    fn refuses_what_it_did_not_write() {
        let long = "2026-11-23.".to_owned() + &"9".repeat(64);
        for cursor in [
            "2026-11-23",
            "2026-13-01.1",
            "2026-11-23.1.1",
            "2026-11-23.one",
            "2026-11-23.99999999999999999999",
            "x.2026-11-23.1",
            long.as_str(),
        ] {
            assert!(
                matches!(decode(cursor), Err(Error::InvalidCursor)),
                "{cursor:?} was accepted"
            );
        }
    }
}
