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

/// At most this many YAML errors are recovered from in one file.
const MAX_RECOVERIES: usize = 20;

/// Checks `yaml` for the slips a YAML parser explains badly (see [`lint`])
/// and, if there are none, deserializes it. A YAML error on a
/// `field: value` line does not stop the reading: the error is kept, the
/// field (with anything indented below it) is set aside, and the rest is
/// read again, so that one misspelt field name or one value of the wrong
/// type does not hide the file's other problems. The value comes back if
/// what remains could be read; it lacks the fields set aside.
pub fn read_recovering<T: DeserializeOwned>(
    yaml: &str,
    file: &str,
    line_offset: usize,
) -> (Option<T>, Vec<Diagnostic>) {
    let slips = lint(yaml, file, line_offset);
    if !slips.is_empty() {
        return (None, slips);
    }
    let mut text = std::borrow::Cow::Borrowed(yaml);
    let mut problems: Vec<Diagnostic> = Vec::new();
    let mut set_aside: Vec<String> = Vec::new();
    loop {
        let problem = match parse::<T>(&text, file, line_offset) {
            Ok(value) => return (Some(value), problems),
            Err(problem) => problem,
        };
        // A required field missing because its line was set aside has
        // been reported already, as the error on that line.
        let consequence = problem.message.starts_with("required field")
            && problem
                .field
                .as_ref()
                .is_some_and(|f| set_aside.contains(f))
            || !set_aside.is_empty() && text.trim().is_empty();
        if consequence {
            return (None, problems);
        }
        let next = (problems.len() < MAX_RECOVERIES)
            .then(|| problem.line.checked_sub(line_offset))
            .flatten()
            .and_then(|line| without_field(&text, line));
        set_aside.extend(problem.field.clone());
        problems.push(problem);
        match next {
            Some(rest) => text = std::borrow::Cow::Owned(rest),
            None => return (None, problems),
        }
    }
}

/// `yaml` with the `field: value` on 1-based `line`, and every line
/// indented below it, made blank (so that lines keep their numbers); `None`
/// when that line is not a plain field (a list item, a continuation).
fn without_field(yaml: &str, line: usize) -> Option<String> {
    let lines: Vec<&str> = yaml.split_inclusive('\n').collect();
    let target = *lines.get(line.checked_sub(1)?)?;
    let indent = target.len() - target.trim_start_matches(' ').len();
    let rest = &target[indent..];
    if rest.starts_with('-') {
        return None;
    }
    key_of(rest.trim_end())?;
    let mut out = String::with_capacity(yaml.len());
    let mut inside = false;
    for (i, text) in lines.iter().enumerate() {
        let own_indent = text.len() - text.trim_start_matches(' ').len();
        if i + 1 == line {
            inside = true;
        } else if inside && !text.trim().is_empty() && own_indent <= indent {
            inside = false;
        }
        if inside {
            out.push_str(if text.ends_with('\n') { "\n" } else { "" });
        } else {
            out.push_str(text);
        }
    }
    Some(out)
}

/// Characters that look like a space but are not one to YAML.
fn look_alike_space(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{a0}' => "a non-breaking space (U+00A0)",
        '\u{3000}' => "a full-width space (U+3000)",
        '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' => "a typographic space",
        '\u{200b}' => "a zero-width space (U+200B)",
        '\u{feff}' => "a zero-width no-break space (U+FEFF)",
        _ => return None,
    })
}

/// At most this many slips are listed per file: a file pasted with tabs
/// throughout needs one fix, not thousands of lines about it.
const MAX_SLIPS: usize = 20;

/// Slips that editors make and that YAML parsers report in their own
/// terms, or one line off: a tab or a look-alike space used to indent, a
/// full-width colon after a field name, a look-alike space after a colon,
/// and invisible control characters. Each is located at its own line and
/// column, with what to type instead.
pub fn lint(yaml: &str, file: &str, line_offset: usize) -> Vec<Diagnostic> {
    let mut slips = Vec::new();
    for (n, text) in yaml.lines().enumerate() {
        let line = n + 1 + line_offset;
        if slips.len() == MAX_SLIPS {
            slips.push(Diagnostic::at(
                file,
                line,
                0,
                None,
                format!("more slips like the {MAX_SLIPS} above follow from here; fix those first"),
            ));
            break;
        }
        let text = text.strip_suffix('\r').unwrap_or(text);
        let mut slip = |index: usize, message: String| {
            let column = text[..index].chars().count() + 1;
            // The field the slip is in, when the line names one plainly; a
            // look-alike space counts as the one column it shows as, while
            // a tab's width is the editor's guess, so it names no field.
            let field = (!text.starts_with(|c: char| {
                c.is_whitespace() && c != ' ' && look_alike_space(c).is_none()
            }))
            .then(|| {
                let shown: String = yaml
                    .lines()
                    .take(n + 1)
                    .map(|l| l.replace(|c| look_alike_space(c).is_some(), " ") + "\n")
                    .collect();
                key_of(shown.lines().last()?.trim_start_matches([' ', '-']))?;
                field_path_at(&shown, n + 1)
            })
            .flatten();
            slips.push(Diagnostic::at(file, line, column, field, message));
        };
        if let Some((i, c)) = text.char_indices().find(|&(_, c)| {
            c.is_control() && c != '\t'
                || matches!(c, '\u{200b}' | '\u{feff}' | '\u{2028}' | '\u{2029}')
        }) {
            slip(
                i,
                format!(
                    "an invisible character (U+{:04X}) is here, often pasted from another program; delete it",
                    c as u32
                ),
            );
            continue;
        }
        // Indentation: everything before the first character that is
        // neither a space nor a list dash.
        let indent_end = text
            .char_indices()
            .find(|&(_, c)| c != ' ' && c != '-' && c != '\t' && look_alike_space(c).is_none())
            .map_or(text.len(), |(i, _)| i);
        if text[indent_end..].starts_with('#') || text[indent_end..].trim().is_empty() {
            continue;
        }
        let indent = &text[..indent_end];
        if let Some(i) = indent.find('\t') {
            slip(
                i,
                "a tab is used for indentation; YAML indents with spaces only: replace the tab with spaces".into(),
            );
            continue;
        }
        if let Some((i, c)) = indent
            .char_indices()
            .find(|&(_, c)| look_alike_space(c).is_some())
        {
            slip(
                i,
                format!(
                    "the indentation holds {}, which looks like a space but is not one to YAML; retype the indentation with ordinary spaces",
                    look_alike_space(c).unwrap_or_default()
                ),
            );
            continue;
        }
        let rest = &text[indent_end..];
        let key_end = rest
            .char_indices()
            .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '_'))
            .map_or(rest.len(), |(i, _)| i);
        let (key, after) = rest.split_at(key_end);
        if key.is_empty() || !key.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let after_spaces = after.trim_start_matches(' ');
        if after_spaces.starts_with('：') {
            slip(
                indent_end + key_end + (after.len() - after_spaces.len()),
                format!(
                    "`{key}` is followed by a full-width colon '：'; YAML needs an ASCII colon ':' followed by a space: `{key}: `"
                ),
            );
        } else if let Some(value) = after.strip_prefix(':')
            && let Some(c) = value.chars().next()
            && let Some(what) = look_alike_space(c)
        {
            slip(
                indent_end + key_end + 1,
                format!(
                    "the colon after `{key}` is followed by {what}; YAML needs an ordinary space after ':'"
                ),
            );
        }
    }
    slips
}

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
        // At the end of the input the parser may point one line past the
        // last; the end of the last line is where the editor should look.
        let last = yaml.lines().count().max(1);
        let (line, column) = if line > last {
            let end = yaml.lines().last().unwrap_or_default();
            (last, end.chars().count() + 1)
        } else {
            (line, column)
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
    if raw.starts_with("expected sequence start") {
        return (
            "expected a list here: one item per line, each starting with `- `, or all on one line as [a, b]".into(),
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
pub fn key_of(text: &str) -> Option<String> {
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
    fn slips_are_located_and_explained() {
        let cases = [
            (
                "title\u{ff1a} 东营\n",
                1,
                6,
                "full-width colon '：'; YAML needs an ASCII colon",
            ),
            (
                "title: a\n\tkind: plan\n",
                2,
                1,
                "a tab is used for indentation",
            ),
            (
                "metrics:\n  - id: a\n \t  unit: 个\n",
                3,
                2,
                "a tab is used for indentation",
            ),
            (
                "metrics:\n  - id: a\n\u{a0}\u{a0}\u{a0} actual: 1\n",
                3,
                1,
                "a non-breaking space (U+00A0)",
            ),
            (
                "title:\u{3000}东营\n",
                1,
                7,
                "followed by a full-width space (U+3000)",
            ),
            (
                "title: a\u{1b}[0m\n",
                1,
                9,
                "an invisible character (U+001B)",
            ),
            (
                "a: 1\nsummary: 目标\u{200b}\n",
                2,
                12,
                "invisible character (U+200B)",
            ),
        ];
        for (yaml, line, column, message) in cases {
            let slips = lint(yaml, "f.md", 0);
            assert_eq!(slips.len(), 1, "{yaml:?}: {slips:?}");
            assert_eq!((slips[0].line, slips[0].column), (line, column), "{yaml:?}");
            assert!(
                slips[0].message.contains(message),
                "{yaml:?}: {}",
                slips[0].message
            );
        }
        let clean =
            "title: 关于：城市更新\nsummary: |\n  目标：改造\n\tx\nmetrics:\n  - id: a # 注释：\n";
        let slips = lint(clean, "f.md", 0);
        assert_eq!(
            slips.len(),
            1,
            "only the tab inside the block scalar: {slips:?}"
        );
    }

    #[test]
    fn a_field_with_an_error_is_set_aside_and_the_rest_is_read() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Doc {
            title: String,
            year: Option<i32>,
            tags: Option<Vec<String>>,
        }
        let yaml = "titel: a\ntitle: b\nyear: soon\ntags:\n  - x\n  - [y\n";
        let (doc, problems) = read_recovering::<Doc>(yaml, "f.md", 1);
        let places: Vec<(usize, Option<&str>)> = problems
            .iter()
            .map(|p| (p.line, p.field.as_deref()))
            .collect();
        assert_eq!(places[..2], [(2, Some("titel")), (4, Some("year"))]);
        assert!(doc.is_none() || doc.is_some_and(|d| d.title == "b" && d.year.is_none()));
        let (doc, problems) = read_recovering::<Doc>("titel: a\ntitle: b\nyear: 5\n", "f.md", 0);
        assert_eq!(problems.len(), 1);
        assert_eq!(
            doc.map(|d| (d.title, d.year, d.tags)),
            Some(("b".into(), Some(5), None))
        );
        // A required field set aside is not reported a second time.
        let (doc, problems) = read_recovering::<Doc>("title: [a, b]\n", "f.md", 0);
        assert!(doc.is_none());
        assert_eq!(problems.len(), 1, "{problems:?}");
    }

    #[test]
    fn key_detection_ignores_colons_inside_values() {
        assert_eq!(key_of("url: https://x.cn/a"), Some("url".into()));
        assert_eq!(key_of("https://x.cn"), None);
        assert_eq!(key_of("\"a b\": 1"), Some("a b".into()));
    }
}
