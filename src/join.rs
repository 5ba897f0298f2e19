//! Joining every report's metric entries into one series per metric.
//!
//! A plan introduces a metric (`label`, `unit`, targets); later progress
//! updates and reviews add actuals under the same id. This stage owns the
//! rules that span reports: a metric keeps one unit and one city, and an
//! update must refer to a metric some report introduces. It reports every
//! violation with the place of both sides, and never reads files.

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::model::{Metric, MetricEntry, Point, Report, Standing};
use std::collections::BTreeMap;

/// Joins the metric entries of `reports` (in any order). When `complete` is
/// false some report could not be read, so a metric that seems undefined may
/// be defined there: those entries are skipped instead of reported.
pub fn join(
    reports: &[Report],
    config: &Config,
    complete: bool,
) -> Result<Vec<Metric>, Vec<Diagnostic>> {
    let mut chronological: Vec<&Report> = reports.iter().collect();
    chronological.sort_by(|a, b| (a.published, &a.slug).cmp(&(b.published, &b.slug)));

    let mut by_id: BTreeMap<&str, Vec<(&Report, &MetricEntry)>> = BTreeMap::new();
    for report in &chronological {
        for entry in &report.metrics {
            by_id
                .entry(entry.id.as_str())
                .or_default()
                .push((report, entry));
        }
    }

    let mut errors = Vec::new();
    let mut metrics = Vec::new();
    for (id, entries) in by_id {
        if !complete && entries.iter().all(|(_, e)| e.label.is_none()) {
            continue;
        }
        match join_one(id, &entries, config) {
            Ok(metric) => metrics.push(metric),
            Err(mut problems) => errors.append(&mut problems),
        }
    }
    if errors.is_empty() {
        Ok(metrics)
    } else {
        errors.sort();
        Err(errors)
    }
}

fn join_one(
    id: &str,
    entries: &[(&Report, &MetricEntry)],
    config: &Config,
) -> Result<Metric, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let Some((first_report, first)) = entries.iter().find(|(_, e)| e.label.is_some()).copied()
    else {
        for (report, entry) in entries {
            errors.push(Diagnostic::at(
                &report.file,
                entry.line,
                entry.column,
                Some(format!("metrics[{}].id", index_of(report, entry))),
                format!("no report introduces metric `{id}`: check the id for a typo, or give this entry a `label` and `unit` to introduce it here"),
            ));
        }
        return Err(errors);
    };

    let unit = first.unit.clone().unwrap_or_default();
    for (report, entry) in entries {
        if report.city != first_report.city {
            errors.push(Diagnostic::at(
                &report.file,
                entry.line,
                entry.column,
                Some(format!("metrics[{}].id", index_of(report, entry))),
                format!(
                    "metric `{id}` belongs to {} ({}:{}); a report for {} cannot update it: use a different id",
                    city_name(config, &first_report.city), first_report.file, first.line, city_name(config, &report.city)
                ),
            ));
        }
        if let Some(other) = &entry.unit
            && *other != unit
        {
            errors.push(Diagnostic::at(
                    &report.file,
                    entry.unit_line,
                    entry.unit_column,
                    Some(format!("metrics[{}].unit", index_of(report, entry))),
                    format!(
                        "metric `{id}` changes unit from {unit} to {other}; it was introduced in {}:{}:{} with unit {unit}, and a metric's unit cannot change (convert the figures, or introduce a new metric)",
                        first_report.file, first.unit_line, first.unit_column
                    ),
                ));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    // The latest entry that states a descriptive field wins.
    let latest =
        |f: &dyn Fn(&MetricEntry) -> bool| entries.iter().rev().map(|(_, e)| *e).find(|e| f(e));
    let label_entry = latest(&|e| e.label.is_some()).unwrap_or(first);

    let mut points: Vec<Point> = Vec::new();
    for (report, entry) in entries {
        for value in &entry.values {
            points.push(Point {
                report: report.slug.clone(),
                date: value.as_of,
                district: value.district.clone(),
                target: value.target,
                actual: value.actual,
                note: value.note.clone(),
            });
        }
    }
    // Entries are chronological by report; a stable sort by measurement date
    // keeps report order among points measured on the same date.
    points.sort_by_key(|p| p.date);

    let mut reports: Vec<String> = Vec::new();
    for (report, _) in entries {
        if !reports.contains(&report.slug) {
            reports.push(report.slug.clone());
        }
    }

    Ok(Metric {
        id: id.to_string(),
        label: label_entry.label.clone().unwrap_or_default(),
        unit,
        topic: latest(&|e| e.topic.is_some()).and_then(|e| e.topic.clone()),
        city: first_report.city.clone(),
        year: label_entry.year,
        baseline: latest(&|e| e.baseline.is_some()).and_then(|e| e.baseline),
        deadline: latest(&|e| e.deadline.is_some()).and_then(|e| e.deadline),
        note: latest(&|e| e.note.is_some()).and_then(|e| e.note.clone()),
        reports,
        standings: standings(&points, config, &first_report.city),
        points,
    })
}

/// The latest target and actual for each place, in config order.
fn standings(points: &[Point], config: &Config, city: &str) -> Vec<Standing> {
    let order: Vec<Option<&str>> = std::iter::once(None)
        .chain(
            config
                .city(city)
                .into_iter()
                .flat_map(|c| c.districts.iter().map(|d| Some(d.id.as_str()))),
        )
        .collect();
    order
        .into_iter()
        .filter_map(|place| {
            let here: Vec<&Point> = points
                .iter()
                .filter(|p| p.district.as_deref() == place)
                .collect();
            if here.is_empty() {
                return None;
            }
            let target = here.iter().rev().find_map(|p| p.target);
            let actual = here.iter().rev().find(|p| p.actual.is_some());
            let mut standing = Standing::new(
                place.map(str::to_string),
                target,
                actual.and_then(|p| p.actual),
                actual.map(|p| p.date),
            );
            // A remark stands until a later report gives the figure it was
            // about: a new target for a remark on a target alone, otherwise
            // a new actual (数据待核对 goes once the figure arrives).
            standing.note = here.iter().enumerate().rev().find_map(|(i, p)| {
                let note = p.note.as_ref()?;
                let later = &here[i + 1..];
                let superseded = if p.target.is_some() && p.actual.is_none() {
                    later.iter().any(|q| q.target.is_some())
                } else {
                    later.iter().any(|q| q.actual.is_some())
                };
                (!superseded).then(|| note.clone())
            });
            Some(standing)
        })
        .collect()
}

fn index_of(report: &Report, entry: &MetricEntry) -> usize {
    report
        .metrics
        .iter()
        .position(|e| std::ptr::eq(e, entry))
        .unwrap_or(0)
}

fn city_name<'a>(config: &'a Config, id: &'a str) -> &'a str {
    config.city(id).map(|c| c.name.as_str()).unwrap_or(id)
}
