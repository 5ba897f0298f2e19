//! The kinds of page, each declared here once: what identifies a page of
//! the kind, the template it is rendered with, its address, and the
//! inputs it shows, which is all a build of what changed looks up to tell
//! whether an edit touches it. Its values are made by its own module
//! (`home`, `report`, `listing`, `metric`), called from [`super::view`].
//!
//! A page is one type for every purpose: [`Page`] names its report or
//! metric by its place in this build's lists, [`PageKey`] by its slug or
//! id, so that it is the same page from one build to the next; both are
//! [`PageOf`], and one is made from the other by [`PageOf::map`].
//!
//! Adding a kind of page is: a variant here, with its template, address
//! and inputs (the compiler names every declaration that needs one), a
//! function that makes its values, its template, and its place in
//! [`super::plan`].

use super::{List, path};
use crate::join::index::Listing;
use crate::model::Site;
use std::sync::Arc;

/// One page of the site, naming its report by `R` and its metric by `M`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum PageOf<R, M> {
    Home,
    /// Page `n` of the list of all reports.
    AllReports(usize),
    Report(R),
    Cities,
    Years,
    Topics,
    /// A city, district, year or topic: its overview, which holds the first
    /// page of its lists of reports and metrics.
    Overview(Listing),
    /// Page `n` (from 2) of one of an overview's lists.
    More(Listing, List, usize),
    /// A metric, with the first page of its series.
    Metric(M),
    /// Page `n` (from 2) of a metric's series.
    Series(M, usize),
    /// The search page, which reads the index the build publishes.
    Search,
    /// The open data: what each download holds, its columns, its licence.
    Data,
    /// The list of the annual snapshots in `archive/`, when there are any.
    Archive,
    NotFound,
}

/// A page of this build: its report or metric by its index in
/// `site.reports` or `site.metrics`.
pub type Page = PageOf<usize, usize>;

/// A page's identity from one build to the next: its report by slug and
/// its metric by id.
pub type PageKey = PageOf<Arc<str>, Arc<str>>;

/// What a page shows, as far as a build of what changed needs to know: the
/// page shows a changed thing if one of its inputs changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input<'a, R, M> {
    /// A report's own fields.
    Report(&'a R),
    /// A metric: its joined values and the reports that state it.
    Metric(&'a M),
    /// What a city, district, year or topic lists and counts.
    Listing(Listing),
    /// Page `n` of a list of reports: of a listing's, or of all reports.
    ReportList(Option<Listing>, usize),
    /// Page `n` of a listing's table of metrics.
    MetricTable(Listing, usize),
    /// The whole site: what counts or lists everything.
    Site,
}

impl<R, M> PageOf<R, M> {
    /// The same page, its report and metric named by `report` and `metric`.
    pub fn map<R2, M2>(
        self,
        report: impl FnOnce(R) -> R2,
        metric: impl FnOnce(M) -> M2,
    ) -> PageOf<R2, M2> {
        match self {
            PageOf::Home => PageOf::Home,
            PageOf::AllReports(n) => PageOf::AllReports(n),
            PageOf::Report(r) => PageOf::Report(report(r)),
            PageOf::Cities => PageOf::Cities,
            PageOf::Years => PageOf::Years,
            PageOf::Topics => PageOf::Topics,
            PageOf::Overview(l) => PageOf::Overview(l),
            PageOf::More(l, list, n) => PageOf::More(l, list, n),
            PageOf::Metric(m) => PageOf::Metric(metric(m)),
            PageOf::Series(m, n) => PageOf::Series(metric(m), n),
            PageOf::Search => PageOf::Search,
            PageOf::Data => PageOf::Data,
            PageOf::Archive => PageOf::Archive,
            PageOf::NotFound => PageOf::NotFound,
        }
    }

    /// The template the page is rendered with.
    pub fn template(&self) -> &'static str {
        match self {
            PageOf::Home => "index.html",
            PageOf::AllReports(_) => "reports.html",
            PageOf::Report(_) => "report.html",
            PageOf::Cities => "cities.html",
            PageOf::Years => "years.html",
            PageOf::Topics => "topics.html",
            PageOf::Overview(Listing::City(_)) => "city.html",
            PageOf::Overview(Listing::District(..)) => "district.html",
            PageOf::Overview(Listing::Year(_)) => "year.html",
            PageOf::Overview(Listing::Topic(_)) => "topic.html",
            PageOf::More(..) | PageOf::Series(..) => "list.html",
            PageOf::Metric(_) => "metric.html",
            PageOf::Search => "search.html",
            PageOf::Data => "data.html",
            PageOf::Archive => "archive.html",
            PageOf::NotFound => "404.html",
        }
    }

    /// What the page shows (see [`Input`]).
    pub fn input(&self) -> Input<'_, R, M> {
        match self {
            PageOf::Report(r) => Input::Report(r),
            PageOf::Metric(m) | PageOf::Series(m, _) => Input::Metric(m),
            PageOf::Overview(l) => Input::Listing(*l),
            PageOf::More(l, List::Reports, n) => Input::ReportList(Some(*l), *n),
            PageOf::More(l, List::Metrics, n) => Input::MetricTable(*l, *n),
            PageOf::AllReports(n) => Input::ReportList(None, *n),
            PageOf::Home
            | PageOf::Cities
            | PageOf::Years
            | PageOf::Topics
            | PageOf::Search
            | PageOf::Data
            | PageOf::Archive
            | PageOf::NotFound => Input::Site,
        }
    }
}

impl Page {
    /// The city the page is about, if one: its own, its report's or its
    /// metric's.
    pub fn city(self, index: &crate::join::index::Index) -> Option<usize> {
        match self {
            Page::Report(r) => Some(index.report_city[r]),
            Page::Metric(m) | Page::Series(m, _) => Some(index.metric_city[m]),
            Page::Overview(Listing::City(c) | Listing::District(c, _))
            | Page::More(Listing::City(c) | Listing::District(c, _), ..) => Some(c),
            _ => None,
        }
    }

    /// The city or district whose page (or later page) this is: the place
    /// whose feed it names.
    pub fn place(self) -> Option<Listing> {
        match self {
            Page::Overview(l @ (Listing::City(_) | Listing::District(..)))
            | Page::More(l @ (Listing::City(_) | Listing::District(..)), ..) => Some(l),
            _ => None,
        }
    }

    /// Where the figures the page shows can be downloaded, below the main
    /// edition's base path. A report's and a metric's own files (a
    /// metric's series pages share its files), the site-wide files for the
    /// pages that list metrics, none for the rest. A metric and the whole
    /// site have a workbook too; a report, whose figures are its metrics',
    /// has not.
    pub fn data(self, site: &Site) -> Option<Downloads> {
        let (folder, workbook) = match self {
            Page::Report(r) => (
                format!("{}data", path::report(&site.reports[r].slug)),
                false,
            ),
            Page::Metric(m) | Page::Series(m, _) => {
                (format!("{}data", path::metric(&site.metrics[m].id)), true)
            }
            Page::Home | Page::Overview(_) | Page::More(..) => ("data/renewal".to_string(), true),
            _ => return None,
        };
        Some(Downloads {
            csv: format!("{folder}.csv"),
            json: format!("{folder}.json"),
            xlsx: workbook.then(|| format!("{folder}.xlsx")),
        })
    }

    /// The page's identity from one build to the next.
    pub fn key(self, site: &Site) -> PageKey {
        self.map(
            |r| site.reports[r].slug.as_str().into(),
            |m| site.metrics[m].id.as_str().into(),
        )
    }

    /// The page's address below the site's base path (`reports/x/`; empty
    /// for the home page), the same in every edition. `None` for the 404
    /// page, which has no address of its own.
    pub fn address(self, site: &Site) -> Option<String> {
        let config = &site.config;
        Some(match self {
            Page::Home => String::new(),
            Page::AllReports(n) => path::all_reports(n),
            Page::Report(r) => path::report(&site.reports[r].slug),
            Page::Cities => "cities/".into(),
            Page::Years => "years/".into(),
            Page::Topics => "topics/".into(),
            Page::Overview(l) => path::listing(config, l),
            Page::More(l, list, n) => path::list_page(&path::listing(config, l), list.name(), n),
            Page::Metric(m) => path::metric(&site.metrics[m].id),
            Page::Series(m, n) => path::series(&site.metrics[m].id, n),
            Page::Search => "search/".into(),
            Page::Data => "data/".into(),
            Page::Archive => format!("{}/", crate::snapshot::FOLDER),
            Page::NotFound => return None,
        })
    }
}

/// Where a page's figures can be downloaded, below the main edition's base
/// path (see [`Page::data`]); templates read `data.csv`, `data.json` and
/// `data.xlsx`.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Downloads {
    pub csv: String,
    pub json: String,
    pub xlsx: Option<String>,
}
