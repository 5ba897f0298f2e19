//! Open data: every figure a report states, as CSV and JSON, per metric,
//! per report and for the whole site.
//!
//! One row per figure stated (a target, an actual, or both, for one place
//! on one date), with the metric, the place, the status it had against its
//! target, and the report it came from, so a journalist can compare places
//! and years and cite the source of each number. Figures are written
//! exactly as the report wrote them (`5.70` stays `5.70`), in CSV as text
//! and in JSON as strings, so no reader's float parsing can change them.
//!
//! The CSV opens in Excel with Chinese intact (UTF-8 with a byte-order
//! mark, CRLF line ends) and no cell can become a formula: a text cell that
//! starts with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed
//! with `'` (CSV injection, OWASP's advice).

use crate::model::{Figure, Metric, Standing};
use crate::output::{Bytes, Joined};
use crate::pages::Shared;
use serde::Serialize;

/// The columns, in order; the JSON's keys are the same names.
pub const COLUMNS: [&str; 22] = [
    "metric_id",
    "label",
    "unit",
    "topic_id",
    "topic",
    "city_id",
    "city",
    "fictional",
    "district_id",
    "district",
    "year",
    "target",
    "actual",
    "as_of",
    "baseline",
    "deadline",
    "status",
    "note",
    "report_title",
    "report_url",
    "report_publisher",
    "report_published",
];

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
    pub note: Option<&'a str>,
    pub report_title: &'a str,
    pub report_url: String,
    pub report_publisher: Option<&'a str>,
    pub report_published: String,
}

/// The row of value `v` of entry `e` of report `r`, which states metric
/// `m`, measured against `target`.
fn row<'a>(
    shared: &'a Shared,
    m: usize,
    r: usize,
    e: usize,
    v: usize,
    target: Option<Figure>,
) -> Row<'a> {
    let site = shared.site;
    let metric: &Metric = &site.metrics[m];
    let report = &site.reports[r];
    let entry = &report.metrics[e];
    let value = &entry.values[v];
    let city = &site.config.cities[shared.index.metric_city[m]];
    let district = value
        .district
        .as_deref()
        .and_then(|d| city.districts.iter().find(|x| &*x.id == d));
    let topic = metric
        .topic
        .as_deref()
        .and_then(|t| site.config.topics.iter().find(|x| x.id == t));
    let mut standing = Standing::new(
        value.district.clone(),
        target,
        value.actual,
        value.actual.map(|_| value.as_of),
    );
    standing.pace = metric.pace(&standing);
    let text = |f: Option<Figure>| f.map(|f| f.to_string());
    Row {
        metric_id: &metric.id,
        label: &metric.label,
        unit: &metric.unit,
        topic_id: topic.map(|t| t.id.as_str()),
        topic: topic.map(|t| t.name.as_str()),
        city_id: &city.id,
        city: &city.name,
        fictional: city.fictional,
        district_id: district.map(|d| &*d.id),
        district: district.map(|d| d.name.as_str()),
        year: metric.year,
        target: text(target),
        actual: text(value.actual),
        as_of: standing.as_of.map(|d| d.to_string()),
        baseline: text(metric.baseline),
        deadline: metric.deadline.map(|d| d.to_string()),
        status: pace_name(&standing),
        // As on the report's page: a value's own remark, or the entry's
        // for the city as a whole or a single value.
        note: value.note.as_deref().or_else(|| {
            (value.district.is_none() || entry.values.len() == 1)
                .then_some(entry.note.as_deref())
                .flatten()
        }),
        report_title: &report.title,
        report_url: format!("{}{}", shared.origin, shared.report_urls[r]),
        report_publisher: report.source.as_ref().and_then(|s| s.publisher.as_deref()),
        report_published: report.published.to_string(),
    }
}

fn pace_name(s: &Standing) -> &'static str {
    match s.pace {
        crate::model::Pace::Done => "done",
        crate::model::Pace::OnTrack => "on-track",
        crate::model::Pace::Behind => "behind",
        crate::model::Pace::NoData => "no-data",
        crate::model::Pace::NoTarget => "no-target",
    }
}

/// Every figure of metric `m`, in the order of its series (by date).
pub fn metric_rows<'a>(shared: &'a Shared, m: usize) -> Vec<Row<'a>> {
    shared.site.metrics[m]
        .points
        .iter()
        .map(|p| {
            row(
                shared,
                m,
                p.report as usize,
                p.entry as usize,
                p.value as usize,
                p.target,
            )
        })
        .collect()
}

/// Every figure report `r` states, in the order it states them, each
/// measured against the target it counts against (as on its page).
pub fn report_rows<'a>(shared: &'a Shared, r: usize) -> Vec<Row<'a>> {
    let site = shared.site;
    let mut rows = Vec::new();
    for (e, entry) in site.reports[r].metrics.iter().enumerate() {
        let Some(m) = site.metric(&entry.id) else {
            continue;
        };
        for (v, _) in entry.values.iter().enumerate() {
            rows.push(row(shared, m, r, e, v, site.metrics[m].target_of(r, e, v)));
        }
    }
    rows
}

/// Where each metric's part of the site-wide files is: the start and end
/// of its records in the CSV and of its rows in the JSON, by metric id,
/// with the length of each file.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Parts {
    pub csv: usize,
    pub json: usize,
    pub parts: Vec<(String, [usize; 4])>,
}

/// The site-wide files as the last build wrote them, with their parts,
/// and the metrics whose parts must be made again (those the changed
/// reports state, before or after the change): the others are taken as
/// they were, read from the files. A metric's part is made from the
/// metric, the reports that state it and `site.yaml` alone.
pub struct Last {
    pub csv: std::fs::File,
    pub json: std::fs::File,
    /// How long the files are.
    pub sizes: (usize, usize),
    pub parts: rustc_hash::FxHashMap<String, [usize; 4]>,
    pub changed: rustc_hash::FxHashSet<String>,
}

impl Last {
    /// Where the files hold metric `id`, if it did not change (and the
    /// place is within them: otherwise the part is made again).
    fn part(&self, id: &str) -> Option<[usize; 4]> {
        if self.changed.contains(id) {
            return None;
        }
        let [a, b, c, d] = *self.parts.get(id)?;
        let (csv, json) = self.sizes;
        (a <= b && b <= csv && c <= d && d <= json).then_some([a, b, c, d])
    }
}

/// Every figure of the site, metric by metric, each in series order, as
/// CSV and JSON, made a metric at a time on every core (or, with `reuse`,
/// taken from the last build's files where the metric did not change).
/// `None` once `stop` says so.
pub fn site_files(
    shared: &Shared,
    schema_url: &str,
    stop: &(dyn Fn() -> bool + Sync),
    reuse: Option<&super::Reuse>,
) -> Option<(Bytes, Bytes)> {
    let last = reuse.and_then(|r| r.last.as_ref());
    let made = pieces(shared, schema_url, stop, last);
    let joined = made.and_then(|(csv, json, parts)| {
        let csv = csv.from_old(last.map(|l| &l.csv))?;
        let json = json.from_old(last.map(|l| &l.json))?;
        Some((csv, json, parts))
    });
    let (csv, json, parts) = match joined {
        Some(files) => files,
        // The old files could not be had: made whole.
        None if last.is_some() && !stop() => {
            let (csv, json, parts) = pieces(shared, schema_url, stop, None)?;
            (csv.from_old(None)?, json.from_old(None)?, parts)
        }
        None => return None,
    };
    if let Some(Ok(mut made)) = reuse.map(|r| r.made.lock()) {
        *made = Some(Parts {
            csv: csv.len(),
            json: json.len(),
            parts,
        });
    }
    Some((csv, json))
}

/// The site-wide CSV and JSON as pieces, and where each metric's part is
/// in them.
type Laid = (Joined, Joined, Vec<(String, [usize; 4])>);

/// The site-wide files laid out, metric by metric; `None` once `stop`
/// says so.
fn pieces(
    shared: &Shared,
    schema_url: &str,
    stop: &(dyn Fn() -> bool + Sync),
    last: Option<&Last>,
) -> Option<Laid> {
    use rayon::prelude::*;
    enum Part {
        Made(Vec<u8>, Vec<u8>),
        Kept([usize; 4]),
    }
    let chunks: Vec<Part> = (0..shared.site.metrics.len())
        .into_par_iter()
        .map(|m| {
            if stop() {
                return Part::Made(Vec::new(), Vec::new());
            }
            if let Some(kept) = last.and_then(|l| l.part(&shared.site.metrics[m].id)) {
                return Part::Kept(kept);
            }
            let rows = metric_rows(shared, m);
            // Held until the files are written, so copied into exactly
            // their size: the allocator may keep a block shrunk in place
            // at its full size.
            let (records, rows) = (csv_records(&rows), json_rows(&rows));
            Part::Made(records.as_slice().to_vec(), rows.as_slice().to_vec())
        })
        .collect();
    if stop() {
        return None;
    }
    // Each metric's part made now stays a piece of its own: the files,
    // hundreds of MiB at the largest sizes, are never put together in
    // memory, nor held twice.
    let (header, head) = (csv_header(), json_head(schema_url));
    let (mut csv_at, mut json_at) = (header.len(), head.len());
    let (mut csv, mut json) = (Joined::default(), Joined::default());
    csv.made_apart(header);
    json.made_apart(head);
    let mut first = true;
    let mut parts = Vec::with_capacity(chunks.len());
    for (m, chunk) in chunks.into_iter().enumerate() {
        let (records, rows) = match &chunk {
            Part::Made(records, rows) => (records.len(), rows.len()),
            Part::Kept([a, b, c, d]) => (b - a, d - c),
        };
        let between: &[u8] = if rows > 0 && !first { b",\n" } else { b"" };
        if rows > 0 {
            first = false;
        }
        match chunk {
            Part::Made(records, rows) => {
                csv.made_apart(records);
                // The separator goes before the rows, not onto the last
                // piece, which has no room to spare.
                json.made_apart(match between.is_empty() {
                    true => rows,
                    false => [between, &rows].concat(),
                });
            }
            Part::Kept([a, b, c, d]) => {
                csv.kept(b"", a..b);
                json.kept(between, c..d);
            }
        }
        json_at += between.len();
        let (a, c) = (csv_at, json_at);
        csv_at += records;
        json_at += rows;
        parts.push((shared.site.metrics[m].id.clone(), [a, csv_at, c, json_at]));
    }
    json.made(JSON_TAIL);
    Some((csv, json, parts))
}

/// `text` safe to open in a spreadsheet: never read as a formula.
fn cell(text: &str) -> std::borrow::Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}").into(),
        _ => text.into(),
    }
}

/// An optional cell: empty when absent.
fn opt(text: Option<&str>) -> std::borrow::Cow<'_, str> {
    text.map(cell).unwrap_or_default()
}

/// The byte-order mark and the header line of every CSV file.
fn csv_header() -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    out.extend_from_slice(COLUMNS.join(",").as_bytes());
    out.extend_from_slice(b"\r\n");
    out
}

/// `rows` as CSV records, CRLF after each.
fn csv_records(rows: &[Row]) -> Vec<u8> {
    let mut out = Vec::with_capacity(rows.len() * 256);
    {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        for r in rows {
            let year = r.year.to_string();
            let record: [std::borrow::Cow<str>; 22] = [
                cell(r.metric_id),
                cell(r.label),
                cell(r.unit),
                opt(r.topic_id),
                opt(r.topic),
                cell(r.city_id),
                cell(r.city),
                if r.fictional { "true" } else { "false" }.into(),
                opt(r.district_id),
                opt(r.district),
                year.as_str().into(),
                opt(r.target.as_deref()),
                opt(r.actual.as_deref()),
                opt(r.as_of.as_deref()),
                opt(r.baseline.as_deref()),
                opt(r.deadline.as_deref()),
                r.status.into(),
                opt(r.note),
                cell(r.report_title),
                cell(&r.report_url),
                opt(r.report_publisher),
                cell(&r.report_published),
            ];
            let _ = writer.write_record(record.iter().map(|c| c.as_bytes()));
        }
        let _ = writer.flush();
    }
    out
}

/// `rows` as CSV: a byte-order mark, a header of [`COLUMNS`], CRLF lines.
pub fn csv(rows: &[Row]) -> Vec<u8> {
    let mut out = csv_header();
    out.extend_from_slice(&csv_records(rows));
    out
}

const JSON_TAIL: &[u8] = b"\n]}\n";

fn json_head(schema_url: &str) -> Vec<u8> {
    let mut out = b"{\"$schema\":".to_vec();
    out.extend_from_slice(&serde_json::to_vec(schema_url).unwrap_or_default());
    out.extend_from_slice(b",\n\"columns\":");
    out.extend_from_slice(&serde_json::to_vec(&COLUMNS).unwrap_or_default());
    out.extend_from_slice(b",\n\"rows\":[\n");
    out
}

/// `rows` as JSON objects, one a line, separated by commas.
fn json_rows(rows: &[Row]) -> Vec<u8> {
    let mut out = Vec::with_capacity(rows.len() * 250);
    for (i, row) in rows.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b",\n");
        }
        let _ = serde_json::to_writer(&mut out, &AsArray(row));
    }
    out
}

/// A row as a JSON array in the order of [`COLUMNS`]: the column names are
/// given once per file, not once per figure.
struct AsArray<'r, 'a>(&'r Row<'a>);

impl Serialize for AsArray<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let r = self.0;
        let mut seq = s.serialize_seq(Some(COLUMNS.len()))?;
        seq.serialize_element(r.metric_id)?;
        seq.serialize_element(r.label)?;
        seq.serialize_element(r.unit)?;
        seq.serialize_element(&r.topic_id)?;
        seq.serialize_element(&r.topic)?;
        seq.serialize_element(r.city_id)?;
        seq.serialize_element(r.city)?;
        seq.serialize_element(&r.fictional)?;
        seq.serialize_element(&r.district_id)?;
        seq.serialize_element(&r.district)?;
        seq.serialize_element(&r.year)?;
        seq.serialize_element(&r.target)?;
        seq.serialize_element(&r.actual)?;
        seq.serialize_element(&r.as_of)?;
        seq.serialize_element(&r.baseline)?;
        seq.serialize_element(&r.deadline)?;
        seq.serialize_element(r.status)?;
        seq.serialize_element(&r.note)?;
        seq.serialize_element(r.report_title)?;
        seq.serialize_element(&r.report_url)?;
        seq.serialize_element(&r.report_publisher)?;
        seq.serialize_element(&r.report_published)?;
        seq.end()
    }
}

/// `rows` as JSON: `{"$schema": …, "columns": [names…], "rows": [[values
/// in the columns' order…], …]}`, one row a line, absent values as `null`.
pub fn json(rows: &[Row], schema_url: &str) -> Vec<u8> {
    let mut out = json_head(schema_url);
    out.extend_from_slice(&json_rows(rows));
    out.extend_from_slice(JSON_TAIL);
    out
}

/// The JSON Schema of [`json`]'s documents, published beside the data.
pub const SCHEMA: &str = include_str!("schema.json");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_kept_is_taken_only_from_within_the_files() {
        let dir = tempfile::tempdir().unwrap();
        let file = |name: &str| {
            std::fs::write(dir.path().join(name), "0123456789").unwrap();
            std::fs::File::open(dir.path().join(name)).unwrap()
        };
        let last = Last {
            csv: file("a.csv"),
            json: file("a.json"),
            sizes: (10, 10),
            parts: [
                ("fine".to_string(), [0, 4, 2, 10]),
                ("reversed".to_string(), [4, 2, 0, 1]),
                ("past the end".to_string(), [0, 4, 2, 11]),
            ]
            .into_iter()
            .collect(),
            changed: ["changed".to_string()].into_iter().collect(),
        };
        assert_eq!(last.part("fine"), Some([0, 4, 2, 10]));
        assert_eq!(last.part("reversed"), None);
        assert_eq!(last.part("past the end"), None);
        assert_eq!(last.part("changed"), None);
        assert_eq!(last.part("unknown"), None);
    }

    #[test]
    fn no_cell_can_become_a_formula() {
        for hostile in ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert!(cell(hostile).starts_with('\''), "{hostile}");
        }
        assert_eq!(cell("老旧小区"), "老旧小区");
        assert_eq!(cell("5.70"), "5.70");
    }
}
