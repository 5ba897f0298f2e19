//! The pace summary on the home page and on each city's page: per place,
//! how many metrics are done, on track, behind, without data or without a
//! target, as a chart and as the table of the same numbers.

use super::Shared;
use crate::charts::{self, Tally};
use serde::Serialize;

/// A chart ready to print: its caption and its `<svg>` markup.
#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    pub title: String,
    pub svg: String,
}

/// One place's metrics counted by pace, for the summary chart's table.
#[derive(Debug, Clone, Serialize)]
pub struct PaceRow {
    pub name: String,
    pub url: String,
    pub total: usize,
    /// In the order of [`crate::model::Pace::ALL`].
    pub counts: [usize; 5],
}

/// The rows of every place of `cities` (by position) that has metrics;
/// districts are named with their city unless `short`.
pub fn rows(shared: &Shared, cities: &[usize], short: bool) -> Vec<PaceRow> {
    let mut rows = Vec::new();
    for &c in cities {
        for (place, &counts) in shared.index.paces[c].iter().enumerate() {
            let total = counts.iter().sum();
            if total == 0 {
                continue;
            }
            let shown = &shared.places[c][place];
            let name = if place > 0 && !short {
                format!("{} {}", shared.places[c][0].name, shown.name)
            } else {
                shown.name.clone()
            };
            rows.push(PaceRow {
                name,
                url: shown.url.clone(),
                total,
                counts,
            });
        }
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
