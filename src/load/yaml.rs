//! Reading YAML (site config and front matter) into typed structs, and
//! turning YAML errors into [`Diagnostic`]s a web editor can act on.
//!
//! serde-saphyr reports where an error is (line, column) but not which field
//! it concerns. Editors think in fields, so [`field_path_at`] recovers the
//! path (`metrics[2].target`) from the block-style YAML around that line.
//! Values that must be checked after deserializing (dates, ids, signs) are
//! read as `Spanned` so their own place can be reported too.
//!
//! What an error is about is told from its kind ([`Kind`]): serde-saphyr's
//! error variant and, for text that is not YAML, its parser's error kind;
//! never from the words of a message, which a new version of the crate may
//! change without anything failing.

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
    read_linted(lint(yaml, file, line_offset), file, line_offset)
}

/// [`read_recovering`] for YAML that [`lint`] has already checked.
pub fn read_linted<T: DeserializeOwned>(
    linted: Linted,
    file: &str,
    line_offset: usize,
) -> (Option<T>, Vec<Diagnostic>) {
    let slip_lines = linted.lines;
    let mut text = std::borrow::Cow::Owned(linted.repaired);
    let mut problems: Vec<Diagnostic> = linted.slips;
    let mut set_aside: Vec<String> = Vec::new();
    loop {
        let (problem, kind) = match parse_classified::<T>(&text, file, line_offset) {
            Ok(value) => return (Some(value), problems),
            Err(error) => *error,
        };
        let (about_a_value, missing) = (kind.about_a_value(), matches!(kind, Kind::Missing(_)));
        // What the parser says about a line with a slip only repeats it.
        let on_a_slip = problem
            .line
            .checked_sub(line_offset)
            .is_some_and(|l| slip_lines.contains(&l));
        // A required field missing because its line was set aside has
        // been reported already, as the error on that line.
        let consequence = missing
            && problem
                .field
                .as_ref()
                .is_some_and(|f| set_aside.contains(f))
            || !set_aside.is_empty() && text.trim().is_empty();
        if consequence {
            return (None, problems);
        }
        let next = (about_a_value && problems.len() < MAX_RECOVERIES)
            .then(|| problem.line.checked_sub(line_offset))
            .flatten()
            .and_then(|line| without_field(&text, line));
        set_aside.extend(problem.field.clone());
        if !on_a_slip || problems.is_empty() {
            problems.push(problem);
        }
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

/// Characters that look like a space but are not one to YAML, with the
/// spaces each stands for in indentation.
fn look_alike_space(c: char) -> Option<(&'static str, &'static str)> {
    Some(match c {
        '\u{a0}' => ("a non-breaking space (U+00A0)", " "),
        '\u{3000}' => ("a full-width space (U+3000)", "  "),
        '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' => ("a typographic space", " "),
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

/// The first character of a text value, as YAML decoded it, that
/// [`invisible`] refuses; line breaks (of a `|` block) are text.
fn first_invisible(text: &str) -> Option<char> {
    text.chars().find(|&c| c != '\n' && invisible(c))
}

/// Checks every text value after YAML has decoded it. [`lint`] sees the
/// characters written as they are; this sees those that escapes write in
/// a double-quoted value (`"\e"`, `"\0"`, `"\x01"`, `"\u202e"`), which
/// the raw text does not show. Each is an error at the escape that wrote
/// it, and the value is read without the character, as a slip in the raw
/// text is, so that the rest of its checks still run.
pub struct Decoded<'a> {
    /// The YAML the values were read from, and where it starts in `file`.
    yaml: &'a str,
    file: &'a str,
    line_offset: usize,
    pub problems: Vec<Diagnostic>,
}

impl<'a> Decoded<'a> {
    pub fn new(yaml: &'a str, file: &'a str, line_offset: usize) -> Self {
        Decoded {
            yaml,
            file,
            line_offset,
            problems: Vec::new(),
        }
    }

    /// Checks one value; `field` names it, spelt out only for a problem.
    pub fn text(
        &mut self,
        value: &mut serde_saphyr::Spanned<String>,
        field: impl FnOnce() -> String,
    ) {
        let Some(c) = first_invisible(&value.value) else {
            return;
        };
        let start = (
            value.defined.line() as usize,
            value.defined.column() as usize,
        );
        let (line, column, message) = match escape_writing(self.yaml, start, c) {
            Some((line, column, escape)) => (
                line + self.line_offset,
                column,
                format!(
                    "the escape `{escape}` writes an invisible character (U+{:04X}) that no page, feed or download can hold; delete it",
                    c as u32
                ),
            ),
            None => {
                let place = place(value, self.line_offset);
                let message = format!(
                    "an invisible character (U+{:04X}) is in this text, often pasted from another program; delete it",
                    c as u32
                );
                (place.line, place.column, message)
            }
        };
        self.problems.push(Diagnostic::at(
            self.file,
            line,
            column,
            Some(field()),
            message,
        ));
        value.value.retain(|c| c == '\n' || !invisible(c));
    }
}

/// Where, in the double-quoted value that starts at 1-based `(line,
/// column)` of `yaml`, an escape writes `wanted`: its line, column and
/// the escape as written. `None` when the value is not double-quoted or no
/// escape in it writes that character.
fn escape_writing(
    yaml: &str,
    (line, column): (usize, usize),
    wanted: char,
) -> Option<(usize, usize, String)> {
    let line_start = match line {
        0 => return None,
        1 => 0,
        n => yaml.match_indices('\n').nth(n - 2)?.0 + 1,
    };
    let from = line_start
        + yaml[line_start..]
            .char_indices()
            .nth(column.checked_sub(1)?)?
            .0;
    let mut chars = yaml[from..].char_indices().peekable();
    if chars.next()?.1 != '"' {
        return None;
    }
    while let Some((at, c)) = chars.next() {
        match c {
            '"' => return None,
            '\\' => {}
            _ => continue,
        }
        let (_, kind) = chars.next()?;
        let hex = |n: usize, chars: &mut std::iter::Peekable<std::str::CharIndices>| {
            let digits: String = (0..n)
                .filter_map(|_| chars.next().map(|(_, c)| c))
                .collect();
            (
                u32::from_str_radix(&digits, 16)
                    .ok()
                    .and_then(char::from_u32),
                digits,
            )
        };
        let (written, escape) = match kind {
            'x' => hex(2, &mut chars),
            'u' => hex(4, &mut chars),
            'U' => hex(8, &mut chars),
            other => {
                let written = match other {
                    '0' => '\0',
                    'a' => '\u{7}',
                    'b' => '\u{8}',
                    't' | '\t' => '\t',
                    'n' => '\n',
                    'v' => '\u{b}',
                    'f' => '\u{c}',
                    'r' => '\r',
                    'e' => '\u{1b}',
                    'N' => '\u{85}',
                    '_' => '\u{a0}',
                    'L' => '\u{2028}',
                    'P' => '\u{2029}',
                    other => other,
                };
                (Some(written), String::new())
            }
        };
        if written == Some(wanted) {
            let before = &yaml[..from + at];
            let line = before.matches('\n').count() + 1;
            let column = before
                .rsplit('\n')
                .next()
                .unwrap_or_default()
                .chars()
                .count()
                + 1;
            return Some((line, column, format!("\\{kind}{escape}")));
        }
    }
    None
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

/// Slips that editors make and that YAML parsers report in their own
/// terms, one line off, or not at all: a tab or a look-alike space used to
/// indent, a full-width colon after a field name, no space or a look-alike
/// space after a colon, a look-alike dash starting a list item, a field
/// left empty, a quote or bracket opened and never closed, and invisible
/// characters. Each is located at its own line and column, with what to
/// type instead.
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
        let mut found: Vec<(usize, String)> = Vec::new();
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
            found.push((
                text[..i].chars().count() + 1,
                format!(
                    "an invisible character (U+{:04X}) is here, often pasted from another program; delete it",
                    c as u32
                ),
            ));
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
        // Most lines are a plain `field: value` with nothing to say.
        if let Some(key_indent) = plain_field(text) {
            text_deeper_than = Some(key_indent);
            linted.repaired.push_str(raw);
            continue;
        }
        let next_indent = lines[n + 1..].iter().find(|l| content(l)).map(|l| {
            (
                indent_width(l),
                l.trim_start().starts_with("- ") || l.trim_start() == "-",
            )
        });

        // Indentation: spaces only.
        let indent_end = text
            .char_indices()
            .find(|&(_, c)| c != ' ' && c != '\t' && look_alike_space(c).is_none())
            .map_or(text.len(), |(i, _)| i);
        let column_of = |i: usize| text[..i].chars().count() + 1;
        let mut indent = String::new();
        for (i, c) in text[..indent_end].char_indices() {
            match c {
                ' ' => indent.push(' '),
                '\t' => {
                    if !found.iter().any(|(_, m)| m.starts_with("a tab")) {
                        found.push((column_of(i), "a tab is used for indentation; YAML indents with spaces only: replace the tab with spaces".into()));
                    }
                    indent.push_str("  ");
                }
                c => {
                    let (what, spaces) = look_alike_space(c).unwrap_or(("", " "));
                    if !found.iter().any(|(_, m)| m.starts_with("the indentation")) {
                        found.push((column_of(i), format!("the indentation holds {what}, which looks like a space but is not one to YAML; retype the indentation with ordinary spaces")));
                    }
                    indent.push_str(spaces);
                }
            }
        }
        let mut rest = text[indent_end..].to_string();
        // List dashes, ASCII or look-alike, and what follows them.
        let mut prefix = String::new();
        loop {
            let column = indent.chars().count() + prefix.chars().count() + 1;
            let mut chars = rest.chars();
            let (first, second) = (chars.next(), chars.next());
            match (first, second) {
                (Some('-'), Some(' ')) | (Some('-'), None) => {
                    let cut = rest.len().min(2);
                    prefix.push_str(&rest[..cut]);
                    rest = rest[cut..].trim_start_matches(' ').to_string();
                    prefix.push_str(if cut == 2 { "" } else { " " });
                }
                (Some('-'), Some(c)) if look_alike_space(c).is_some() => {
                    let (what, _) = look_alike_space(c).unwrap_or(("", ""));
                    found.push((column + 1, format!("the list dash is followed by {what}; YAML needs an ordinary space after `-`")));
                    prefix.push_str("- ");
                    rest = rest[1 + c.len_utf8()..].trim_start_matches(' ').to_string();
                }
                (Some('-'), Some(c)) if c.is_ascii_alphabetic() && is_field_line(&rest[1..]) => {
                    found.push((
                        column,
                        format!(
                            "`-{}` needs a space after the dash to start a list item: `- {}`",
                            &rest[1..].split(':').next().unwrap_or(""),
                            &rest[1..].split(':').next().unwrap_or("")
                        ),
                    ));
                    prefix.push_str("- ");
                    rest = rest[1..].to_string();
                }
                (Some(c), Some(' ' | '\u{3000}' | '\u{a0}')) if look_alike_dash(c) => {
                    found.push((column, format!("this list item starts with `{c}`, which looks like a dash but is not one to YAML; type the ASCII hyphen-minus `-`")));
                    let skip = c.len_utf8()
                        + rest[c.len_utf8()..]
                            .chars()
                            .next()
                            .map_or(0, char::len_utf8);
                    prefix.push_str("- ");
                    rest = rest[skip..].trim_start_matches(' ').to_string();
                }
                _ => break,
            }
        }
        let key_indent = indent.chars().count() + prefix.chars().count();
        let key_end = rest
            .char_indices()
            .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '_'))
            .map_or(rest.len(), |(i, _)| i);
        let key = rest[..key_end].to_string();
        let is_key = !key.is_empty() && key.starts_with(|c: char| c.is_ascii_alphabetic());
        let mut repaired_rest = rest.clone();
        if is_key {
            let after = &rest[key_end..];
            let after_spaces = after.trim_start_matches(' ');
            let column = key_indent + key_end + (after.len() - after_spaces.len()) + 1;
            let colon_like = after_spaces
                .chars()
                .next()
                .and_then(|c| colon_look_alike(c).map(|what| (c, what)));
            let value_start = if let Some((c, what)) = colon_like {
                found.push((column, format!("`{key}` is followed by {what} '{c}'; YAML needs an ASCII colon ':' followed by a space: `{key}: `")));
                Some(
                    after_spaces[c.len_utf8()..]
                        .trim_start_matches([' ', '\u{3000}', '\u{a0}'])
                        .to_string(),
                )
            } else if after.starts_with(' ') && after_spaces.starts_with(':') {
                found.push((column, format!("there is a space between `{key}` and its colon; write `{key}:` with the colon right after the name")));
                Some(after_spaces[1..].trim_start_matches(' ').to_string())
            } else if let Some(value) = after.strip_prefix(':') {
                match value.chars().next() {
                    None | Some(' ' | '\t') => {
                        Some(value.trim_start_matches([' ', '\t']).to_string())
                    }
                    Some(c) if look_alike_space(c).is_some() => {
                        let (what, _) = look_alike_space(c).unwrap_or(("", ""));
                        found.push((column + 1, format!("the colon after `{key}` is followed by {what}; YAML needs an ordinary space after ':'")));
                        Some(
                            value
                                .trim_start_matches(|c: char| {
                                    c == ' ' || look_alike_space(c).is_some()
                                })
                                .to_string(),
                        )
                    }
                    Some(':' | '/') => None,
                    Some(_) => {
                        found.push((
                            column + 1,
                            format!(
                                "`{key}:` needs a space after the colon: `{key}: {}`",
                                value.chars().take(12).collect::<String>()
                            ),
                        ));
                        Some(value.to_string())
                    }
                }
            } else if FIELD_NAMES.contains(&key.as_str())
                && after.starts_with(' ')
                && !after_spaces.is_empty()
                && !after_spaces.starts_with('#')
            {
                found.push((
                    column,
                    format!(
                        "`{key}` has no colon after it: write `{key}: {}`",
                        after_spaces.chars().take(12).collect::<String>()
                    ),
                ));
                Some(after_spaces.to_string())
            } else {
                None
            };
            if let Some(value) = value_start {
                let value_column = key_indent + key.chars().count() + 3;
                let (has_children, dash_below) = match next_indent {
                    Some((next, dash)) => (next > key_indent || (dash && next == key_indent), dash),
                    None => (false, false),
                };
                let empty = value.is_empty() || value.starts_with('#');
                let mut value = value;
                if empty && !has_children {
                    let remove = if REQUIRED_NAMES.contains(&key.as_str()) {
                        ""
                    } else {
                        ", or remove the line"
                    };
                    found.push((
                        key_indent + 1,
                        format!("`{key}` is empty: write its value after `{key}: `{remove}"),
                    ));
                } else if !empty {
                    value = value_slips(
                        &key,
                        value,
                        value_column,
                        has_children,
                        dash_below,
                        &mut found,
                    );
                    // What is indented below a value continues it.
                    text_deeper_than = Some(key_indent);
                }
                repaired_rest = if value.is_empty() {
                    format!("{key}:")
                } else {
                    format!("{key}: {value}")
                };
            }
        }
        if found.is_empty() {
            linted.repaired.push_str(raw);
        } else {
            linted.repaired.push_str(&indent);
            linted.repaired.push_str(&prefix);
            linted.repaired.push_str(&repaired_rest);
            linted.repaired.push_str(ending);
        }
        record(&mut linted, &mut slip_count, found, line, file, &lines, n);
    }
    linted
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
    let plain = !special.contains(&first) && !text.chars().any(|c| invisible(c) || c == '\t');
    plain.then_some(key_start)
}

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

/// What a character that looks like a colon is called.
fn colon_look_alike(c: char) -> Option<&'static str> {
    Some(match c {
        '：' => "a full-width colon",
        '﹕' | '︰' => "a small full-width colon",
        '；' => "a full-width semicolon",
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
    if first == '［' || first == '｛' {
        found.push((column, format!("`{key}` is written with full-width brackets {first}…; YAML needs ASCII brackets [ ] and commas")));
        return value
            .replace('［', "[")
            .replace('］', "]")
            .replace('｛', "{")
            .replace('｝', "}")
            .replace(['，', '、'], ",");
    }
    if matches!(first, '[' | '{') && has_children && dash_below {
        found.push((column, format!("the `{first}` after `{key}:` is never closed, and the lines below already make a list: remove the `{first}`")));
        return String::new();
    }
    if !has_children && let Some(closers) = unclosed(&value) {
        let what = match first {
            '"' | '\'' => "quotation mark",
            '[' => "bracket `[`",
            _ => "brace `{`",
        };
        let close: String = closers.chars().take(1).collect();
        found.push((column, format!("the {what} that opens this value is never closed; close it at the end of the value (`{close}`), or remove it")));
        return value + &closers;
    }
    let block_start = |v: &str| {
        let v = v.split(" #").next().unwrap_or(v).trim_end();
        v.len() <= 3 && v[1..].chars().all(|c| matches!(c, '+' | '-' | '1'..='9'))
    };
    // `&name` alone names an anchor and leaves the field empty.
    if first == '&' && !value.trim_end().contains(char::is_whitespace) {
        found.push((column, format!("YAML reads `{}` as the name of an anchor, which leaves `{key}` empty; put the value in quotes: {}", value.trim_end(), quoted(value.trim_end()))));
        return quoted(value.trim_end());
    }
    let reads_as_syntax = match first {
        '|' | '>' if !block_start(&value) => Some("the start of a block of text"),
        '@' | '`' => Some("a reserved character"),
        '%' => Some("a directive"),
        '-' if value.starts_with("- ") => Some("a list item"),
        _ => None,
    };
    if let Some(what) = reads_as_syntax {
        found.push((column, format!("YAML reads a value starting with `{first}` as {what}; put the whole value in quotes: {}", quoted(&value))));
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
                    format!(
                        "more slips like the {MAX_SLIPS} above follow from here; fix those first"
                    ),
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

/// Deserializes `yaml`, which starts after `line_offset` lines of `file`.
pub fn parse<T: DeserializeOwned>(
    yaml: &str,
    file: &str,
    line_offset: usize,
) -> Result<T, Diagnostic> {
    parse_classified(yaml, file, line_offset).map_err(|error| error.0)
}

/// Like [`parse`]; the error comes with what kind of error it is.
fn parse_classified<T: DeserializeOwned>(
    yaml: &str,
    file: &str,
    line_offset: usize,
) -> Result<T, Box<(Diagnostic, Kind)>> {
    // The parser's default budget (250,000 nodes) is meant for untrusted
    // input of any size; a report is at most 8 MiB, so its budget grows to
    // what such a file can hold.
    let mut budget = serde_saphyr::Budget::default();
    budget.max_nodes = 8 * 1024 * 1024;
    budget.max_events = 16 * 1024 * 1024;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    serde_saphyr::from_str_with_options(yaml, options).map_err(|error| {
        let (line, column) = error
            .location()
            .map(|l| (l.line() as usize, l.column() as usize))
            .unwrap_or((0, 0));
        let kind = Kind::of(&error);
        let field = if line == 0 {
            None
        } else if let Kind::Missing(missing) = &kind {
            let parent = field_path_at(yaml, line).and_then(|p| parent_of(&p));
            Some(match parent {
                Some(parent) => format!("{parent}.{missing}"),
                None => missing.to_string(),
            })
        } else {
            field_path_at(yaml, line)
        };
        let message = match kind.in_context(yaml, line, field.as_deref()) {
            Some(better) => better,
            None => kind.message(&error),
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
        Box::new((Diagnostic::at(file, line, column, field, message), kind))
    })
}

/// What a YAML error is about, told from the kind of error the reader
/// reports (its variant, and the parser's error kind inside it), never
/// from the words of its message: a new version of the reader may word
/// them otherwise.
#[derive(Debug)]
enum Kind {
    /// A required field is not there.
    Missing(&'static str),
    /// A field this block does not have, with the ones it has.
    Unknown(String, Vec<&'static str>),
    /// A key given twice in one block.
    Twice(Option<String>),
    /// A word that is not one of the words allowed.
    NotAllowed(String, Vec<&'static str>),
    /// A field left empty.
    Empty,
    /// Text, a list or a block where something else was expected.
    Expected(Expected),
    /// A value that is not a whole number, where one is expected.
    NotWhole,
    /// A value that starts with `*`, which YAML reads as a reference to
    /// another value.
    Alias,
    /// A tag (`!!int`) on a value.
    Tagged,
    /// More values than a report can hold.
    TooLarge,
    /// A second YAML document after the first.
    Documents,
    /// Text that is not YAML, by the parser's own kind of error.
    Syntax(Option<serde_saphyr::granit_parser::ErrorKind>),
}

/// What the reader expected where a value did not fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expected {
    Text,
    List,
    Block,
}

impl Kind {
    fn of(error: &serde_saphyr::Error) -> Kind {
        use serde_saphyr::Error as E;
        let mut error = error.without_snippet();
        while let E::AliasError { error: inner, .. } = error {
            error = inner.without_snippet();
        }
        match error {
            E::SerdeMissingField { field, .. } => Kind::Missing(field),
            E::SerdeUnknownField {
                field, expected, ..
            } => Kind::Unknown(field.clone(), expected.clone()),
            E::DuplicateMappingKey { key, .. } => Kind::Twice(key.clone()),
            E::SerdeUnknownVariant {
                variant, expected, ..
            } => Kind::NotAllowed(variant.clone(), expected.clone()),
            E::NullIntoString { .. } => Kind::Empty,
            // The reader names what it expected with one of a few fixed
            // words of its code.
            E::Unexpected { expected, .. } => Kind::Expected(match *expected {
                "sequence start" => Expected::List,
                "mapping start" => Expected::Block,
                _ => Expected::Text,
            }),
            E::SerdeInvalidType { .. } | E::SerdeInvalidLength { .. } => {
                Kind::Expected(Expected::Text)
            }
            E::InvalidScalar { .. } | E::SerdeInvalidValue { .. } => Kind::NotWhole,
            E::TaggedScalarCannotDeserializeIntoString { .. } => Kind::Tagged,
            E::UnknownAnchor { .. } => Kind::Alias,
            E::MultipleDocuments { .. } => Kind::Documents,
            E::Budget { .. } => Kind::TooLarge,
            E::ExternalMessage { source, .. } => match &**source {
                serde_saphyr::ExternalMessageSource::Parser(scan) => {
                    Kind::Syntax(Some(scan.kind().clone()))
                }
                _ => Kind::Syntax(None),
            },
            _ => Kind::Syntax(None),
        }
    }

    /// Whether the error is about a value that does not fit its field, as
    /// opposed to text that is not YAML at all: reading can go on past it
    /// by setting the field aside.
    fn about_a_value(&self) -> bool {
        !matches!(self, Kind::Syntax(_) | Kind::TooLarge | Kind::Documents)
    }

    /// What an editor is told.
    fn message(&self, error: &serde_saphyr::Error) -> String {
        use serde_saphyr::granit_parser::ErrorKind as P;
        let indentation = "this line's indentation does not fit the lines around it: the fields of one block start in the same column, and a list item's fields line up under its first field";
        let quote = "put the whole value in quotes: \"…\"";
        match self {
            Kind::Missing(name) => format!("required field `{name}` is missing from this block"),
            Kind::Unknown(name, allowed) => {
                // `target: 1,000` in a flow mapping reads as a field named `000`.
                let hint = if !name.is_empty() && name.bytes().all(|b| b.is_ascii_digit()) {
                    format!(
                        " (`{name}` looks like the end of a number written with a separator, as in 1,{name}: write numbers as plain digits)"
                    )
                } else {
                    String::new()
                };
                format!(
                    "unknown field `{name}`{hint}; the fields allowed here are: {}",
                    allowed.join(", ")
                )
            }
            Kind::Twice(key) => format!(
                "`{}` is given twice in the same block; keep one",
                key.as_deref().unwrap_or("a field")
            ),
            Kind::NotAllowed(word, allowed) => format!(
                "`{word}` is not allowed here; write one of: {}",
                allowed.join(", ")
            ),
            Kind::Empty => "this field is empty: write its value, or remove the line".into(),
            Kind::Expected(Expected::List) => "expected a list here: one item per line, each starting with `- `, or all on one line as [a, b]".into(),
            Kind::Expected(Expected::Block) => "expected `field: value` lines here (a block of named fields, not a list or plain text)".into(),
            Kind::Expected(Expected::Text) => "expected text here, not a list or a block of fields; if the text starts with [ or {, put it in quotes".into(),
            Kind::NotWhole => "expected a whole number such as 2024".into(),
            Kind::Alias => format!(
                "a value that starts with `*` is read by YAML as a reference to another value; {quote}"
            ),
            Kind::Tagged => "a YAML tag such as `!!int` is not needed here: write the value alone".into(),
            Kind::TooLarge => "this front matter is too large to read (hundreds of thousands of values); split the report".into(),
            Kind::Syntax(Some(kind)) => match kind {
                P::MappingValueNotAllowed => format!(
                    "this value holds ': ', which YAML reads as the start of another field; {quote}"
                ),
                P::UnknownAnchor => Kind::Alias.message(error),
                P::InvalidTrailingSingleQuotedScalar => "the value is in single quotes and holds a single quote itself; write that one twice (''), or put the value in double quotes".into(),
                P::InvalidTrailingDoubleQuotedScalar => "the value starts with a quoted part and goes on after the closing quote; put the whole value in quotes, and write the quotation marks inside as 「」".into(),
                P::ExpectedBlockMappingKey
                | P::ExpectedBlockSequenceEntry
                | P::BlockSequenceEntryNotAllowed
                | P::InvalidIndentation
                | P::InvalidQuotedScalarIndent
                | P::InvalidFlowScalarIndent => indentation.into(),
                P::SimpleKeyExpected | P::InvalidSimpleKey => {
                    "a line here is neither `field: value` nor a list item; check that every field has its colon".into()
                }
                P::InvalidBlockScalarHeader
                | P::InvalidBlockScalarIndent
                | P::ZeroBlockScalarIndent
                | P::TabAtBlockScalarStart => format!(
                    "YAML reads a value starting with `|` or `>` as the start of a block of text; {quote}"
                ),
                P::UnexpectedCharacter { character, .. } => format!(
                    "YAML does not allow a value to start with `{character}`; {quote}"
                ),
                P::UnclosedQuotedScalar => "the quotation mark that opens this value is never closed; close it at the end of the value, or remove it".into(),
                P::UnclosedFlowCollection { open } | P::MismatchedFlowCollectionEnd { open, .. } => format!(
                    "the `{open}` that opens this value is never closed as it should be; close it, or {quote}"
                ),
                P::ExpectedDocumentStart | P::InvalidDocumentEnd => "YAML reads a line `...` as the end of the front matter, so the lines after it are not read; remove it, or put the value it belongs to in quotes".into(),
                // The parser's own description, for the kinds an editor
                // hardly makes.
                _ => error.without_snippet().to_string(),
            },
            Kind::Syntax(None) => error.without_snippet().to_string(),
            Kind::Documents => "a line `---` or `...` here starts another YAML document, and the front matter (or site.yaml) is one: remove the line, or put the value it belongs to in quotes".into(),
        }
    }

    /// A message that knows the lines around the error (1-based `line` of
    /// `yaml`, at `field`): a line indented under a field that already has
    /// a value, and a figure given as a list or a block.
    fn in_context(&self, yaml: &str, line: usize, field: Option<&str>) -> Option<String> {
        let figure = field.is_some_and(|f| {
            ["target", "actual", "baseline", "year", "page_size"]
                .iter()
                .any(|name| f == *name || f.ends_with(&format!(".{name}")))
        });
        if figure && matches!(self, Kind::Expected(_)) {
            return Some("expected a plain number such as 12.8 here, not a list or a block".into());
        }
        let Kind::Syntax(Some(serde_saphyr::granit_parser::ErrorKind::MappingValueNotAllowed)) =
            self
        else {
            return None;
        };
        let lines: Vec<&str> = yaml.lines().collect();
        let here = lines.get(line.checked_sub(1)?)?;
        let indent = |l: &str| l.len() - l.trim_start_matches(' ').len();
        let above = lines[..line - 1]
            .iter()
            .rev()
            .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))?;
        let above_key = key_of(above.trim_start().trim_start_matches("- "))?;
        let above_has_value = above
            .split_once(": ")
            .is_some_and(|(_, v)| !v.trim().is_empty() && !v.trim_start().starts_with('#'));
        (key_of(here.trim_start()).is_some() && indent(here) > indent(above) && above_has_value).then(|| {
            format!(
                "this line is indented deeper than `{above_key}` above it, which already has a value, so YAML reads it as part of that value; line it up with `{above_key}`"
            )
        })
    }
}

/// The place of a spanned value, in lines of the whole file.
pub fn place<T>(spanned: &serde_saphyr::Spanned<T>, line_offset: usize) -> Place {
    let line = spanned.referenced.line() as usize;
    Place {
        line: if line == 0 { 0 } else { line + line_offset },
        column: spanned.referenced.column() as usize,
    }
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
