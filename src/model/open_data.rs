//! The open data's row and its columns, declared once: each column's
//! name, what it holds and means, and where a row keeps it. The CSV, the
//! JSON, their schemas (`publish::data`) and the open-data page's data
//! dictionary (`pages`) are all made from [`COLUMNS`], so they cannot
//! disagree. Plain data: nothing here knows about files or pages.

/// The files that describe the open data, below the main edition's base
/// path: the JSON Schema of the JSON files, the Table Schema of the CSV
/// files, and the Frictionless Data Package that lists every CSV.
pub const SCHEMA_FILE: &str = "data/schema.json";
pub const TABLE_SCHEMA_FILE: &str = "data/tableschema.json";
pub const PACKAGE_FILE: &str = "data/datapackage.json";

/// One figure as published.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    pub metric_id: &'a str,
    pub label: &'a str,
    pub unit: &'a str,
    pub topic_id: Option<&'a str>,
    pub topic: Option<&'a str>,
    pub city_id: &'a str,
    pub city: &'a str,
    /// The city is invented (an example): its figures are not real.
    pub fictional: bool,
    pub district_id: Option<&'a str>,
    pub district: Option<&'a str>,
    pub year: i32,
    pub target: Option<String>,
    pub actual: Option<String>,
    pub as_of: Option<String>,
    pub baseline: Option<String>,
    pub deadline: Option<String>,
    /// The pace the figure had against its target, as the pages classify it.
    pub status: &'static str,
    /// On the row each place's status on the site is taken from, that
    /// status; on every other row, none.
    pub site_status: Option<&'static str>,
    /// How the figure was come by (see [`Basis`]).
    pub basis: Basis,
    pub note: Option<&'a str>,
    /// The report that states it; none for a figure no report states.
    pub report: Option<Source<'a>>,
}

/// The report a row's figure is stated in.
#[derive(Debug, Clone)]
pub struct Source<'a> {
    pub title: &'a str,
    pub url: String,
    pub publisher: Option<&'a str>,
    pub published: String,
}

/// How a row's figure was come by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// A report states it.
    Stated,
    /// The city's actual as its pages show it: the sum of its districts'
    /// latest actuals, for a metric whose district figures add up to the
    /// city's (`districts_add_up`). No report states it.
    SumOfDistricts,
}

impl Basis {
    pub fn name(self) -> &'static str {
        match self {
            Basis::Stated => "stated",
            Basis::SumOfDistricts => "sum-of-districts",
        }
    }
}

/// What a column holds: the JSON Schema of its values, and how the CSV
/// writes them.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    Text,
    MaybeText,
    /// Lowercase ASCII letters, digits and `-`, as ids are.
    Id,
    MaybeId,
    /// A figure exactly as written (see `$defs/figure`), or nothing.
    Figure,
    /// A date as written (`2025`, `2025-06`, `2025-06-30`), or nothing.
    Date,
    Year,
    Flag,
    MaybeUrl,
    /// One of these words.
    OneOf(&'static [&'static str]),
    /// One of these words, or nothing.
    MaybeOneOf(&'static [&'static str]),
}

/// A value of a row, as its column gives it.
pub enum Cell<'r> {
    Text(Option<&'r str>),
    Year(i32),
    Flag(bool),
}

/// One column of the open data: its name (the CSV's heading, the JSON's
/// `columns` entry), what it holds and means (its JSON Schema), and where
/// a row keeps it. The CSV, the JSON and the schema all come from
/// [`COLUMNS`], so they cannot disagree.
pub struct Column {
    pub name: &'static str,
    pub kind: Kind,
    /// What it means, for the schema; empty when the name says it.
    pub about: &'static str,
    pub value: for<'r> fn(&'r Row<'_>) -> Cell<'r>,
}

const BASES: &[&str] = &["stated", "sum-of-districts"];

/// The columns, in order.
pub const COLUMNS: [Column; 24] = [
    Column {
        name: "metric_id",
        kind: Kind::Id,
        about: "Stable id of the metric; its page is /metrics/<metric_id>/.",
        value: |r| Cell::Text(Some(r.metric_id)),
    },
    Column {
        name: "label",
        kind: Kind::Text,
        about: "What is counted.",
        value: |r| Cell::Text(Some(r.label)),
    },
    Column {
        name: "unit",
        kind: Kind::Text,
        about: "The unit of target, actual and baseline.",
        value: |r| Cell::Text(Some(r.unit)),
    },
    Column {
        name: "topic_id",
        kind: Kind::MaybeId,
        about: "",
        value: |r| Cell::Text(r.topic_id),
    },
    Column {
        name: "topic",
        kind: Kind::MaybeText,
        about: "",
        value: |r| Cell::Text(r.topic),
    },
    Column {
        name: "city_id",
        kind: Kind::Id,
        about: "",
        value: |r| Cell::Text(Some(r.city_id)),
    },
    Column {
        name: "city",
        kind: Kind::Text,
        about: "",
        value: |r| Cell::Text(Some(r.city)),
    },
    Column {
        name: "fictional",
        kind: Kind::Flag,
        about: "true for an invented example city: its figures are not real data.",
        value: |r| Cell::Flag(r.fictional),
    },
    Column {
        name: "district_id",
        kind: Kind::MaybeId,
        about: "null when the figure is for the city as a whole.",
        value: |r| Cell::Text(r.district_id),
    },
    Column {
        name: "district",
        kind: Kind::MaybeText,
        about: "",
        value: |r| Cell::Text(r.district),
    },
    Column {
        name: "year",
        kind: Kind::Year,
        about: "The year the metric's targets are for.",
        value: |r| Cell::Year(r.year),
    },
    Column {
        name: "target",
        kind: Kind::Figure,
        about: "The target this figure counts against: its own, or the latest one a plan stated for the place by its date.",
        value: |r| Cell::Text(r.target.as_deref()),
    },
    Column {
        name: "actual",
        kind: Kind::Figure,
        about: "",
        value: |r| Cell::Text(r.actual.as_deref()),
    },
    Column {
        name: "as_of",
        kind: Kind::Date,
        about: "When the actual was measured; null without an actual.",
        value: |r| Cell::Text(r.as_of.as_deref()),
    },
    Column {
        name: "baseline",
        kind: Kind::Figure,
        about: "",
        value: |r| Cell::Text(r.baseline.as_deref()),
    },
    Column {
        name: "deadline",
        kind: Kind::Date,
        about: "",
        value: |r| Cell::Text(r.deadline.as_deref()),
    },
    Column {
        name: "status",
        kind: Kind::OneOf(&crate::model::Pace::NAMES),
        about: "Where this figure stood against its target, on the day the site was built. done: actual >= a target above 0; on-track / behind: below target with the deadline ahead, at least / less than the share of time passed from 1 January of the metric's year to its deadline, at the date of the figure; overdue: the deadline has passed and no figure met the target; no-data: a target and no actual, the deadline ahead; no-target: an actual with no target, or a target of 0.",
        value: |r| Cell::Text(Some(r.status)),
    },
    Column {
        name: "site_status",
        kind: Kind::MaybeOneOf(&crate::model::Pace::NAMES),
        about: "The status the site shows and counts for this metric in this place, on the one row it is taken from (the place's latest actual, or without one its latest target; for a city whose district figures add up, its sum-of-districts row); null on every other row, and for a city whose figures are in its districts' rows. Counting the rows with a site_status gives the site's counts.",
        value: |r| Cell::Text(r.site_status),
    },
    Column {
        name: "basis",
        kind: Kind::OneOf(BASES),
        about: "stated: a figure a report states. sum-of-districts: the city's actual as its pages show it, the sum of its districts' latest actuals, for a metric whose district figures add up to the city's (districts_add_up: true); as_of is the latest of theirs, and no report states it, so the report columns are null.",
        value: |r| Cell::Text(Some(r.basis.name())),
    },
    Column {
        name: "note",
        kind: Kind::MaybeText,
        about: "A remark the report makes about this figure.",
        value: |r| Cell::Text(r.note),
    },
    Column {
        name: "report_title",
        kind: Kind::MaybeText,
        about: "The report that states the figure; null for a figure no report states (see basis).",
        value: |r| Cell::Text(r.report.as_ref().map(|s| s.title)),
    },
    Column {
        name: "report_url",
        kind: Kind::MaybeUrl,
        about: "",
        value: |r| Cell::Text(r.report.as_ref().map(|s| s.url.as_str())),
    },
    Column {
        name: "report_publisher",
        kind: Kind::MaybeText,
        about: "Who issued the report, when it says.",
        value: |r| Cell::Text(r.report.as_ref().and_then(|s| s.publisher)),
    },
    Column {
        name: "report_published",
        kind: Kind::Date,
        about: "",
        value: |r| Cell::Text(r.report.as_ref().map(|s| s.published.as_str())),
    },
];
