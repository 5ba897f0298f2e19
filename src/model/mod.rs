//! The site as plain data: the configuration, the reports, the metrics
//! they carry, and the series the build joins them into.
//!
//! Nothing here reads files or renders anything. Later stages (the index,
//! pages, charts, snapshots, incremental rebuilds) take these structs as
//! input, so they are plain public fields.
//!
//! The model is what a build holds in memory for the whole run, so it keeps
//! what pages need and no more: a report's Markdown body stays in its file
//! until its page is rendered, district ids are shared with the
//! configuration instead of copied into every figure, and a metric's series
//! points at the values reports state instead of copying them.

pub mod config;
pub mod date;
pub mod figure;
pub mod open_data;

use crate::i18n::Language;
use config::Config;
use date::Date;
pub use figure::Figure;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A district id, shared with the [`Config`] that declares it.
pub type DistrictId = Arc<str>;

/// Reads a district id back (from what a build kept) as one shared id per
/// name and thread, as reading a report shares the config's: a site names
/// a few hundred districts in millions of figures, each of which would
/// otherwise hold a copy of its own.
mod shared_district {
    use super::DistrictId;
    use serde::Deserializer;
    use std::cell::RefCell;

    thread_local! {
        static SEEN: RefCell<rustc_hash::FxHashSet<DistrictId>> = RefCell::default();
    }

    fn shared(name: &str) -> DistrictId {
        SEEN.with_borrow_mut(|seen| match seen.get(name) {
            Some(id) => DistrictId::clone(id),
            None => {
                let id = DistrictId::from(name);
                seen.insert(DistrictId::clone(&id));
                id
            }
        })
    }

    struct Name;

    impl serde::de::Visitor<'_> for Name {
        type Value = DistrictId;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a district id")
        }

        fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<DistrictId, E> {
            Ok(shared(name))
        }
    }

    struct Maybe;

    impl<'de> serde::de::Visitor<'de> for Maybe {
        type Value = Option<DistrictId>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a district id or none")
        }

        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_str(Name).map(Some)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DistrictId>, D::Error> {
        d.deserialize_option(Maybe)
    }
}

/// What a report is: a plan sets targets, a progress update reports actuals
/// during the year, a review reports the year's outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReportKind {
    Plan,
    Progress,
    Review,
}

impl ReportKind {
    /// As written in front matter (`plan`, `progress`, `review`).
    pub fn name(self) -> &'static str {
        match self {
            ReportKind::Plan => "plan",
            ReportKind::Progress => "progress",
            ReportKind::Review => "review",
        }
    }
}

/// Where a report's figures come from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub publisher: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub reporter: Option<String>,
    pub editor: Option<String>,
    pub published: Option<Date>,
}

/// One report file, validated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The file it was read from, relative to the site root.
    pub file: String,
    pub slug: String,
    /// Where `slug:` was written; `None` when the file name gives the slug.
    #[serde(skip)]
    pub slug_place: Option<crate::diagnostic::Place>,
    pub title: String,
    pub kind: ReportKind,
    pub city: String,
    #[serde(deserialize_with = "shared_district::deserialize")]
    pub district: Option<DistrictId>,
    pub year: i32,
    pub published: Date,
    pub language: Language,
    /// Set in an edition whose script differs from the one the report was
    /// written in: its text here was converted by machine from that one.
    pub converted_from: Option<Language>,
    pub summary: Option<String>,
    pub topics: Vec<String>,
    pub source: Option<Source>,
    pub metrics: Vec<MetricEntry>,
    /// The districts its metrics give values for, each once, sorted.
    #[serde(skip)]
    pub value_districts: Vec<DistrictId>,
    /// A fingerprint of its body (the Markdown after the front matter),
    /// which is kept apart: a report whose body changed is not the same
    /// report, though every field above is.
    pub body: u128,
}

/// A metric as one report states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MetricEntry {
    pub id: String,
    pub label: Option<String>,
    pub unit: Option<String>,
    pub topic: Option<String>,
    pub year: i32,
    pub baseline: Option<Figure>,
    pub deadline: Option<Date>,
    pub note: Option<String>,
    /// Says that the district figures add up to the city's.
    pub districts_add_up: bool,
    /// One value for the whole city or one district, or one per district.
    pub values: Vec<Value>,
    /// Where the entry's `id` and `unit` were written (for errors across reports).
    pub line: usize,
    pub column: usize,
    pub unit_line: usize,
    pub unit_column: usize,
}

/// A target and/or actual for one place at one date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Value {
    /// District id; `None` for the report's city as a whole.
    #[serde(deserialize_with = "shared_district::deserialize")]
    pub district: Option<DistrictId>,
    pub target: Option<Figure>,
    pub actual: Option<Figure>,
    /// When the actual was measured (defaults to the report's date).
    pub as_of: Date,
    /// A remark about this place's figure (e.g. 至少, 数据待核对).
    pub note: Option<String>,
}

/// How far a place has come on a metric.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The actual meets or exceeds the target.
    Done,
    /// An actual below the target.
    InProgress,
    /// A target but no actual yet.
    NoData,
    /// An actual with no target to measure it against.
    Reported,
}

/// How many paces there are: the length of every count by pace.
pub const PACES: usize = 6;

/// How a place stands against the calendar: done, or far enough along for
/// the time that has passed since the plan's year began, or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Pace {
    Done,
    /// Below target, but at least as far along as an even pace from
    /// 1 January of the metric's year to its deadline would be.
    OnTrack,
    /// Below target and behind that even pace, with the deadline still
    /// ahead on the build date.
    Behind,
    /// The deadline has passed on the build date and no figure meets the
    /// target (none at all, or one below it).
    Overdue,
    /// A target with no figure yet, its deadline still ahead.
    NoData,
    /// An actual with no target to measure it against.
    NoTarget,
}

impl Pace {
    /// Every pace in declaration order, so `pace as usize` indexes it.
    pub const ALL: [Pace; PACES] = [
        Pace::Done,
        Pace::OnTrack,
        Pace::Behind,
        Pace::Overdue,
        Pace::NoData,
        Pace::NoTarget,
    ];

    pub fn name(self) -> &'static str {
        Pace::NAMES[self as usize]
    }

    /// The key of the interface string that names it (`pace_on-track`).
    pub fn key(self) -> &'static str {
        Pace::KEYS[self as usize]
    }
}

/// Each pace's name, in the order of [`Pace::ALL`], written once: the open
/// data's `status`, what templates read, and the keys of the interface
/// strings that name it.
macro_rules! pace_names {
    ($($name:literal),*) => {
        impl Pace {
            pub const NAMES: [&'static str; PACES] = [$($name),*];
            pub const KEYS: [&'static str; PACES] = [$(concat!("pace_", $name)),*];
        }
    };
}
pace_names!(
    "done",
    "on-track",
    "behind",
    "overdue",
    "no-data",
    "no-target"
);

impl Serialize for Pace {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

/// One dated value in a metric's series: where a report states it, and
/// the target it is measured against.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    /// Index of the report in [`Site::reports`].
    pub report: u32,
    /// Index of the entry in that report's `metrics`.
    pub entry: u32,
    /// Index of the value in that entry's `values`.
    pub value: u32,
    /// When the value was measured (its `as_of`).
    pub date: Date,
    /// The value's own target, or else the latest target stated for its
    /// place on or before its date: what a progress update's actual counts
    /// against.
    pub target: Option<Figure>,
    /// Where the value stood against that target at its date (see
    /// [`Metric::pace`]): what its rows on the report's page and in the
    /// open data say.
    pub pace: Pace,
}

/// The latest known state of a metric in one place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Standing {
    pub district: Option<DistrictId>,
    pub target: Option<Figure>,
    pub actual: Option<Figure>,
    pub as_of: Option<Date>,
    /// Actual as a percentage of target, when both are known and target > 0.
    pub progress: Option<f64>,
    pub status: Status,
    /// Where it stands against the calendar (see [`Metric::pace`]).
    pub pace: Pace,
    /// Whose figures these are: the place's own, or for a city, its
    /// districts'.
    pub basis: Basis,
    /// The latest remark about this place's figure.
    pub note: Option<String>,
    /// The stated figure (report, entry, value) its status is taken from:
    /// that of its latest actual, or without one, of its latest target;
    /// none for a total of the districts' figures.
    #[serde(skip)]
    pub source: Option<(u32, u32, u32)>,
}

/// Where a standing's figures come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// Stated for the place itself.
    Own,
    /// A city's actual summed from its districts' latest actuals, for a
    /// metric whose reports say its district figures add up.
    DistrictTotal,
    /// A city with no actual of its own while its districts report theirs,
    /// which do not add up: its figures are in the districts' rows. Not
    /// counted by pace, so that no count says the city has no data.
    InDistricts,
}

/// A metric joined across every report that mentions it.
#[derive(Debug, Clone, PartialEq)]
pub struct Metric {
    pub id: String,
    pub label: String,
    /// The language its label and notes are written in: that of the report
    /// that gave its label.
    pub language: Language,
    pub unit: String,
    pub topic: Option<String>,
    pub city: String,
    pub year: i32,
    pub baseline: Option<Figure>,
    pub deadline: Option<Date>,
    pub note: Option<String>,
    /// The city's figure is the sum of its districts' (`districts_add_up: true`).
    pub districts_add_up: bool,
    /// Indices in [`Site::reports`] of the reports that mention it, oldest first.
    pub reports: Vec<u32>,
    /// Every value stated for it, by date (oldest first; on one date, in
    /// the order the reports were published).
    pub points: Vec<Point>,
    /// The latest state per place: the city as a whole first, then districts
    /// in the order the site config declares them.
    pub standings: Vec<Standing>,
}

/// Everything the pages are built from.
#[derive(Debug, Clone)]
pub struct Site {
    pub config: Config,
    /// Newest first (by `published`, then by slug).
    pub reports: Vec<std::sync::Arc<Report>>,
    /// Sorted by id.
    pub metrics: Vec<std::sync::Arc<Metric>>,
}

impl Site {
    /// The metric with `id`.
    pub fn metric(&self, id: &str) -> Option<usize> {
        self.metrics
            .binary_search_by(|m| m.id.as_str().cmp(id))
            .ok()
    }

    /// The report, entry and value a point of a series refers to.
    pub fn value(&self, point: &Point) -> (&Report, &MetricEntry, &Value) {
        let report = &self.reports[point.report as usize];
        let entry = &report.metrics[point.entry as usize];
        (report, entry, &entry.values[point.value as usize])
    }
}

impl Point {
    /// Where `value`, the value this point refers to, stood at its date:
    /// measured against the point's target.
    pub fn standing(&self, value: &Value) -> Standing {
        Standing::new(
            value.district.clone(),
            self.target,
            value.actual,
            value.actual.map(|_| value.as_of),
        )
    }
}

impl Standing {
    /// A standing from a place's latest figures; its pace is set by the
    /// join, which knows the metric's period.
    pub fn new(
        district: Option<DistrictId>,
        target: Option<Figure>,
        actual: Option<Figure>,
        as_of: Option<Date>,
    ) -> Standing {
        let progress = match (target, actual) {
            (Some(t), Some(a)) if !t.is_zero() => Some(a.get() / t.get() * 100.0),
            _ => None,
        };
        let status = match (target, actual) {
            // A zero target gives no share to measure against, figure or not.
            (Some(t), None) if t.is_zero() => Status::Reported,
            (_, None) => Status::NoData,
            // A zero target gives no share to measure against.
            (None, Some(_)) => Status::Reported,
            (Some(t), Some(_)) if t.is_zero() => Status::Reported,
            (Some(t), Some(a)) if a >= t => Status::Done,
            (Some(_), Some(_)) => Status::InProgress,
        };
        Standing {
            district,
            target,
            actual,
            as_of,
            progress,
            status,
            pace: Pace::NoData,
            basis: Basis::Own,
            note: None,
            source: None,
        }
    }
}

impl Metric {
    /// The target value `v` of entry `e` of report `r` counts against: its
    /// own, or the latest its place had by its date (see [`Point::target`]).
    pub fn target_of(&self, r: usize, e: usize, v: usize) -> Option<Figure> {
        self.point_of(r, e, v).and_then(|p| p.target)
    }

    /// The point of value `v` of entry `e` of report `r`.
    pub fn point_of(&self, r: usize, e: usize, v: usize) -> Option<&Point> {
        let at = (r as u32, e as u32, v as u32);
        self.points
            .iter()
            .find(|p| (p.report, p.entry, p.value) == at)
    }

    /// First and last day of the period the metric's targets cover: from
    /// 1 January of its year to its deadline (or the end of that year).
    pub fn period(&self) -> (i64, i64) {
        let year = Date {
            year: u16::try_from(self.year).unwrap_or(0),
            month: None,
            day: None,
        };
        let start = year.first_day();
        let end = self.deadline.map_or(year.last_day(), Date::last_day);
        (start, end.max(start))
    }

    /// Whether the metric's deadline (the end of its period) has passed
    /// on `today`.
    pub fn past_deadline(&self, today: Date) -> bool {
        today.first_day() > self.period().1
    }

    /// Where `s`, one of this metric's standings, stands against the
    /// calendar on `today`, the build date: a target unmet after its
    /// deadline is overdue; before it, a share below target is judged
    /// against the time passed at the date of its figure.
    pub fn pace(&self, s: &Standing, today: Date) -> Pace {
        let unmet = s.target.is_some_and(|t| !t.is_zero());
        match s.status {
            Status::Done => Pace::Done,
            Status::NoData | Status::InProgress if unmet && self.past_deadline(today) => {
                Pace::Overdue
            }
            Status::NoData => Pace::NoData,
            Status::Reported => Pace::NoTarget,
            Status::InProgress => {
                let (start, end) = self.period();
                let as_of = s.as_of.map_or(end, Date::last_day);
                let elapsed = (as_of - start + 1) as f64 / (end - start + 1) as f64;
                let expected = elapsed.clamp(0.0, 1.0) * 100.0;
                if s.progress.unwrap_or(0.0) >= expected {
                    Pace::OnTrack
                } else {
                    Pace::Behind
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(written: &str) -> Figure {
        Figure::parse(written).unwrap()
    }

    #[test]
    fn figures_read_back_share_one_id_per_district_and_keep_their_places() {
        let value = |district: Option<&str>| Value {
            district: district.map(DistrictId::from),
            target: Some(f("12")),
            actual: None,
            as_of: Date::parse("2025-06-30").unwrap(),
            note: None,
        };
        let written = vec![value(Some("laoshan")), value(Some("laoshan")), value(None)];
        let bytes = postcard::to_stdvec(&written).unwrap();
        let back: Vec<Value> = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back, written);
        let (a, b) = (back[0].district.as_ref(), back[1].district.as_ref());
        assert!(
            Arc::ptr_eq(a.unwrap(), b.unwrap()),
            "one id, not a copy each"
        );
    }

    #[test]
    fn standing_classifies_progress() {
        let cases = [
            (Some(f("77")), Some(f("77")), Status::Done, Some(100.0)),
            (Some(f("100")), Some(f("145")), Status::Done, Some(145.0)),
            (
                Some(f("194")),
                Some(f("110")),
                Status::InProgress,
                Some(110.0 / 194.0 * 100.0),
            ),
            (Some(f("10")), None, Status::NoData, None),
            (None, Some(f("3553")), Status::Reported, None),
            (Some(f("0")), Some(f("0")), Status::Reported, None),
        ];
        for (target, actual, status, progress) in cases {
            let s = Standing::new(None, target, actual, None);
            assert_eq!(
                (s.status, s.progress),
                (status, progress),
                "{target:?} {actual:?}"
            );
        }
    }

    #[test]
    fn pace_compares_progress_with_the_time_passed() {
        let date = |s: &str| Date::parse(s).unwrap();
        let metric = Metric {
            id: "m".into(),
            label: "m".into(),
            language: Language::ZhHans,
            unit: "个".into(),
            topic: None,
            city: "c".into(),
            year: 2025,
            baseline: None,
            deadline: Some(date("2025-12")),
            note: None,
            districts_add_up: false,
            reports: Vec::new(),
            points: Vec::new(),
            standings: Vec::new(),
        };
        let cases = [
            // Half the year gone: 50% done keeps pace, 40% does not.
            (Some(f("100")), Some(f("50")), "2025-07-01", Pace::OnTrack),
            (Some(f("100")), Some(f("40")), "2025-06-30", Pace::Behind),
            (Some(f("100")), Some(f("99")), "2026-01-15", Pace::Behind),
            // A month-only date means the end of that month.
            (Some(f("12")), Some(f("2")), "2025-01", Pace::OnTrack),
            (Some(f("12")), Some(f("1")), "2025-01", Pace::Behind),
            (Some(f("12")), Some(f("100")), "2025-01", Pace::Done),
            (Some(f("12")), None, "2025-01", Pace::NoData),
            (None, Some(f("3")), "2025-01", Pace::NoTarget),
        ];
        let before = date("2025-12-31");
        for (target, actual, as_of, pace) in cases {
            let s = Standing::new(None, target, actual, Some(date(as_of)));
            assert_eq!(
                metric.pace(&s, before),
                pace,
                "{target:?} {actual:?} {as_of}"
            );
        }
        // Read after the deadline, a target still unmet is overdue, however
        // well it was going when its last figure was given.
        let after = date("2026-01-01");
        let cases = [
            (Some(f("100")), Some(f("50")), Pace::Overdue),
            (Some(f("12")), None, Pace::Overdue),
            (Some(f("12")), Some(f("12")), Pace::Done),
            (None, Some(f("3")), Pace::NoTarget),
            (Some(f("0")), None, Pace::NoTarget),
        ];
        for (target, actual, pace) in cases {
            let s = Standing::new(None, target, actual, Some(date("2025-07-01")));
            assert_eq!(metric.pace(&s, after), pace, "{target:?} {actual:?}");
        }
    }
}
