//! Joining every report's metric entries into one series per metric.
//!
//! A plan introduces a metric (`label`, `unit`, targets); later progress
//! updates and reviews add actuals under the same id. This stage owns the
//! rules that span reports: a metric keeps one unit and one city, and an
//! update must refer to a metric some report introduces. It reports every
//! violation with the place of both sides, and never reads files.
//!
//! The [`index`] built right after the join answers every question pages
//! ask, so that no page has to scan the whole site.

pub mod index;

use crate::diagnostic::Diagnostic;
use crate::model::config::Config;
use crate::model::date::Date;
use crate::model::{
    Basis, DistrictId, Figure, Metric, MetricEntry, Pace, Point, Report, Standing, Value,
};
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeSet;
use std::sync::Arc;

/// One report's statement of a metric: the report, its index in the site's
/// report list, and the entry's index in the report.
type Stated<'a> = (&'a Report, u32, u32);

/// Joins the metric entries of `reports`; points refer to reports by their
/// index in `reports`. `unread_ids` are ids that reports which could not be
/// read may introduce: updates of those are skipped instead of reported
/// as undefined, since the answer depends on the unread file.
pub fn join(
    reports: &[Arc<Report>],
    config: &Config,
    unread_ids: &crate::load::Unread,
) -> Result<Vec<Arc<Metric>>, Vec<Diagnostic>> {
    join_ids(reports, config, unread_ids, None)
}

/// What [`join`] gives for `reports`, made again only for the metrics
/// that the edited reports state, before or after the edit; the others
/// are taken from `before`, the metrics joined from `reports_before`.
/// Those are the same reports in the same order, some of them edited
/// (told apart by pointer). A metric is made from its own statements
/// alone, and those of the others have not changed; the reports that
/// state it are those that stated it before, and the edited ones.
pub fn join_again(
    reports: &[Arc<Report>],
    config: &Config,
    reports_before: &[Arc<Report>],
    before: &[Arc<Metric>],
) -> Result<Vec<Arc<Metric>>, Vec<Diagnostic>> {
    let edited: Vec<u32> = (0..reports.len() as u32)
        .filter(|&r| {
            reports_before
                .get(r as usize)
                .is_none_or(|old| !Arc::ptr_eq(old, &reports[r as usize]))
        })
        .collect();
    let ids: BTreeSet<&str> = edited
        .iter()
        .flat_map(|&r| {
            let old = reports_before.get(r as usize).map(|old| &old.metrics);
            old.into_iter()
                .flatten()
                .chain(&reports[r as usize].metrics)
        })
        .map(|entry| entry.id.as_str())
        .collect();
    let mut stating: BTreeSet<u32> = edited.iter().copied().collect();
    for id in &ids {
        if let Ok(m) = before.binary_search_by(|m| m.id.as_str().cmp(id)) {
            stating.extend(&before[m].reports);
        }
    }
    let only = Only {
        ids: &ids,
        reports: &stating,
    };
    let again = join_ids(reports, config, &crate::load::Unread::None, Some(only))?;
    let mut metrics: Vec<Arc<Metric>> = before
        .iter()
        .filter(|m| !ids.contains(m.id.as_str()))
        .cloned()
        .chain(again)
        .collect();
    metrics.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(metrics)
}

/// The metrics to join again: those with these `ids`, which only these
/// `reports` (by position) state.
#[derive(Clone, Copy)]
struct Only<'a> {
    ids: &'a BTreeSet<&'a str>,
    reports: &'a BTreeSet<u32>,
}

/// Joins the metrics of `reports`, or `only` some of them.
fn join_ids(
    reports: &[Arc<Report>],
    config: &Config,
    unread_ids: &crate::load::Unread,
    only: Option<Only>,
) -> Result<Vec<Arc<Metric>>, Vec<Diagnostic>> {
    let mut chronological: Vec<u32> = match only {
        Some(only) => only.reports.iter().copied().collect(),
        None => (0..reports.len() as u32).collect(),
    };
    chronological.sort_by(|&a, &b| {
        let (a, b) = (&reports[a as usize], &reports[b as usize]);
        (a.published, &a.slug).cmp(&(b.published, &b.slug))
    });

    // Grouped by hashing, then sorted by id once per metric: a sorted map
    // would compare ids at every one of the tens of thousands of entries.
    let mut by_id: HashMap<&str, Vec<Stated>> = HashMap::default();
    for &r in &chronological {
        let report = &reports[r as usize];
        for (e, entry) in report.metrics.iter().enumerate() {
            if only.is_some_and(|only| !only.ids.contains(entry.id.as_str())) {
                continue;
            }
            by_id
                .entry(entry.id.as_str())
                .or_default()
                .push((report, r, e as u32));
        }
    }
    let mut by_id: Vec<(&str, Vec<Stated>)> = by_id.into_iter().collect();
    by_id.sort_unstable_by_key(|&(id, _)| id);

    let groups: Vec<(&str, Vec<Stated>)> = by_id
        .into_iter()
        .filter(|(id, entries)| {
            !unread_ids.contains(id)
                || entries
                    .iter()
                    .any(|(r, _, e)| r.metrics[*e as usize].label.is_some())
        })
        .collect();
    let joined: Vec<Result<Metric, Vec<Diagnostic>>> = groups
        .par_iter()
        .map(|(id, entries)| join_one(id, entries, config))
        .collect();
    let mut errors = Vec::new();
    let mut metrics = Vec::with_capacity(joined.len());
    for result in joined {
        match result {
            Ok(metric) => metrics.push(Arc::new(metric)),
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

fn join_one(id: &str, stated: &[Stated], config: &Config) -> Result<Metric, Vec<Diagnostic>> {
    let entries: Vec<(&Report, &MetricEntry)> = stated
        .iter()
        .map(|(r, _, e)| (*r, &r.metrics[*e as usize]))
        .collect();
    let mut errors = Vec::new();
    let Some((first_report, first)) = entries.iter().find(|(_, e)| e.label.is_some()).copied()
    else {
        for (report, entry) in &entries {
            errors.push(Diagnostic::at(
                &report.file,
                entry.line,
                entry.column,
                Some(format!("metrics[{}].id", index_of(report, entry))),
                crate::say!("metric-not-introduced", id = id),
            ));
        }
        return Err(errors);
    };

    let unit = first.unit.clone().unwrap_or_default();
    for (report, entry) in &entries {
        // A report whose city is not declared has been reported already,
        // and says nothing about which city the metric belongs to; nor
        // does an introduction without a unit say what its unit is.
        if report.city != first_report.city
            && !report.city.is_empty()
            && !first_report.city.is_empty()
        {
            errors.push(Diagnostic::at(
                &report.file,
                entry.line,
                entry.column,
                Some(format!("metrics[{}].id", index_of(report, entry))),
                crate::say!(
                    "metric-other-city",
                    id = id,
                    city = city_name(config, &first_report.city),
                    place = format!("{}:{}:{}", first_report.file, first.line, first.column),
                    other = city_name(config, &report.city)
                ),
            ));
        }
        if let Some(other) = &entry.unit
            && first.unit.is_some()
            && *other != unit
        {
            errors.push(Diagnostic::at(
                &report.file,
                entry.unit_line,
                entry.unit_column,
                Some(format!("metrics[{}].unit", index_of(report, entry))),
                crate::say!(
                    "metric-unit-changes",
                    id = id,
                    unit = &unit,
                    other = other,
                    place = format!(
                        "{}:{}:{}",
                        first_report.file, first.unit_line, first.unit_column
                    )
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

    let mut series: Vec<(Point, &Value)> = Vec::new();
    for &(report, r, e) in stated {
        for (v, value) in report.metrics[e as usize].values.iter().enumerate() {
            let point = Point {
                report: r,
                entry: e,
                value: v as u32,
                date: value.as_of,
                target: value.target,
                pace: Pace::NoData,
            };
            series.push((point, value));
        }
    }
    // Entries are chronological by report; a stable sort by measurement date
    // keeps report order among points measured on the same date.
    series.sort_by_key(|(p, _)| p.date);
    let (mut points, values): (Vec<Point>, Vec<&Value>) = series.into_iter().unzip();
    let order = place_order(config, &first_report.city);
    let places = place_numbers(&values, &order);
    measure_against_targets(&mut points, &values, &places);

    let mut reports: Vec<u32> = stated.iter().map(|(_, r, _)| *r).collect();
    reports.dedup();
    let districts_add_up = entries.iter().any(|(_, e)| e.districts_add_up);

    let mut metric = Metric {
        id: id.to_string(),
        label: label_entry.label.clone().unwrap_or_default(),
        language: entries
            .iter()
            .rev()
            .find(|(_, e)| e.label.is_some())
            .map_or(first_report.language, |(r, _)| r.language),
        unit,
        topic: latest(&|e| e.topic.is_some()).and_then(|e| e.topic.clone()),
        city: first_report.city.clone(),
        year: label_entry.year,
        baseline: latest(&|e| e.baseline.is_some()).and_then(|e| e.baseline),
        deadline: latest(&|e| e.deadline.is_some()).and_then(|e| e.deadline),
        note: latest(&|e| e.note.is_some()).and_then(|e| e.note.clone()),
        districts_add_up,
        reports,
        standings: standings(&values, &points, &places, order.len(), districts_add_up),
        points,
    };
    let today = config.built;
    let paces: Vec<_> = (metric.standings.iter())
        .map(|s| metric.pace(s, today))
        .collect();
    for (standing, pace) in metric.standings.iter_mut().zip(paces) {
        standing.pace = pace;
    }
    // Each value's pace against its target at its date, once; but a value
    // of a place whose target is overdue is overdue too, so that no row
    // calls on track what the build date knows was never finished.
    let overdue: Vec<&Option<DistrictId>> = (metric.standings.iter())
        .filter(|s| s.pace == Pace::Overdue)
        .map(|s| &s.district)
        .collect();
    let paces: Vec<Pace> = (metric.points.iter().zip(&values))
        .map(
            |(point, value)| match metric.pace(&point.standing(value), today) {
                Pace::OnTrack | Pace::Behind | Pace::NoData
                    if overdue.contains(&&value.district) =>
                {
                    Pace::Overdue
                }
                pace => pace,
            },
        )
        .collect();
    for (point, pace) in metric.points.iter_mut().zip(paces) {
        point.pace = pace;
    }
    Ok(metric)
}

/// Gives each point without a target of its own the latest target stated
/// for its place on or before its date, so that an update's actual is
/// measured against the plan it reports on. `places` numbers each
/// point's place (see [`place_numbers`]); points are in date order.
fn measure_against_targets(points: &mut [Point], values: &[&Value], places: &[usize]) {
    // The latest target stated so far for each place, date by date: a
    // date's own targets count for every point of that date.
    let mut latest: Vec<Option<Figure>> = vec![None; places.iter().max().map_or(0, |m| m + 1)];
    let mut start = 0;
    while start < points.len() {
        let date = points[start].date;
        let end = start + points[start..].partition_point(|p| p.date <= date);
        for j in start..end {
            if let Some(target) = values[j].target {
                latest[places[j]] = Some(target);
            }
        }
        for i in start..end {
            if points[i].target.is_none() {
                points[i].target = latest[places[i]];
            }
        }
        start = end;
    }
}

/// The places of a city in config order: the city as a whole (`None`),
/// then its districts.
fn place_order<'a>(config: &'a Config, city: &str) -> Vec<Option<&'a str>> {
    std::iter::once(None)
        .chain(
            config
                .city(city)
                .into_iter()
                .flat_map(|c| c.districts.iter().map(|d| Some(&*d.id))),
        )
        .collect()
}

/// A number for each value's place: its position in `order`, or past it
/// for a place `order` does not have (the same number for the same
/// place), so that places are compared as numbers.
fn place_numbers(values: &[&Value], order: &[Option<&str>]) -> Vec<usize> {
    let mut known: Vec<Option<&str>> = order.to_vec();
    values
        .iter()
        .map(|v| {
            let place = v.district.as_deref();
            known.iter().position(|k| *k == place).unwrap_or_else(|| {
                known.push(place);
                known.len() - 1
            })
        })
        .collect()
}

/// The latest target and actual for each place, in config order, from a
/// metric's values in series order (their places numbered as
/// [`place_numbers`] does with [`place_order`]). A city without an actual
/// of its own whose districts report theirs takes their total when
/// `add_up`, and otherwise points to them (see [`Basis`]).
fn standings(
    values: &[&Value],
    points: &[Point],
    places: &[usize],
    count: usize,
    add_up: bool,
) -> Vec<Standing> {
    let mut standings = own_standings(values, points, places, count);
    let district_actuals: Vec<(Figure, Date)> = standings
        .iter()
        .filter(|s| s.district.is_some())
        .filter_map(|s| Some((s.actual?, s.as_of?)))
        .collect();
    // Districts whose targets add up exactly to the city's say, without
    // being told, that their figures add up to the city's.
    let district_targets = (standings.iter())
        .filter(|s| s.district.is_some())
        .filter_map(|s| s.target)
        .try_fold(Figure::ZERO, |sum, t| sum.checked_add(t));
    let targets_add_up = standings.first().is_some_and(|whole| {
        whole.district.is_none()
            && whole.target.is_some_and(|t| !t.is_zero())
            && (whole.target.zip(district_targets)).is_some_and(|(t, sum)| t.cmp(&sum).is_eq())
    });
    let add_up = add_up || targets_add_up;
    if let Some(whole) = standings.first_mut()
        && whole.district.is_none()
        && whole.actual.is_none()
        && !district_actuals.is_empty()
    {
        let total = district_actuals
            .iter()
            .try_fold(Figure::ZERO, |sum, (f, _)| sum.checked_add(*f));
        match total {
            Some(total) if add_up => {
                let as_of = district_actuals.iter().map(|(_, d)| *d).max();
                let note = whole.note.take();
                *whole = Standing::new(None, whole.target, Some(total), as_of);
                whole.basis = Basis::DistrictTotal;
                whole.note = note;
            }
            _ => whole.basis = Basis::InDistricts,
        }
    }
    standings
}

/// The latest target and actual stated for each of the first `count`
/// places (the city's, in config order).
fn own_standings(
    values: &[&Value],
    points: &[Point],
    places: &[usize],
    count: usize,
) -> Vec<Standing> {
    let mut at: Vec<Vec<(&Value, &Point)>> = vec![Vec::new(); count];
    for ((value, point), &place) in values.iter().zip(points).zip(places) {
        if let Some(here) = at.get_mut(place) {
            here.push((value, point));
        }
    }
    at.into_iter()
        .filter_map(|stated| {
            let first = stated.first()?.0;
            let here: Vec<&Value> = stated.iter().map(|(v, _)| *v).collect();
            let target = here.iter().rev().find_map(|v| v.target);
            let actual = here.iter().rev().find(|v| v.actual.is_some());
            let mut standing = Standing::new(
                first.district.clone(),
                target,
                actual.and_then(|v| v.actual),
                actual.map(|v| v.as_of),
            );
            // The figure its status is taken from: its latest actual, or
            // without one, its latest target.
            let source = (stated.iter().rev())
                .find(|(v, _)| v.actual.is_some())
                .or_else(|| stated.iter().rev().find(|(v, _)| v.target.is_some()));
            standing.source = source.map(|(_, p)| (p.report, p.entry, p.value));
            // A remark stands until a later report gives the figure it was
            // about: a new target for a remark on a target alone, otherwise
            // a new actual (数据待核对 goes once the figure arrives).
            standing.note = here.iter().enumerate().rev().find_map(|(i, v)| {
                let note = v.note.as_ref()?;
                let later = &here[i + 1..];
                let superseded = if v.target.is_some() && v.actual.is_none() {
                    later.iter().any(|w| w.target.is_some())
                } else {
                    later.iter().any(|w| w.actual.is_some())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DistrictId;

    /// The rule as first written: for each point without a target, the
    /// last point of its place dated on or before it with a target.
    fn by_scanning(points: &mut [Point], values: &[&Value]) {
        for i in 0..points.len() {
            if points[i].target.is_some() {
                continue;
            }
            let date = points[i].date;
            let end = points.partition_point(|p| p.date <= date);
            let place = values[i].district.as_deref();
            points[i].target = (0..end)
                .rev()
                .filter(|&j| values[j].district.as_deref() == place)
                .find_map(|j| values[j].target);
        }
    }

    #[test]
    fn targets_are_found_place_by_place_as_a_scan_finds_them() {
        let districts: [Option<DistrictId>; 4] = [
            None,
            Some("a".into()),
            Some("b".into()),
            Some("elsewhere".into()),
        ];
        let order = [None, Some("a"), Some("b")];
        // A small generator, so that the cases are the same every run.
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        for _ in 0..300 {
            let len = next(12) as usize;
            let mut values: Vec<Value> = (0..len)
                .map(|_| Value {
                    district: districts[next(4) as usize].clone(),
                    target: (next(3) == 0).then(|| Figure::whole(next(100))),
                    actual: None,
                    as_of: Date {
                        year: 2020 + next(3) as u16,
                        month: Some(1),
                        day: (next(2) == 0).then(|| 1 + next(3) as u8),
                    },
                    note: None,
                })
                .collect();
            values.sort_by_key(|v| v.as_of);
            let values: Vec<&Value> = values.iter().collect();
            let points: Vec<Point> = values
                .iter()
                .enumerate()
                .map(|(n, v)| Point {
                    report: n as u32,
                    entry: 0,
                    value: 0,
                    date: v.as_of,
                    target: v.target,
                    pace: Pace::NoData,
                })
                .collect();
            let (mut fast, mut slow) = (points.clone(), points);
            let places = place_numbers(&values, &order);
            measure_against_targets(&mut fast, &values, &places);
            by_scanning(&mut slow, &values);
            let targets = |p: &[Point]| p.iter().map(|p| p.target).collect::<Vec<_>>();
            assert_eq!(targets(&fast), targets(&slow));
        }
    }
}
