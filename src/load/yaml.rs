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

use super::lines::{field_path_at, key_of};
use super::slips::{Linted, invisible, lint};
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
                crate::say!(
                    "escape-invisible",
                    escape = escape,
                    character = format!("U+{:04X}", c as u32)
                ),
            ),
            None => {
                let place = place(value, self.line_offset);
                let character = format!("U+{:04X}", c as u32);
                let message = crate::say!("text-invisible", character = character);
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

    /// Checks one value shown to readers as text (a name, a summary, a
    /// note): as [`Decoded::text`] does, and refuses it when it holds
    /// nothing but spaces (`""`, `" "`), which would show as a blank.
    pub fn shown(&mut self, value: &mut serde_saphyr::Spanned<String>, field: impl Fn() -> String) {
        self.text(value, &field);
        if value.value.trim().is_empty() {
            let at = place(value, self.line_offset);
            self.problems.push(Diagnostic::at(
                self.file,
                at.line,
                at.column,
                Some(field()),
                crate::say!("yaml-empty"),
            ));
        }
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
    /// A value that is not `true` or `false`, where a switch is expected.
    NotYesOrNo,
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
            // The reader names the type it wanted by its Rust name.
            E::InvalidScalar { ty: "boolean", .. } | E::InvalidBooleanStrict { .. } => {
                Kind::NotYesOrNo
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
        match self {
            Kind::Missing(name) => crate::say!("required-missing", field = *name),
            Kind::Unknown(name, allowed) => {
                // `target: 1,000` in a flow mapping reads as a field named `000`.
                let hint = match !name.is_empty() && name.bytes().all(|b| b.is_ascii_digit()) {
                    true => crate::say!("unknown-field-number", name = name),
                    false => String::new(),
                };
                let allowed = allowed.join(", ");
                crate::say!("unknown-field", name = name, hint = hint, allowed = allowed)
            }
            Kind::Twice(key) => match key {
                Some(key) => crate::say!("field-twice", key = key),
                None => crate::say!("field-twice-unnamed"),
            },
            Kind::NotAllowed(word, allowed) => {
                crate::say!("not-allowed", word = word, allowed = allowed.join(", "))
            }
            Kind::Empty => crate::say!("yaml-empty"),
            Kind::Expected(Expected::List) => crate::say!("expected-list"),
            Kind::Expected(Expected::Block) => crate::say!("expected-block"),
            Kind::Expected(Expected::Text) => crate::say!("expected-text"),
            Kind::NotWhole => crate::say!("expected-whole"),
            Kind::NotYesOrNo => crate::say!("expected-true-or-false"),
            Kind::Alias => crate::say!("yaml-alias"),
            Kind::Tagged => crate::say!("yaml-tag"),
            Kind::TooLarge => crate::say!("too-large"),
            Kind::Syntax(Some(kind)) => match kind {
                P::MappingValueNotAllowed => crate::say!("colon-in-value"),
                P::UnknownAnchor => Kind::Alias.message(error),
                P::InvalidTrailingSingleQuotedScalar => crate::say!("single-quote-inside"),
                P::InvalidTrailingDoubleQuotedScalar => crate::say!("after-closing-quote"),
                P::ExpectedBlockMappingKey
                | P::ExpectedBlockSequenceEntry
                | P::BlockSequenceEntryNotAllowed
                | P::InvalidIndentation
                | P::InvalidQuotedScalarIndent
                | P::InvalidFlowScalarIndent => crate::say!("indentation"),
                P::SimpleKeyExpected | P::InvalidSimpleKey => crate::say!("neither-field-nor-item"),
                P::InvalidBlockScalarHeader
                | P::InvalidBlockScalarIndent
                | P::ZeroBlockScalarIndent
                | P::TabAtBlockScalarStart => crate::say!("yaml-block-start"),
                P::UnexpectedCharacter { character, .. } => {
                    crate::say!(
                        "yaml-unexpected-character",
                        character = character.to_string()
                    )
                }
                P::UnclosedQuotedScalar => crate::say!("yaml-unclosed-quote"),
                P::UnclosedFlowCollection { open }
                | P::MismatchedFlowCollectionEnd { open, .. } => {
                    crate::say!("yaml-unclosed-flow", open = open.to_string())
                }
                P::ExpectedDocumentStart | P::InvalidDocumentEnd => crate::say!("document-end"),
                // The parser's own description, for the kinds an editor
                // hardly makes.
                _ => error.without_snippet().to_string(),
            },
            Kind::Syntax(None) => error.without_snippet().to_string(),
            Kind::Documents => crate::say!("another-document"),
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
            return Some(crate::say!("expected-figure"));
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
        (key_of(here.trim_start()).is_some() && indent(here) > indent(above) && above_has_value)
            .then(|| crate::say!("indented-under-value", key = &above_key))
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
