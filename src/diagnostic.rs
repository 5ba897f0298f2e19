//! Errors about the site's own files, as a web editor reads them.
//!
//! Every problem found in content, configuration or templates becomes a
//! [`Diagnostic`]: a file, a line and column, the field it concerns and a
//! sentence saying what is wrong. A warning is a diagnostic about something
//! suspicious but publishable. Stages collect them instead of stopping at
//! the first, so one run lists everything that needs fixing. Nothing here does
//! I/O or decides what to do about a problem; `site` does that.

use std::fmt;
use std::path::Path;

/// One problem in one file of the site.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    /// Path as the user knows it, relative to the site root (`content/2022/x.md`).
    pub file: String,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column; 0 when unknown.
    pub column: usize,
    /// The front-matter field concerned, as a path (`metrics[2].unit`), if any.
    pub field: Option<String>,
    /// What is wrong, as a sentence.
    pub message: String,
    /// Suspicious but publishable: listed, but the build goes on (unless
    /// warnings are denied).
    pub warning: bool,
}

impl Diagnostic {
    /// A problem with a whole file (no line or field).
    pub fn file(file: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.into(),
            line: 0,
            column: 0,
            field: None,
            message: message.into(),
            warning: false,
        }
    }

    /// A problem at a place in a file, optionally about a field.
    pub fn at(
        file: impl Into<String>,
        line: usize,
        column: usize,
        field: Option<String>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            file: file.into(),
            line,
            column,
            field,
            message: message.into(),
            warning: false,
        }
    }

    /// This warning made an error, because warnings are denied: said so
    /// at the end of its message, before its code (`… [W0101]`).
    pub fn denied(&mut self) {
        self.warning = false;
        self.add(&crate::say!("warning-denied"));
    }

    /// Adds `text` at the end of the message, before its code (`… [E1001]`),
    /// which stays last.
    pub fn add(&mut self, text: &str) {
        match crate::i18n::messages::code_at(&self.message) {
            Some(at) => self.message.insert_str(at, text),
            None => self.message.push_str(text),
        }
    }

    /// The same problem as a warning.
    pub fn warning(self) -> Self {
        Diagnostic {
            warning: true,
            ..self
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
            if self.column > 0 {
                write!(f, ":{}", self.column)?;
            }
        }
        write!(f, ": ")?;
        // What follows the place is in the language chosen: "warning: ",
        // "field `year`: " (警告：, 字段 `year`：).
        let mut said = printable(&self.message).into_owned();
        if let Some(field) = &self.field {
            // A path hundreds of levels deep is cut to its last levels.
            let shown = match field.char_indices().rev().nth(MAX_FIELD_CHARS) {
                Some((cut, _)) => format!("…{}", &field[cut..]),
                None => field.clone(),
            };
            let field = format!("`{}`{}", printable(&shown), gloss(field));
            said = crate::say!("diagnostic-field", field = field, rest = said);
        }
        if self.warning {
            said = crate::say!("diagnostic-warning", rest = said);
        }
        write!(f, "{said}")
    }
}

/// What the field at `path` is called in the language chosen, after its
/// name (`year` is 年份: "（年份）"), when that says more than the name.
fn gloss(path: &str) -> String {
    let names: Vec<&str> = (path.split('.'))
        .map(|part| part.split('[').next().unwrap_or(part))
        .collect();
    let key = names.last().copied().unwrap_or(path);
    // A name read in its block first (`cities[0].id` is a city's id, not a
    // metric's), then alone.
    let within = names.len().checked_sub(2).map(|at| names[at]);
    let ids = (within
        .map(|block| format!("field-name-{block}-{key}"))
        .into_iter())
    .chain([format!("field-name-{key}")]);
    for id in ids {
        let id = id.replace('_', "-");
        let name = crate::i18n::messages::message(&id, &[]);
        if name == id {
            continue;
        }
        if name == key {
            return String::new();
        }
        return crate::say!("field-gloss", name = name);
    }
    String::new()
}

/// The longest field path shown whole.
const MAX_FIELD_CHARS: usize = 80;

/// `text` with control characters written as escapes, so that a message
/// quoting what an editor wrote stays on one line and cannot move the
/// terminal's cursor.
fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return text.into();
    }
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

/// A place in a source file: where a value was written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Place {
    pub line: usize,
    pub column: usize,
}

/// `path` as a diagnostic names it: relative to `root`, with `/` between
/// its parts on every system (`content/2022/x.md`).
pub fn shown_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
