//! The home page: how far the whole site has come, the latest progress and
//! reports, and the cities.

use super::pace::{self, Chart, PaceRow};
use super::shared::{MetricRow, PlaceLink, ReportLink, Tally};
use super::{Shared, Values, View, bare};
use serde::Serialize;
use std::borrow::Cow;

/// How many of the newest reports the home page lists.
pub const LATEST: usize = 10;

#[derive(Serialize)]
pub struct Home<'a> {
    summary_chart: Option<Chart>,
    pace_rows: Vec<PaceRow>,
    reports: Vec<ReportLink<'a>>,
    cities: Vec<PlaceLink<'a>>,
    metrics: Vec<MetricRow<'a>>,
    tally: Tally,
    report_count: usize,
}

pub fn view<'a>(shared: &'a Shared<'a>) -> View<'a> {
    let site = shared.site;
    let index = shared.index;
    let mut view = bare(
        shared,
        "",
        "index.html",
        site.config.title.clone(),
        Vec::new(),
    );
    let latest: Vec<usize> = (0..site.reports.len().min(LATEST)).collect();
    let cities = site
        .config
        .cities
        .iter()
        .enumerate()
        .map(|(c, city)| PlaceLink {
            name: Cow::Borrowed(&shared.places[c][0].name),
            url: Cow::Borrowed(&shared.places[c][0].url),
            reports: index.cities[c].reports.len(),
            metrics: index.cities[c].metrics.len(),
            fictional: city.fictional,
        })
        .collect();
    let pace_rows = pace::city_totals(shared);
    view.values = Values::Home(Home {
        summary_chart: pace::chart(shared, &pace_rows),
        pace_rows,
        reports: shared.report_links(&latest),
        cities,
        metrics: index
            .headline
            .iter()
            .map(|&(m, s)| shared.row(m, s))
            .collect(),
        tally: Tally::new(site.metrics.len(), index.pace_total),
        report_count: site.reports.len(),
    });
    view
}
