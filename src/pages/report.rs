//! A report's page: its facts, its body, the figures it states and where
//! they come from.

use super::shared::{Crumb, Figures, MetricRow, ReportLink, row_note, standing_key};
use super::{BodyReader, Shared, Values, View, bare};
use crate::diagnostic::Diagnostic;
use crate::model::Source;
use serde::Serialize;
use std::borrow::Cow;

#[derive(Serialize)]
pub struct ReportPage<'a> {
    report: ReportLink<'a>,
    city_url: &'a str,
    city_name: &'a str,
    place: &'a str,
    place_url: &'a str,
    fictional: bool,
    year_url: String,
    topics: Vec<Crumb>,
    source: &'a Option<Source>,
    metrics: Vec<MetricRow<'a>>,
    /// The places the rows are grouped by, each linking to its first row,
    /// when there are more than [`GROUP_PLACES`]; otherwise none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    places: Vec<Crumb>,
    body: String,
}

/// A report with figures for more places than this groups its rows by
/// place, with a list of the places at the top, so that a reader of a
/// report with 60 districts finds theirs.
const GROUP_PLACES: usize = 6;

pub fn view<'a>(shared: &'a Shared, r: usize, body: &BodyReader) -> Result<View<'a>, Diagnostic> {
    let site = shared.site;
    let report = &site.reports[r];
    let path = super::path::report(&report.slug);
    let reports = shared.t("reports");
    let mut crumbs = shared.crumbs(&[(&reports, "reports/"), (&report.title, &path)]);
    if let Some(last) = crumbs.last_mut() {
        last.lang = (report.language != site.config.language).then_some(report.language.tag());
    }
    let mut view = bare(shared, &path, "report.html", report.title.clone(), crumbs);
    let city = shared.index.report_city[r];
    let city_config = &site.config.cities[city];
    let place = shared.place(city, report.district.as_deref());
    let topics = report
        .topics
        .iter()
        .filter_map(|t| shared.topic_link(t))
        .collect();
    let body = body(report)?;
    let (metrics, places) = grouped(rows(shared, r));
    view.values = Values::Report(ReportPage {
        report: shared.report_link(r),
        city_url: &shared.places[city][0].url,
        city_name: &city_config.name,
        place: &place.name,
        place_url: &place.url,
        fictional: city_config.fictional,
        year_url: shared.url(&super::path::year(report.year)),
        topics,
        source: &report.source,
        metrics,
        places,
        body,
    });
    Ok(view)
}

/// `rows` (each with its place's order in the city) grouped by place when
/// they are of more than [`GROUP_PLACES`] places, the first row of each
/// place with an anchor, and the list of places linking to them.
fn grouped(rows: Vec<(usize, MetricRow)>) -> (Vec<MetricRow>, Vec<Crumb>) {
    let mut order: Vec<usize> = rows.iter().map(|(p, _)| *p).collect();
    order.sort_unstable();
    order.dedup();
    if order.len() <= GROUP_PLACES {
        return (rows.into_iter().map(|(_, row)| row).collect(), Vec::new());
    }
    let mut rows = rows;
    rows.sort_by_key(|(p, _)| *p);
    let mut places = Vec::new();
    let mut last = None;
    let rows = (rows.into_iter())
        .map(|(p, mut row)| {
            if last != Some(p) {
                let anchor = format!("place-{p}");
                places.push(Crumb {
                    title: row.place.to_string(),
                    url: format!("#{anchor}"),
                    lang: None,
                });
                row.anchor = Some(anchor);
                last = Some(p);
            }
            row
        })
        .collect();
    (rows, places)
}

/// One row per figure the report states, each measured against the target
/// it counts against (an update's own, or the plan's for that place), with
/// its place's order in the city (0 for the city as a whole).
fn rows<'a>(shared: &'a Shared<'a>, r: usize) -> Vec<(usize, MetricRow<'a>)> {
    let site = shared.site;
    let report = &site.reports[r];
    let mut rows = Vec::new();
    for (e, entry) in report.metrics.iter().enumerate() {
        let Some(m) = site.metric(&entry.id) else {
            continue;
        };
        let metric = &site.metrics[m];
        for (v, value) in entry.values.iter().enumerate() {
            let Some(point) = metric.point_of(r, e, v) else {
                continue;
            };
            let mut standing = point.standing(value);
            standing.note = value.note.clone();
            standing.pace = point.pace;
            let figures = Figures::of(&standing);
            let city = shared.index.metric_city[m];
            let place = shared.place(city, value.district.as_deref());
            let order = shared.place_index(city, value.district.as_deref());
            rows.push((
                order,
                MetricRow {
                    label: &metric.label,
                    lang: shared.lang_of(metric.language),
                    url: &shared.metric_urls[m],
                    unit: &metric.unit,
                    place: &place.name,
                    place_url: &place.url,
                    target: Cow::Owned(figures.target),
                    actual: Cow::Owned(figures.actual),
                    target_exact: figures.target_exact.map(Cow::Owned),
                    actual_exact: figures.actual_exact.map(Cow::Owned),
                    progress: Cow::Owned(figures.progress),
                    bar: figures.bar,
                    pace: standing.pace,
                    basis: standing.basis,
                    standing: standing_key(&standing),
                    as_of: standing.as_of,
                    // This report's own remark and year, not the latest ones
                    // across reports.
                    note: row_note(&standing, entry.note.as_deref(), entry.values.len())
                        .map(|n| Cow::Owned(n.to_string())),
                    year: entry.year,
                    anchor: None,
                },
            ));
        }
    }
    rows
}
