//! Pages over a list of known length: every page full but the last.

/// A 1-based page number and a page size (validated by the caller to be at least 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PageRequest {
    pub number: u32,
    pub size: u32,
}

/// One page of items and where it sits among all pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Page<T> {
    pub number: u32,
    /// At least 1: an empty list has one empty page.
    pub count: u32,
    pub size: u32,
    pub items: Vec<T>,
}

impl<T> Page<T> {
    /// The number of the next page, `None` on the last.
    pub(crate) fn next(&self) -> Option<u32> {
        (self.number < self.count).then_some(self.number + 1)
    }
}

/// The page asked for is after the last one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct BeyondLastPage {
    pub count: u32,
}

/// Cuts the page `request` out of `total` items; `item(i)` yields item `i` of the whole list,
/// so only the page's items are ever computed.
pub(crate) fn page<T>(
    total: u64,
    request: PageRequest,
    item: impl FnMut(u64) -> T,
) -> Result<Page<T>, BeyondLastPage> {
    let size = u64::from(request.size.max(1));
    let count = u32::try_from(total.div_ceil(size).max(1)).unwrap_or(u32::MAX);
    if request.number == 0 || request.number > count {
        return Err(BeyondLastPage { count });
    }
    let start = u64::from(request.number - 1) * size;
    let end = (start + size).min(total);
    Ok(Page {
        number: request.number,
        count,
        size: request.size,
        items: (start..end).map(item).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(total: u64, number: u32, size: u32) -> Result<Page<u64>, BeyondLastPage> {
        page(total, PageRequest { number, size }, |index| index)
    }

    #[test]
    fn every_page_is_full_but_the_last() {
        let first = numbers(25, 1, 10).unwrap();
        assert_eq!(
            (first.items.len(), first.count, first.next()),
            (10, 3, Some(2))
        );
        let last = numbers(25, 3, 10).unwrap();
        assert_eq!(last.items, vec![20, 21, 22, 23, 24]);
        assert_eq!(last.next(), None);
        assert_eq!(numbers(30, 3, 10).unwrap().items.len(), 10);
    }

    #[test]
    fn an_empty_list_has_one_empty_page_and_nothing_after_it() {
        let only = numbers(0, 1, 10).unwrap();
        assert_eq!((only.items.len(), only.count, only.next()), (0, 1, None));
        assert_eq!(numbers(0, 2, 10), Err(BeyondLastPage { count: 1 }));
        assert_eq!(numbers(25, 4, 10), Err(BeyondLastPage { count: 3 }));
    }
}
