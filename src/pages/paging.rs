//! Cutting long lists into pages of `page_size` items, and the links between
//! them.
//!
//! Page 1 of a list is shown where the list lives (the reports index, a
//! city's overview, a metric's page); page `n` is at `page/n/` below the
//! list's own address (`/reports/page/2/`, `/cities/qingdao/reports/page/2/`,
//! `/metrics/x/series/page/2/`). The links show the first and last pages and
//! two on each side of the current one, so they stay short however long the
//! list grows.

use serde::Serialize;

/// The links of one page of a list that spans several.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pager {
    pub page: usize,
    pub pages: usize,
    /// "第2页，共5页", filled in by the page that shows the pager.
    pub label: String,
    pub prev: Option<String>,
    pub next: Option<String>,
    pub links: Vec<PageLink>,
}

/// A numbered link, or a gap (`number` is `None`) where pages are skipped.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PageLink {
    pub number: Option<usize>,
    pub url: String,
    pub current: bool,
}

/// How many pages `items` need at `size` per page (at least one).
pub fn count(items: usize, size: usize) -> usize {
    items.div_ceil(size.max(1)).max(1)
}

/// The address of page `n`: `first` for page 1, else `page/n/` below `list`.
pub fn url(first: &str, list: &str, n: usize) -> String {
    if n <= 1 {
        first.to_string()
    } else {
        format!("{list}page/{n}/")
    }
}

/// The pager of page `page` of `pages`, or `None` when one page holds all.
pub fn pager(first: &str, list: &str, page: usize, pages: usize) -> Option<Pager> {
    if pages <= 1 {
        return None;
    }
    let mut links = Vec::new();
    let mut last_shown = 0;
    for n in 1..=pages {
        let near = n + 2 >= page && n <= page + 2;
        if n == 1 || n == pages || near {
            if n > last_shown + 1 {
                links.push(PageLink {
                    number: None,
                    url: String::new(),
                    current: false,
                });
            }
            links.push(PageLink {
                number: Some(n),
                url: url(first, list, n),
                current: n == page,
            });
            last_shown = n;
        }
    }
    Some(Pager {
        page,
        pages,
        label: String::new(),
        prev: (page > 1).then(|| url(first, list, page - 1)),
        next: (page < pages).then(|| url(first, list, page + 1)),
        links,
    })
}

/// Where each page of a table starts, as (item, row within the item), when
/// item `i` has `rows[i]` rows and a page holds `size` rows.
pub fn row_starts(rows: impl Iterator<Item = usize>, size: usize) -> Vec<(usize, usize)> {
    let size = size.max(1);
    let mut starts = vec![(0, 0)];
    let mut filled = 0;
    for (item, count) in rows.enumerate() {
        for row in 0..count {
            if filled == size {
                starts.push((item, row));
                filled = 0;
            }
            filled += 1;
        }
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_pages_and_names_their_addresses() {
        assert_eq!(count(0, 50), 1);
        assert_eq!(count(50, 50), 1);
        assert_eq!(count(51, 50), 2);
        assert_eq!(url("/reports/", "/reports/", 1), "/reports/");
        assert_eq!(
            url("/cities/qd/", "/cities/qd/reports/", 3),
            "/cities/qd/reports/page/3/"
        );
    }

    #[test]
    fn links_stay_short_on_long_lists() {
        assert_eq!(pager("/r/", "/r/", 1, 1), None);
        let shown = |page, pages| -> Vec<Option<usize>> {
            pager("/r/", "/r/", page, pages)
                .unwrap()
                .links
                .iter()
                .map(|l| l.number)
                .collect()
        };
        assert_eq!(shown(1, 3), [Some(1), Some(2), Some(3)]);
        assert_eq!(
            shown(50, 100),
            [
                Some(1),
                None,
                Some(48),
                Some(49),
                Some(50),
                Some(51),
                Some(52),
                None,
                Some(100)
            ]
        );
        let p = pager("/r/", "/r/", 2, 3).unwrap();
        assert_eq!(p.prev.as_deref(), Some("/r/"));
        assert_eq!(p.next.as_deref(), Some("/r/page/3/"));
        assert!(p.links[1].current);
    }

    #[test]
    fn table_pages_start_where_the_rows_run_over() {
        // Items of 3, 1, 4 and 2 rows, 4 rows a page.
        assert_eq!(
            row_starts([3, 1, 4, 2].into_iter(), 4),
            [(0, 0), (2, 0), (3, 0)]
        );
        assert_eq!(row_starts([5].into_iter(), 2), [(0, 0), (0, 2), (0, 4)]);
        assert_eq!(row_starts(std::iter::empty(), 2), [(0, 0)]);
    }
}
