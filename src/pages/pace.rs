//! The pace summary on the home page and on each city's page: per place,
//! how many metrics are done, on track, behind, without data or without a
//! target, as a chart and as the table of the same numbers. The home page
//! counts each city with its districts; a city's page counts the city as a
//! whole and each district apart.

use super::Shared;
use crate::charts::{self, Tally};
use crate::i18n::fill;
use serde::Serialize;

/// A chart ready to print: its caption and its `<svg>` markup.
#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    pub title: String,
    /// The chart's wide frame, and its narrow one (see [`crate::charts::Frames`]).
    pub svg: String,
    pub narrow: String,
}

/// One place's metrics counted by pace, for the summary chart's table.
#[derive(Debug, Clone, Serialize)]
pub struct PaceRow {
    pub name: String,
    pub url: String,
    pub total: usize,
    /// In the order of [`crate::model::Pace::ALL`].
    pub counts: [usize; crate::model::PACES],
}

/// One row for city `c` as a whole and one for each of its districts
/// that has metrics: a city page's summary.
pub fn rows(shared: &Shared, c: usize) -> Vec<PaceRow> {
    shared.index.paces[c]
        .iter()
        .zip(&shared.places[c])
        .filter_map(|(&counts, place)| {
            let total = counts.iter().sum();
            (total > 0).then(|| PaceRow {
                name: place.name.clone(),
                url: place.url.clone(),
                total,
                counts,
            })
        })
        .collect()
}

/// One row per city, counting the metrics of the city as a whole and of
/// all its districts together: the home page's summary, which stays one
/// row per city however many districts a national site has.
pub fn city_totals(shared: &Shared) -> Vec<PaceRow> {
    let mut rows = Vec::new();
    for (c, places) in shared.index.paces.iter().enumerate() {
        let mut counts = [0usize; crate::model::PACES];
        for place in places {
            for (total, n) in counts.iter_mut().zip(place) {
                *total += n;
            }
        }
        let total = counts.iter().sum();
        if total == 0 {
            continue;
        }
        let city = &shared.places[c][0];
        rows.push(PaceRow {
            name: fill(&shared.t("pace_city_total"), &[("city", city.name.clone())]),
            url: city.url.clone(),
            total,
            counts,
        });
    }
    rows
}

/// The summary chart of `rows`, unless charts are off.
pub fn chart<'a>(shared: &'a Shared<'a>, rows: &[PaceRow]) -> Option<Chart> {
    let tallies: Vec<Tally> = rows
        .iter()
        .map(|r| Tally {
            label: r.name.clone(),
            counts: r.counts,
        })
        .collect();
    shared.chart(shared.t("chart_summary_title"), |title| {
        charts::summary("chart-summary", title, &tallies, shared.strings)
    })
}
