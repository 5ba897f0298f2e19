//! What many pages show, prepared once: names and addresses of places,
//! reports and metrics, and every standing's figures formatted as readers
//! see them.
//!
//! A metric's row appears on its city's, district's, year's and topic's
//! pages and on its own; a report's link on as many lists. Their text is
//! made here once, and a page's [`MetricRow`] or [`ReportLink`] is a bundle
//! of references to it, built without formatting or allocating.

use super::pace::Chart;
use super::paging::{self, Pager};
use crate::i18n::{Strings, fill, share, ui};
use crate::join::index::Index;
use crate::join::index::PaceCounts;
use crate::model::date::Date;
use crate::model::{Basis, Figure, Pace, ReportKind, Site, Standing};
use rayon::prelude::*;
use serde::Serialize;
use std::borrow::Cow;
use std::sync::OnceLock;

/// A place's name and address.
#[derive(Debug, Clone)]
pub struct Place {
    pub name: String,
    pub url: String,
    /// How report lists name it: the city, or "city district".
    pub label: String,
}

/// A standing's figures as printed.
#[derive(Debug, Clone)]
pub struct Figures {
    pub target: String,
    pub actual: String,
    /// The figures as written, where they are printed otherwise.
    pub target_exact: Option<String>,
    pub actual_exact: Option<String>,
    pub progress: String,
    /// Progress capped at 100, for a bar's width.
    pub bar: u32,
}

impl Figures {
    pub fn of(s: &Standing) -> Figures {
        let (target, target_exact) = s.target.map(Figure::shown).unwrap_or_default();
        let (actual, actual_exact) = s.actual.map(Figure::shown).unwrap_or_default();
        Figures {
            target,
            actual,
            target_exact,
            actual_exact,
            progress: s.progress.map(share).unwrap_or_default(),
            bar: s
                .progress
                .map(|p| p.clamp(0.0, 100.0).round() as u32)
                .unwrap_or(0),
        }
    }
}

/// A link in a breadcrumb trail or a list of topics.
#[derive(Debug, Clone, Serialize)]
pub struct Crumb {
    pub title: String,
    pub url: String,
    /// Set when the title is in another language than the site's.
    pub lang: Option<&'static str>,
}

/// A report in a list.
#[derive(Debug, Clone, Serialize)]
pub struct ReportLink<'a> {
    pub title: &'a str,
    pub url: &'a str,
    pub kind: ReportKind,
    pub published: Date,
    pub year: i32,
    pub place: &'a str,
    pub language: &'static str,
    /// The script it was written in, when this edition shows it converted.
    pub converted_from: Option<&'static str>,
    pub summary: Option<&'a str>,
}

/// One place's standing on one metric, as a table row.
#[derive(Debug, Clone, Serialize)]
pub struct MetricRow<'a> {
    pub label: &'a str,
    /// The label's language, when it is not the page's.
    pub lang: Option<&'static str>,
    pub url: &'a str,
    pub unit: &'a str,
    pub place: &'a str,
    pub place_url: &'a str,
    pub target: Cow<'a, str>,
    pub actual: Cow<'a, str>,
    /// The figures as written, where they are printed otherwise (grouped):
    /// the value of the `<data>` element around each.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_exact: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual_exact: Option<Cow<'a, str>>,
    pub progress: Cow<'a, str>,
    pub bar: u32,
    pub pace: Pace,
    pub basis: Basis,
    /// The theme string that says where the row stands.
    pub standing: &'static str,
    pub as_of: Option<Date>,
    pub year: i32,
    pub note: Option<Cow<'a, str>>,
    /// The id of the row, when a list of places links to it: the first
    /// row of each place on a report page that groups its rows by place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
}

/// One value of a metric's series, with the report that stated it.
#[derive(Debug, Clone, Serialize)]
pub struct PointRow<'a> {
    pub date: Date,
    pub place: &'a str,
    pub target: String,
    pub actual: String,
    /// The figures as written, where they are printed otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_exact: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual_exact: Option<String>,
    pub report_title: &'a str,
    pub report_url: &'a str,
    pub report_lang: Option<&'static str>,
}

/// A city, district, year or topic in a list, with how much it holds.
#[derive(Debug, Clone, Serialize)]
pub struct PlaceLink<'a> {
    pub name: Cow<'a, str>,
    pub url: Cow<'a, str>,
    pub reports: usize,
    pub metrics: usize,
    pub fictional: bool,
}

/// What a page's summary counts: its indicators, and each indicator's
/// places (the city as a whole, each district) by pace, the same count
/// as the pace chart beside it.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Tally {
    /// Indicators (metrics).
    pub metrics: usize,
    /// Indicator × place standings counted by pace.
    pub places: usize,
    pub done: usize,
    pub on_track: usize,
    pub behind: usize,
    pub overdue: usize,
    pub no_data: usize,
    pub no_target: usize,
}

impl Tally {
    /// `metrics` indicators whose places are counted as `paces`, in
    /// [`Pace::ALL`] order.
    pub fn new(metrics: usize, paces: PaceCounts) -> Tally {
        let [done, on_track, behind, overdue, no_data, no_target] = paces;
        Tally {
            metrics,
            places: paces.iter().sum(),
            done,
            on_track,
            behind,
            overdue,
            no_data,
            no_target,
        }
    }

    /// `metrics` indicators, counting the paces of `standings`.
    pub fn of<'s>(metrics: usize, standings: impl Iterator<Item = &'s Standing>) -> Tally {
        let mut paces = [0; crate::model::PACES];
        for s in standings.filter(|s| s.basis != Basis::InDistricts) {
            paces[s.pace as usize] += 1;
        }
        Tally::new(metrics, paces)
    }
}

/// Everything pages share, built once per build.
pub struct Shared<'a> {
    pub site: &'a Site,
    pub index: &'a Index,
    pub strings: &'a Strings,
    /// The site's base path (`/` or `/gxgz/`), prefixed to every link.
    pub base: &'a str,
    /// Scheme and host of `base_url`, for canonical links.
    pub origin: &'a str,
    /// Per city: the city itself, then its districts in config order.
    pub places: Vec<Vec<Place>>,
    pub report_urls: Vec<String>,
    pub metric_urls: Vec<String>,
    /// Per metric, per standing: made the first time a page shows the
    /// metric, and shared by every page after it.
    figures: Vec<OnceLock<Vec<Figures>>>,
    /// The site's `Dataset` as the pages that list metrics carry it: made
    /// by the first of them (see `dataset::page`).
    pub(super) site_dataset: OnceLock<String>,
}

impl<'a> Shared<'a> {
    pub fn new(site: &'a Site, index: &'a Index, strings: &'a Strings) -> Shared<'a> {
        let config = &site.config;
        let base = config.base_path.as_str();
        let origin = config
            .base_url
            .strip_suffix(config.base_path.as_str())
            .unwrap_or(&config.base_url);
        let places = config
            .cities
            .iter()
            .map(|c| {
                let city = Place {
                    name: c.name.clone(),
                    url: format!("{base}{}", super::path::city(&c.id)),
                    label: c.name.clone(),
                };
                let districts = c.districts.iter().map(|d| Place {
                    name: d.name.clone(),
                    url: format!("{base}{}", super::path::district(&c.id, &d.id)),
                    label: format!("{} {}", c.name, d.name),
                });
                std::iter::once(city).chain(districts).collect()
            })
            .collect();
        Shared {
            site,
            index,
            strings,
            base,
            origin,
            places,
            report_urls: site
                .reports
                .par_iter()
                .map(|r| format!("{base}{}", super::path::report(&r.slug)))
                .collect(),
            metric_urls: site
                .metrics
                .par_iter()
                .map(|m| format!("{base}{}", super::path::metric(&m.id)))
                .collect(),
            figures: site.metrics.iter().map(|_| OnceLock::new()).collect(),
            site_dataset: OnceLock::new(),
        }
    }

    /// The tag of `language` when it is not the site's: text in it is
    /// marked with its own `lang`.
    pub fn lang_of(&self, language: crate::i18n::Language) -> Option<&'static str> {
        (language != self.site.config.language).then_some(language.tag())
    }

    /// A UI string of the theme, in the site's language.
    pub fn t(&self, key: &str) -> String {
        ui(self.strings, key)
    }

    /// An address below the site's base path.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// The place of `city` (by position), or of one of its districts.
    pub fn place(&self, city: usize, district: Option<&str>) -> &Place {
        &self.places[city][self.place_index(city, district)]
    }

    /// Where that place stands in `places[city]`: 0 for the city as a
    /// whole, then its districts in the order `site.yaml` declares them.
    pub fn place_index(&self, city: usize, district: Option<&str>) -> usize {
        district
            .and_then(|d| self.site.config.cities[city].district_position(d))
            .map_or(0, |d| d + 1)
    }

    pub fn report_link(&self, r: usize) -> ReportLink<'_> {
        let report = &self.site.reports[r];
        let city = self.index.report_city[r];
        ReportLink {
            title: &report.title,
            url: &self.report_urls[r],
            kind: report.kind,
            published: report.published,
            year: report.year,
            place: &self.place(city, report.district.as_deref()).label,
            language: report.language.tag(),
            converted_from: report.converted_from.map(|l| l.tag()),
            summary: report.summary.as_deref(),
        }
    }

    pub fn report_links(&self, reports: &[usize]) -> Vec<ReportLink<'_>> {
        reports.iter().map(|&r| self.report_link(r)).collect()
    }

    /// The row of standing `s` of metric `m`, with its figures as printed.
    pub fn row(&self, m: usize, s: usize) -> MetricRow<'_> {
        let metric = &self.site.metrics[m];
        let standing = &metric.standings[s];
        let figures =
            &self.figures[m].get_or_init(|| metric.standings.iter().map(Figures::of).collect())[s];
        let place = self.place(self.index.metric_city[m], standing.district.as_deref());
        MetricRow {
            label: &metric.label,
            lang: self.lang_of(metric.language),
            url: &self.metric_urls[m],
            unit: &metric.unit,
            place: &place.name,
            place_url: &place.url,
            target: Cow::Borrowed(&figures.target),
            actual: Cow::Borrowed(&figures.actual),
            target_exact: figures.target_exact.as_deref().map(Cow::Borrowed),
            actual_exact: figures.actual_exact.as_deref().map(Cow::Borrowed),
            progress: Cow::Borrowed(&figures.progress),
            bar: figures.bar,
            pace: standing.pace,
            basis: standing.basis,
            standing: standing_key(standing),
            as_of: standing.as_of,
            year: metric.year,
            note: row_note(standing, metric.note.as_deref(), metric.standings.len())
                .map(Cow::Borrowed),
            anchor: None,
        }
    }

    /// Rows for every standing of `metrics`.
    pub fn rows(&self, metrics: &[usize]) -> Vec<MetricRow<'_>> {
        metrics
            .iter()
            .flat_map(|&m| (0..self.site.metrics[m].standings.len()).map(move |s| self.row(m, s)))
            .collect()
    }

    /// A chart, unless the site has charts turned off or there is nothing to draw.
    pub fn chart(
        &self,
        title: String,
        draw: impl FnOnce(&str) -> Option<crate::charts::Frames>,
    ) -> Option<Chart> {
        if !self.site.config.charts {
            return None;
        }
        draw(&title).map(|frames| Chart {
            title,
            svg: frames.wide,
            narrow: frames.narrow,
        })
    }

    /// The pager of page `page` of `pages` of a list whose first page is at
    /// `first` and later pages below `list` (full addresses), or `None`
    /// when one page holds the whole list.
    pub fn pager(&self, first: &str, list: &str, page: usize, pages: usize) -> Option<Pager> {
        paging::pager(first, list, page, pages).map(|mut pager| {
            pager.label = fill(
                &self.t("page_of"),
                &[("page", page.to_string()), ("pages", pages.to_string())],
            );
            pager
        })
    }

    /// The title of page `n` of `pages` of a list: "东营市：报告（第2页，共3页）".
    pub fn list_title(&self, owner: &str, list: &str, n: usize, pages: usize) -> String {
        fill(
            &self.t("list_page_title"),
            &[
                ("owner", owner.to_string()),
                ("list", list.to_string()),
                ("page", n.to_string()),
                ("pages", pages.to_string()),
            ],
        )
    }

    /// A link to the page of the topic with id `topic`, if it is declared.
    pub fn topic_link(&self, topic: &str) -> Option<Crumb> {
        self.site.config.topic(topic).map(|t| Crumb {
            title: t.name.clone(),
            url: self.url(&super::path::topic(&t.id)),
            lang: None,
        })
    }

    /// A breadcrumb trail from the home page through `trail` (title, path).
    pub fn crumbs(&self, trail: &[(&str, &str)]) -> Vec<Crumb> {
        std::iter::once(Crumb {
            title: self.site.config.title.clone(),
            url: self.url(""),
            lang: None,
        })
        .chain(trail.iter().map(|(title, path)| Crumb {
            title: title.to_string(),
            url: self.url(path),
            lang: None,
        }))
        .collect()
    }
}

/// The remark for one row: the place's own, else a remark about the whole
/// metric, which belongs on the city-wide row (or the only row), never on
/// each district's.
/// The key of the theme string saying where `s` stands: its pace, or
/// why it has none.
pub fn standing_key(s: &Standing) -> &'static str {
    match (s.basis, s.pace) {
        (Basis::InDistricts, _) => "standing_in-districts",
        (_, Pace::NoTarget) if s.target.is_some() => "standing_target-zero",
        (_, pace) => pace.key(),
    }
}

pub fn row_note<'a>(s: &'a Standing, whole: Option<&'a str>, rows: usize) -> Option<&'a str> {
    s.note.as_deref().or_else(|| {
        (s.district.is_none() || rows == 1)
            .then_some(whole)
            .flatten()
    })
}
