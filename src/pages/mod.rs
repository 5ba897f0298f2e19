//! Which pages the site has, and what each one shows.
//!
//! [`plan`] lists every page, long lists already cut into pages of
//! `page_size`. [`view`] then makes one page's values: its output path,
//! template, address and breadcrumbs, and typed data with names instead of
//! ids, formatted numbers and charts. It reads the model, the [`Index`](crate::join::index::Index) and
//! the [`Shared`] names and figures, so a page costs what it shows, never a
//! scan of the site, and pages can be made in any order or in parallel.
//! Templates do no lookups and no arithmetic.
//!
//! URL scheme (all ASCII, from ids declared in site.yaml or file names):
//! `/reports/<slug>/`, `/cities/<city>/`, `/cities/<city>/<district>/`,
//! `/years/<year>/`, `/topics/<topic>/`, `/metrics/<id>/`; later pages of
//! a list at `page/<n>/` below it (see [`paging`]).

pub mod dataset;
pub mod edition;
pub mod home;
pub mod kind;
pub mod links;
pub mod listing;
pub mod metric;
pub mod pace;
pub mod paging;
pub mod path;
pub mod qr;
pub mod report;
pub mod shared;

use crate::diagnostic::Diagnostic;
use crate::join::index::Listing;
use crate::model::Report;
use crate::{i18n, join};
pub use kind::{Downloads, Input, Page, PageKey, PageOf};
use pace::Chart;
use paging::Pager;
use rayon::prelude::*;
use serde::Serialize;
pub use shared::{Crumb, Shared};
use shared::{MetricRow, PointRow, ReportLink};
use std::collections::BTreeMap;

/// The lists an overview holds.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum List {
    Reports,
    Metrics,
}

impl List {
    pub fn name(self) -> &'static str {
        match self {
            List::Reports => "reports",
            List::Metrics => "metrics",
        }
    }
}

/// Every page of a site, and where the metric tables of overviews are cut.
pub struct Plan {
    pub pages: Vec<Page>,
    /// Per listing, where each page of its metric table starts: (position
    /// in the listing's metrics, standing of that metric).
    pub table_starts: BTreeMap<Listing, Vec<(usize, usize)>>,
}

/// What a page shows, ready for a template.
pub struct View<'a> {
    /// Output path relative to the output folder (`reports/x/index.html`).
    pub path: String,
    pub template: &'static str,
    /// The page's address below the site's host (`/reports/x/`).
    pub url: String,
    /// The page's address below its edition's base path (`reports/x/`):
    /// the same in every edition.
    pub path_below_base: String,
    pub title: String,
    pub crumbs: Vec<Crumb>,
    /// The full address, for `<link rel="canonical">`.
    pub canonical: String,
    /// The page is about an invented city: every such page says so.
    pub fictional: bool,
    /// The page's text was converted by machine from the other script: a
    /// page of an edition in the other script, unless it shows a report in
    /// the script it was written in.
    pub converted: bool,
    /// What the page's `<meta>` tags say about it.
    pub meta: Meta,
    /// The page's canonical address as a QR code (SVG), for print.
    pub qr: Option<String>,
    /// Where the figures the page shows can be downloaded, below the main
    /// edition's base path.
    pub data: Option<Downloads>,
    /// The Atom feed of the place the page is about, below the edition's
    /// base path.
    pub feed: Option<String>,
    /// The values specific to this kind of page.
    pub values: Values<'a>,
    /// The schema.org description of the data the page offers, as JSON-LD
    /// (its `<` written `\u003c`, so that it cannot close its script).
    pub jsonld: Option<String>,
}

/// A page's description and the facts government sites put in `<meta>`
/// tags (SiteName, ColumnName, ArticleTitle, PubDate and the rest).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Meta {
    /// One sentence about this page, different on every page.
    pub description: String,
    /// The section of the site the page belongs to (ColumnName).
    pub column: String,
    /// The kind of page within it (ColumnType).
    pub column_type: String,
    /// Topic names, for Keywords.
    pub keywords: Vec<String>,
    /// Set on a report's page.
    pub article: Option<Article>,
}

/// What a report's page says of it in `<meta>` tags and Open Graph.
#[derive(Debug, Clone, Serialize)]
pub struct Article {
    pub title: String,
    pub published: crate::model::date::Date,
    /// Who issued the report (ContentSource), when the report says.
    pub source: Option<String>,
}

/// The typed values of each kind of page; each serializes to the names its
/// template reads.
#[derive(Serialize)]
#[serde(untagged)]
pub enum Values<'a> {
    Home(home::Home<'a>),
    Report(report::ReportPage<'a>),
    Listing(listing::ListingPage<'a>),
    Metric(metric::MetricPage<'a>),
    More(More<'a>),
    Archive { snapshots: Vec<ArchiveRow> },
    Data(DataPage),
    Nothing {},
}

/// A snapshot on the archive page.
#[derive(Serialize)]
pub struct ArchiveRow {
    pub name: String,
    pub year: i32,
    pub taken: String,
    /// Its year's page as it was when taken, below the main edition's
    /// base path (`site.root_path` in templates).
    pub path: String,
    /// Its manifest, with every file's size and SHA-256, likewise.
    pub manifest: String,
}

/// The archive page: the snapshots, oldest first, each with its year's
/// page and its manifest. Snapshots sit below the main edition's base
/// path, the same for every edition.
fn archive<'a>(shared: &Shared) -> View<'a> {
    let folder = crate::snapshot::FOLDER;
    let mut view = bare(
        shared,
        &format!("{folder}/"),
        "archive.html",
        shared.t("archive_title"),
        shared.crumbs(&[(&shared.t("archive_title"), &format!("{folder}/"))]),
    );
    let snapshots = (shared.site.config.archive.iter())
        .map(|s| ArchiveRow {
            name: s.name.clone(),
            year: s.year,
            taken: s.taken.clone(),
            path: format!("{folder}/{}/years/{}/", s.name, s.year),
            manifest: format!("{folder}/{}/{}", s.name, crate::snapshot::MANIFEST),
        })
        .collect();
    view.values = Values::Archive { snapshots };
    view
}

/// The open-data page: every site-wide download, what each column of the
/// data means, the licence, how to cite it and how current it is.
#[derive(Serialize)]
pub struct DataPage {
    pub files: Vec<DataFile>,
    pub columns: Vec<DataColumn>,
    pub license: crate::model::config::License,
    /// The data's date: the day the site was built for.
    pub built: String,
    /// A citation of the data, in the edition's language.
    pub cite: String,
}

/// A download on the open-data page: its address below the main edition's
/// base path, its format, and what it holds.
#[derive(Serialize)]
pub struct DataFile {
    pub path: String,
    pub format: &'static str,
    /// Its media type, for the page's `Dataset`.
    #[serde(skip)]
    pub media: &'static str,
    pub about: String,
}

/// A column of the open data and what it means, in the edition's language.
#[derive(Serialize)]
pub struct DataColumn {
    pub name: &'static str,
    /// Its heading in the workbooks, in the site's language.
    pub heading: String,
    pub meaning: String,
}

fn data_page<'a>(shared: &Shared) -> View<'a> {
    let t = |key: &str| shared.t(key);
    let mut view = bare(
        shared,
        "data/",
        "data.html",
        t("data_title"),
        shared.crumbs(&[(&t("data_title"), "data/")]),
    );
    let config = &shared.site.config;
    let file = |path: &str, format, key: &str| DataFile {
        path: path.to_string(),
        format,
        media: dataset::media(path),
        about: t(key),
    };
    use crate::model::open_data::{PACKAGE_FILE, SCHEMA_FILE, TABLE_SCHEMA_FILE};
    let site_wide = Page::Home.data(shared.site).unwrap_or_default();
    let mut files = vec![
        file(&site_wide.csv, "CSV", "data_file_csv"),
        file(&site_wide.json, "JSON", "data_file_json"),
        file(SCHEMA_FILE, "JSON Schema", "data_file_schema"),
        file(PACKAGE_FILE, "Data Package", "data_file_package"),
        file(TABLE_SCHEMA_FILE, "Table Schema", "data_file_tableschema"),
    ];
    if let Some(xlsx) = &site_wide.xlsx {
        files.insert(2, file(xlsx, "XLSX", "data_file_xlsx"));
    }
    let columns = (crate::model::open_data::COLUMNS.iter())
        .map(|c| DataColumn {
            name: c.name,
            heading: t(&format!("heading_{}", c.name)),
            meaning: t(&format!("column_{}", c.name)),
        })
        .collect();
    let built = config.built.to_string();
    let cite = i18n::fill(
        &t("data_cite_text"),
        &[
            ("publisher", dataset::publisher(shared)),
            ("title", config.title.clone()),
            ("url", format!("{}{}data/", shared.origin, shared.base)),
            ("date", built.clone()),
        ],
    );
    let downloads: Vec<(String, &'static str)> =
        (files.iter()).map(|f| (f.path.clone(), f.media)).collect();
    view.jsonld = Some(dataset::site(shared, &view.title, &downloads));
    view.values = Values::Data(DataPage {
        files,
        columns,
        license: config.data_license.clone(),
        built,
        cite,
    });
    view
}

/// A later page of one of an overview's lists, or of a metric's series.
#[derive(Serialize)]
pub struct More<'a> {
    /// Which list: `reports`, `metrics` or `series`.
    pub list: &'static str,
    /// The page the list belongs to.
    pub owner: Crumb,
    pub pager: Option<Pager>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reports: Vec<ReportLink<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub metrics: Vec<MetricRow<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress_chart: Option<Chart>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<PointRow<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<&'a str>,
}

/// A report's body as HTML, in the script its page shows it in (see
/// [`crate::load::body`]), when its page is made.
pub type BodyReader<'a> = dyn Fn(&Report) -> Result<String, Diagnostic> + Sync + 'a;

/// Lists every page of the site, in a stable order.
pub fn plan(site: &crate::model::Site, index: &crate::join::index::Index) -> Plan {
    let size = site.config.page_size;
    let mut pages = vec![Page::Home];
    pages.extend((1..=paging::count(site.reports.len(), size)).map(Page::AllReports));
    pages.extend((0..site.reports.len()).map(Page::Report));
    let config = &site.config;
    let cities = config.cities.iter().enumerate().flat_map(|(c, city)| {
        std::iter::once(Listing::City(c))
            .chain((0..city.districts.len()).map(move |d| Listing::District(c, d)))
    });
    let groups: [(Page, Vec<Listing>); 3] = [
        (Page::Cities, cities.collect()),
        (
            Page::Years,
            index.years.iter().map(|(y, _)| Listing::Year(*y)).collect(),
        ),
        (
            Page::Topics,
            (0..config.topics.len()).map(Listing::Topic).collect(),
        ),
    ];
    let mut table_starts = BTreeMap::new();
    for (directory, listings) in groups {
        pages.push(directory);
        let starts: Vec<Vec<(usize, usize)>> = listings
            .par_iter()
            .map(|&listing| {
                let rows = index
                    .members(listing)
                    .metrics
                    .iter()
                    .map(|&m| listing::rows_of(site, listing, m).len());
                paging::row_starts(rows, size)
            })
            .collect();
        for (listing, starts) in listings.into_iter().zip(starts) {
            pages.push(Page::Overview(listing));
            let report_pages = paging::count(index.members(listing).reports.len(), size);
            pages.extend((2..=report_pages).map(|n| Page::More(listing, List::Reports, n)));
            pages.extend((2..=starts.len()).map(|n| Page::More(listing, List::Metrics, n)));
            table_starts.insert(listing, starts);
        }
    }
    for (m, metric) in site.metrics.iter().enumerate() {
        pages.push(Page::Metric(m));
        let series_pages = paging::count(metric.points.len(), size);
        pages.extend((2..=series_pages).map(|n| Page::Series(m, n)));
    }
    pages.push(Page::Search);
    pages.push(Page::Data);
    if !site.config.archive.is_empty() {
        pages.push(Page::Archive);
    }
    pages.push(Page::NotFound);
    Plan {
        pages,
        table_starts,
    }
}

/// The address of an Atom feed below the base path: the site's, or a
/// city's or district's (see `publish::feeds`).
pub fn feed_path(shared: &Shared, listing: Option<Listing>) -> Option<String> {
    let config = &shared.site.config;
    match listing {
        None => Some("feed.xml".into()),
        Some(l @ (Listing::City(_) | Listing::District(..))) => {
            Some(format!("{}feed.xml", path::listing(config, l)))
        }
        Some(_) => None,
    }
}

/// Makes the values of `page`.
pub fn view<'a>(
    shared: &'a Shared,
    plan: &Plan,
    page: Page,
    body: &BodyReader,
) -> Result<View<'a>, Diagnostic> {
    let mut view = match page {
        Page::Home => home::view(shared),
        Page::Report(r) => report::view(shared, r, body)?,
        Page::Metric(m) => metric::view(shared, m, 1),
        Page::Series(m, n) => metric::view(shared, m, n),
        Page::Search => bare(
            shared,
            "search/",
            "search.html",
            shared.t("search_title"),
            shared.crumbs(&[(&shared.t("search"), "search/")]),
        ),
        Page::Archive => archive(shared),
        Page::Data => data_page(shared),
        Page::NotFound => bare(
            shared,
            "404.html",
            "404.html",
            shared.t("not_found"),
            Vec::new(),
        ),
        _ => listing::view(shared, plan, page),
    };
    view.canonical = format!("{}{}", shared.origin, view.url);
    let city = page.city(shared.index);
    view.fictional = city.is_some_and(|c| shared.site.config.cities[c].fictional);
    let config = &shared.site.config;
    view.converted = match page {
        Page::Report(r) => shared.site.reports[r].converted_from.is_some(),
        _ => config.editions.contains(&config.language),
    };
    view.meta = meta(shared, page, &view);
    view.qr = qr::svg(&view.canonical);
    view.data = page.data(shared.site);
    if let (Some(files), None) = (&view.data, &view.jsonld) {
        let about = (
            view.title.as_str(),
            view.meta.description.as_str(),
            view.canonical.as_str(),
        );
        view.jsonld = dataset::page(shared, page, about, files);
    }
    view.feed = page.place().and_then(|l| feed_path(shared, Some(l)));
    Ok(view)
}

/// The description and `<meta>` facts of `page`, whose view is `view`.
fn meta(shared: &Shared, page: Page, view: &View) -> Meta {
    let site = shared.site;
    let config = &site.config;
    let t = |key: &str| shared.t(key);
    let column = |key: &str| (t(key), t(key));
    let mut meta = Meta::default();
    let listing_sentence = |name: &str, members: &join::index::Members| {
        i18n::fill(
            &t("meta_listing"),
            &[
                ("name", name.to_string()),
                ("reports", members.reports.len().to_string()),
                ("metrics", members.metrics.len().to_string()),
            ],
        )
    };
    let (column, column_type) = match page {
        Page::Home => {
            meta.description = config
                .description
                .clone()
                .unwrap_or_else(|| config.title.clone());
            column("home")
        }
        Page::Report(r) => {
            let report = &site.reports[r];
            meta.description = report
                .summary
                .clone()
                .unwrap_or_else(|| report.title.clone());
            meta.keywords = report
                .topics
                .iter()
                .filter_map(|id| config.topics.iter().find(|t| t.id == *id))
                .map(|t| t.name.clone())
                .collect();
            meta.article = Some(Article {
                title: report.title.clone(),
                published: report.published,
                source: report.source.as_ref().and_then(|s| s.publisher.clone()),
            });
            (t("reports"), t(&format!("kind_{}", report.kind.name())))
        }
        Page::Metric(m) | Page::Series(m, _) => {
            let metric = &site.metrics[m];
            let city = &shared.places[shared.index.metric_city[m]][0].name;
            meta.description = i18n::fill(
                &t("meta_metric"),
                &[
                    ("label", metric.label.clone()),
                    ("city", city.clone()),
                    ("year", metric.year.to_string()),
                ],
            );
            meta.keywords = metric
                .topic
                .iter()
                .filter_map(|id| config.topics.iter().find(|t| t.id == *id))
                .map(|t| t.name.clone())
                .collect();
            (t("metrics"), t("metric"))
        }
        Page::Overview(listing) | Page::More(listing, ..) => {
            let members = shared.index.members(listing);
            meta.description = listing_sentence(&view.title, members);
            match listing {
                Listing::City(_) | Listing::District(..) => column("cities"),
                Listing::Year(_) => column("years"),
                Listing::Topic(_) => column("topics"),
            }
        }
        Page::AllReports(_) => column("reports"),
        Page::Cities => column("cities"),
        Page::Years => column("years"),
        Page::Topics => column("topics"),
        Page::Search => column("search"),
        Page::Data => column("data_title"),
        Page::Archive => column("archive_title"),
        Page::NotFound => column("not_found"),
    };
    // Later pages of a list, and pages about the site's lists, are told
    // apart by their titles, which carry the page number.
    if meta.description.is_empty() || matches!(page, Page::More(..) | Page::Series(..)) {
        meta.description = i18n::fill(
            &t("meta_page"),
            &[
                ("title", view.title.clone()),
                ("site", config.title.clone()),
            ],
        );
    }
    meta.column = column;
    meta.column_type = column_type;
    meta
}

/// A page at `path` (relative to the site's base path) with no values of
/// its own yet.
pub fn bare<'a>(
    shared: &Shared,
    path: &str,
    template: &'static str,
    title: String,
    crumbs: Vec<Crumb>,
) -> View<'a> {
    let file = if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    };
    View {
        path: file,
        template,
        url: shared.url(path),
        path_below_base: if path == "404.html" {
            String::new()
        } else {
            path.to_string()
        },
        title,
        crumbs,
        canonical: String::new(),
        fictional: false,
        converted: false,
        meta: Meta::default(),
        qr: None,
        data: None,
        feed: None,
        values: Values::Nothing {},
        jsonld: None,
    }
}
