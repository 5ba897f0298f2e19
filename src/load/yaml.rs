//! Reading YAML (site config and front matter) into typed structs, and
//! turning YAML errors into [`Diagnostic`]s a web editor can act on.
//!
//! serde-saphyr reports where an error is (line, column) but not which field
//! it concerns. Editors think in fields, so [`field_path_at`] recovers the
//! path (`metrics[2].target`) from the block-style YAML around that line.
//! Values that must be checked after deserializing (dates, ids, signs) are
//! read as `Spanned` so their own place can be reported too.

use crate::diagnostic::{Diagnostic, Place};
use serde::de::DeserializeOwned;

/// Deserializes `yaml`, which starts after `line_offset` lines of `file`.
pub fn parse<T: DeserializeOwned>(
    yaml: &str,
    file: &str,
    line_offset: usize,
) -> Result<T, Diagnostic> {
    serde_saphyr::from_str(yaml).map_err(|error| {
        let (line, column) = error
            .location()
            .map(|l| (l.line() as usize, l.column() as usize))
            .unwrap_or((0, 0));
        let raw = error.without_snippet().to_string();
        let raw = match raw.rfind(" at line ") {
            Some(i) => raw[..i].to_string(),
            None => raw,
        };
        let (message, missing) = friendly(&raw);
        let field = if line == 0 {
            None
        } else if let Some(missing) = missing {
            let parent = field_path_at(yaml, line).and_then(|p| parent_of(&p));
            Some(match parent {
                Some(parent) => format!("{parent}.{missing}"),
                None => missing,
            })
        } else {
            field_path_at(yaml, line)
        };
        let line = if line == 0 { 0 } else { line + line_offset };
        Diagnostic::at(file, line, column, field, message)
    })
}

/// The place of a spanned value, in lines of the whole file.
pub fn place<T>(spanned: &serde_saphyr::Spanned<T>, line_offset: usize) -> Place {
    let line = spanned.referenced.line() as usize;
    Place {
        line: if line == 0 { 0 } else { line + line_offset },
        column: spanned.referenced.column() as usize,
    }
}

/// Rewrites the parser's wording for people who edit reports, and names the
/// missing field when that is the problem.
fn friendly(raw: &str) -> (String, Option<String>) {
    if let Some(name) = between(raw, "missing field `", "`") {
        return (
            format!("required field `{name}` is missing from this block"),
            Some(name),
        );
    }
    if let Some(key) = raw.strip_prefix("duplicate mapping key: ") {
        let key = key.split(',').next().unwrap_or(key);
        return (
            format!("`{key}` is given twice in the same block; keep one"),
            None,
        );
    }
    if raw.starts_with("invalid floating point") || raw.contains("expected f64") {
        return (
            "expected a plain number such as 12.8 (no units or 万 in the number; put the unit in `unit`)".into(),
            None,
        );
    }
    if raw.starts_with("expected mapping start") {
        return (
            "expected `field: value` lines here (a block of named fields, not a list or plain text)".into(),
            None,
        );
    }
    if raw.starts_with("invalid integer")
        || raw.starts_with("invalid i32")
        || raw.contains("expected i32")
    {
        return ("expected a whole number such as 2024".into(), None);
    }
    if let Some(rest) = raw.strip_prefix("unknown field ") {
        return (
            format!(
                "unknown field {}",
                rest.replacen(", expected one of", "; the fields allowed here are:", 1)
            ),
            None,
        );
    }
    (raw.to_string(), None)
}

fn between(text: &str, start: &str, end: &str) -> Option<String> {
    let from = text.find(start)? + start.len();
    let to = text[from..].find(end)? + from;
    Some(text[from..to].to_string())
}

fn parent_of(path: &str) -> Option<String> {
    let cut = path.rfind(['.', '['])?;
    Some(path[..cut].to_string())
}

#[derive(Debug)]
enum Frame {
    Key { indent: usize, name: String },
    Item { indent: usize, index: usize },
}

impl Frame {
    fn indent(&self) -> usize {
        match self {
            Frame::Key { indent, .. } | Frame::Item { indent, .. } => *indent,
        }
    }
}

/// The field path (`metrics[2].target`) of what stands on 1-based `line` of
/// a block-style YAML document, or `None` if the line holds no key.
pub fn field_path_at(yaml: &str, line: usize) -> Option<String> {
    let mut stack: Vec<Frame> = Vec::new();
    for text in yaml.lines().take(line) {
        let trimmed = text.trim_start_matches(' ');
        if trimmed.trim().is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let mut column = text.len() - trimmed.len();
        let mut rest = trimmed;
        while rest == "-" || rest.starts_with("- ") {
            stack.retain(|f| f.indent() <= column);
            let index = match stack.last() {
                Some(Frame::Item { indent, index }) if *indent == column => {
                    let next = index + 1;
                    stack.pop();
                    next
                }
                _ => 0,
            };
            stack.push(Frame::Item {
                indent: column,
                index,
            });
            let after = rest.get(1..).unwrap_or("");
            let inner = after.trim_start_matches(' ');
            column += 1 + after.len() - inner.len();
            rest = inner;
        }
        if let Some(name) = key_of(rest) {
            stack.retain(|f| f.indent() < column);
            stack.push(Frame::Key {
                indent: column,
                name,
            });
        }
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Key { name, .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(name);
            }
            Frame::Item { index, .. } => path.push_str(&format!("[{index}]")),
        }
    }
    (!path.is_empty()).then_some(path)
}

/// The key of a `key: value` or `key:` line, if it is one.
fn key_of(text: &str) -> Option<String> {
    let end = text
        .char_indices()
        .find(|&(i, c)| c == ':' && matches!(text[i + 1..].chars().next(), None | Some(' ')))
        .map(|(i, _)| i)?;
    let key = text[..end].trim().trim_matches(['"', '\'']);
    let plain = !key.is_empty() && !key.starts_with(['{', '[', '"', '\'', '&', '*', '!', '|', '>']);
    plain.then(|| key.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "title: 东营\nmetrics:\n  - id: a\n    target: 1\n  - id: b\n    districts:\n      - district: 东营区\n        target: 2\n      - district: 垦利区\n        target: x\nsource:\n  reporter: 宋东\n";

    #[test]
    fn field_paths_follow_the_block_structure() {
        let cases = [
            (1, Some("title")),
            (3, Some("metrics[0].id")),
            (4, Some("metrics[0].target")),
            (5, Some("metrics[1].id")),
            (8, Some("metrics[1].districts[0].target")),
            (10, Some("metrics[1].districts[1].target")),
            (12, Some("source.reporter")),
        ];
        for (line, expected) in cases {
            assert_eq!(
                field_path_at(REPORT, line).as_deref(),
                expected,
                "line {line}"
            );
        }
    }

    #[test]
    fn items_at_the_parent_indent_are_counted() {
        let yaml = "metrics:\n- id: a\n- id: b\n  unit: 条\ntitle: x\n";
        assert_eq!(field_path_at(yaml, 4).as_deref(), Some("metrics[1].unit"));
        assert_eq!(field_path_at(yaml, 5).as_deref(), Some("title"));
    }

    #[test]
    fn key_detection_ignores_colons_inside_values() {
        assert_eq!(key_of("url: https://x.cn/a"), Some("url".into()));
        assert_eq!(key_of("https://x.cn"), None);
        assert_eq!(key_of("\"a b\": 1"), Some("a b".into()));
    }
}
