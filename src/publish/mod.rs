//! What the site publishes beside its pages: open data ([`data`]), Atom
//! feeds ([`feeds`]), `sitemap.xml` and `robots.txt` ([`sitemap`]) and the
//! search index ([`search`]).
//!
//! A report's and a metric's own open data belong to their pages and are
//! made with them ([`page_files`]), so a preview that remakes a page
//! remakes its data too. The files about the whole site are each a
//! [`Step`] of the build of their own ([`step_files`]), made from what the
//! step reads and nothing else: the build decides from that which steps an
//! edit makes again, and none of them hangs off a page.

pub mod data;
pub mod feeds;
pub mod search;
pub mod sitemap;
pub mod xlsx;

use crate::join::index::Listing;
use crate::model::open_data;
use crate::output::Bytes;
use crate::pages::edition::Edition;
use crate::pages::{Page, Shared};

/// What the site-wide files are made with besides the site: the last
/// build's open data and search index, if they can be taken again, and
/// where this build put each metric's part of the open data.
#[derive(Default)]
pub struct Reuse {
    pub last: Option<data::Last>,
    /// Taken by the one page that makes the search index.
    pub search: std::sync::Mutex<Option<search::Last>>,
    pub made: std::sync::Mutex<Option<data::Parts>>,
    /// Where this build put each metric's part of the site-wide workbook.
    pub workbook: std::sync::Mutex<Option<xlsx::Placed>>,
    /// What the search step keeps for the next build.
    pub originals: std::sync::Mutex<Option<search::Originals>>,
    /// The site-wide file, CSV or JSON, made first when each is made as it
    /// is written.
    half: std::sync::Mutex<Option<Half>>,
}

/// One site-wide file made: whether it is the JSON, its length, and where
/// each metric's part is in it.
type Half = (bool, usize, Vec<[usize; 2]>);

impl Reuse {
    /// Notes that the site-wide JSON (or CSV) is made, `len` bytes with
    /// each metric's part at `parts`; once both are, where each metric's
    /// part is in the two is kept for the next build.
    fn file_made(&self, shared: &Shared, json: bool, len: usize, parts: Vec<[usize; 2]>) {
        let Ok(mut half) = self.half.lock() else {
            return;
        };
        let other = match half.take() {
            Some(other) if other.0 != json => other,
            _ => {
                *half = Some((json, len, parts));
                return;
            }
        };
        let ((_, csv, csv_parts), (_, json, json_parts)) = match json {
            true => (other, (json, len, parts)),
            false => ((json, len, parts), other),
        };
        let ids = shared.site.metrics.iter().map(|m| m.id.clone());
        let parts = ids
            .zip(csv_parts.into_iter().zip(json_parts))
            .map(|(id, ([a, b], [c, d]))| (id, [a, b, c, d]))
            .collect();
        if let Ok(mut made) = self.made.lock() {
            *made = Some(data::Parts {
                csv,
                json,
                parts,
                xlsx: None,
            });
        }
    }

    /// Where this build put each metric's part of the site-wide files, for
    /// the next build; the workbook's where it was made now, else as it
    /// was.
    pub fn take_made(&mut self) -> Option<data::Parts> {
        let workbook = self.workbook.get_mut().ok().and_then(Option::take);
        let mut made = self.made.get_mut().ok().and_then(Option::take)?;
        if workbook.is_some() {
            made.xlsx = workbook;
        }
        Some(made)
    }
}

/// A file to write: its path below the output folder, and its bytes.
pub type File<'a> = (String, Bytes<'a>);

/// The files published with `page` (of the main edition, whose values
/// `shared` holds): a report's and a metric's own open data, the
/// workbooks in `words` (see [`words`]). The files
/// about the whole site are steps of their own (see [`Step`]).
pub fn page_files(
    shared: &Shared,
    words: &std::sync::Arc<xlsx::Words>,
    page: Page,
) -> Vec<File<'static>> {
    let rows = match page {
        Page::Report(r) => data::report_rows(shared, r),
        Page::Metric(m) => data::metric_rows(shared, m),
        _ => return Vec::new(),
    };
    let Some(files) = page.data(shared.site) else {
        return Vec::new();
    };
    let mut made: Vec<File> = vec![
        (files.csv, data::csv(&rows).into()),
        (files.json, data::json(&rows, &schema_url(shared)).into()),
    ];
    // A metric's workbook (a report has none).
    if let (Some(path), Page::Metric(m)) = (files.xlsx, page) {
        let bytes = match xlsx::workbook(words, m, &rows) {
            Ok(bytes) => bytes.into(),
            // Said when the file is written.
            Err(error) => Bytes::Stream(Box::new(std::iter::once(Err(error)))),
        };
        made.push((path, bytes));
    }
    made
}

/// The words of the open data's workbooks, in the site's language; with
/// `workbooks`, room to share each metric's rows between its workbook and
/// the site's (only the main edition makes workbooks).
pub fn words(shared: &Shared, workbooks: bool) -> std::sync::Arc<xlsx::Words> {
    let t = |key: &str| shared.t(key);
    let each = |prefix: &str| -> Vec<String> {
        (open_data::COLUMNS.iter())
            .map(|c| t(&format!("{prefix}_{}", c.name)))
            .collect()
    };
    std::sync::Arc::new(xlsx::Words {
        headings: each("heading"),
        meanings: each("column"),
        data: t("xlsx_data"),
        dictionary: t("data_columns"),
        dictionary_headings: [t("xlsx_heading"), t("data_column"), t("data_meaning")],
        made: Default::default(),
        shelf: match workbooks {
            true => xlsx::Shelf::new(shared.site.metrics.len()),
            false => xlsx::Shelf::default(),
        },
    })
}

/// A file published about the whole site, not with one page: each is a
/// step of the build of its own, made from what it declares it reads.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Step {
    /// `data/renewal.csv`, `data/renewal.json`, `data/renewal.xlsx`,
    /// `data/schema.json`, and the Frictionless `data/datapackage.json` and `data/tableschema.json`
    /// that describe every CSV: every figure, from the metrics and the
    /// reports (main edition).
    OpenData,
    /// `search/`: the search index, from every report's text (main edition).
    Search,
    /// `sitemap.xml` (or its parts) and `robots.txt`: every page of every
    /// edition (main edition).
    Sitemap,
    /// The Atom feeds of the site and of each city and district, from the
    /// newest reports, in every edition.
    Feeds,
    /// The snapshots in `archive/`, byte for byte, and their index page.
    Snapshots,
    /// The theme's static files.
    Theme,
}

impl Step {
    pub const ALL: [Step; 6] = [
        Step::OpenData,
        Step::Search,
        Step::Sitemap,
        Step::Feeds,
        Step::Snapshots,
        Step::Theme,
    ];

    /// The steps whose files change when reports change: those made from
    /// reports, the metrics joined from them, or the pages they make.
    pub const FROM_REPORTS: [Step; 4] = [Step::OpenData, Step::Search, Step::Sitemap, Step::Feeds];

    /// Whether each edition has this step's files (below its folder), or
    /// only the main edition.
    pub fn per_edition(self) -> bool {
        matches!(self, Step::Feeds)
    }
}

/// What the steps read besides the site's values.
#[derive(Clone, Copy)]
pub struct Inputs<'a> {
    /// The site's folder, for its snapshots.
    pub root: &'a std::path::Path,
    pub edition: &'a Edition,
    /// Every page of the site, for the sitemap.
    pub everything: &'a (dyn Fn() -> Vec<String> + Sync),
    /// A report's body.
    pub bodies: &'a (dyn Fn(usize) -> String + Sync),
    pub theme: &'a crate::render::Theme,
    /// The words of the open data's workbooks (see [`words`]), shared with
    /// the metrics' pages.
    pub words: &'a std::sync::Arc<xlsx::Words>,
    /// The last build's open data and search index, to take the unchanged
    /// parts from, and where this build puts each metric's part.
    pub reuse: Option<&'a Reuse>,
    /// Says when a newer build has come: the rest is left to it.
    pub stop: &'a (dyn Fn() -> bool + Sync),
}

/// The files of `step` for the edition `inputs` names, whose values
/// `shared` holds; `None` when `stop` said to leave them for a newer
/// build. A snapshot that cannot be read is an error.
pub fn step_files<'a>(
    shared: &'a Shared,
    step: Step,
    inputs: &Inputs<'a>,
) -> Result<Option<Vec<File<'a>>>, String> {
    let Inputs {
        root,
        edition,
        everything,
        bodies,
        theme,
        words,
        reuse,
        stop,
    } = *inputs;
    let at = |path: String| format!("{}{path}", edition.folder);
    let mut files: Vec<File<'a>> = Vec::new();
    match step {
        Step::OpenData => {
            let Some((csv, json, xlsx)) =
                data::site_files(shared, &schema_url(shared), words, stop, reuse)
            else {
                return Ok(None);
            };
            if let Some(paths) = Page::Home.data(shared.site) {
                files.push((paths.csv, csv));
                files.push((paths.json, json));
                files.extend(paths.xlsx.map(|path| (path, xlsx)));
            }
            files.push((
                open_data::SCHEMA_FILE.into(),
                data::schema().into_bytes().into(),
            ));
            files.push((
                open_data::TABLE_SCHEMA_FILE.into(),
                data::table_schema().into_bytes().into(),
            ));
            files.push((open_data::PACKAGE_FILE.into(), data::package(shared)));
        }
        Step::Search => {
            let places = |r: usize| {
                let report = &shared.site.reports[r];
                shared
                    .place(shared.index.report_city[r], report.district.as_deref())
                    .label
                    .clone()
            };
            // The last index, updated for the changed reports, when every
            // report keeps its number.
            let last = reuse
                .and_then(|r| r.search.lock().ok())
                .and_then(|mut last| last.take());
            let docs = search::docs(shared.site, &places);
            let text = |r: usize| search::text(shared.site, r, &docs[r].place, &bodies(r));
            let (made, originals) = search::files(&docs, &text, stop, last);
            files.extend(made);
            if let Some(Ok(mut kept)) = reuse.map(|r| r.originals.lock()) {
                *kept = Some(originals);
            }
            files.push(search::places(&shared.site.config));
        }
        Step::Sitemap => {
            let base_url = &shared.site.config.base_url;
            let sitemaps = sitemap::files(base_url, &everything());
            files.extend(sitemaps.into_iter().map(|(path, xml)| (path, xml.into())));
            files.push(("robots.txt".into(), sitemap::robots(base_url).into()));
        }
        Step::Feeds => {
            let config = &shared.site.config;
            let places = std::iter::once(None).chain(config.cities.iter().enumerate().flat_map(
                |(c, city)| {
                    std::iter::once(Some(Listing::City(c))).chain(
                        (0..city.districts.len()).map(move |d| Some(Listing::District(c, d))),
                    )
                },
            ));
            for listing in places {
                let title = feed_title(shared, listing);
                if let (Some(path), Some(xml)) = (
                    feeds::path(shared, listing),
                    feeds::atom(shared, listing, &title),
                ) {
                    files.push((at(path), xml.into_bytes().into()));
                }
            }
        }
        Step::Snapshots => {
            let snapshots = crate::snapshot::published(root)?;
            files.extend(
                snapshots
                    .into_iter()
                    .map(|(path, bytes)| (path, bytes.into())),
            );
        }
        Step::Theme => {
            let statics = theme.statics.iter();
            files.extend(statics.map(|(path, bytes)| (path.clone(), bytes.clone().into())));
        }
    }
    // A file cut short is thrown away with the rest.
    Ok((!stop()).then_some(files))
}

/// The full address of the open data's JSON Schema, which each JSON file
/// names.
fn schema_url(shared: &Shared) -> String {
    format!("{}{}{}", shared.origin, shared.base, open_data::SCHEMA_FILE)
}

/// A feed's title: the site's, or the place's with the site's.
pub fn feed_title(shared: &Shared, listing: Option<Listing>) -> String {
    let site = &shared.site.config.title;
    match listing {
        Some(Listing::City(c)) => format!("{} - {site}", shared.places[c][0].name),
        Some(Listing::District(c, d)) => format!("{} - {site}", shared.places[c][d + 1].label),
        _ => site.clone(),
    }
}
