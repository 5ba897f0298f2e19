//! The slips editors make in front matter that a YAML parser explains
//! badly, one line off, or not at all: a pre-pass over the raw text before
//! the parser reads it. Each slip is found at its own line and column,
//! named in the editor's terms with what to type instead, and repaired as
//! the editor most likely meant so that reading can go on past it.

use super::lines::{field_path_at, key_of};
use crate::diagnostic::Diagnostic;

/// Characters that look like a space but are not one to YAML: the
/// message that names each, and the spaces it stands for in indentation.
fn look_alike_space(c: char) -> Option<(&'static str, &'static str)> {
    Some(match c {
        '\u{a0}' => ("char-non-breaking-space", " "),
        '\u{3000}' => ("char-full-width-space", "  "),
        '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' => ("char-typographic-space", " "),
        _ => return None,
    })
}

/// Characters that show as nothing, turn text around, or that a page, a
/// feed or a download cannot hold, and have no place in front matter:
/// control characters (C0, DEL and C1), zero-width characters, direction
/// overrides and isolates, and the code points Unicode keeps as
/// noncharacters (U+FDD0 to U+FDEF, and U+FFFE and U+FFFF of every plane),
/// which XML forbids and HTML calls errors.
pub fn invisible(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(
            c,
            '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}' | '\u{fdd0}'..='\u{fdef}'
        )
        || (c as u32) & 0xfffe == 0xfffe
}

/// Dashes that look like the `-` that starts a list item.
fn look_alike_dash(c: char) -> bool {
    matches!(
        c,
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{ff0d}' | '\u{30fc}'
    )
}

/// At most this many slips are listed per file: a file pasted with tabs
/// throughout needs one fix, not thousands of lines about it.
const MAX_SLIPS: usize = 20;

/// What [`lint`] found: the slips, and the text with each one repaired as
/// the editor most likely meant, so that reading can go on past them.
pub struct Linted {
    pub slips: Vec<Diagnostic>,
    pub repaired: String,
    /// The lines (of the YAML, from 1) that hold a slip: what the parser
    /// says about them only repeats it.
    pub lines: Vec<usize>,
}

/// Indentation of a line in columns, counting a look-alike space as the
/// spaces it shows as and a tab as two.
fn indent_width(text: &str) -> usize {
    let mut width = 0;
    for c in text.chars() {
        width += match c {
            ' ' => 1,
            '\t' => 2,
            c => match look_alike_space(c) {
                Some((_, spaces)) => spaces.len(),
                None => break,
            },
        };
    }
    width
}

/// Finds the slips in `yaml` (which starts after `line_offset` lines of
/// `file`) and repairs each. A line is read as one of four things: a line
/// with an invisible character (one slip, the character is dropped), the
/// text of a value above it (only invisible characters count there), a
/// plain `field: value` (nothing to say: most lines), or a line that goes
/// through the [`CHECKS`].
pub fn lint(yaml: &str, file: &str, line_offset: usize) -> Linted {
    let lines: Vec<&str> = yaml.split_inclusive('\n').collect();
    let content = |l: &&str| {
        let t = l.trim_matches(|c: char| c.is_whitespace() || look_alike_space(c).is_some());
        !t.is_empty() && !t.starts_with('#')
    };
    let mut linted = Linted {
        slips: Vec::new(),
        repaired: String::with_capacity(yaml.len()),
        lines: Vec::new(),
    };
    let mut slip_count = 0;
    // Lines indented deeper than this are the text of the value above
    // them (a `|` block, or a value continued on the next lines): what
    // they hold is text, not YAML, so only invisible characters count.
    let mut text_deeper_than: Option<usize> = None;
    for (n, raw) in lines.iter().enumerate() {
        let line = n + 1 + line_offset;
        let ending_len = raw.len() - raw.trim_end_matches(['\n', '\r']).len();
        let (text, ending) = raw.split_at(raw.len() - ending_len);
        // Only spaces indent in YAML: a line led by a tab or a look-alike
        // space is no deeper than its first space says.
        let spaces = text.len() - text.trim_start_matches(' ').len();
        let is_text = text_deeper_than.is_some_and(|k| !content(raw) || spaces > k);
        if !is_text {
            text_deeper_than = None;
        }
        if let Some((i, c)) = text.char_indices().find(|&(_, c)| invisible(c)) {
            // One slip a line: what follows an invisible character is
            // read once it is gone.
            let found = vec![(
                text[..i].chars().count() + 1,
                crate::say!("slip-invisible", character = format!("U+{:04X}", c as u32)),
            )];
            let fixed: String = text.chars().filter(|&c| !invisible(c)).collect();
            linted.repaired.push_str(&fixed);
            linted.repaired.push_str(ending);
            record(&mut linted, &mut slip_count, found, line, file, &lines, n);
            continue;
        }
        if is_text || !content(raw) {
            linted.repaired.push_str(raw);
            continue;
        }
        if let Some(key_indent) = plain_field(text) {
            text_deeper_than = Some(key_indent);
            linted.repaired.push_str(raw);
            continue;
        }
        let mut read = Line {
            text,
            rest: text.to_string(),
            next: lines[n + 1..].iter().find(|l| content(l)).map(|l| {
                (
                    indent_width(l),
                    l.trim_start().starts_with("- ") || l.trim_start() == "-",
                )
            }),
            ..Line::default()
        };
        for check in CHECKS {
            check(&mut read);
        }
        if read.continued {
            text_deeper_than = Some(read.key_indent());
        }
        if read.found.is_empty() {
            linted.repaired.push_str(raw);
        } else {
            linted.repaired.push_str(&read.indent);
            linted.repaired.push_str(&read.prefix);
            linted.repaired.push_str(&read.rest);
            linted.repaired.push_str(ending);
        }
        record(
            &mut linted,
            &mut slip_count,
            read.found,
            line,
            file,
            &lines,
            n,
        );
    }
    linted
}

/// The slips looked for on a line that is not a plain `field: value`, in
/// the order the line is read: each check reads one part of it, notes
/// each slip at its column, and leaves that part repaired for the checks
/// after it.
const CHECKS: &[fn(&mut Line)] = &[indentation, list_dashes, name_and_colon, field_value];

/// One line of front matter as the [`CHECKS`] read it, part by part.
#[derive(Default)]
struct Line<'a> {
    /// The line as written, without its ending.
    text: &'a str,
    /// The indentation of the next line with content, and whether that
    /// line starts a list item.
    next: Option<(usize, bool)>,
    /// The parts read so far, repaired: indentation, list dashes, and what
    /// follows them.
    indent: String,
    prefix: String,
    rest: String,
    /// The field's name and, once its colon is read, its value.
    key: String,
    value: Option<String>,
    /// Slips found: column and message.
    found: Vec<(usize, String)>,
    /// Whether the lines indented below continue this line's value.
    continued: bool,
}

impl Line<'_> {
    /// The column (from 0) where the field's name starts.
    fn key_indent(&self) -> usize {
        self.indent.chars().count() + self.prefix.chars().count()
    }

    fn slip(&mut self, column: usize, message: String) {
        self.found.push((column, message));
    }
}

/// Indentation: spaces only. A tab counts as two spaces, a look-alike
/// space as the spaces it shows as; each kind is named once a line.
fn indentation(line: &mut Line) {
    let text = line.text;
    let end = text
        .char_indices()
        .find(|&(_, c)| c != ' ' && c != '\t' && look_alike_space(c).is_none())
        .map_or(text.len(), |(i, _)| i);
    let column_of = |i: usize| text[..i].chars().count() + 1;
    let (mut tab, mut look_alike) = (false, false);
    for (i, c) in text[..end].char_indices() {
        match c {
            ' ' => line.indent.push(' '),
            '\t' => {
                if !tab {
                    line.slip(column_of(i), crate::say!("slip-tab"));
                    tab = true;
                }
                line.indent.push_str("  ");
            }
            c => {
                let (what, spaces) = look_alike_space(c).unwrap_or(("", " "));
                if !look_alike {
                    let what = crate::i18n::messages::message(what, &[]);
                    line.slip(
                        column_of(i),
                        crate::say!("slip-indent-look-alike", what = what),
                    );
                    look_alike = true;
                }
                line.indent.push_str(spaces);
            }
        }
    }
    line.rest = text[end..].to_string();
}

/// List dashes, ASCII or look-alike, and what follows each: an ordinary
/// space is needed after `-`.
fn list_dashes(line: &mut Line) {
    loop {
        let column = line.key_indent() + 1;
        let rest = std::mem::take(&mut line.rest);
        let mut chars = rest.chars();
        line.rest = match (chars.next(), chars.next()) {
            (Some('-'), Some(' ')) | (Some('-'), None) => {
                let cut = rest.len().min(2);
                line.prefix.push_str(&rest[..cut]);
                line.prefix.push_str(if cut == 2 { "" } else { " " });
                rest[cut..].trim_start_matches(' ').to_string()
            }
            (Some('-'), Some(c)) if look_alike_space(c).is_some() => {
                let (what, _) = look_alike_space(c).unwrap_or(("", ""));
                let what = crate::i18n::messages::message(what, &[]);
                line.slip(
                    column + 1,
                    crate::say!("slip-dash-look-alike-space", what = what),
                );
                line.prefix.push_str("- ");
                rest[1 + c.len_utf8()..].trim_start_matches(' ').to_string()
            }
            (Some('-'), Some(c)) if c.is_ascii_alphabetic() && is_field_line(&rest[1..]) => {
                let name = rest[1..].split(':').next().unwrap_or("");
                line.slip(column, crate::say!("slip-dash-no-space", name = name));
                line.prefix.push_str("- ");
                rest[1..].to_string()
            }
            (Some(c), Some(' ' | '\u{3000}' | '\u{a0}')) if look_alike_dash(c) => {
                line.slip(
                    column,
                    crate::say!("slip-look-alike-dash", dash = c.to_string()),
                );
                let skip = c.len_utf8()
                    + rest[c.len_utf8()..]
                        .chars()
                        .next()
                        .map_or(0, char::len_utf8);
                line.prefix.push_str("- ");
                rest[skip..].trim_start_matches(' ').to_string()
            }
            _ => {
                line.rest = rest;
                return;
            }
        };
    }
}

/// A field's name and its colon: a full-width colon, a space before the
/// colon, no space or a look-alike space after it, or no colon at all
/// after a field name the site uses. Leaves the value, repaired, for
/// [`field_value`].
fn name_and_colon(line: &mut Line) {
    let rest = &line.rest;
    let key_end = rest
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '_'))
        .map_or(rest.len(), |(i, _)| i);
    let key = rest[..key_end].to_string();
    if key.is_empty() || !key.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return;
    }
    let after = &rest[key_end..];
    let after_spaces = after.trim_start_matches(' ');
    let column = line.key_indent() + key_end + (after.len() - after_spaces.len()) + 1;
    let colon_like = after_spaces
        .chars()
        .next()
        .and_then(|c| colon_look_alike(c).map(|what| (c, what)));
    let mut slip = None;
    let value = if let Some((c, what)) = colon_like {
        slip = Some((
            column,
            crate::say!(
                "slip-look-alike-colon",
                key = &key,
                what = crate::i18n::messages::message(what, &[]),
                colon = c.to_string()
            ),
        ));
        Some(
            after_spaces[c.len_utf8()..]
                .trim_start_matches([' ', '\u{3000}', '\u{a0}'])
                .to_string(),
        )
    } else if after.starts_with(' ') && after_spaces.starts_with(':') {
        slip = Some((column, crate::say!("slip-space-before-colon", key = &key)));
        Some(after_spaces[1..].trim_start_matches(' ').to_string())
    } else if let Some(value) = after.strip_prefix(':') {
        match value.chars().next() {
            None | Some(' ' | '\t') => Some(value.trim_start_matches([' ', '\t']).to_string()),
            Some(c) if look_alike_space(c).is_some() => {
                let (what, _) = look_alike_space(c).unwrap_or(("", ""));
                let what = crate::i18n::messages::message(what, &[]);
                slip = Some((
                    column + 1,
                    crate::say!("slip-colon-look-alike-space", key = &key, what = what),
                ));
                Some(
                    value
                        .trim_start_matches(|c: char| c == ' ' || look_alike_space(c).is_some())
                        .to_string(),
                )
            }
            Some(':' | '/') => None,
            Some(_) => {
                let start: String = value.chars().take(12).collect();
                slip = Some((
                    column + 1,
                    crate::say!("slip-colon-no-space", key = &key, start = start),
                ));
                Some(value.to_string())
            }
        }
    } else if FIELD_NAMES.contains(&key.as_str())
        && after.starts_with(' ')
        && !after_spaces.is_empty()
        && !after_spaces.starts_with('#')
    {
        let start: String = after_spaces.chars().take(12).collect();
        slip = Some((
            column,
            crate::say!("slip-no-colon", key = &key, start = start),
        ));
        Some(after_spaces.to_string())
    } else {
        None
    };
    if let Some((column, message)) = slip {
        line.slip(column, message);
    }
    line.key = key;
    line.value = value;
}

/// A field's value: left empty where it cannot be, or written so that
/// YAML reads it as something else (see [`value_slips`]).
fn field_value(line: &mut Line) {
    let Some(mut value) = line.value.take() else {
        return;
    };
    let key = line.key.clone();
    let key_indent = line.key_indent();
    let (has_children, dash_below) = match line.next {
        Some((next, dash)) => (next > key_indent || (dash && next == key_indent), dash),
        None => (false, false),
    };
    let empty = value.is_empty() || value.starts_with('#');
    if empty && !has_children {
        let message = match REQUIRED_NAMES.contains(&key.as_str()) {
            true => crate::say!("slip-empty-required", key = &key),
            false => crate::say!("slip-empty", key = &key),
        };
        line.slip(key_indent + 1, message);
    } else if !empty {
        let column = key_indent + key.chars().count() + 3;
        value = value_slips(
            &key,
            value,
            column,
            has_children,
            dash_below,
            &mut line.found,
        );
        line.continued = true;
    }
    line.rest = if value.is_empty() {
        format!("{key}:")
    } else {
        format!("{key}: {value}")
    };
}

/// The column of the field name when `text` is a `field: value` line
/// (possibly a list item) in plain form: spaces to indent, an ASCII name,
/// `: ` and a value that starts with no character YAML treats specially.
/// Such a line can hold no slip but an invisible character.
fn plain_field(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = bytes.iter().take_while(|&&b| b == b' ').count();
    while bytes.get(at) == Some(&b'-') && bytes.get(at + 1) == Some(&b' ') {
        at += 2;
    }
    let key_start = at;
    if !bytes.get(at)?.is_ascii_alphabetic() {
        return None;
    }
    while bytes
        .get(at)
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
    {
        at += 1;
    }
    if bytes.get(at..at + 2)? != b": " {
        return None;
    }
    let first = *bytes.get(at + 2)?;
    let special = b" #[]{}\"'|>@`%-&*!?,";
    // Full-width brackets open a list YAML cannot read (see `value_slips`).
    let full_width = text[at + 2..].starts_with(FULL_WIDTH_OPENERS);
    let plain = !special.contains(&first)
        && !full_width
        && !text.chars().any(|c| invisible(c) || c == '\t');
    plain.then_some(key_start)
}

/// Full-width brackets that open a list or a block YAML cannot read:
/// a value starting with one is looked at by [`value_slips`], so the
/// pass over plain `name: value` lines ([`plain_field`]) leaves it to it.
const FULL_WIDTH_OPENERS: [char; 2] = ['［', '｛'];

/// The names of the fields reports and `site.yaml` use: a line that starts
/// with one and a space has lost its colon.
const FIELD_NAMES: &[&str] = &[
    "title",
    "kind",
    "city",
    "district",
    "year",
    "published",
    "language",
    "summary",
    "slug",
    "topics",
    "source",
    "metrics",
    "publisher",
    "outlet",
    "url",
    "reporter",
    "editor",
    "id",
    "label",
    "unit",
    "topic",
    "target",
    "actual",
    "as_of",
    "baseline",
    "deadline",
    "districts",
    "districts_add_up",
    "note",
    "description",
    "base_url",
    "editions",
    "contact",
    "copyright",
    "icp",
    "site_id_code",
    "theme",
    "charts",
    "page_size",
    "cities",
    "name",
    "province",
    "fictional",
    "other_names",
];

/// Fields that must have a value where they are given: removing the line
/// is no fix.
const REQUIRED_NAMES: &[&str] = &[
    "title",
    "kind",
    "city",
    "year",
    "published",
    "id",
    "district",
    "name",
    "base_url",
];

/// The message that names a character that looks like a colon.
fn colon_look_alike(c: char) -> Option<&'static str> {
    Some(match c {
        '：' => "char-full-width-colon",
        '﹕' | '︰' => "char-small-colon",
        '；' => "char-full-width-semicolon",
        _ => return None,
    })
}

/// Whether `text` reads as `name: …` with an ASCII name.
fn is_field_line(text: &str) -> bool {
    let end = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    end > 0 && text[end..].starts_with(':')
}

/// Slips in the value of `key` (written from `column`): a quote or bracket
/// never closed, full-width brackets, and characters YAML reads as
/// syntax at the start of a value. Returns the value repaired.
fn value_slips(
    key: &str,
    value: String,
    column: usize,
    has_children: bool,
    dash_below: bool,
    found: &mut Vec<(usize, String)>,
) -> String {
    let quoted = |v: &str| format!("\"{}\"", v.replace('\\', "\\\\").replace('"', "\\\""));
    let first = value.chars().next().unwrap_or(' ');
    if FULL_WIDTH_OPENERS.contains(&first) {
        found.push((
            column,
            crate::say!(
                "slip-full-width-brackets",
                key = key,
                first = first.to_string()
            ),
        ));
        return value
            .replace('［', "[")
            .replace('］', "]")
            .replace('｛', "{")
            .replace('｝', "}")
            .replace(['，', '、'], ",");
    }
    if matches!(first, '[' | '{') && has_children && dash_below {
        found.push((
            column,
            crate::say!(
                "slip-bracket-and-list",
                key = key,
                first = first.to_string()
            ),
        ));
        return String::new();
    }
    if !has_children && let Some(closers) = unclosed(&value) {
        let what = match first {
            '"' | '\'' => crate::say!("opener-quote"),
            '[' => crate::say!("opener-bracket"),
            _ => crate::say!("opener-brace"),
        };
        let close: String = closers.chars().take(1).collect();
        found.push((
            column,
            crate::say!("slip-unclosed", what = what, close = close),
        ));
        return value + &closers;
    }
    let block_start = |v: &str| {
        let v = v.split(" #").next().unwrap_or(v).trim_end();
        v.len() <= 3 && v[1..].chars().all(|c| matches!(c, '+' | '-' | '1'..='9'))
    };
    // `&name` alone names an anchor and leaves the field empty.
    if first == '&' && !value.trim_end().contains(char::is_whitespace) {
        let (value, fixed) = (value.trim_end(), quoted(value.trim_end()));
        found.push((
            column,
            crate::say!("slip-anchor", value = value, key = key, fixed = &fixed),
        ));
        return fixed;
    }
    let reads_as_syntax = match first {
        '|' | '>' if !block_start(&value) => Some("syntax-block"),
        '@' | '`' => Some("syntax-reserved"),
        '%' => Some("syntax-directive"),
        '-' if value.starts_with("- ") => Some("syntax-list-item"),
        _ => None,
    };
    if let Some(what) = reads_as_syntax {
        let what = crate::i18n::messages::message(what, &[]);
        let fixed = quoted(&value);
        found.push((
            column,
            crate::say!(
                "slip-reads-as",
                first = first.to_string(),
                what = what,
                fixed = &fixed
            ),
        ));
        return quoted(&value);
    }
    value
}

/// Adds the slips `found` on `line` (columns), each with the field it is
/// in when the repaired line names one.
fn record(
    linted: &mut Linted,
    count: &mut usize,
    found: Vec<(usize, String)>,
    line: usize,
    file: &str,
    lines: &[&str],
    n: usize,
) {
    if found.is_empty() {
        return;
    }
    linted.lines.push(n + 1);
    for (column, message) in found {
        *count += 1;
        if *count > MAX_SLIPS {
            if *count == MAX_SLIPS + 1 {
                linted.slips.push(Diagnostic::at(
                    file,
                    line,
                    0,
                    None,
                    crate::say!("slips-more", most = MAX_SLIPS),
                ));
            }
            continue;
        }
        // A tab's width is the editor's guess, so a line indented with
        // one names no field.
        let this_line = linted.repaired.lines().last().unwrap_or_default();
        let leading = &lines[n][..lines[n].len() - lines[n].trim_start().len()];
        let field = (!leading.contains('\t'))
            .then(|| key_of(this_line.trim_start_matches([' ', '-'])))
            .flatten()
            .and_then(|_| field_path_at(&linted.repaired, n + 1));
        linted
            .slips
            .push(Diagnostic::at(file, line, column, field, message));
    }
}

/// What would close `value` if its opening quote or brackets are never
/// closed on the line (innermost first), ignoring a trailing comment.
fn unclosed(value: &str) -> Option<String> {
    let mut chars = value.chars().peekable();
    match value.chars().next()? {
        '"' => {
            chars.next();
            let mut escaped = false;
            for c in chars {
                match c {
                    '\\' if !escaped => escaped = true,
                    '"' if !escaped => return None,
                    _ => escaped = false,
                }
            }
            Some("\"".into())
        }
        '\'' => {
            chars.next();
            while let Some(c) = chars.next() {
                if c == '\'' {
                    if chars.peek() == Some(&'\'') {
                        chars.next();
                    } else {
                        return None;
                    }
                }
            }
            Some("'".into())
        }
        '[' | '{' => {
            let mut open: Vec<char> = Vec::new();
            let mut quote: Option<char> = None;
            for c in value.chars() {
                match (quote, c) {
                    (Some(q), c) if c == q => quote = None,
                    (Some(_), _) => {}
                    (None, '"' | '\'') => quote = Some(c),
                    (None, '[') => open.push(']'),
                    (None, '{') => open.push('}'),
                    (None, ']' | '}') => {
                        open.pop();
                    }
                    (None, '#') if open.is_empty() => break,
                    _ => {}
                }
            }
            (!open.is_empty()).then(|| open.iter().rev().collect())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            // After a plain `name: `, which is otherwise passed over.
            (
                "title: a\ntopics: ［gas，old］\n",
                2,
                9,
                "full-width brackets ［…; YAML needs ASCII brackets",
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
        let more = [
            (
                "title:\nkind: plan\n",
                1,
                1,
                "`title` is empty: write its value",
            ),
            ("title: # 标题\n", 1, 1, "`title` is empty"),
            (
                "title: \"未闭合\nkind: plan\n",
                1,
                8,
                "the quotation mark that opens this value is never closed",
            ),
            (
                "topics: [gas\nkind: plan\n",
                1,
                9,
                "the bracket `[` that opens this value is never closed",
            ),
            (
                "year:2025\n",
                1,
                6,
                "`year:` needs a space after the colon: `year: 2025`",
            ),
            (
                "metrics:\n  \u{2014} id: a\n",
                2,
                3,
                "starts with `\u{2014}`, which looks like a dash",
            ),
            (
                "title: a\u{202e}b\n",
                1,
                9,
                "an invisible character (U+202E)",
            ),
        ];
        for (yaml, line, column, message) in cases.into_iter().chain(more) {
            let slips = lint(yaml, "f.md", 0).slips;
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
        let slips = lint(clean, "f.md", 0).slips;
        assert_eq!(
            slips.len(),
            1,
            "only the tab inside the block scalar: {slips:?}"
        );
        let fine = "metrics:\n- id: a\n  label: x\ntopics:\n  - gas\nurl: https://x.cn/a:b\nsummary: |\n  多行\n";
        let linted = lint(fine, "f.md", 0);
        assert!(linted.slips.is_empty(), "{:?}", linted.slips);
        assert_eq!(linted.repaired, fine);
    }

    #[test]
    fn slips_are_repaired_as_the_editor_meant_them() {
        let cases = [
            ("title\u{ff1a}东营\n", "title: 东营\n"),
            ("a:\n\u{3000}b: 1\n", "a:\n  b: 1\n"),
            ("a:\n\tb: 1\n", "a:\n  b: 1\n"),
            ("year:2025\r\n", "year: 2025\r\n"),
            ("m:\n  \u{ff0d} id: a\n", "m:\n  - id: a\n"),
            ("t: \"x\nk: 1\n", "t: \"x\"\nk: 1\n"),
            ("t: [a, [b\nk: 1\n", "t: [a, [b]]\nk: 1\n"),
            ("t: a\u{200b}b\n", "t: ab\n"),
        ];
        for (yaml, repaired) in cases {
            assert_eq!(lint(yaml, "f.md", 0).repaired, repaired, "{yaml:?}");
        }
    }
}
