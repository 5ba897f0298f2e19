//! What the site publishes beside its pages: open data ([`data`]), Atom
//! feeds ([`feeds`]), `sitemap.xml` and `robots.txt` ([`sitemap`]) and the
//! search index ([`search`]).
//!
//! Each file belongs to a page and is made with it, so a preview that
//! remakes a page remakes its files too: a report's and a metric's data
//! with their pages, a city's and a district's feed with theirs, and the
//! files about the whole site with the home page.

pub mod data;
pub mod feeds;
pub mod search;
pub mod sitemap;

use crate::join::index::Listing;
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
            *made = Some(data::Parts { csv, json, parts });
        }
    }
}

/// What the site-wide files are made from besides the site's values.
#[derive(Clone, Copy)]
pub struct SiteWide<'a> {
    /// Every page of the site, for the sitemap.
    pub everything: &'a dyn Fn() -> Vec<String>,
    /// A report's body.
    pub bodies: &'a (dyn Fn(usize) -> String + Sync),
    /// The last build's open data, to take the unchanged parts from.
    pub reuse: Option<&'a Reuse>,
}

/// A file to write: its path below the output folder, and its bytes.
pub type File<'a> = (String, Bytes<'a>);

/// The files published with `page` of `edition` (the main edition is
/// the first), whose values `shared` holds, and the site-wide ones `from`
/// says how to make, but for the site-wide open data ([`site_data`]).
/// None when `stop` said to leave the rest of the build for a newer one.
pub fn files(
    shared: &Shared,
    page: Page,
    edition: &Edition,
    main: bool,
    from: &SiteWide,
    stop: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<File<'static>>> {
    let SiteWide {
        everything,
        bodies,
        reuse,
    } = *from;
    let at = |path: String| format!("{}{path}", edition.folder);
    // Made only for the pages that publish data, not for every page.
    let schema_url = || schema_url(shared);
    let mut files = Vec::new();
    match page {
        Page::Report(r) if main => {
            let rows = data::report_rows(shared, r);
            if let Some((csv, json)) = crate::pages::data_paths(shared.site, page) {
                files.push((csv, data::csv(&rows).into()));
                files.push((json, data::json(&rows, &schema_url()).into()));
            }
        }
        Page::Metric(m) if main => {
            let rows = data::metric_rows(shared, m);
            if let Some((csv, json)) = crate::pages::data_paths(shared.site, page) {
                files.push((csv, data::csv(&rows).into()));
                files.push((json, data::json(&rows, &schema_url()).into()));
            }
        }
        Page::Overview(listing @ (Listing::City(_) | Listing::District(..))) => {
            let title = feed_title(shared, Some(listing));
            if let (Some(path), Some(xml)) = (
                feeds::path(shared, Some(listing)),
                feeds::atom(shared, Some(listing), &title),
            ) {
                files.push((at(path), xml.into_bytes().into()));
            }
        }
        Page::Home => {
            let title = feed_title(shared, None);
            if let Some(xml) = feeds::atom(shared, None, &title) {
                files.push((at("feed.xml".into()), xml.into_bytes().into()));
            }
            if main {
                let sitemaps = sitemap::files(&shared.site.config.base_url, &everything());
                files.extend(sitemaps.into_iter().map(|(path, xml)| (path, xml.into())));
                files.push((
                    "robots.txt".into(),
                    sitemap::robots(&shared.site.config.base_url).into(),
                ));
                let places = |r: usize| {
                    let report = &shared.site.reports[r];
                    shared
                        .place(shared.index.report_city[r], report.district.as_deref())
                        .label
                        .clone()
                };
                if stop() {
                    return None;
                }
                // The published index, updated for the changed reports,
                // when every report keeps its number.
                let last = reuse
                    .and_then(|r| r.search.lock().ok())
                    .and_then(|mut last| last.take());
                let docs = search::docs(shared.site, &places);
                let text = |r: usize| search::text(shared.site, r, &docs[r].place, &bodies(r));
                let index = search::files(&docs, &text, stop, last);
                files.extend(index);
            }
        }
        _ => {}
    }
    // A site-wide file cut short is thrown away with its page.
    (!stop()).then_some(files)
}

/// The site-wide open data, published with the main edition's home page
/// but made apart from its other files (see [`files`]), so that its tens
/// of MiB can be written while those are made: none for other pages, and
/// `None` when `stop` said to leave the rest of the build for a newer one.
pub fn site_data<'a>(
    shared: &'a Shared,
    page: Page,
    main: bool,
    reuse: Option<&'a Reuse>,
    stop: &'a (dyn Fn() -> bool + Sync),
) -> Option<Vec<File<'a>>> {
    if !(main && matches!(page, Page::Home)) {
        return Some(Vec::new());
    }
    let (csv, json) = data::site_files(shared, &schema_url(shared), stop, reuse)?;
    let mut files = Vec::new();
    if let Some((csv_path, json_path)) = crate::pages::data_paths(shared.site, page) {
        files.push((csv_path, csv));
        files.push((json_path, json));
    }
    let schema = data::schema().into_bytes();
    files.push(("data/schema.json".into(), schema.into()));
    (!stop()).then_some(files)
}

/// The full address of the open data's JSON Schema, which each JSON file
/// names.
fn schema_url(shared: &Shared) -> String {
    format!("{}{}data/schema.json", shared.origin, shared.base)
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
