//! Turning one report file into a validated [`Report`].
//!
//! Front matter is read into `Raw*` structs that mirror the YAML (with the
//! place of every value that needs checking), then checked against the site
//! config: ids, dates, places, topics, signs. Every problem in the file is
//! collected. Checks that need other reports (units that change, updates of
//! metrics nobody defines) belong to `join`.

use super::config::check_slug;
use super::{front_matter, lines, slips, yaml};
use crate::diagnostic::{Diagnostic, Place};
use crate::i18n::Language;
use crate::model::config::{City, Config};
use crate::model::date::Date;
use crate::model::{DistrictId, Figure, MetricEntry, Report, ReportKind, Source, Value};
use serde::Deserialize;
use serde_saphyr::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReport {
    // Required fields are read as optional, so that one left out or set
    // aside does not stop the reading: their absence is checked after.
    title: Option<Spanned<String>>,
    kind: Option<Spanned<String>>,
    city: Option<Spanned<String>>,
    district: Option<Spanned<String>>,
    year: Option<Spanned<Written>>,
    published: Option<Spanned<String>>,
    language: Option<Spanned<String>>,
    summary: Option<Spanned<String>>,
    slug: Option<Spanned<String>>,
    #[serde(default)]
    topics: Vec<Spanned<String>>,
    source: Option<RawSource>,
    #[serde(default)]
    metrics: Vec<RawMetric>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    publisher: Option<Spanned<String>>,
    outlet: Option<Spanned<String>>,
    title: Option<Spanned<String>>,
    url: Option<Spanned<String>>,
    reporter: Option<Spanned<String>>,
    editor: Option<Spanned<String>>,
    published: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMetric {
    id: Spanned<String>,
    label: Option<Spanned<String>>,
    unit: Option<Spanned<String>>,
    topic: Option<Spanned<String>>,
    year: Option<Spanned<i32>>,
    target: Option<Spanned<Written>>,
    actual: Option<Spanned<Written>>,
    as_of: Option<Spanned<String>>,
    baseline: Option<Spanned<Written>>,
    deadline: Option<Spanned<String>>,
    district: Option<Spanned<String>>,
    #[serde(default)]
    districts: Vec<RawDistrictValue>,
    districts_add_up: Option<bool>,
    note: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDistrictValue {
    district: Spanned<String>,
    target: Option<Spanned<Written>>,
    actual: Option<Spanned<Written>>,
    as_of: Option<Spanned<String>>,
    note: Option<Spanned<String>>,
}

/// A figure's text as written: plain YAML scalars are read as text, so
/// that `5.70` is not rounded to a float before it is checked.
#[derive(Debug)]
struct Written(String);

impl<'de> Deserialize<'de> for Written {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = Written;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a plain number such as 12.8")
            }
            fn visit_str<E>(self, text: &str) -> Result<Written, E> {
                Ok(Written(text.to_string()))
            }
        }
        deserializer.deserialize_str(Text)
    }
}

/// Collects the problems of one file, each tied to a field and its place.
struct Problems<'a> {
    file: &'a str,
    offset: usize,
    list: Vec<Diagnostic>,
    /// Whether site.yaml's places could all be read (see [`Config`]).
    places_complete: bool,
}

impl Problems<'_> {
    /// Whether a YAML error set aside a field inside `path`: checks that
    /// look for what is missing there would only repeat it.
    fn set_aside(&self, path: &str) -> bool {
        self.list.iter().any(|p| {
            p.field
                .as_deref()
                .and_then(|f| f.strip_prefix(path))
                .is_some_and(|rest| rest.starts_with(['.', '[']))
        })
    }

    fn at<T>(&mut self, value: &Spanned<T>, field: &str, message: String) {
        let Place { line, column } = yaml::place(value, self.offset);
        self.list.push(Diagnostic::at(
            self.file,
            line,
            column,
            Some(field.to_string()),
            message,
        ));
    }

    // The checks below take the field's path as a closure: it is only
    // spelled out when there is a problem to report.

    fn date(&mut self, value: &Spanned<String>, field: impl FnOnce() -> String) -> Option<Date> {
        match Date::parse(&value.value) {
            Ok(date) => Some(date),
            Err(message) => {
                let half_width = crate::i18n::half_width(value.value.trim());
                let message = match Date::parse(&half_width) {
                    Ok(_) => crate::say!(
                        "full-width-date",
                        text = value.value.trim(),
                        fixed = &half_width
                    ),
                    Err(_) => message,
                };
                self.at(value, &field(), message);
                None
            }
        }
    }

    /// Whether a YAML error set aside exactly `field`.
    fn set_aside_field(&self, field: &str) -> bool {
        self.list.iter().any(|p| p.field.as_deref() == Some(field))
    }

    fn amount(
        &mut self,
        value: &Option<Spanned<Written>>,
        field: impl FnOnce() -> String,
    ) -> Option<Figure> {
        let spanned = value.as_ref()?;
        match Figure::parse(&spanned.value.0) {
            Ok(figure) => Some(figure),
            Err(message) => {
                self.at(spanned, &field(), message);
                None
            }
        }
    }

    fn district(
        &mut self,
        city: Option<&City>,
        value: &Spanned<String>,
        field: impl FnOnce() -> String,
    ) -> Option<DistrictId> {
        let city = city?;
        match city.district(value.value.trim()) {
            Some(d) => Some(d.id.clone()),
            None if !self.places_complete => None,
            None => {
                let known: Vec<&str> = city.districts.iter().map(|d| d.name.as_str()).collect();
                let message = if known.is_empty() {
                    crate::say!(
                        "district-none-declared",
                        district = &value.value,
                        city = &city.name
                    )
                } else {
                    crate::say!(
                        "district-unknown",
                        district = &value.value,
                        city = &city.name,
                        known = known.join(", ")
                    )
                };
                self.at(value, &field(), message);
                None
            }
        }
    }
}

/// Parses the text of the report at `file` (a path relative to the site
/// root). The report comes back whenever its front matter could be read,
/// even with problems, so that checks across reports still see it; a value
/// with a problem is left out of it (a misspelt district becomes no
/// district, a bad figure no figure).
pub fn parse(file: &str, text: &str, config: &Config) -> (Option<Report>, Vec<Diagnostic>) {
    let split = match front_matter::split(text) {
        Ok(split) => split,
        Err(e) => return (None, vec![Diagnostic::at(file, e.line, 1, None, e.message)]),
    };
    let linted = slips::lint(split.yaml, file, split.yaml_line_offset);
    let missing = missing_required(&linted.repaired);
    let empty = split
        .yaml
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'));
    if empty {
        let closing = split.yaml_line_offset + split.yaml.lines().count() + 1;
        let message = crate::say!("front-matter-empty", fields = and_list(&REQUIRED));
        return (None, vec![Diagnostic::at(file, closing, 1, None, message)]);
    }
    let (raw, yaml_problems) = yaml::read_linted::<RawReport>(linted, file, split.yaml_line_offset);
    let Some(mut raw) = raw else {
        return (None, yaml_problems);
    };
    let mut decoded = yaml::Decoded::new(split.yaml, file, split.yaml_line_offset);
    check_decoded(&mut raw, &mut decoded);
    let mut yaml_problems = yaml_problems;
    yaml_problems.append(&mut decoded.problems);
    yaml_problems.extend(body_slips(split.body, split.body_line, file));
    let mut problems = Problems {
        file,
        offset: split.yaml_line_offset,
        list: yaml_problems,
        places_complete: config.places_complete,
    };
    // Fields whose line is there but could not be read have been reported.
    if !missing.is_empty() {
        // The front matter as a whole lacks them: point at its first line.
        let last = split.yaml_line_offset.max(1);
        let message = match missing.as_slice() {
            [one] => crate::say!("required-missing", field = *one),
            several => crate::say!("required-missing-several", fields = and_list(several)),
        };
        problems.list.push(Diagnostic::at(
            file,
            last,
            1,
            Some(missing[0].to_string()),
            message,
        ));
    }

    let slug = match &raw.slug {
        Some(slug) => {
            if let Err(message) = check_report_slug(&slug.value) {
                problems.at(slug, "slug", message);
            }
            slug.value.clone()
        }
        None => {
            let stem = std::path::Path::new(file)
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string();
            if let Err(message) = check_report_slug(&stem) {
                problems.list.push(Diagnostic::file(
                    file,
                    crate::say!(
                        "slug-from-file",
                        message = crate::i18n::messages::without_code(&message)
                    ),
                ));
            }
            stem
        }
    };
    let kind = raw.kind.as_ref().and_then(|kind| match kind.value.trim() {
        "plan" => Some(ReportKind::Plan),
        "progress" => Some(ReportKind::Progress),
        "review" => Some(ReportKind::Review),
        other => {
            let meant = match other {
                "计划" | "規劃" | "规划" | "計劃" | "方案" => {
                    crate::say!("kind-meant-plan")
                }
                "进展" | "進展" | "进度" | "進度" | "通报" | "通報" => {
                    crate::say!("kind-meant-progress")
                }
                "总结" | "總結" | "回顾" | "回顧" | "评估" | "評估" => {
                    crate::say!("kind-meant-review")
                }
                _ => String::new(),
            };
            problems.at(
                kind,
                "kind",
                crate::say!("kind-unknown", value = other, meant = meant),
            );
            None
        }
    });
    let language = raw.language.as_ref().and_then(|l| {
        let language = Language::from_tag(l.value.trim());
        if language.is_none() {
            problems.at(
                l,
                "language",
                crate::say!("language-unknown", value = &l.value),
            );
        }
        language
    });
    if let Some(title) = &raw.title
        && title.value.trim().is_empty()
    {
        problems.at(title, "title", crate::say!("title-empty"));
    }
    let city = raw.city.as_ref().and_then(|city| {
        let found = config.city(city.value.trim());
        if found.is_none() && config.places_complete {
            let known: Vec<String> = config
                .cities
                .iter()
                .map(|c| format!("{} ({})", c.id, c.name))
                .collect();
            problems.at(
                city,
                "city",
                crate::say!("city-unknown", city = &city.value, known = known.join(", ")),
            );
        }
        found
    });
    let district = raw
        .district
        .as_ref()
        .and_then(|d| problems.district(city, d, || "district".into()));
    let year = raw
        .year
        .as_ref()
        .and_then(|year| match parse_year(&year.value.0) {
            Ok(y) => Some(y),
            Err(message) => {
                problems.at(year, "year", message);
                None
            }
        });
    let published = raw
        .published
        .as_ref()
        .and_then(|p| problems.date(p, || "published".into()));
    for (i, topic) in raw.topics.iter().enumerate() {
        if config.topic(&topic.value).is_none() && config.topics_complete {
            problems.at(
                topic,
                &format!("topics[{i}]"),
                unknown_topic(&topic.value, config),
            );
        }
    }
    let source = raw.source.as_ref().map(|s| {
        if let Some(url) = &s.url
            && !(url.value.starts_with("https://") || url.value.starts_with("http://"))
        {
            problems.at(
                url,
                "source.url",
                crate::say!("source-url", url = &url.value),
            );
        }
        Source {
            publisher: text_of(&s.publisher),
            outlet: text_of(&s.outlet),
            title: text_of(&s.title),
            url: s.url.as_ref().map(|u| u.value.clone()),
            reporter: text_of(&s.reporter),
            editor: text_of(&s.editor),
            published: s
                .published
                .as_ref()
                .and_then(|d| problems.date(d, || "source.published".into())),
        }
    });

    let report_date = published.unwrap_or(Date {
        year: 1900,
        month: None,
        day: None,
    });
    let mut metrics: Vec<MetricEntry> = Vec::with_capacity(raw.metrics.len());
    for (i, m) in raw.metrics.iter().enumerate() {
        let field = |name: &str| format!("metrics[{i}].{name}");
        if let Err(message) = check_slug(&m.id.value) {
            problems.at(&m.id, &field("id"), message);
        }
        // A second entry for one metric is reported and left out, so that
        // checks across reports see the first alone.
        let repeated = metrics.iter().find(|e| e.id == m.id.value).map(|e| e.line);
        if let Some(first) = repeated {
            let message = crate::say!("metric-twice", metric = &m.id.value, line = first);
            problems.at(&m.id, &field("id"), message);
        }
        if let Some(label) = &m.label
            && label.value.trim().is_empty()
        {
            problems.at(
                label,
                &field("label"),
                crate::say!("label-empty", metric = &m.id.value),
            );
        }
        if let (Some(_), None) = (&m.label, &m.unit)
            && !problems.set_aside_field(&field("unit"))
        {
            problems.at(
                &m.id,
                &field("unit"),
                crate::say!("unit-missing", metric = &m.id.value),
            )
        }
        if let Some(unit) = &m.unit
            && unit.value.trim().is_empty()
        {
            problems.at(unit, &field("unit"), crate::say!("unit-empty"));
        }
        if let Some(topic) = &m.topic
            && config.topic(&topic.value).is_none()
            && config.topics_complete
        {
            problems.at(topic, &field("topic"), unknown_topic(&topic.value, config));
        }
        let year = match &m.year {
            Some(y) if !(1900..=2200).contains(&y.value) => {
                problems.at(
                    y,
                    &field("year"),
                    crate::say!("year-implausible", year = y.value.to_string()),
                );
                y.value
            }
            Some(y) => y.value,
            None => year.unwrap_or(0),
        };
        let as_of = m
            .as_of
            .as_ref()
            .and_then(|d| problems.date(d, || field("as_of")))
            .unwrap_or(report_date);
        let deadline = m
            .deadline
            .as_ref()
            .and_then(|d| problems.date(d, || field("deadline")));
        let baseline = problems.amount(&m.baseline, || field("baseline"));
        let target = problems.amount(&m.target, || field("target"));
        let actual = problems.amount(&m.actual, || field("actual"));

        // Of exactly their number: a site holds every report's values.
        let whole = m.target.is_some() || m.actual.is_some();
        let mut values = Vec::with_capacity(match m.districts.len() {
            0 => 1,
            n => n + usize::from(whole),
        });
        if m.districts.is_empty() {
            let place = match &m.district {
                Some(d) => problems.district(city, d, || field("district")),
                None => district.clone(),
            };
            if m.target.is_none()
                && m.actual.is_none()
                && !problems.set_aside(&format!("metrics[{i}]"))
            {
                problems.at(
                    &m.id,
                    &field("id"),
                    crate::say!("metric-no-figures", metric = &m.id.value),
                );
            }
            values.push(Value {
                district: place,
                target,
                actual,
                as_of,
                note: None,
            });
        } else {
            if let Some(d) = &m.district {
                problems.at(d, &field("district"), crate::say!("district-and-districts"));
                problems.district(city, d, || field("district"));
            }
            // A top-level figure beside the breakdown is the whole city's (or
            // the report's district's) total: plans often give both.
            if whole {
                values.push(Value {
                    district: district.clone(),
                    target,
                    actual,
                    as_of,
                    note: None,
                });
            }
            for (j, d) in m.districts.iter().enumerate() {
                let sub = |name: &str| format!("metrics[{i}].districts[{j}].{name}");
                let place = problems.district(city, &d.district, || sub("district"));
                if let Some(place) = &place
                    && values
                        .iter()
                        .any(|v: &Value| v.district.as_ref() == Some(place))
                {
                    problems.at(
                        &d.district,
                        &sub("district"),
                        crate::say!("district-twice", district = &d.district.value),
                    );
                }
                if d.target.is_none()
                    && d.actual.is_none()
                    && d.note.is_none()
                    && !problems.set_aside(&format!("metrics[{i}].districts[{j}]"))
                {
                    problems.at(
                        &d.district,
                        &sub("district"),
                        crate::say!("district-no-figures"),
                    );
                }
                values.push(Value {
                    district: place,
                    target: problems.amount(&d.target, || sub("target")),
                    actual: problems.amount(&d.actual, || sub("actual")),
                    as_of: d
                        .as_of
                        .as_ref()
                        .and_then(|a| problems.date(a, || sub("as_of")))
                        .unwrap_or(as_of),
                    note: text_of(&d.note),
                });
            }
        }
        let id_place = yaml::place(&m.id, split.yaml_line_offset);
        let unit_place = m
            .unit
            .as_ref()
            .map(|u| yaml::place(u, split.yaml_line_offset))
            .unwrap_or(id_place);
        if repeated.is_some() {
            continue;
        }
        metrics.push(MetricEntry {
            id: m.id.value.clone(),
            label: m.label.as_ref().map(|l| l.value.clone()),
            unit: m
                .unit
                .as_ref()
                .map(|u| u.value.trim().to_string())
                .filter(|u| !u.is_empty()),
            topic: m.topic.as_ref().map(|t| t.value.clone()),
            year,
            baseline,
            deadline,
            note: text_of(&m.note),
            districts_add_up: m.districts_add_up.unwrap_or(false),
            values,
            line: id_place.line,
            column: id_place.column,
            unit_line: unit_place.line,
            unit_column: unit_place.column,
        });
    }

    // An example from `renewal new report`, uncommented but not replaced,
    // in whichever language it was written in.
    let example = |text: &str| {
        let text = text.trim();
        (examples().iter())
            .any(|e| e == text || label_start(e).is_some_and(|start| text.starts_with(start)))
    };
    let example_message = |text: &str| crate::say!("example-text", text = text);
    if let Some(summary) = raw.summary.as_ref().filter(|s| example(&s.value)) {
        let message = example_message(&summary.value);
        problems.at(summary, "summary", message);
    }
    if let Some(source) = &raw.source {
        for (name, value) in [("publisher", &source.publisher), ("title", &source.title)] {
            if let Some(value) = value.as_ref().filter(|v| example(&v.value)) {
                let message = example_message(&value.value);
                problems.at(value, &format!("source.{name}"), message);
            }
        }
    }
    for (i, m) in raw.metrics.iter().enumerate() {
        if let Some(label) = m.label.as_ref().filter(|l| example(&l.value)) {
            problems.at(
                label,
                &format!("metrics[{i}].label"),
                example_message(&label.value),
            );
        }
    }
    // Warnings wait until the report's errors are fixed: a report that is
    // wrong anyway gains nothing from being called suspicious too.
    let clean = problems.list.iter().all(|p| p.warning);
    if clean && raw.metrics.is_empty() && !top_level_keys(split.yaml).any(|k| k == "metrics") {
        let place = raw
            .title
            .as_ref()
            .map_or(Place { line: 1, column: 1 }, |t| {
                yaml::place(t, split.yaml_line_offset)
            });
        problems.list.push(
            Diagnostic::at(
                file,
                place.line,
                place.column,
                None,
                crate::say!("no-metrics"),
            )
            .warning(),
        );
    }
    if let Some(published) = published.filter(|_| clean) {
        for (i, m) in raw.metrics.iter().enumerate() {
            let dated = m.as_of.iter().map(|d| (d, format!("metrics[{i}].as_of")));
            let per_place = m.districts.iter().enumerate().filter_map(|(j, d)| {
                Some((
                    d.as_of.as_ref()?,
                    format!("metrics[{i}].districts[{j}].as_of"),
                ))
            });
            for (as_of, field) in dated.chain(per_place) {
                if let Ok(date) = Date::parse(&as_of.value)
                    && date.first_day() > published.last_day()
                {
                    let place = yaml::place(as_of, split.yaml_line_offset);
                    problems.list.push(
                        Diagnostic::at(
                            file,
                            place.line,
                            place.column,
                            Some(field),
                            crate::say!(
                                "figure-after-published",
                                date = date.to_string(),
                                published = published.to_string()
                            ),
                        )
                        .warning(),
                    );
                }
            }
        }
    }
    let report = Report {
        file: file.to_string(),
        slug,
        slug_place: raw
            .slug
            .as_ref()
            .map(|s| yaml::place(s, split.yaml_line_offset)),
        title: raw
            .title
            .as_ref()
            .map(|t| t.value.trim().to_string())
            .unwrap_or_default(),
        kind: kind.unwrap_or(ReportKind::Plan),
        city: city.map(|c| c.id.clone()).unwrap_or_default(),
        district,
        year: year.unwrap_or(0),
        published: report_date,
        language: language.unwrap_or(config.language),
        converted_from: None,
        summary: raw.summary.map(|s| s.value),
        // Not collected in place, which would keep the larger block of
        // the parsed list.
        topics: {
            let mut topics = Vec::with_capacity(raw.topics.len());
            topics.extend(raw.topics.into_iter().map(|t| t.value));
            topics
        },
        source,
        value_districts: value_districts(&metrics),
        metrics,
        body: crate::fingerprint::of(split.body.as_bytes()),
    };
    (Some(report), problems.list)
}

/// At most this many control characters are listed per body.
const MAX_BODY_SLIPS: usize = 20;

/// The control characters in a report's Markdown `body` (which starts on
/// line `first_line` of `file`), each an error at its place: a page, a
/// feed and an XML or CSV download cannot hold them (C0 controls but tab
/// and line breaks, DEL, C1 controls) or call them errors (Unicode's
/// noncharacters). A NUL is not among them: as CommonMark says, it is read
/// as U+FFFD (see [`super::body::Prepared::new`]).
fn body_slips(body: &str, first_line: usize, file: &str) -> Vec<Diagnostic> {
    let refused = |c: char| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\0'))
            || ('\u{fdd0}'..='\u{fdef}').contains(&c)
            || (c as u32) & 0xfffe == 0xfffe
    };
    let mut slips = Vec::new();
    for (n, line) in body.split('\n').enumerate() {
        if let Some((at, c)) = line.char_indices().find(|&(_, c)| refused(c)) {
            slips.push(Diagnostic::at(
                file,
                first_line + n,
                line[..at].chars().count() + 1,
                None,
                crate::say!("body-control", character = format!("U+{:04X}", c as u32)),
            ));
            if slips.len() == MAX_BODY_SLIPS {
                break;
            }
        }
    }
    slips
}

/// A text field's value, without its place.
fn text_of(value: &Option<Spanned<String>>) -> Option<String> {
    value.as_ref().map(|v| v.value.clone())
}

/// Checks every text value of `raw` as YAML decoded it (see
/// [`yaml::Decoded`]), leaving out of each the characters it refuses.
fn check_decoded(raw: &mut RawReport, decoded: &mut yaml::Decoded) {
    // Codes and dates (`text`), and words shown to readers (`shown`), which
    // cannot be blank. The title has a message of its own for that.
    let mut text = |value: &mut Option<Spanned<String>>, field: &dyn Fn() -> String, shown| {
        if let Some(value) = value {
            match shown {
                true => decoded.shown(value, field),
                false => decoded.text(value, field),
            }
        }
    };
    text(&mut raw.title, &|| "title".into(), false);
    text(&mut raw.kind, &|| "kind".into(), false);
    text(&mut raw.city, &|| "city".into(), false);
    text(&mut raw.district, &|| "district".into(), false);
    text(&mut raw.published, &|| "published".into(), false);
    text(&mut raw.language, &|| "language".into(), false);
    text(&mut raw.summary, &|| "summary".into(), true);
    text(&mut raw.slug, &|| "slug".into(), false);
    if let Some(source) = &mut raw.source {
        text(&mut source.publisher, &|| "source.publisher".into(), true);
        text(&mut source.outlet, &|| "source.outlet".into(), true);
        text(&mut source.title, &|| "source.title".into(), true);
        text(&mut source.url, &|| "source.url".into(), false);
        text(&mut source.reporter, &|| "source.reporter".into(), true);
        text(&mut source.editor, &|| "source.editor".into(), true);
        text(&mut source.published, &|| "source.published".into(), false);
    }
    for (i, metric) in raw.metrics.iter_mut().enumerate() {
        let field = |name: &'static str| move || format!("metrics[{i}].{name}");
        decoded.text(&mut metric.id, field("id"));
        let mut text = |value: &mut Option<Spanned<String>>, name: &'static str, shown| {
            if let Some(value) = value {
                match shown {
                    true => decoded.shown(value, field(name)),
                    false => decoded.text(value, field(name)),
                }
            }
        };
        text(&mut metric.label, "label", false);
        text(&mut metric.unit, "unit", false);
        text(&mut metric.topic, "topic", false);
        text(&mut metric.as_of, "as_of", false);
        text(&mut metric.deadline, "deadline", false);
        text(&mut metric.district, "district", false);
        text(&mut metric.note, "note", true);
        for (j, place) in metric.districts.iter_mut().enumerate() {
            let field = |name: &'static str| move || format!("metrics[{i}].districts[{j}].{name}");
            decoded.text(&mut place.district, field("district"));
            if let Some(as_of) = &mut place.as_of {
                decoded.text(as_of, field("as_of"));
            }
            if let Some(note) = &mut place.note {
                decoded.shown(note, field("note"));
            }
        }
    }
    for (i, topic) in raw.topics.iter_mut().enumerate() {
        decoded.text(topic, || format!("topics[{i}]"));
    }
}

/// The districts `metrics` give values for, each once, sorted.
pub fn value_districts(metrics: &[MetricEntry]) -> Vec<DistrictId> {
    let named: std::collections::BTreeSet<&DistrictId> = metrics
        .iter()
        .flat_map(|e| &e.values)
        .filter_map(|v| v.district.as_ref())
        .collect();
    named.into_iter().cloned().collect()
}

/// A year as written (`2025`), or why it is not one.
fn parse_year(written: &str) -> Result<i32, String> {
    let text = written.trim();
    let half_width = crate::i18n::half_width(text);
    match text.parse::<i32>() {
        Ok(year) if (1900..=2200).contains(&year) => Ok(year),
        Ok(year) => Err(crate::say!(
            "report-year-implausible",
            year = year.to_string()
        )),
        Err(_) if half_width != text && half_width.parse::<i32>().is_ok() => Err(crate::say!(
            "full-width-year",
            text = text,
            fixed = &half_width
        )),
        Err(_) => Err(crate::say!("year-not-a-year", text = text)),
    }
}

/// The example texts `renewal new report` writes in a new report's
/// comments, in every language it speaks (see
/// [`crate::i18n::messages::example_texts`]).
fn examples() -> &'static [String] {
    static EXAMPLES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    EXAMPLES.get_or_init(|| {
        use crate::i18n::Language;
        [Language::ZhHans, Language::ZhHant, Language::En]
            .into_iter()
            .flat_map(crate::i18n::messages::example_texts)
            .collect()
    })
}

/// How an example label begins, before what it says to write instead
/// (`示例指标` of `示例指标（请改为…）`): a text that begins so is the
/// example too.
fn label_start(example: &str) -> Option<&str> {
    let at = example.find(['（', '('])?;
    Some(example[..at].trim_end()).filter(|start| !start.is_empty())
}

/// The fields every report gives.
const REQUIRED: [&str; 5] = ["title", "kind", "city", "year", "published"];

/// The fields named on the top-level lines of `yaml`.
fn top_level_keys(yaml: &str) -> impl Iterator<Item = String> {
    yaml.lines()
        .filter(|l| !l.starts_with([' ', '\t', '#', '-']))
        .filter_map(lines::key_of)
}

/// The required fields that no top-level line of `yaml` names.
fn missing_required(yaml: &str) -> Vec<&'static str> {
    let keys: Vec<String> = top_level_keys(yaml).collect();
    REQUIRED
        .into_iter()
        .filter(|r| !keys.iter().any(|k| k == r))
        .collect()
}

/// `a`, `b` and `c` (`a`、`b` 和 `c`).
fn and_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            let rest = rest.join(&crate::say!("list-comma"));
            crate::say!("list-and", rest = rest, last = last)
        }
        _ => quoted.concat(),
    }
}

/// A report's slug: an address id that is not the name of the report
/// list's later pages (`/reports/page/2/`).
pub fn check_report_slug(slug: &str) -> Result<(), String> {
    check_slug(slug)?;
    if slug == "page" {
        return Err(crate::say!("slug-page"));
    }
    Ok(())
}

fn unknown_topic(topic: &str, config: &Config) -> String {
    let known: Vec<&str> = config.topics.iter().map(|t| t.id.as_str()).collect();
    if topic.contains(['，', '、']) {
        let parts: Vec<&str> = topic.split(['，', '、']).map(str::trim).collect();
        let fixed = format!("[{}]", parts.join(", "));
        return crate::say!("topics-joined", topic = topic, fixed = fixed);
    }
    crate::say!("topic-unknown", topic = topic, known = known.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONFIG: &str = "title: t\nbase_url: https://x.cn/\ncities:\n  - id: qingdao\n    name: 青岛市\n    districts:\n      - id: laoshan\n        name: 崂山区\n        other_names: [嶗山區]\n      - id: shinan\n        name: 市南区\ntopics:\n  - id: gas\n    name: 燃气\n";

    fn report(front: &str) -> Result<Report, Vec<Diagnostic>> {
        let config = crate::load::config::parse(CONFIG).unwrap();
        let text = format!(
            "---\ntitle: 测试\nkind: plan\ncity: 青岛市\nyear: 2024\npublished: 2024-02-27\n{front}---\n正文\n"
        );
        match parse("content/2024/qd.md", &text, &config) {
            (Some(report), problems) if problems.iter().all(|p| p.warning) => Ok(report),
            (_, problems) => Err(problems),
        }
    }

    /// One value as (district, target, actual, as_of) for compact comparison.
    type Shown<'a> = (Option<&'a str>, Option<String>, Option<String>, String);

    fn values(r: &Report) -> Vec<Shown<'_>> {
        r.metrics[0]
            .values
            .iter()
            .map(|v| {
                (
                    v.district.as_deref(),
                    v.target.map(|f| f.to_string()),
                    v.actual.map(|f| f.to_string()),
                    v.as_of.to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn metric_values_take_their_defaults_from_the_report() {
        let d = |s: &str| s.to_string();
        let cases: Vec<(&str, &str, Vec<Shown>)> = vec![
            (
                "city-wide",
                "metrics:\n  - id: gas\n    label: 燃气\n    unit: 公里\n    target: 30\n",
                vec![(None, Some(d("30")), None, d("2024-02-27"))],
            ),
            (
                "report district is the default",
                "district: 嶗山區\nmetrics:\n  - id: gas\n    label: 燃气\n    unit: 公里\n    target: 30\n",
                vec![(Some("laoshan"), Some(d("30")), None, d("2024-02-27"))],
            ),
            (
                "own as_of",
                "metrics:\n  - id: gas\n    actual: 12.5\n    as_of: 2024-06-30\n",
                vec![(None, None, Some(d("12.5")), d("2024-06-30"))],
            ),
            (
                "breakdown by id, name and other name",
                "metrics:\n  - id: gas\n    label: 燃气\n    unit: 公里\n    as_of: 2024-06\n    districts:\n      - district: shinan\n        target: 10\n      - district: 嶗山區\n        actual: 4\n        as_of: 2024-05-31\n",
                vec![
                    (Some("shinan"), Some(d("10")), None, d("2024-06")),
                    (Some("laoshan"), None, Some(d("4")), d("2024-05-31")),
                ],
            ),
            (
                "total beside breakdown",
                "metrics:\n  - id: gas\n    label: 燃气\n    unit: 公里\n    target: 30\n    districts:\n      - district: 市南区\n        target: 10\n",
                vec![
                    (None, Some(d("30")), None, d("2024-02-27")),
                    (Some("shinan"), Some(d("10")), None, d("2024-02-27")),
                ],
            ),
        ];
        for (name, front, expected) in cases {
            let r = report(front).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            assert_eq!(values(&r), expected, "{name}");
        }
    }

    #[test]
    fn report_fields_are_resolved_and_defaulted() {
        let r = report("district: laoshan\ntopics: [gas]\nsource:\n  reporter: 李倚慰\n").unwrap();
        assert_eq!(
            (r.slug.as_str(), r.city.as_str(), r.district.as_deref()),
            ("qd", "qingdao", Some("laoshan"))
        );
        assert_eq!((r.language, r.kind), (Language::ZhHans, ReportKind::Plan));
        assert_eq!(r.source.unwrap().reporter.as_deref(), Some("李倚慰"));
    }

    #[test]
    fn problems_in_one_file_are_all_reported() {
        let errors = report("topics: [roads]\nmetrics:\n  - id: Gas\n    label: 燃气\n    target: -1\n    district: 黄岛区\n").unwrap_err();
        let fields: Vec<&str> = errors.iter().filter_map(|e| e.field.as_deref()).collect();
        assert_eq!(
            fields,
            [
                "topics[0]",
                "metrics[0].id",
                "metrics[0].unit",
                "metrics[0].target",
                "metrics[0].district"
            ]
        );
    }
}
