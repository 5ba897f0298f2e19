//! Deciding which pages the site has and what each one shows.
//!
//! Every page is a pure function of the [`Site`] model: its output path, the
//! template that renders it, and a context of ready-to-print values (names
//! instead of ids, formatted numbers, URLs with the site's base path). Keeping
//! the templates free of lookups and arithmetic makes themes easy to write
//! and lets later work render pages in parallel or one at a time.
//!
//! URL scheme (all ASCII, from ids declared in site.yaml or file names):
//! `/reports/<slug>/`, `/cities/<city>/`, `/cities/<city>/<district>/`,
//! `/years/<year>/`, `/topics/<topic>/`, `/metrics/<id>/`.

use crate::charts::{self, Bar, Series};
use crate::markdown;
use crate::model::{Metric, Report, ReportKind, Site, Standing, Status};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// The theme's interface strings for the site's language, by key.
pub type Strings = BTreeMap<String, String>;

/// A page to render: where it goes, with which template, showing what.
pub struct Page {
    /// Output path relative to the output folder (`reports/x/index.html`).
    pub path: String,
    pub template: &'static str,
    /// The page's address below the site's host (`/reports/x/`).
    pub url: String,
    pub context: tera::Context,
}

#[derive(Serialize)]
struct Crumb {
    title: String,
    url: String,
    /// Set when the title is in another language than the site's.
    lang: Option<&'static str>,
}

#[derive(Serialize)]
struct ReportLink {
    title: String,
    url: String,
    kind: ReportKind,
    published: String,
    year: i32,
    place: String,
    language: &'static str,
    summary: Option<String>,
}

#[derive(Serialize)]
struct MetricRow {
    label: String,
    url: String,
    unit: String,
    place: String,
    place_url: String,
    target: String,
    actual: String,
    progress: String,
    /// Progress capped at 100, for a bar's width.
    bar: u32,
    status: Status,
    as_of: String,
    year: i32,
    note: Option<String>,
}

#[derive(Serialize)]
struct PlaceLink {
    name: String,
    url: String,
    reports: usize,
    metrics: usize,
    fictional: bool,
}

/// A chart ready to print: its caption and its `<svg>` markup.
#[derive(Serialize)]
struct Chart {
    title: String,
    svg: String,
}

/// One place's metrics counted by pace, for the summary chart's table.
#[derive(Serialize)]
struct PaceRow {
    name: String,
    url: String,
    total: usize,
    /// In the order of [`crate::model::Pace::ALL`].
    counts: [usize; 5],
}

#[derive(Serialize, Default)]
struct Tally {
    metrics: usize,
    done: usize,
    in_progress: usize,
    no_data: usize,
    reported: usize,
}

/// Names and URLs for the ids in the model.
struct Names<'a> {
    site: &'a Site,
    strings: &'a Strings,
    base: &'a str,
    metrics: BTreeMap<&'a str, &'a Metric>,
    reports: BTreeMap<&'a str, &'a Report>,
}

impl<'a> Names<'a> {
    fn new(site: &'a Site, strings: &'a Strings) -> Self {
        Names {
            site,
            strings,
            base: &site.config.base_path,
            metrics: site.metrics.iter().map(|m| (m.id.as_str(), m)).collect(),
            reports: site.reports.iter().map(|r| (r.slug.as_str(), r)).collect(),
        }
    }

    /// A UI string of the theme, in the site's language.
    fn t(&self, key: &str) -> String {
        ui(self.strings, key)
    }

    fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    fn city(&self, id: &str) -> String {
        self.site
            .config
            .city(id)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| id.to_string())
    }

    fn district(&self, city: &str, id: &str) -> String {
        self.site
            .config
            .city(city)
            .and_then(|c| c.districts.iter().find(|d| d.id == id))
            .map(|d| d.name.clone())
            .unwrap_or_else(|| id.to_string())
    }

    /// Name and URL of a place: a district of `city`, or the city itself.
    fn place(&self, city: &str, district: Option<&str>) -> (String, String) {
        match district {
            Some(d) => (
                self.district(city, d),
                self.url(&format!("cities/{city}/{d}/")),
            ),
            None => (self.city(city), self.url(&format!("cities/{city}/"))),
        }
    }

    fn report_link(&self, r: &Report) -> ReportLink {
        let place = match &r.district {
            Some(d) => format!("{} {}", self.city(&r.city), self.district(&r.city, d)),
            None => self.city(&r.city),
        };
        ReportLink {
            title: r.title.clone(),
            url: self.url(&format!("reports/{}/", r.slug)),
            kind: r.kind,
            published: r.published.to_string(),
            year: r.year,
            place,
            language: r.language.tag(),
            summary: r.summary.clone(),
        }
    }

    fn metric_row(&self, m: &Metric, s: &Standing) -> MetricRow {
        let (place, place_url) = self.place(&m.city, s.district.as_deref());
        MetricRow {
            label: m.label.clone(),
            url: self.url(&format!("metrics/{}/", m.id)),
            unit: m.unit.clone(),
            place,
            place_url,
            target: s.target.map(number).unwrap_or_default(),
            actual: s.actual.map(number).unwrap_or_default(),
            progress: s.progress.map(percent).unwrap_or_default(),
            bar: s
                .progress
                .map(|p| p.clamp(0.0, 100.0).round() as u32)
                .unwrap_or(0),
            status: s.status,
            as_of: s.as_of.map(|d| d.to_string()).unwrap_or_default(),
            year: m.year,
            note: row_note(s, &m.note, m.standings.len()),
        }
    }

    /// Rows for every standing of `metrics` that `keep` selects.
    fn rows<'m>(
        &self,
        metrics: impl Iterator<Item = &'m Metric>,
        keep: impl Fn(&Standing) -> bool,
    ) -> Vec<MetricRow> {
        metrics
            .flat_map(|m| {
                m.standings
                    .iter()
                    .filter(|s| keep(s))
                    .map(move |s| self.metric_row(m, s))
            })
            .collect()
    }

    /// A chart, unless the site has charts turned off or there is nothing to draw.
    fn chart(&self, title: String, draw: impl FnOnce(&str) -> Option<String>) -> Option<Chart> {
        if !self.site.config.charts {
            return None;
        }
        draw(&title).map(|svg| Chart { title, svg })
    }

    /// Metrics counted by pace for every place of `cities` that has any;
    /// places are named with their city unless `short`.
    fn pace_rows(&self, cities: &[&str], short: bool) -> Vec<PaceRow> {
        let mut rows = Vec::new();
        for &city in cities {
            let districts: Vec<Option<&str>> = self
                .site
                .config
                .city(city)
                .map(|c| c.districts.iter().map(|d| Some(d.id.as_str())).collect())
                .unwrap_or_default();
            for district in std::iter::once(None).chain(districts) {
                let mut counts = [0usize; 5];
                for m in self.site.metrics.iter().filter(|m| m.city == city) {
                    for s in m
                        .standings
                        .iter()
                        .filter(|s| s.district.as_deref() == district)
                    {
                        counts[m.pace(s) as usize] += 1;
                    }
                }
                let total = counts.iter().sum();
                if total == 0 {
                    continue;
                }
                let (mut name, url) = self.place(city, district);
                if district.is_some() && !short {
                    name = format!("{} {name}", self.city(city));
                }
                rows.push(PaceRow {
                    name,
                    url,
                    total,
                    counts,
                });
            }
        }
        rows
    }

    /// The summary chart of `rows`.
    fn summary_chart(&self, rows: &[PaceRow]) -> Option<Chart> {
        let tallies: Vec<charts::Tally> = rows
            .iter()
            .map(|r| charts::Tally {
                label: r.name.clone(),
                counts: r.counts,
            })
            .collect();
        self.chart(self.t("chart_summary_title"), |title| {
            charts::summary("chart-summary", title, &tallies, self.strings)
        })
    }

    fn crumbs(&self, trail: &[(&str, &str)]) -> Vec<Crumb> {
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
fn row_note(s: &Standing, whole: &Option<String>, rows: usize) -> Option<String> {
    s.note.clone().or_else(|| {
        (s.district.is_none() || rows == 1)
            .then(|| whole.clone())
            .flatten()
    })
}

/// A progress bar for standing `s` of metric `m`, labelled `label`.
fn bar(m: &Metric, s: &Standing, label: String) -> Bar {
    Bar {
        label,
        target: s.target,
        actual: s.actual,
        unit: m.unit.clone(),
        progress: s.progress,
        status: s.status,
    }
}

/// A UI string of the theme, or its key when the theme lacks it.
pub fn ui(strings: &Strings, key: &str) -> String {
    strings.get(key).cloned().unwrap_or_else(|| key.to_string())
}

/// A number as reports print it: no trailing zeros, at most two decimals.
pub fn number(n: f64) -> String {
    let text = format!("{n:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".into()
    } else {
        text.to_string()
    }
}

/// A share as reports print it: one decimal at most (`56.7%`, `145%`).
pub fn percent(p: f64) -> String {
    let text = format!("{p:.1}");
    format!("{}%", text.trim_end_matches(".0"))
}

/// Counts metrics by status: a metric's overall status on city-wide pages,
/// its one place's status on a district page.
fn tally(statuses: impl Iterator<Item = Status>) -> Tally {
    let mut t = Tally::default();
    for status in statuses {
        t.metrics += 1;
        match status {
            Status::Done => t.done += 1,
            Status::InProgress => t.in_progress += 1,
            Status::NoData => t.no_data += 1,
            Status::Reported => t.reported += 1,
        }
    }
    t
}

fn page(
    path: String,
    template: &'static str,
    url: String,
    title: String,
    crumbs: Vec<Crumb>,
) -> Page {
    let mut context = tera::Context::new();
    context.insert("page_url", &url);
    context.insert("page_title", &title);
    context.insert("breadcrumbs", &crumbs);
    Page {
        path,
        template,
        url,
        context,
    }
}

/// Every page of the site, in a stable order.
pub fn all(site: &Site, strings: &Strings) -> Vec<Page> {
    let names = Names::new(site, strings);
    let mut pages = vec![home(site, &names), reports_index(site, &names)];
    pages.extend(site.reports.iter().map(|r| report(site, &names, r)));
    pages.push(cities_index(site, &names));
    for city in &site.config.cities {
        pages.push(city_page(site, &names, &city.id));
        for district in &city.districts {
            pages.push(district_page(site, &names, &city.id, &district.id));
        }
    }
    let years = years_of(site);
    pages.push(years_index(site, &names, &years));
    pages.extend(years.iter().map(|&y| year_page(site, &names, y)));
    pages.push(topics_index(site, &names));
    pages.extend(
        site.config
            .topics
            .iter()
            .map(|t| topic_page(site, &names, &t.id)),
    );
    pages.extend(site.metrics.iter().map(|m| metric_page(&names, m)));
    pages.push(not_found(&names));
    let config = &site.config;
    let origin = config
        .base_url
        .strip_suffix(config.base_path.as_str())
        .unwrap_or(&config.base_url);
    for p in &mut pages {
        p.context.insert("canonical", &format!("{origin}{}", p.url));
    }
    pages
}

fn home(site: &Site, names: &Names) -> Page {
    let mut p = page(
        "index.html".into(),
        "index.html",
        names.url(""),
        site.config.title.clone(),
        Vec::new(),
    );
    let latest: Vec<ReportLink> = site
        .reports
        .iter()
        .take(10)
        .map(|r| names.report_link(r))
        .collect();
    let cities: Vec<PlaceLink> = site
        .config
        .cities
        .iter()
        .map(|c| PlaceLink {
            name: c.name.clone(),
            url: names.url(&format!("cities/{}/", c.id)),
            reports: site.reports.iter().filter(|r| r.city == c.id).count(),
            metrics: site.metrics.iter().filter(|m| m.city == c.id).count(),
            fictional: c.fictional,
        })
        .collect();
    // Headline progress: the most recently measured standings with a target and an actual.
    let mut measured: Vec<(&Metric, &Standing)> = site
        .metrics
        .iter()
        .flat_map(|m| m.standings.iter().map(move |s| (m, s)))
        .filter(|(_, s)| s.progress.is_some())
        .collect();
    measured.sort_by(|(ma, a), (mb, b)| b.as_of.cmp(&a.as_of).then(ma.id.cmp(&mb.id)));
    let headline: Vec<MetricRow> = measured
        .iter()
        .take(12)
        .map(|(m, s)| names.metric_row(m, s))
        .collect();
    let ids: Vec<&str> = site.config.cities.iter().map(|c| c.id.as_str()).collect();
    let pace = names.pace_rows(&ids, false);
    p.context
        .insert("summary_chart", &names.summary_chart(&pace));
    p.context.insert("pace_rows", &pace);
    p.context.insert("reports", &latest);
    p.context.insert("cities", &cities);
    p.context.insert("metrics", &headline);
    p.context
        .insert("tally", &tally(site.metrics.iter().map(Metric::status)));
    p.context.insert("report_count", &site.reports.len());
    p
}

fn reports_index(site: &Site, names: &Names) -> Page {
    let mut p = page(
        "reports/index.html".into(),
        "reports.html",
        names.url("reports/"),
        names.t("reports"),
        names.crumbs(&[(&names.t("reports"), "reports/")]),
    );
    let reports: Vec<ReportLink> = site.reports.iter().map(|r| names.report_link(r)).collect();
    p.context.insert("reports", &reports);
    p
}

fn report(site: &Site, names: &Names, r: &Report) -> Page {
    let url = names.url(&format!("reports/{}/", r.slug));
    let mut crumbs = names.crumbs(&[
        (&names.t("reports"), "reports/"),
        (&r.title, &format!("reports/{}/", r.slug)),
    ]);
    if let Some(last) = crumbs.last_mut() {
        last.lang = (r.language != site.config.language).then_some(r.language.tag());
    }
    let mut p = page(
        format!("reports/{}/index.html", r.slug),
        "report.html",
        url,
        r.title.clone(),
        crumbs,
    );
    let mut rows = Vec::new();
    for entry in &r.metrics {
        let Some(metric) = names.metrics.get(entry.id.as_str()) else {
            continue;
        };
        for value in &entry.values {
            // An update states only actuals: measure them against the plan's target.
            let target = value
                .target
                .or_else(|| metric.target_at(value.district.as_deref(), value.as_of));
            let mut standing = Standing::new(
                value.district.clone(),
                target,
                value.actual,
                value.actual.map(|_| value.as_of),
            );
            standing.note = value.note.clone();
            let mut row = names.metric_row(metric, &standing);
            // This report's own remark, not the latest one across reports.
            row.note = row_note(&standing, &entry.note, entry.values.len());
            row.year = entry.year;
            rows.push(row);
        }
    }
    let (place, place_url) = names.place(&r.city, r.district.as_deref());
    let topics: Vec<Crumb> = r
        .topics
        .iter()
        .filter_map(|t| site.config.topic(t))
        .map(|t| Crumb {
            title: t.name.clone(),
            url: names.url(&format!("topics/{}/", t.id)),
            lang: None,
        })
        .collect();
    p.context.insert("report", &names.report_link(r));
    p.context
        .insert("city_url", &names.url(&format!("cities/{}/", r.city)));
    p.context.insert("city_name", &names.city(&r.city));
    p.context.insert("place", &place);
    p.context.insert("place_url", &place_url);
    p.context.insert(
        "fictional",
        &site.config.city(&r.city).is_some_and(|c| c.fictional),
    );
    p.context
        .insert("year_url", &names.url(&format!("years/{}/", r.year)));
    p.context.insert("topics", &topics);
    p.context.insert("source", &r.source);
    p.context.insert("metrics", &rows);
    p.context.insert("body", &markdown::to_html(&r.body));
    p
}

fn cities_index(site: &Site, names: &Names) -> Page {
    let mut p = page(
        "cities/index.html".into(),
        "cities.html",
        names.url("cities/"),
        names.t("cities"),
        names.crumbs(&[(&names.t("cities"), "cities/")]),
    );
    #[derive(Serialize)]
    struct CityEntry {
        city: PlaceLink,
        districts: Vec<PlaceLink>,
    }
    let cities: Vec<CityEntry> = site
        .config
        .cities
        .iter()
        .map(|c| CityEntry {
            city: place_link(site, names, &c.id, None),
            districts: c
                .districts
                .iter()
                .map(|d| place_link(site, names, &c.id, Some(&d.id)))
                .collect(),
        })
        .collect();
    p.context.insert("cities", &cities);
    p
}

fn mentions(r: &Report, city: &str, district: Option<&str>) -> bool {
    r.city == city
        && match district {
            None => true,
            Some(d) => {
                r.district.as_deref() == Some(d)
                    || r.metrics
                        .iter()
                        .any(|m| m.values.iter().any(|v| v.district.as_deref() == Some(d)))
            }
        }
}

fn place_link(site: &Site, names: &Names, city: &str, district: Option<&str>) -> PlaceLink {
    let (name, url) = names.place(city, district);
    PlaceLink {
        name,
        url,
        reports: site
            .reports
            .iter()
            .filter(|r| mentions(r, city, district))
            .count(),
        metrics: site
            .metrics
            .iter()
            .filter(|m| {
                m.city == city
                    && (district.is_none()
                        || m.standings
                            .iter()
                            .any(|s| s.district.as_deref() == district))
            })
            .count(),
        fictional: site.config.city(city).is_some_and(|c| c.fictional),
    }
}

fn city_page(site: &Site, names: &Names, city: &str) -> Page {
    let name = names.city(city);
    let path = format!("cities/{city}/");
    let mut p = page(
        format!("{path}index.html"),
        "city.html",
        names.url(&path),
        name.clone(),
        names.crumbs(&[(&names.t("cities"), "cities/"), (&name, &path)]),
    );
    let config = site.config.city(city);
    let districts: Vec<PlaceLink> = config
        .map(|c| {
            c.districts
                .iter()
                .map(|d| place_link(site, names, city, Some(&d.id)))
                .collect()
        })
        .unwrap_or_default();
    let reports: Vec<ReportLink> = site
        .reports
        .iter()
        .filter(|r| r.city == city)
        .map(|r| names.report_link(r))
        .collect();
    let metrics = site.metrics.iter().filter(|m| m.city == city);
    let pace = names.pace_rows(&[city], true);
    p.context
        .insert("summary_chart", &names.summary_chart(&pace));
    p.context.insert("pace_rows", &pace);
    p.context.insert("city", &config);
    p.context.insert("districts", &districts);
    p.context.insert("reports", &reports);
    p.context
        .insert("metrics", &names.rows(metrics.clone(), |_| true));
    p.context
        .insert("tally", &tally(metrics.map(Metric::status)));
    p
}

fn district_page(site: &Site, names: &Names, city: &str, district: &str) -> Page {
    let city_name = names.city(city);
    let name = names.district(city, district);
    let city_path = format!("cities/{city}/");
    let path = format!("cities/{city}/{district}/");
    let mut p = page(
        format!("{path}index.html"),
        "district.html",
        names.url(&path),
        format!("{city_name} {name}"),
        names.crumbs(&[
            (&names.t("cities"), "cities/"),
            (&city_name, &city_path),
            (&name, &path),
        ]),
    );
    let reports: Vec<ReportLink> = site
        .reports
        .iter()
        .filter(|r| mentions(r, city, Some(district)))
        .map(|r| names.report_link(r))
        .collect();
    let metrics = site.metrics.iter().filter(|m| m.city == city);
    let here = |s: &Standing| s.district.as_deref() == Some(district);
    let title = names
        .t("chart_district_title")
        .replace("{place}", &format!("{city_name} {name}"));
    let chart = names.chart(title, |title| {
        let bars: Vec<Bar> = metrics
            .clone()
            .flat_map(|m| {
                m.standings
                    .iter()
                    .filter(|s| here(s))
                    .map(move |s| bar(m, s, m.label.clone()))
            })
            .collect();
        charts::progress("chart-district", title, &bars, names.strings)
    });
    p.context.insert("progress_chart", &chart);
    p.context.insert("name", &name);
    p.context.insert("city_name", &city_name);
    p.context.insert("city_url", &names.url(&city_path));
    p.context.insert(
        "fictional",
        &site.config.city(city).is_some_and(|c| c.fictional),
    );
    p.context.insert("reports", &reports);
    p.context
        .insert("metrics", &names.rows(metrics.clone(), here));
    p.context.insert(
        "tally",
        &tally(
            metrics
                .flat_map(|m| m.standings.iter())
                .filter(|s| here(s))
                .map(|s| s.status),
        ),
    );
    p
}

fn years_of(site: &Site) -> Vec<i32> {
    let years: BTreeSet<i32> = site
        .reports
        .iter()
        .map(|r| r.year)
        .chain(site.metrics.iter().map(|m| m.year))
        .collect();
    years.into_iter().rev().collect()
}

fn years_index(site: &Site, names: &Names, years: &[i32]) -> Page {
    let mut p = page(
        "years/index.html".into(),
        "years.html",
        names.url("years/"),
        names.t("years"),
        names.crumbs(&[(&names.t("years"), "years/")]),
    );
    let links: Vec<PlaceLink> = years
        .iter()
        .map(|&y| PlaceLink {
            name: y.to_string(),
            url: names.url(&format!("years/{y}/")),
            reports: site.reports.iter().filter(|r| r.year == y).count(),
            metrics: site.metrics.iter().filter(|m| m.year == y).count(),
            fictional: false,
        })
        .collect();
    p.context.insert("years", &links);
    p
}

fn year_page(site: &Site, names: &Names, year: i32) -> Page {
    let path = format!("years/{year}/");
    let title = names.t("year_title").replace("{year}", &year.to_string());
    let mut p = page(
        format!("{path}index.html"),
        "year.html",
        names.url(&path),
        title.clone(),
        names.crumbs(&[(&names.t("years"), "years/"), (&title, &path)]),
    );
    let reports: Vec<ReportLink> = site
        .reports
        .iter()
        .filter(|r| r.year == year)
        .map(|r| names.report_link(r))
        .collect();
    let metrics = site.metrics.iter().filter(|m| m.year == year);
    p.context.insert("year", &year);
    p.context.insert("reports", &reports);
    p.context
        .insert("metrics", &names.rows(metrics.clone(), |_| true));
    p.context
        .insert("tally", &tally(metrics.map(Metric::status)));
    p
}

fn topics_index(site: &Site, names: &Names) -> Page {
    let mut p = page(
        "topics/index.html".into(),
        "topics.html",
        names.url("topics/"),
        names.t("topics"),
        names.crumbs(&[(&names.t("topics"), "topics/")]),
    );
    let links: Vec<PlaceLink> = site
        .config
        .topics
        .iter()
        .map(|t| PlaceLink {
            name: t.name.clone(),
            url: names.url(&format!("topics/{}/", t.id)),
            reports: site
                .reports
                .iter()
                .filter(|r| r.topics.contains(&t.id))
                .count(),
            metrics: site
                .metrics
                .iter()
                .filter(|m| m.topic.as_deref() == Some(t.id.as_str()))
                .count(),
            fictional: false,
        })
        .collect();
    p.context.insert("topics", &links);
    p
}

fn topic_page(site: &Site, names: &Names, topic: &str) -> Page {
    let t = site.config.topic(topic);
    let name = t
        .map(|t| t.name.clone())
        .unwrap_or_else(|| topic.to_string());
    let path = format!("topics/{topic}/");
    let mut p = page(
        format!("{path}index.html"),
        "topic.html",
        names.url(&path),
        name.clone(),
        names.crumbs(&[(&names.t("topics"), "topics/"), (&name, &path)]),
    );
    let reports: Vec<ReportLink> = site
        .reports
        .iter()
        .filter(|r| {
            r.topics.iter().any(|x| x == topic)
                || r.metrics.iter().any(|m| {
                    names
                        .metrics
                        .get(m.id.as_str())
                        .is_some_and(|j| j.topic.as_deref() == Some(topic))
                })
        })
        .map(|r| names.report_link(r))
        .collect();
    let metrics = site
        .metrics
        .iter()
        .filter(|m| m.topic.as_deref() == Some(topic));
    p.context.insert("topic", &t);
    p.context.insert("reports", &reports);
    p.context
        .insert("metrics", &names.rows(metrics.clone(), |_| true));
    p.context
        .insert("tally", &tally(metrics.map(Metric::status)));
    p
}

fn metric_page(names: &Names, m: &Metric) -> Page {
    let path = format!("metrics/{}/", m.id);
    let city_name = names.city(&m.city);
    let city_path = format!("cities/{}/", m.city);
    let mut p = page(
        format!("{path}index.html"),
        "metric.html",
        names.url(&path),
        m.label.clone(),
        names.crumbs(&[
            (&names.t("cities"), "cities/"),
            (&city_name, &city_path),
            (&m.label, &path),
        ]),
    );
    #[derive(Serialize)]
    struct PointRow {
        date: String,
        place: String,
        target: String,
        actual: String,
        report_title: String,
        report_url: String,
        report_lang: Option<&'static str>,
    }
    let points: Vec<PointRow> = m
        .points
        .iter()
        .map(|pt| {
            let report = names.reports.get(pt.report.as_str());
            PointRow {
                date: pt.date.to_string(),
                place: names.place(&m.city, pt.district.as_deref()).0,
                target: pt.target.map(number).unwrap_or_default(),
                actual: pt.actual.map(number).unwrap_or_default(),
                report_title: report.map(|r| r.title.clone()).unwrap_or_default(),
                report_url: names.url(&format!("reports/{}/", pt.report)),
                report_lang: report
                    .filter(|r| r.language != names.site.config.language)
                    .map(|r| r.language.tag()),
            }
        })
        .collect();
    let topic = m
        .topic
        .as_deref()
        .and_then(|t| names.site.config.topic(t))
        .map(|t| Crumb {
            title: t.name.clone(),
            url: names.url(&format!("topics/{}/", t.id)),
            lang: None,
        });
    let progress_chart = if m.standings.len() > 1 {
        let title = names.t("chart_progress_title").replace("{label}", &m.label);
        names.chart(title, |title| {
            let bars: Vec<Bar> = m
                .standings
                .iter()
                .map(|s| bar(m, s, names.place(&m.city, s.district.as_deref()).0))
                .collect();
            charts::progress("chart-progress", title, &bars, names.strings)
        })
    } else {
        None
    };
    let time_charts: Vec<Chart> = m
        .standings
        .iter()
        .filter(|_| names.site.config.charts)
        .filter_map(|s| {
            let series = series(names, m, s.district.as_deref(), s.target)?;
            let title = names
                .t("chart_time_title")
                .replace("{label}", &m.label)
                .replace("{place}", &series.place);
            let id = format!("chart-time-{}", s.district.as_deref().unwrap_or(&m.city));
            names.chart(title, |title| {
                charts::over_time(&id, title, &series, names.strings)
            })
        })
        .collect();
    p.context.insert("progress_chart", &progress_chart);
    p.context.insert("time_charts", &time_charts);
    p.context.insert("metric_id", &m.id);
    p.context.insert("label", &m.label);
    p.context.insert("unit", &m.unit);
    p.context.insert("year", &m.year);
    p.context.insert("baseline", &m.baseline.map(number));
    p.context
        .insert("deadline", &m.deadline.map(|d| d.to_string()));
    p.context.insert("note", &m.note);
    p.context.insert("topic", &topic);
    p.context.insert("city_name", &city_name);
    p.context.insert("city_url", &names.url(&city_path));
    p.context
        .insert("metrics", &names.rows(std::iter::once(m), |_| true));
    p.context.insert("points", &points);
    p
}

/// A place's actuals of `m` by date, when it has at least two dates.
fn series(
    names: &Names,
    m: &Metric,
    district: Option<&str>,
    target: Option<f64>,
) -> Option<Series> {
    let mut points: Vec<(crate::dates::Date, f64)> = Vec::new();
    for pt in m
        .points
        .iter()
        .filter(|p| p.district.as_deref() == district)
    {
        let Some(actual) = pt.actual else { continue };
        // Of two figures for one date, the later report's stands.
        if points.last().is_some_and(|(d, _)| *d == pt.date) {
            points.pop();
        }
        points.push((pt.date, actual));
    }
    (points.len() > 1).then(|| Series {
        place: names.place(&m.city, district).0,
        unit: m.unit.clone(),
        target,
        start: m.period().0,
        deadline: m.deadline,
        points,
    })
}

fn not_found(names: &Names) -> Page {
    page(
        "404.html".into(),
        "404.html",
        names.url("404.html"),
        names.t("not_found"),
        Vec::new(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_as_reports_write_them() {
        let cases = [
            (77.0, "77"),
            (12.8, "12.8"),
            (5.7, "5.7"),
            (156.25, "156.25"),
            (0.0, "0"),
            (57000.0, "57000"),
            (1.005, "1"),
        ];
        for (n, text) in cases {
            assert_eq!(number(n), text);
        }
        assert_eq!(percent(145.0), "145%");
        assert_eq!(percent(110.0 / 194.0 * 100.0), "56.7%");
    }
}
