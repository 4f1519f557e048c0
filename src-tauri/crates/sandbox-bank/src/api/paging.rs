//! The paging parameters of data calls: `page` from 1, `pageSize` from 10 to 100.

use std::ops::RangeInclusive;

use super::ApiRejection;
use crate::data::{BeyondLastPage, PageRequest};

/// The contract's page sizes (`shared/bank-api.md`). The app's client (`bank::PAGE_SIZES`)
/// keeps its own copy on purpose: the bank and its client each read the contract, so a test of
/// the one against the other catches either reading it wrong, which one shared constant could
/// not.
const PAGE_SIZES: RangeInclusive<u32> = 10..=100;
/// Used when a call names no `pageSize`.
const DEFAULT_PAGE_SIZE: u32 = 10;

/// Validates `page` and `pageSize`, defaulting to the first page of ten.
pub(super) fn page_request(
    page: Option<u32>,
    page_size: Option<u32>,
) -> Result<PageRequest, ApiRejection> {
    let number = page.unwrap_or(1);
    if number == 0 {
        return Err(ApiRejection::parameter("page starts at 1."));
    }
    let size = page_size.unwrap_or(DEFAULT_PAGE_SIZE);
    if !PAGE_SIZES.contains(&size) {
        return Err(ApiRejection::parameter(
            "pageSize must be between 10 and 100.",
        ));
    }
    Ok(PageRequest { number, size })
}

pub(super) fn beyond_last(BeyondLastPage { count }: BeyondLastPage) -> ApiRejection {
    ApiRejection::parameter(format!("page is beyond the last page, {count}."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_sizes_from_10_to_100_are_served() {
        assert_eq!(
            page_request(None, None),
            Ok(PageRequest {
                number: 1,
                size: 10
            })
        );
        assert_eq!(
            page_request(Some(3), Some(100)),
            Ok(PageRequest {
                number: 3,
                size: 100
            })
        );
        assert!(page_request(None, Some(9)).is_err());
        assert!(page_request(None, Some(101)).is_err());
        assert!(page_request(Some(0), None).is_err());
    }
}
