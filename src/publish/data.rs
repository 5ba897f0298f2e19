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

use super::xlsx;
use crate::model::{Figure, Metric, Point};
use crate::output::{Bytes, Joined};
use crate::pages::Shared;
use serde::Serialize;

pub use crate::model::open_data::{Basis, COLUMNS, Column, Row, Source};
use crate::model::open_data::{Cell, Kind};

/// The JSON Schema of [`json`]'s documents, published beside the data:
/// made from [`COLUMNS`].
pub fn schema() -> String {
    use serde_json::json;
    let items: Vec<serde_json::Value> = COLUMNS
        .iter()
        .map(|c| {
            let mut item = match c.kind {
                Kind::Text => json!({"type": "string"}),
                Kind::MaybeText => json!({"type": ["string", "null"]}),
                Kind::Id => json!({"type": "string", "pattern": "^[a-z0-9-]+$"}),
                Kind::MaybeId => json!({"type": ["string", "null"], "pattern": "^[a-z0-9-]+$"}),
                Kind::Figure => json!({"$ref": "#/$defs/figure"}),
                Kind::Date => json!({"$ref": "#/$defs/date"}),
                Kind::Year => json!({"type": "integer"}),
                Kind::Flag => json!({"type": "boolean"}),
                Kind::MaybeUrl => json!({"type": ["string", "null"], "format": "uri"}),
                Kind::OneOf(words) => json!({"enum": words}),
                Kind::MaybeOneOf(words) => {
                    let mut words: Vec<serde_json::Value> =
                        words.iter().map(|&w| w.into()).collect();
                    words.push(serde_json::Value::Null);
                    json!({"enum": words})
                }
            };
            if !c.about.is_empty() {
                item["description"] = c.about.into();
            }
            item["title"] = c.name.into();
            item
        })
        .collect();
    let names: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "renewal open data: every figure the reports state",
        "description": "One row per figure a report states (a target, an actual, or both, for one place on one date), and one per figure the pages show that no report states (a city's total of its districts' figures; see basis). `columns` names the values of every row, in order; figures are strings holding the number exactly as the report wrote it.",
        "type": "object",
        "required": ["$schema", "columns", "rows"],
        "properties": {
            "$schema": {"type": "string", "description": "The address of this schema."},
            "columns": {"const": names, "description": "The name of each value of a row, in order."},
            "rows": {
                "type": "array",
                "items": {
                    "type": "array",
                    "prefixItems": items,
                    "items": false,
                    "minItems": COLUMNS.len(),
                },
            },
        },
        "$defs": {
            "figure": {"type": ["string", "null"], "pattern": "^(0|[1-9][0-9]*)(\\.[0-9]+)?$"},
            "date": {"type": ["string", "null"], "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"},
        },
    });
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// `data/tableschema.json`: the Frictionless Table Schema of every CSV of
/// the open data (they all have [`COLUMNS`]), so that a data portal or
/// `frictionless validate` knows each column's type, format and allowed
/// values. An empty cell is a missing value.
pub fn table_schema() -> String {
    use serde_json::json;
    let fields: Vec<serde_json::Value> = COLUMNS
        .iter()
        .map(|c| {
            let pattern = |p: &str| json!({"pattern": p});
            let (kind, required, constraints) = match c.kind {
                Kind::Text => ("string", true, json!({})),
                Kind::MaybeText => ("string", false, json!({})),
                Kind::Id => ("string", true, pattern("^[a-z0-9-]+$")),
                Kind::MaybeId => ("string", false, pattern("^[a-z0-9-]+$")),
                Kind::Figure => ("number", false, json!({"minimum": 0})),
                Kind::Date => (
                    "string",
                    false,
                    pattern("^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"),
                ),
                Kind::Year => ("year", true, json!({})),
                Kind::Flag => ("boolean", true, json!({})),
                Kind::MaybeUrl => ("string", false, json!({})),
                Kind::OneOf(words) => ("string", true, json!({"enum": words})),
                Kind::MaybeOneOf(words) => ("string", false, json!({"enum": words})),
            };
            let mut field = json!({"name": c.name, "type": kind});
            if matches!(c.kind, Kind::MaybeUrl) {
                field["format"] = "uri".into();
            }
            if !c.about.is_empty() {
                field["description"] = c.about.into();
            }
            let mut constraints = constraints;
            if required {
                constraints["required"] = true.into();
            }
            if constraints.as_object().is_some_and(|c| !c.is_empty()) {
                field["constraints"] = constraints;
            }
            field
        })
        .collect();
    let schema = json!({
        "fields": fields,
        "missingValues": [""],
    });
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// `data/datapackage.json`: a Frictionless Data Package that describes
/// every CSV the site publishes (the site-wide one beside it, and each
/// report's and metric's at its address), each with the Table Schema of
/// [`table_schema`], with the site's title, publisher and data licence.
/// It lists a resource per report and per metric (some 55 MB at 100,000
/// reports), so it is written compactly, a resource a line, and made a
/// thousand resources at a time as it is written, never held whole.
pub fn package<'a>(shared: &'a Shared) -> Bytes<'a> {
    use serde_json::json;
    let site = shared.site;
    let config = &site.config;
    let license = &config.data_license;
    let mut licence = json!({"path": license.url, "title": license.title});
    if let Some(id) = &license.id {
        licence["name"] = id.as_str().into();
    }
    let mut head = json!({
        "profile": "tabular-data-package",
        "name": "renewal",
        "title": config.title,
        "homepage": format!("{}{}", shared.origin, config.root_path),
        "created": format!("{}T00:00:00Z", config.built),
        "licenses": [licence],
    });
    if let Some(description) = &config.description {
        head["description"] = description.as_str().into();
    }
    if let Some(publisher) = &config.about.publisher {
        head["contributors"] = json!([{"title": publisher, "role": "publisher"}]);
    }
    let head = serde_json::to_string(&head).unwrap_or_default();
    let mut head = Some(format!(
        "{},\"resources\":[\n",
        head.strip_suffix('}').unwrap_or(&head)
    ));
    // The site-wide CSV, then each report's, then each metric's.
    let total = 1 + site.reports.len() + site.metrics.len();
    let mut next = 0;
    let stream = std::iter::from_fn(move || {
        if let Some(head) = head.take() {
            return Some(Ok(head.into_bytes()));
        }
        if next >= total {
            return (std::mem::replace(&mut next, total + 1) == total)
                .then(|| Ok(b"\n]}\n".to_vec()));
        }
        let end = (next + 1000).min(total);
        let mut out = String::with_capacity(256 * (end - next));
        for n in next..end {
            if n > 0 {
                out.push_str(",\n");
            }
            package_resource(shared, n, &mut out);
        }
        next = end;
        Some(Ok(out.into_bytes()))
    });
    Bytes::Stream(Box::new(stream))
}

/// Resource `n` of the data package (see [`package`]), onto `out`.
fn package_resource(shared: &Shared, n: usize, out: &mut String) {
    let site = shared.site;
    let config = &site.config;
    // The data is the main edition's.
    let url = |path: &str| format!("{}{}{path}", shared.origin, config.root_path);
    let quoted = |text: &str| serde_json::to_string(text).unwrap_or_default();
    let reports = site.reports.len();
    let (name, path, title) = match n {
        0 => (
            "renewal".to_string(),
            "renewal.csv".to_string(),
            &config.title,
        ),
        n if n <= reports => {
            let report = &site.reports[n - 1];
            let csv = crate::pages::Page::Report(n - 1)
                .data(site)
                .unwrap_or_default()
                .csv;
            (format!("report-{}", report.slug), url(&csv), &report.title)
        }
        n => {
            let metric = &site.metrics[n - 1 - reports];
            let csv = (crate::pages::Page::Metric(n - 1 - reports).data(site))
                .unwrap_or_default()
                .csv;
            (format!("metric-{}", metric.id), url(&csv), &metric.label)
        }
    };
    out.push_str("{\"name\":");
    out.push_str(&quoted(&name));
    out.push_str(",\"path\":");
    out.push_str(&quoted(&path));
    out.push_str(",\"title\":");
    out.push_str(&quoted(title));
    out.push_str(
        ",\"profile\":\"tabular-data-resource\",\"format\":\"csv\",\"mediatype\":\"text/csv\",\"encoding\":\"utf-8\",\"schema\":\"tableschema.json\"}",
    );
}

/// The row of `point` of metric `m`: the value a report states, measured
/// against the target it counts against.
fn row<'a>(shared: &'a Shared, m: usize, point: &Point) -> Row<'a> {
    let site = shared.site;
    let metric: &Metric = &site.metrics[m];
    let (report, entry, value) = site.value(point);
    let r = point.report as usize;
    let city = &site.config.cities[shared.index.metric_city[m]];
    let district = value
        .district
        .as_deref()
        .and_then(|d| city.districts.iter().find(|x| &*x.id == d));
    let topic = metric
        .topic
        .as_deref()
        .and_then(|t| site.config.topics.iter().find(|x| x.id == t));
    let target = point.target;
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
        as_of: value.actual.map(|_| value.as_of.to_string()),
        baseline: text(metric.baseline),
        deadline: metric.deadline.map(|d| d.to_string()),
        status: point.pace.name(),
        site_status: (metric.standings.iter())
            .find(|s| {
                s.basis == crate::model::Basis::Own
                    && s.source == Some((point.report, point.entry, point.value))
            })
            .map(|s| s.pace.name()),
        basis: Basis::Stated,
        // As on the report's page: a value's own remark, or the entry's
        // for the city as a whole or a single value.
        note: value.note.as_deref().or_else(|| {
            (value.district.is_none() || entry.values.len() == 1)
                .then_some(entry.note.as_deref())
                .flatten()
        }),
        report: Some(Source {
            title: &report.title,
            url: format!("{}{}", shared.origin, shared.report_urls[r]),
            publisher: report.source.as_ref().and_then(|s| s.publisher.as_deref()),
            published: report.published.to_string(),
        }),
    }
}

/// The rows of metric `m`'s figures that its pages show and no report
/// states: a city's total of its districts' latest actuals.
fn derived_rows<'a>(shared: &'a Shared, m: usize) -> impl Iterator<Item = Row<'a>> {
    let site = shared.site;
    let metric: &Metric = &site.metrics[m];
    let city = &site.config.cities[shared.index.metric_city[m]];
    let topic = metric
        .topic
        .as_deref()
        .and_then(|t| site.config.topics.iter().find(|x| x.id == t));
    let text = |f: Option<Figure>| f.map(|f| f.to_string());
    (metric.standings.iter())
        .filter(|s| s.basis == crate::model::Basis::DistrictTotal)
        .map(move |standing| Row {
            metric_id: &metric.id,
            label: &metric.label,
            unit: &metric.unit,
            topic_id: topic.map(|t| t.id.as_str()),
            topic: topic.map(|t| t.name.as_str()),
            city_id: &city.id,
            city: &city.name,
            fictional: city.fictional,
            district_id: None,
            district: None,
            year: metric.year,
            target: text(standing.target),
            actual: text(standing.actual),
            as_of: standing.as_of.map(|d| d.to_string()),
            baseline: text(metric.baseline),
            deadline: metric.deadline.map(|d| d.to_string()),
            status: standing.pace.name(),
            site_status: Some(standing.pace.name()),
            basis: Basis::SumOfDistricts,
            note: None,
            report: None,
        })
}

/// Every figure of metric `m`, in the order of its series (by date),
/// then those its pages show that no report states (see [`Basis`]).
pub fn metric_rows<'a>(shared: &'a Shared, m: usize) -> Vec<Row<'a>> {
    let stated = (shared.site.metrics[m].points.iter()).map(|point| row(shared, m, point));
    stated.chain(derived_rows(shared, m)).collect()
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
        for v in 0..entry.values.len() {
            if let Some(point) = site.metrics[m].point_of(r, e, v) {
                rows.push(row(shared, m, point));
            }
        }
    }
    rows
}

/// Where each metric's part of the site-wide files is: the start and end
/// of its records in the CSV and of its rows in the JSON, by metric id,
/// with the length of each file; and where it is in the workbook.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Parts {
    pub csv: usize,
    pub json: usize,
    pub parts: Vec<(String, [usize; 4])>,
    pub xlsx: Option<xlsx::Placed>,
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
    /// The workbook, how long it is, and where each metric's part is in
    /// it, when it is as the last build wrote it.
    pub xlsx: Option<(
        std::fs::File,
        u64,
        rustc_hash::FxHashMap<String, xlsx::PartAt>,
    )>,
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

    /// Where the workbook holds metric `id`, if it did not change.
    /// Where the workbook holds metric `id`, if it did not change (and the
    /// place is within it).
    fn sheet_part(&self, id: &str) -> Option<&xlsx::PartAt> {
        let (_, size, parts) = self.xlsx.as_ref()?;
        let part = parts.get(id).filter(|_| !self.changed.contains(id))?;
        let [a, b] = part.at;
        (a <= b && b <= *size).then_some(part)
    }
}

/// The site-wide files: CSV, JSON and the workbook.
pub type SiteFiles<'a> = (Bytes<'a>, Bytes<'a>, Bytes<'a>);

/// Every figure of the site, metric by metric, each in series order, as
/// CSV, JSON and a workbook, made a metric at a time on every core. With
/// `reuse`, taken from the last build's files where the metric did not
/// change; else (or when those files cannot be had) made a stretch of
/// metrics at a time as the files are written (see [`Stretches`]). `None`
/// once `stop` says so.
pub fn site_files<'a>(
    shared: &'a Shared,
    schema_url: &str,
    words: &std::sync::Arc<xlsx::Words>,
    stop: &'a (dyn Fn() -> bool + Sync),
    reuse: Option<&'a super::Reuse>,
) -> Option<SiteFiles<'a>> {
    let stream = |which: Which| -> Bytes<'a> {
        let (head, format) = match which {
            Which::Json => (json_head(schema_url), Format::Json),
            Which::Csv => (csv_header(), Format::Csv),
            Which::Xlsx => {
                let sheets =
                    xlsx::sheets_of((0..shared.site.metrics.len()).map(|m| row_count(shared, m)));
                let mut head = Vec::new();
                let book = xlsx::Book::new(words.clone(), sheets.len(), &mut head);
                let words = words.clone();
                (
                    head,
                    Format::Xlsx(Box::new(Workbook {
                        words,
                        book,
                        sheets,
                        placed: Vec::new(),
                    })),
                )
            }
        };
        Bytes::Stream(Box::new(Stretches {
            shared,
            stop,
            reuse,
            format,
            head: Some(head),
            next: 0,
            at: 0,
            first: true,
            parts: Vec::with_capacity(shared.site.metrics.len()),
        }))
    };
    let streams = || (stream(Which::Csv), stream(Which::Json), stream(Which::Xlsx));
    let Some(last) = reuse.and_then(|r| r.last.as_ref()) else {
        return (!stop()).then(streams);
    };
    let made = pieces(shared, schema_url, words, stop, last);
    let joined = made.and_then(|laid| {
        let csv = laid.csv.from_old(Some(&last.csv))?;
        let json = laid.json.from_old(Some(&last.json))?;
        let xlsx = match laid.xlsx {
            Some((xlsx, placed)) => {
                Some((xlsx.from_old(last.xlsx.as_ref().map(|x| &x.0))?, placed))
            }
            None => None,
        };
        Some((csv, json, laid.parts, xlsx))
    });
    let (csv, json, parts, xlsx) = match joined {
        Some(files) => files,
        // The old files could not be had: made whole.
        None if !stop() => return Some(streams()),
        None => return None,
    };
    let (xlsx, placed) = match xlsx {
        Some((xlsx, placed)) => (xlsx, Some(placed)),
        // The old workbook could not be had: made whole.
        None => (stream(Which::Xlsx), None),
    };
    if let Some(reuse) = reuse {
        if let Ok(mut made) = reuse.made.lock() {
            *made = Some(Parts {
                csv: csv.known_len().unwrap_or_default(),
                json: json.known_len().unwrap_or_default(),
                parts,
                xlsx: None,
            });
        }
        if let (Some(placed), Ok(mut workbook)) = (placed, reuse.workbook.lock()) {
            *workbook = Some(placed);
        }
    }
    Some((csv, json, xlsx))
}

/// How many rows metric `m` has in the open data (see [`metric_rows`]).
fn row_count(shared: &Shared, m: usize) -> usize {
    let metric = &shared.site.metrics[m];
    let derived = (metric.standings.iter())
        .filter(|s| s.basis == crate::model::Basis::DistrictTotal)
        .count();
    metric.points.len() + derived
}

/// About this many figures are made at once, on every core, into one
/// stretch of a site-wide file (some 5 MiB of CSV with the benchmark's
/// rows of about 350 bytes, and 7 MiB of JSON): enough metrics to keep
/// every core busy, and few enough bytes that the stretches of the three
/// files, made at once and each held twice while it is joined, stay a
/// small part of a large site's memory.
const STRETCH_ROWS: usize = 1 << 14;

/// Which site-wide file to make.
enum Which {
    Csv,
    Json,
    Xlsx,
}

/// Which site-wide file a [`Stretches`] makes, with what the workbook's
/// making carries from one stretch to the next.
enum Format {
    Csv,
    Json,
    Xlsx(Box<Workbook>),
}

/// The site-wide workbook as it is written: the sheet each data sheet
/// begins with (its first metric), and where each metric's part went.
struct Workbook {
    words: std::sync::Arc<xlsx::Words>,
    book: xlsx::Book,
    sheets: Vec<usize>,
    placed: Vec<xlsx::PartAt>,
}

/// A metric's part of the site-wide workbook: its XML's CRC-32 and
/// length, how many bytes it takes deflated, and its count of rows.
type Placing = (u32, u64, u64, usize);

impl Workbook {
    /// Notes metric `m`'s part as the next in the file, the opening of a
    /// new sheet going onto `out` first when the metric begins one; the
    /// part's own bytes follow.
    fn place(
        &mut self,
        m: usize,
        id: &str,
        (crc, len, compressed, rows): Placing,
        out: &mut Vec<u8>,
    ) {
        if self.sheets.binary_search(&m).is_ok() {
            self.book.open_sheet(out);
        }
        let start = self.book.at();
        self.book.part_of(crc, len, compressed);
        self.placed.push(xlsx::PartAt {
            id: id.to_string(),
            at: [start, self.book.at()],
            crc,
            len,
            rows,
        });
    }
}

/// One of the site-wide files, made as it is written: its head, then a
/// stretch of whole metrics at a time, then its tail. Where each metric's
/// part went is handed to `reuse` once the file is made.
struct Stretches<'a> {
    shared: &'a Shared<'a>,
    stop: &'a (dyn Fn() -> bool + Sync),
    reuse: Option<&'a super::Reuse>,
    format: Format,
    /// The head, until it is handed out.
    head: Option<Vec<u8>>,
    /// The first metric not yet made.
    next: usize,
    /// How many bytes were handed out.
    at: usize,
    /// Whether no row was handed out yet.
    first: bool,
    /// Where each metric made so far is in the file.
    parts: Vec<[usize; 2]>,
}

impl Stretches<'_> {
    /// The file's end, once every metric is made; for the CSV and the
    /// JSON, where each metric's part is is handed to `reuse`.
    fn tail(&mut self) -> std::io::Result<Vec<u8>> {
        let json = match &mut self.format {
            Format::Xlsx(workbook) => {
                let mut tail = Vec::new();
                workbook.book.finish(&mut tail)?;
                if let Some(Ok(mut made)) = self.reuse.map(|r| r.workbook.lock()) {
                    *made = Some(xlsx::Placed {
                        size: workbook.book.at(),
                        parts: std::mem::take(&mut workbook.placed),
                    });
                }
                return Ok(tail);
            }
            Format::Json => true,
            Format::Csv => false,
        };
        let tail = if json { JSON_TAIL } else { b"" };
        self.at += tail.len();
        if let Some(reuse) = self.reuse {
            reuse.file_made(self.shared, json, self.at, std::mem::take(&mut self.parts));
        }
        Ok(tail.to_vec())
    }
}

impl Iterator for Stretches<'_> {
    type Item = std::io::Result<Vec<u8>>;

    fn next(&mut self) -> Option<Self::Item> {
        use rayon::prelude::*;
        if let Some(head) = self.head.take() {
            self.at = head.len();
            return Some(Ok(head));
        }
        let metrics = &self.shared.site.metrics;
        if self.next > metrics.len() {
            return None;
        }
        if self.next == metrics.len() {
            self.next += 1;
            return Some(self.tail());
        }
        if (self.stop)() {
            self.next = metrics.len() + 1;
            return Some(Err(std::io::ErrorKind::Interrupted.into()));
        }
        let (from, mut rows) = (self.next, 0);
        while self.next < metrics.len() && (rows < STRETCH_ROWS || self.next == from) {
            rows += metrics[self.next].points.len();
            self.next += 1;
        }
        let stop = self.stop;
        // Each metric's part; for the workbook's, its XML's CRC-32 and
        // length, and its count of rows.
        let made: Vec<(Vec<u8>, u32, u64, usize)> = (from..self.next)
            .into_par_iter()
            .map(|m| {
                // A newer build is not kept waiting for the whole stretch.
                if stop() {
                    return Default::default();
                }
                let rows = || metric_rows(self.shared, m);
                match &self.format {
                    Format::Csv => (csv_records(&rows()), 0, 0, 0),
                    Format::Json => (json_rows(&rows()), 0, 0, 0),
                    Format::Xlsx(workbook) => {
                        let count = row_count(self.shared, m);
                        let make = || xlsx::deflate(&xlsx::sheet_rows(&rows()));
                        // As the metric's own workbook holds them, when it
                        // has them on one sheet.
                        let part = match count <= xlsx::SHEET_ROWS {
                            true => workbook.words.shelf.part(m, make),
                            false => make(),
                        };
                        (part.bytes, part.crc, part.len, count)
                    }
                }
            })
            .collect();
        if stop() {
            self.next = metrics.len() + 1;
            return Some(Err(std::io::ErrorKind::Interrupted.into()));
        }
        let mut stretch = Vec::with_capacity(made.iter().map(|m| m.0.len() + 2).sum());
        if let Format::Xlsx(workbook) = &mut self.format {
            for (m, (bytes, crc, len, rows)) in (from..).zip(made) {
                let placing = (crc, len, bytes.len() as u64, rows);
                workbook.place(m, &metrics[m].id, placing, &mut stretch);
                stretch.extend_from_slice(&bytes);
            }
            return Some(Ok(stretch));
        }
        let json = matches!(self.format, Format::Json);
        for (part, ..) in made {
            // As in the pieces of a file taken from the last build: the
            // separator goes before a metric's rows, outside its part.
            if json && !part.is_empty() && !std::mem::replace(&mut self.first, false) {
                stretch.extend_from_slice(b",\n");
            }
            let start = self.at + stretch.len();
            stretch.extend_from_slice(&part);
            self.parts.push([start, self.at + stretch.len()]);
        }
        self.at += stretch.len();
        Some(Ok(stretch))
    }
}

/// The site-wide files as pieces, where each metric's part is in the CSV
/// and the JSON, and the workbook as pieces with where each part is in
/// it (when the last one can be taken from).
struct Laid {
    csv: Joined,
    json: Joined,
    parts: Vec<(String, [usize; 4])>,
    xlsx: Option<(Joined, xlsx::Placed)>,
}

/// The site-wide files laid out, metric by metric; `None` once `stop`
/// says so.
fn pieces(
    shared: &Shared,
    schema_url: &str,
    words: &std::sync::Arc<xlsx::Words>,
    stop: &(dyn Fn() -> bool + Sync),
    last: &Last,
) -> Option<Laid> {
    use rayon::prelude::*;
    enum Part<'l> {
        Made(Vec<u8>, Vec<u8>, Option<xlsx::Part>, usize),
        Kept([usize; 4], Option<&'l xlsx::PartAt>),
    }
    let workbook = last.xlsx.is_some();
    let chunks: Vec<Part> = (0..shared.site.metrics.len())
        .into_par_iter()
        .map(|m| {
            if stop() {
                return Part::Made(Vec::new(), Vec::new(), None, 0);
            }
            let id = &shared.site.metrics[m].id;
            let sheet = last.sheet_part(id);
            if let Some(kept) = last.part(id)
                && (sheet.is_some() || !workbook)
            {
                return Part::Kept(kept, sheet);
            }
            let rows = metric_rows(shared, m);
            // Held until the files are written, so copied into exactly
            // their size: the allocator may keep a block shrunk in place
            // at its full size.
            let (records, json) = (csv_records(&rows), json_rows(&rows));
            let sheet = workbook.then(|| {
                let mut part = xlsx::deflate(&xlsx::sheet_rows(&rows));
                part.bytes.shrink_to_fit();
                part
            });
            Part::Made(
                records.as_slice().to_vec(),
                json.as_slice().to_vec(),
                sheet,
                rows.len(),
            )
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
    let mut book = workbook.then(|| {
        let rows = chunks.iter().map(|chunk| match chunk {
            Part::Made(.., rows) => *rows,
            Part::Kept(_, sheet) => sheet.map_or(0, |s| s.rows),
        });
        let sheets = xlsx::sheets_of(rows);
        let mut head = Vec::new();
        let book = xlsx::Book::new(words.clone(), sheets.len(), &mut head);
        let mut joined = Joined::default();
        joined.made_apart(head);
        let placed = Vec::with_capacity(chunks.len());
        let words = words.clone();
        (
            Workbook {
                words,
                book,
                sheets,
                placed,
            },
            joined,
        )
    });
    let mut first = true;
    let mut parts = Vec::with_capacity(chunks.len());
    for (m, chunk) in chunks.into_iter().enumerate() {
        let id = &shared.site.metrics[m].id;
        let (records, rows) = match &chunk {
            Part::Made(records, rows, ..) => (records.len(), rows.len()),
            Part::Kept([a, b, c, d], _) => (b - a, d - c),
        };
        let between: &[u8] = if rows > 0 && !first { b",\n" } else { b"" };
        if rows > 0 {
            first = false;
        }
        if let Some((workbook, joined)) = book.as_mut() {
            let placing = match &chunk {
                Part::Made(_, _, Some(part), rows) => {
                    (part.crc, part.len, part.bytes.len() as u64, *rows)
                }
                Part::Kept(_, Some(kept)) => {
                    (kept.crc, kept.len, kept.at[1] - kept.at[0], kept.rows)
                }
                _ => (0, 0, 0, 0),
            };
            let mut opening = Vec::new();
            workbook.place(m, id, placing, &mut opening);
            if !opening.is_empty() {
                joined.made_apart(opening);
            }
        }
        match chunk {
            Part::Made(records, rows, sheet, _) => {
                csv.made_apart(records);
                // The separator goes before the rows, not onto the last
                // piece, which has no room to spare.
                json.made_apart(match between.is_empty() {
                    true => rows,
                    false => [between, &rows].concat(),
                });
                if let (Some(part), Some((_, joined))) = (sheet, book.as_mut()) {
                    joined.made_apart(part.bytes);
                }
            }
            Part::Kept([a, b, c, d], sheet) => {
                csv.kept(b"", a..b);
                json.kept(between, c..d);
                if let (Some(kept), Some((_, joined))) = (sheet, book.as_mut()) {
                    joined.kept(b"", kept.at[0] as usize..kept.at[1] as usize);
                }
            }
        }
        json_at += between.len();
        let (a, c) = (csv_at, json_at);
        csv_at += records;
        json_at += rows;
        parts.push((id.clone(), [a, csv_at, c, json_at]));
    }
    json.made(JSON_TAIL);
    let xlsx = match book {
        Some((mut workbook, mut joined)) => {
            let mut tail = Vec::new();
            // A workbook too large for its format is made as it is
            // written, where the error ends the build.
            match workbook.book.finish(&mut tail) {
                Ok(()) => {
                    joined.made_apart(tail);
                    Some((
                        joined,
                        xlsx::Placed {
                            size: workbook.book.at(),
                            parts: workbook.placed,
                        },
                    ))
                }
                Err(_) => None,
            }
        }
        None => None,
    };
    Some(Laid {
        csv,
        json,
        parts,
        xlsx,
    })
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
    let names: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();
    out.extend_from_slice(names.join(",").as_bytes());
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
            let record = COLUMNS.iter().map(|c| match (c.value)(r) {
                Cell::Text(text) => opt(text),
                Cell::Year(year) => year.to_string().into(),
                Cell::Flag(flag) => if flag { "true" } else { "false" }.into(),
            });
            let _ = writer.write_record(record.map(|c| match c {
                std::borrow::Cow::Borrowed(text) => std::borrow::Cow::Borrowed(text.as_bytes()),
                std::borrow::Cow::Owned(text) => std::borrow::Cow::Owned(text.into_bytes()),
            }));
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
    let names: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();
    out.extend_from_slice(&serde_json::to_vec(&names).unwrap_or_default());
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
        let mut seq = s.serialize_seq(Some(COLUMNS.len()))?;
        for column in &COLUMNS {
            match (column.value)(self.0) {
                Cell::Text(text) => seq.serialize_element(&text)?,
                Cell::Year(year) => seq.serialize_element(&year)?,
                Cell::Flag(flag) => seq.serialize_element(&flag)?,
            }
        }
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
            xlsx: None,
        };
        assert_eq!(last.part("fine"), Some([0, 4, 2, 10]));
        assert_eq!(last.part("reversed"), None);
        assert_eq!(last.part("past the end"), None);
        assert_eq!(last.part("changed"), None);
        assert_eq!(last.part("unknown"), None);
    }

    #[test]
    fn the_site_wide_files_made_as_written_hold_every_metric_where_they_say() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic");
        let config = crate::load::load_config(&root).unwrap();
        let loaded = crate::load::reports(&root, &config, None, None);
        let metrics = crate::join::join(&loaded.reports, &config, &loaded.unread_ids).unwrap();
        let site = crate::model::Site {
            config,
            reports: loaded.reports,
            metrics,
        };
        let index = crate::join::index::Index::build(&site);
        let strings = Default::default();
        let shared = Shared::new(&site, &index, &strings);
        let reuse = super::super::Reuse::default();
        let never = || false;
        let words = super::super::words(&shared, true);
        let (csv, json, xlsx) = site_files(&shared, "s", &words, &never, Some(&reuse)).unwrap();
        assert!(matches!(csv, Bytes::Stream(_)), "made as written");
        let (csv, json) = (csv.into_vec().unwrap(), json.into_vec().unwrap());
        let xlsx = xlsx.into_vec().unwrap();
        let placed = reuse
            .workbook
            .lock()
            .unwrap()
            .clone()
            .expect("where each part is");
        assert_eq!(placed.size, xlsx.len() as u64);
        assert_eq!(placed.parts.len(), site.metrics.len());
        for (m, part) in placed.parts.iter().enumerate() {
            assert_eq!(part.id, site.metrics[m].id);
            let [a, b] = part.at.map(|at| at as usize);
            // Each metric's rows, deflated on their own, where it says.
            let rows = metric_rows(&shared, m);
            let made = xlsx::deflate(&xlsx::sheet_rows(&rows));
            assert_eq!(xlsx[a..b], made.bytes);
            assert_eq!(
                (part.crc, part.len, part.rows),
                (made.crc, made.len, rows.len())
            );
        }
        // As the files of all the site's rows would be, made whole.
        let rows: Vec<Row> = (0..site.metrics.len())
            .flat_map(|m| metric_rows(&shared, m))
            .collect();
        assert!(rows.len() > site.metrics.len());
        assert_eq!(csv, super::csv(&rows));
        assert_eq!(json, super::json(&rows, "s"));
        let parts = reuse
            .made
            .into_inner()
            .unwrap()
            .expect("where each part is");
        assert_eq!((parts.csv, parts.json), (csv.len(), json.len()));
        assert_eq!(parts.parts.len(), site.metrics.len());
        for (m, (id, [a, b, c, d])) in parts.parts.iter().enumerate() {
            assert_eq!(id, &site.metrics[m].id);
            let rows = metric_rows(&shared, m);
            assert_eq!(csv[*a..*b], csv_records(&rows));
            assert_eq!(json[*c..*d], json_rows(&rows));
        }
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
