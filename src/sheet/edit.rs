//! Changing a report's figures in place.
//!
//! The front matter is read once more for where each of its metrics,
//! places and figures is written (serde-saphyr's spans, in bytes), and a
//! figure is changed by replacing exactly its text, added as one line
//! beside its place's others, or removed with its own line. Everything
//! else in the file (other fields, comments, order, quoting, blank lines
//! and the body) stays byte for byte. What cannot be changed that way (a
//! figure written as a block of lines, a place written as `{…}`) is
//! refused, located, for the editor to change in the report.

use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_saphyr::Spanned;

/// A scalar's bytes in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub start: usize,
    pub end: usize,
}

/// The keys a metric or a place may have a figure or text in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Label,
    Unit,
    Topic,
    Target,
    Actual,
    AsOf,
    Note,
}

impl Key {
    pub fn name(self) -> &'static str {
        match self {
            Key::Label => "label",
            Key::Unit => "unit",
            Key::Topic => "topic",
            Key::Target => "target",
            Key::Actual => "actual",
            Key::AsOf => "as_of",
            Key::Note => "note",
        }
    }
}

/// A mapping of the front matter (a metric, or a place in its list).
#[derive(Debug, Clone, Default)]
pub struct Mapping {
    /// Where its first key starts.
    pub start: usize,
    /// Whether it is written `{…}` on one line.
    pub flow: bool,
    /// Where the line that holds its first key ends (after the newline).
    pub first_line_end: usize,
    /// The byte after the last scalar in it.
    pub end: usize,
    pub slots: Vec<(Key, Slot)>,
}

impl Mapping {
    pub fn slot(&self, key: Key) -> Option<Slot> {
        self.slots.iter().find(|(k, _)| *k == key).map(|(_, s)| *s)
    }
}

/// Where a metric is written.
#[derive(Debug, Clone)]
pub struct MetricAt {
    pub id: String,
    pub mapping: Mapping,
    /// Whether it gives a figure of its own (`target` or `actual`).
    pub whole: bool,
    /// Its `districts:` list, in order, with each place as written.
    pub places: Vec<(String, Mapping)>,
}

impl MetricAt {
    /// Whether the metric's `k`th value (in the order the report's
    /// values are read) is its own figure rather than a place's.
    pub fn metric_level(&self, k: usize) -> bool {
        k == 0 && (self.whole || self.places.is_empty())
    }

    /// The place in `districts:` that the `k`th value is.
    pub fn place(&self, k: usize) -> Option<&Mapping> {
        let own = usize::from(self.whole || self.places.is_empty());
        self.places.get(k.checked_sub(own)?).map(|(_, m)| m)
    }
}

/// Where each metric of a report is written, and how its lines end.
#[derive(Debug, Clone)]
pub struct Layout {
    pub metrics: Vec<MetricAt>,
    pub newline: &'static str,
}

#[derive(Deserialize)]
struct Shadow {
    #[serde(default)]
    metrics: Vec<Spanned<ShadowMetric>>,
}

type Any = Option<Spanned<IgnoredAny>>;

#[derive(Deserialize)]
struct ShadowMetric {
    id: Spanned<String>,
    label: Any,
    unit: Any,
    topic: Any,
    target: Any,
    actual: Any,
    as_of: Any,
    note: Any,
    district: Any,
    year: Any,
    baseline: Any,
    deadline: Any,
    districts_add_up: Any,
    #[serde(default)]
    districts: Vec<Spanned<ShadowPlace>>,
}

#[derive(Deserialize)]
struct ShadowPlace {
    district: Spanned<String>,
    target: Any,
    actual: Any,
    as_of: Any,
    note: Any,
}

/// Where each metric of the report `text` is written. `None` when its
/// front matter cannot be read (the report's own problems say why).
pub fn layout(text: &str) -> Option<Layout> {
    let split = crate::load::front_matter::split(text).ok()?;
    let base = split.yaml.as_ptr() as usize - text.as_ptr() as usize;
    let shadow: Shadow = serde_saphyr::from_str(split.yaml).ok()?;
    let slot = |s: &Spanned<IgnoredAny>| -> Option<Slot> { slot_of(&s.referenced, base) };
    let mut metrics = Vec::new();
    for m in &shadow.metrics {
        let own = [
            (Key::Label, &m.value.label),
            (Key::Unit, &m.value.unit),
            (Key::Topic, &m.value.topic),
            (Key::Target, &m.value.target),
            (Key::Actual, &m.value.actual),
            (Key::AsOf, &m.value.as_of),
            (Key::Note, &m.value.note),
        ];
        let mut mapping = mapping_at(text, &m.referenced, base)?;
        let mut ends = vec![slot_of(&m.value.id.referenced, base)?.end];
        // Where the metric ends: after the last of its keys, figures or not.
        let others = [
            &m.value.district,
            &m.value.year,
            &m.value.baseline,
            &m.value.deadline,
            &m.value.districts_add_up,
        ];
        ends.extend(
            others
                .iter()
                .filter_map(|v| v.as_ref().and_then(slot))
                .map(|s| s.end),
        );
        for (key, value) in own {
            if let Some(s) = value.as_ref().and_then(slot) {
                mapping.slots.push((key, s));
                ends.push(s.end);
            }
        }
        let mut places = Vec::new();
        for p in &m.value.districts {
            let mut place = mapping_at(text, &p.referenced, base)?;
            let district = slot_of(&p.value.district.referenced, base)?;
            let mut place_ends = vec![district.end];
            for (key, value) in [
                (Key::Target, &p.value.target),
                (Key::Actual, &p.value.actual),
                (Key::AsOf, &p.value.as_of),
                (Key::Note, &p.value.note),
            ] {
                if let Some(s) = value.as_ref().and_then(slot) {
                    place.slots.push((key, s));
                    place_ends.push(s.end);
                }
            }
            place.end = place_ends.into_iter().max().unwrap_or(place.start);
            ends.push(place.end);
            places.push((p.value.district.value.clone(), place));
        }
        mapping.end = ends.into_iter().max().unwrap_or(mapping.start);
        metrics.push(MetricAt {
            id: m.value.id.value.clone(),
            whole: m.value.target.is_some() || m.value.actual.is_some(),
            mapping,
            places,
        });
    }
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    Some(Layout { metrics, newline })
}

fn slot_of(location: &serde_saphyr::Location, base: usize) -> Option<Slot> {
    let span = location.span();
    let start = base + usize::try_from(span.byte_offset()?).ok()?;
    let end = start + usize::try_from(span.byte_len()?).ok()?;
    Some(Slot { start, end })
}

fn mapping_at(text: &str, location: &serde_saphyr::Location, base: usize) -> Option<Mapping> {
    let start = slot_of(location, base)?.start;
    let first_line_end = line_end(text, start);
    Some(Mapping {
        start,
        flow: text[start..].starts_with('{'),
        first_line_end,
        end: start,
        slots: Vec::new(),
    })
}

/// Where the line holding byte `at` ends, after its newline.
pub fn line_end(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |n| at + n + 1)
}

/// Where the line holding byte `at` starts.
pub fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |n| n + 1)
}

/// One change to the text: `text` in place of the bytes `start..end`
/// (an insertion when they are the same).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl Change {
    /// `text` put in at byte `at`.
    pub fn insert(at: usize, text: String) -> Change {
        Change {
            start: at,
            end: at,
            text,
        }
    }
}

/// Why a change cannot be made in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// The value is written over several lines (`|` or `>`).
    Block,
    /// The mapping is written `{…}` on one line.
    Flow,
    /// The key shares its line with another (`- actual: 3`).
    SharedLine,
}

/// `text` with its value at `slot` replaced by `value` (a YAML scalar).
pub fn replace(text: &str, slot: Slot, value: &str) -> Result<Change, Refused> {
    if text[slot.start..slot.end].contains('\n') || block_indicator(text, slot) {
        return Err(Refused::Block);
    }
    Ok(Change {
        start: slot.start,
        end: slot.end,
        text: value.to_string(),
    })
}

/// Whether the value at `slot` is a block scalar (`note: |`) or
/// otherwise starts on a line below its key.
fn block_indicator(text: &str, slot: Slot) -> bool {
    text[line_start(text, slot.start)..slot.start]
        .trim()
        .is_empty()
}

/// Removes the line that holds `key: value` at `slot`.
pub fn remove(text: &str, key: Key, slot: Slot) -> Result<Change, Refused> {
    let start = line_start(text, slot.start);
    let end = line_end(text, slot.start);
    let line = text[start..end].trim();
    if text[slot.start..slot.end].contains('\n') || block_indicator(text, slot) {
        return Err(Refused::Block);
    }
    if !line.starts_with(&format!("{}:", key.name())) {
        return Err(Refused::SharedLine);
    }
    Ok(Change {
        start,
        end,
        text: String::new(),
    })
}

/// `key` of `mapping` given `value`: its value replaced where the key is
/// written, else the key added (see [`replace`] and [`insert`]).
pub fn set(
    text: &str,
    mapping: &Mapping,
    key: Key,
    value: &str,
    newline: &str,
) -> Result<Change, Refused> {
    match mapping.slot(key) {
        Some(slot) => replace(text, slot, value),
        None => insert(text, mapping, key, value, newline),
    }
}

/// Adds `key: value` to `mapping`, on a line of its own below its first.
pub fn insert(
    text: &str,
    mapping: &Mapping,
    key: Key,
    value: &str,
    newline: &str,
) -> Result<Change, Refused> {
    if mapping.flow {
        return Err(Refused::Flow);
    }
    let start = line_start(text, mapping.start);
    let column = text[start..mapping.start].chars().count();
    let at = mapping.first_line_end;
    // A file whose last line has no newline gets one before the new line.
    let lead = if at == text.len() && !text.ends_with('\n') {
        newline
    } else {
        ""
    };
    Ok(Change {
        start: at,
        end: at,
        text: format!(
            "{lead}{}{}: {value}{newline}",
            " ".repeat(column),
            key.name()
        ),
    })
}

/// The indentation that starts a list item like the one at `mapping`
/// (`      - `), when it is written as a block list item.
pub fn item_prefix(text: &str, mapping: &Mapping) -> Option<String> {
    let prefix = &text[line_start(text, mapping.start)..mapping.start];
    let dashed = prefix.trim_start().starts_with('-') && prefix.trim_start()[1..].trim().is_empty();
    (dashed && !mapping.flow).then(|| prefix.to_string())
}

/// A YAML scalar for `text`: plain when YAML reads it back as the same
/// text, else double-quoted.
pub fn scalar(text: &str) -> String {
    let plain = !text.is_empty()
        && !text.starts_with([
            ' ', '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"',
            '%', '@', '`',
        ])
        && !text.ends_with([' ', ':'])
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.chars().any(|c| c.is_control())
        && !matches!(
            text.to_ascii_lowercase().as_str(),
            "null" | "~" | "true" | "false" | "yes" | "no" | "on" | "off"
        );
    match plain {
        true => text.to_string(),
        false => quoted(text),
    }
}

/// `text` in double quotes, escaped.
fn quoted(text: &str) -> String {
    let mut quoted = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\t' => quoted.push_str("\\t"),
            c if c.is_control() => quoted.push_str(&format!("\\u{:04x}", c as u32)),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// A YAML scalar for a text field (a note, a name, a title): quoted also
/// when YAML would read it plain as something other than text (`12`,
/// `.nan`, `~`), and, inside `{…}`, when it holds a comma or a bracket.
pub fn text_scalar(text: &str, flow: bool) -> String {
    let lower = text.to_ascii_lowercase();
    let not_text = text.parse::<f64>().is_ok()
        || lower.trim_start_matches(['+', '-']).starts_with('.')
        || lower.starts_with("0x")
        || lower.starts_with("0o");
    let in_flow = flow && text.contains([',', '[', ']', '{', '}']);
    match not_text || in_flow {
        true => quoted(text),
        false => scalar(text),
    }
}

/// `text` with `changes` made (none may overlap), and where each
/// change's text ended up in the result, in bytes.
pub fn apply(text: &str, changes: &[Change]) -> (String, Vec<(usize, usize)>) {
    let mut order: Vec<usize> = (0..changes.len()).collect();
    order.sort_by_key(|&n| (changes[n].start, changes[n].end));
    let mut out = String::with_capacity(text.len() + 256);
    let mut at = 0;
    let mut placed = vec![(0, 0); changes.len()];
    for n in order {
        let change = &changes[n];
        out.push_str(&text[at..change.start.max(at)]);
        let start = out.len();
        out.push_str(&change.text);
        placed[n] = (start, out.len());
        at = change.end.max(at);
    }
    out.push_str(&text[at..]);
    (out, placed)
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "---\ntitle: x # the title\nmetrics:\n  # gas first\n  - id: gas\n    unit: 公里\n    actual: \"9.8\"  # as reported\n    note: |\n      two\n      lines\n    districts:\n      - district: 东湖区\n        actual: 12.50\n      - {district: b, actual: 3}\n  - id: heat\n    target: 5\n---\n\nBody # not YAML\n";

    #[test]
    fn a_report_is_laid_out_by_where_its_figures_are_written() {
        let layout = layout(REPORT).unwrap();
        assert_eq!(layout.metrics.len(), 2);
        let gas = &layout.metrics[0];
        assert_eq!(gas.id, "gas");
        assert!(gas.whole);
        let actual = gas.mapping.slot(Key::Actual).unwrap();
        assert_eq!(&REPORT[actual.start..actual.end], "\"9.8\"");
        let (name, east) = &gas.places[0];
        assert_eq!(name, "东湖区");
        let slot = east.slot(Key::Actual).unwrap();
        assert_eq!(&REPORT[slot.start..slot.end], "12.50");
        assert!(gas.places[1].1.flow);
        assert!(!layout.metrics[1].whole || layout.metrics[1].mapping.slot(Key::Target).is_some());
    }

    #[test]
    fn changes_keep_every_other_byte() {
        let layout = layout(REPORT).unwrap();
        let gas = &layout.metrics[0];
        let east = &gas.places[0].1;
        let changes = vec![
            replace(REPORT, east.slot(Key::Actual).unwrap(), "13.00").unwrap(),
            insert(REPORT, east, Key::AsOf, "2025-09-30", "\n").unwrap(),
            replace(REPORT, gas.mapping.slot(Key::Actual).unwrap(), "10.1").unwrap(),
        ];
        let (out, placed) = apply(REPORT, &changes);
        assert_eq!(
            out,
            REPORT
                .replace("12.50", "13.00")
                .replace("东湖区\n", "东湖区\n        as_of: 2025-09-30\n")
                .replace("\"9.8\"", "10.1")
        );
        assert_eq!(&out[placed[0].0..placed[0].1], "13.00");
        // A block of lines and a `{…}` place are refused, not mangled.
        let note = gas.mapping.slot(Key::Note).unwrap();
        assert_eq!(replace(REPORT, note, "x"), Err(Refused::Block));
        assert_eq!(
            insert(REPORT, &gas.places[1].1, Key::Note, "x", "\n"),
            Err(Refused::Flow)
        );
        // `- district:` shares its line with the dash: never removed alone.
        let unit = gas.mapping.slot(Key::Unit).unwrap();
        let removed = remove(REPORT, Key::Unit, unit).unwrap();
        assert_eq!(&REPORT[removed.start..removed.end], "    unit: 公里\n");
        assert_eq!(item_prefix(REPORT, east).as_deref(), Some("      - "));
    }

    #[test]
    fn scalars_read_back_as_written() {
        assert_eq!(scalar("12.8"), "12.8");
        assert_eq!(scalar("东湖区"), "东湖区");
        assert_eq!(scalar("12.8 # x"), "\"12.8 # x\"");
        assert_eq!(scalar("a: b"), "\"a: b\"");
        assert_eq!(scalar("yes"), "\"yes\"");
        assert_eq!(scalar("\"q\""), "\"\\\"q\\\"\"");
        assert_eq!(scalar("- 3"), "\"- 3\"");
        assert_eq!(text_scalar(".nan", false), "\".nan\"");
        assert_eq!(text_scalar("12", false), "\"12\"");
        assert_eq!(text_scalar("partly, as_of", true), "\"partly, as_of\"");
        assert_eq!(text_scalar("partly, as_of", false), "partly, as_of");
        assert_eq!(text_scalar("至少", true), "至少");
    }
}
