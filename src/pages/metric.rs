//! A metric's page: its facts, each place's standing as bars and a table,
//! each place's actuals over time, and every value reports stated, with the
//! report it came from (the series, paginated).

use super::pace::Chart;
use super::paging::{self, Pager};
use super::shared::{Crumb, MetricRow, PointRow};
use super::{More, Shared, Values, View, bare};
use crate::charts::{self, Bar, Series};
use crate::i18n::fill;
use crate::model::date::Date;
use crate::model::{Figure, Metric};
use serde::Serialize;

#[derive(Serialize)]
pub struct MetricPage<'a> {
    progress_chart: Option<Chart>,
    time_charts: Vec<Chart>,
    metric_id: &'a str,
    label: &'a str,
    /// The label's language, when it is not the page's.
    lang: Option<&'static str>,
    unit: &'a str,
    year: i32,
    baseline: Option<String>,
    deadline: Option<Date>,
    note: Option<&'a str>,
    topic: Option<Crumb>,
    city_name: &'a str,
    city_url: &'a str,
    metrics: Vec<MetricRow<'a>>,
    points: Vec<PointRow<'a>>,
    series_pager: Option<Pager>,
}

/// Page `n` of metric `m`: the metric's own page for 1, else a later page
/// of its series.
pub fn view<'a>(shared: &'a Shared<'a>, m: usize, n: usize) -> View<'a> {
    let site = shared.site;
    let metric = &site.metrics[m];
    let city = shared.index.metric_city[m];
    let city_place = &shared.places[city][0];
    let path = super::path::metric(&metric.id);
    let trail_cities = shared.t("cities");
    let city_path = super::path::city(&metric.city);
    let mut trail = vec![
        (trail_cities.as_str(), "cities/"),
        (city_place.name.as_str(), city_path.as_str()),
        (metric.label.as_str(), path.as_str()),
    ];
    let size = site.config.page_size;
    let pages = paging::count(metric.points.len(), size);
    let first = shared.url(&path);
    let series_url = shared.url(&super::path::series_root(&metric.id));
    let pager = shared.pager(&first, &series_url, n, pages);
    let start = (n - 1) * size;
    let points = metric.points
        [start.min(metric.points.len())..(start + size).min(metric.points.len())]
        .iter()
        .map(|p| {
            let (report, _, value) = site.value(p);
            let (target, target_exact) = value.target.map(Figure::shown).unwrap_or_default();
            let (actual, actual_exact) = value.actual.map(Figure::shown).unwrap_or_default();
            PointRow {
                date: p.date,
                place: &shared.place(city, value.district.as_deref()).name,
                target,
                actual,
                target_exact,
                actual_exact,
                report_title: &report.title,
                report_url: &shared.report_urls[p.report as usize],
                report_lang: (report.language != site.config.language)
                    .then_some(report.language.tag()),
            }
        })
        .collect();

    if n > 1 {
        let title = shared.list_title(&metric.label, &shared.t("series"), n, pages);
        let page_path = super::path::series(&metric.id, n);
        trail.push((&title, &page_path));
        let crumbs = shared.crumbs(&trail);
        let mut view = bare(shared, &page_path, "list.html", title.clone(), crumbs);
        view.values = Values::More(More {
            list: "series",
            owner: Crumb {
                title: metric.label.clone(),
                url: first,
                lang: None,
            },
            pager,
            reports: Vec::new(),
            metrics: Vec::new(),
            progress_chart: None,
            points,
            unit: Some(&metric.unit),
        });
        return view;
    }

    let crumbs = shared.crumbs(&trail);
    let mut view = bare(shared, &path, "metric.html", metric.label.clone(), crumbs);
    let topic = metric.topic.as_deref().and_then(|t| shared.topic_link(t));
    view.values = Values::Metric(MetricPage {
        progress_chart: progress_chart(shared, m),
        time_charts: time_charts(shared, m),
        metric_id: &metric.id,
        label: &metric.label,
        lang: shared.lang_of(metric.language),
        unit: &metric.unit,
        year: metric.year,
        baseline: metric.baseline.map(|f| f.to_string()),
        deadline: metric.deadline,
        note: metric.note.as_deref(),
        topic,
        city_name: &city_place.name,
        city_url: &city_place.url,
        metrics: shared.rows(&[m]),
        points,
        series_pager: pager,
    });
    view
}

/// One bar per place, when the metric has more than one.
fn progress_chart<'a>(shared: &'a Shared<'a>, m: usize) -> Option<Chart> {
    let metric = &shared.site.metrics[m];
    if metric.standings.len() <= 1 {
        return None;
    }
    let city = shared.index.metric_city[m];
    let title = fill(
        &shared.t("chart_progress_title"),
        &[("label", metric.label.clone())],
    );
    shared.chart(title, |title| {
        let bars: Vec<Bar> = metric
            .standings
            .iter()
            .map(|s| {
                let place = shared.place(city, s.district.as_deref());
                Bar::of(metric, s, place.name.clone())
            })
            .collect();
        charts::progress("chart-progress", title, &bars, shared.strings)
    })
}

/// Each place's actuals by date, for places measured on two dates or more.
fn time_charts<'a>(shared: &'a Shared<'a>, m: usize) -> Vec<Chart> {
    let site = shared.site;
    let metric = &site.metrics[m];
    if !site.config.charts {
        return Vec::new();
    }
    let city = shared.index.metric_city[m];
    metric
        .standings
        .iter()
        .filter_map(|s| {
            let place = &shared.place(city, s.district.as_deref()).name;
            let series = series(shared, metric, s.district.as_deref(), s.target, place)?;
            let title = fill(
                &shared.t("chart_time_title"),
                &[("label", metric.label.clone()), ("place", place.clone())],
            );
            let id = format!(
                "chart-time-{}",
                s.district.as_deref().unwrap_or(&metric.city)
            );
            shared.chart(title, |title| {
                charts::over_time(&id, title, &series, shared.strings)
            })
        })
        .collect()
}

/// At most this many dates are drawn in a place's chart over time.
pub const TIME_CHART_POINTS: usize = 24;

/// A place's actuals of `metric` by date, when it has at least two dates:
/// the latest [`TIME_CHART_POINTS`] of them.
fn series(
    shared: &Shared,
    metric: &Metric,
    district: Option<&str>,
    target: Option<Figure>,
    place: &str,
) -> Option<Series> {
    let mut points: Vec<(Date, Figure)> = Vec::new();
    for point in &metric.points {
        let (_, _, value) = shared.site.value(point);
        if value.district.as_deref() != district {
            continue;
        }
        let Some(actual) = value.actual else { continue };
        // Of two figures for one date, the later report's stands.
        if points.last().is_some_and(|(d, _)| *d == point.date) {
            points.pop();
        }
        points.push((point.date, actual));
    }
    // Nothing but zeros draws an axis about nothing.
    let all_zero = points.iter().all(|(_, f)| f.is_zero()) && target.is_none_or(Figure::is_zero);
    // However many reports a metric has, its page stays the same size: the
    // latest figures are drawn, and the chart says where the rest are.
    let earlier = points.len().saturating_sub(TIME_CHART_POINTS);
    points.drain(..earlier);
    (points.len() > 1 && !all_zero).then(|| Series {
        place: place.to_string(),
        unit: metric.unit.clone(),
        target,
        start: metric.period().0,
        deadline: metric.deadline,
        points,
        earlier,
    })
}
