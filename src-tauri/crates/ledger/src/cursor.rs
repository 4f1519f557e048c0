//! The cursor the UI passes back for the next page: where the previous page ended, as text.
//! Opaque to the UI; checked strictly here, since it comes back from the webview.

use store::ListPosition;
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
