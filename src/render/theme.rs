//! Finding the theme: its Tera templates, static files and interface strings.
//!
//! The default theme lives in `themes/default/` as ordinary files. The same
//! files are compiled into the binary so that `renewal init` sites work with
//! no theme folder of their own. A site overrides any part by putting a file
//! at the same relative path in `themes/<theme>/`, and any template by
//! putting it in `templates/` at the site root; whatever a theme leaves out
//! comes from the built-in files. Templates are parsed here, so a syntax
//! error in any of them is reported before anything is rendered, and every
//! Tera error becomes a one-line diagnostic naming the template by its path
//! from the site root.

use crate::diagnostic::Diagnostic;
use crate::i18n::Strings;
use crate::load::config::CONFIG_FILE;
use crate::model::config::Config;
use std::collections::BTreeMap;
use std::path::Path;
use walkdir::WalkDir;

macro_rules! builtin {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_bytes!(concat!("../../themes/default/", $path)) as &[u8])),*]
    };
}

/// The default theme, compiled in from `themes/default/`.
const BUILTIN: &[(&str, &[u8])] = builtin![
    "strings.yaml",
    "static/search.js",
    "static/style.css",
    "templates/404.html",
    "templates/archive.html",
    "templates/base.html",
    "templates/cities.html",
    "templates/city.html",
    "templates/data.html",
    "templates/district.html",
    "templates/index.html",
    "templates/list.html",
    "templates/metric.html",
    "templates/partials/metric_table.html",
    "templates/partials/overview.html",
    "templates/partials/pager.html",
    "templates/partials/progress_chart.html",
    "templates/partials/report_list.html",
    "templates/partials/series_table.html",
    "templates/partials/summary.html",
    "templates/partials/tally.html",
    "templates/report.html",
    "templates/reports.html",
    "templates/search.html",
    "templates/topic.html",
    "templates/topics.html",
    "templates/year.html",
    "templates/years.html",
];

/// A theme ready to render with.
#[derive(Clone)]
pub struct Theme {
    pub tera: tera::Tera,
    /// Files copied as they are into the output, by output path.
    pub statics: BTreeMap<String, Vec<u8>>,
    /// Interface strings in the site's language.
    pub strings: Strings,
    /// Interface strings in the language of each other edition, in the
    /// order of `editions:`.
    pub edition_strings: Vec<Strings>,
    /// Where each template came from, for error messages.
    pub origins: BTreeMap<String, Origin>,
    /// Each template's text, by name (for the link check).
    pub texts: BTreeMap<String, String>,
    /// Files of the theme or the site's templates that are not used, and why.
    pub warnings: Vec<Diagnostic>,
    /// For each template, the templates that use it, itself included, through
    /// `extends` and `include`; `None` when a template names another in a way
    /// that cannot be read from its text (then any template may use any).
    pub users: Option<BTreeMap<String, std::collections::BTreeSet<String>>>,
}

struct ThemeFile {
    origin: Origin,
    bytes: Vec<u8>,
}

/// Where a file of a theme comes from: a file of the site, by its path from
/// the site's folder, or the built-in theme compiled into renewal, by the
/// path it has in the default theme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Site(String),
    Builtin(String),
}

impl Origin {
    /// The path a problem in the file is placed at.
    pub fn path(&self) -> &str {
        match self {
            Origin::Site(path) | Origin::Builtin(path) => path,
        }
    }

    /// `problem`, found in this file, placed at its path; for a file of the
    /// built-in theme, saying so in the language chosen, so that the
    /// `file:line:column:` part stays a path.
    fn placed(&self, mut problem: Diagnostic) -> Diagnostic {
        problem.file = self.path().to_string();
        if let Origin::Builtin(_) = self {
            problem.add(&crate::say!("template-in-builtin"));
        }
        problem
    }

    /// The origin told apart from any other, for what a build keeps.
    pub fn key(&self) -> String {
        match self {
            Origin::Site(path) => format!("site:{path}"),
            Origin::Builtin(path) => format!("builtin:{path}"),
        }
    }
}

/// Loads the theme named in `config`, with the site's overrides: the
/// built-in default theme first, then `themes/<theme>/` over it, then the
/// site's `templates/`, so any file a layer leaves out comes from the one
/// below.
pub fn load(root: &Path, config: &Config) -> Result<Theme, Vec<Diagnostic>> {
    let theme_dir = root.join("themes").join(&config.theme);
    if config.theme != "default" && !theme_dir.is_dir() {
        return Err(vec![theme_not_found(root, config)]);
    }
    let mut files: BTreeMap<String, ThemeFile> = BUILTIN
        .iter()
        .map(|(path, bytes)| {
            let file = ThemeFile {
                origin: builtin_origin(path),
                bytes: bytes.to_vec(),
            };
            (path.to_string(), file)
        })
        .collect();
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let prefix = format!("themes/{}", config.theme);
    overlay(
        &theme_dir,
        &prefix,
        "",
        &mut files,
        &mut errors,
        &mut warnings,
    );
    overlay(
        &root.join("templates"),
        "templates",
        "templates/",
        &mut files,
        &mut errors,
        &mut warnings,
    );

    let strings = strings_for(&files, config, config.language, &mut errors);
    let edition_strings = config
        .editions
        .iter()
        .map(|&language| strings_for(&files, config, language, &mut errors))
        .collect();
    let mut sources = BTreeMap::new();
    let mut statics = BTreeMap::new();
    let mut origins = BTreeMap::new();
    for (path, file) in files {
        if let Some(name) = path.strip_prefix("templates/") {
            match String::from_utf8(file.bytes) {
                Ok(mut text) => {
                    // Written by many editors on Windows; not part of the page.
                    if text.starts_with('\u{feff}') {
                        text.drain(..'\u{feff}'.len_utf8());
                    }
                    origins.insert(name.to_string(), file.origin);
                    sources.insert(name.to_string(), text);
                }
                Err(error) => {
                    let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
                    let (line, column) = line_column(std::str::from_utf8(valid).unwrap_or(""));
                    errors.push(file.origin.placed(Diagnostic::at(
                        file.origin.path(),
                        line,
                        column,
                        None,
                        crate::say!("not-utf-8"),
                    )));
                }
            }
        } else if let Some(name) = path.strip_prefix("static/") {
            statics.insert(name.to_string(), file.bytes);
        }
    }
    let mut tera = tera::Tera::new();
    // Each template is parsed on its own first so that every syntax error is
    // listed: loading them together stops at the first.
    for (name, text) in &sources {
        if let Err(error) = tera::Tera::new().add_raw_template(name, text)
            && let tera::ErrorKind::SyntaxError(_) = error.kind()
        {
            errors.extend(diagnose(&error, &origins, &sources, None));
        }
    }
    if errors.is_empty()
        && let Err(error) =
            tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str())))
    {
        errors.extend(diagnose(&error, &origins, &sources, None));
    }
    if errors.is_empty() {
        let users = users_of(&sources);
        Ok(Theme {
            texts: sources,
            tera,
            statics,
            strings,
            edition_strings,
            origins,
            warnings,
            users,
        })
    } else {
        errors.extend(warnings);
        Err(errors)
    }
}

/// For each template, every template that uses it (see [`Theme::users`]).
fn users_of(
    sources: &BTreeMap<String, String>,
) -> Option<BTreeMap<String, std::collections::BTreeSet<String>>> {
    use std::collections::BTreeSet;
    // What each template names directly.
    let mut names: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for (name, text) in sources {
        let mut named = BTreeSet::new();
        for tag in text.split("{%").skip(1) {
            let tag = tag.trim_start_matches('-').trim_start();
            let Some(rest) = tag
                .strip_prefix("extends")
                .or_else(|| tag.strip_prefix("include"))
            else {
                continue;
            };
            let rest = rest.trim_start();
            let quote = rest.chars().next().filter(|c| matches!(c, '"' | '\''))?;
            named.insert(rest[1..].split(quote).next()?.to_string());
        }
        names.insert(name, named);
    }
    let mut users: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for name in sources.keys() {
        // Everything `name` reaches is used by `name`.
        let mut stack = vec![name.clone()];
        let mut reached = BTreeSet::new();
        while let Some(next) = stack.pop() {
            if reached.insert(next.clone()) {
                stack.extend(names.get(next.as_str()).into_iter().flatten().cloned());
            }
        }
        for used in reached {
            users.entry(used).or_default().insert(name.clone());
        }
    }
    Some(users)
}

/// Where a file of the built-in theme is said to come from.
fn builtin_origin(path: &str) -> Origin {
    Origin::Builtin(format!("themes/default/{path}"))
}

/// The error for a `theme:` that names no folder, at its place in site.yaml,
/// with the themes there are.
fn theme_not_found(root: &Path, config: &Config) -> Diagnostic {
    let mut folders: Vec<String> = std::fs::read_dir(root.join("themes"))
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter(|entry| entry.path().is_dir())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name != "default" && !name.starts_with('.'))
        .collect();
    folders.sort();
    let mut available = vec![crate::say!("theme-builtin")];
    available.extend(folders);
    let name = &config.theme;
    Diagnostic::at(
        CONFIG_FILE,
        config.theme_place.line,
        config.theme_place.column,
        Some("theme".into()),
        crate::say!(
            "theme-not-found",
            name = name,
            available = available.join(", ")
        ),
    )
}

/// Adds (or replaces) the files below `dir`, keyed as `key_prefix` +
/// relative path. Hidden files and folders (`.DS_Store`, `.git/`) are
/// skipped without a word; a symbolic link is skipped with a warning, as in
/// `content/`: a theme must be the same wherever the site is copied.
fn overlay(
    dir: &Path,
    shown_as: &str,
    key_prefix: &str,
    files: &mut BTreeMap<String, ThemeFile>,
    errors: &mut Vec<Diagnostic>,
    warnings: &mut Vec<Diagnostic>,
) {
    if !dir.is_dir() {
        return;
    }
    let visible =
        |e: &walkdir::DirEntry| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.');
    for entry in WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(visible)
    {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let message = crate::say!("unreadable", error = crate::i18n::messages::reason(&e));
                errors.push(Diagnostic::file(shown_as, message));
                continue;
            }
        };
        let rel = crate::diagnostic::shown_path(dir, entry.path());
        let origin = Origin::Site(format!("{shown_as}/{rel}"));
        if entry.path_is_symlink() && entry.depth() > 0 {
            let target = std::fs::read_link(entry.path())
                .map(|t| t.display().to_string())
                .unwrap_or_default();
            warnings.push(
                Diagnostic::file(origin.path(), crate::say!("theme-link", target = target))
                    .warning(),
            );
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        match std::fs::read(entry.path()) {
            Ok(bytes) => {
                files.insert(format!("{key_prefix}{rel}"), ThemeFile { origin, bytes });
            }
            Err(e) => {
                let message = crate::say!("unreadable", error = crate::i18n::messages::reason(&e));
                errors.push(Diagnostic::file(origin.path(), message));
            }
        }
    }
}

/// The interface strings in `language`: the built-in theme's, with the
/// theme's own strings.yaml over them key by key. A theme whose
/// strings.yaml leaves out the language gets the built-in strings for it.
fn strings_for(
    files: &BTreeMap<String, ThemeFile>,
    config: &Config,
    language: crate::i18n::Language,
    errors: &mut Vec<Diagnostic>,
) -> Strings {
    let tag = language.tag();
    let builtin_file = builtin_origin("strings.yaml");
    let builtin_text = BUILTIN
        .iter()
        .find(|(path, _)| *path == "strings.yaml")
        .map(|(_, bytes)| String::from_utf8_lossy(bytes))
        .unwrap_or_default();
    let builtin = match crate::load::yaml::parse::<BTreeMap<String, Strings>>(
        &builtin_text,
        builtin_file.path(),
        0,
    ) {
        Ok(by_language) => by_language,
        Err(d) => {
            errors.push(builtin_file.placed(d));
            BTreeMap::new()
        }
    };
    let mut strings = builtin.get(tag).cloned().unwrap_or_default();
    let own = match files.get("strings.yaml") {
        Some(file) if file.origin != builtin_file => match own_strings(file, tag) {
            Ok((found, problems)) => {
                errors.extend(problems);
                Some((file, found))
            }
            Err(d) => {
                errors.push(d);
                return strings;
            }
        },
        _ => None,
    };
    match own {
        Some((_, Some(own))) => strings.extend(own),
        _ if builtin.contains_key(tag) => {}
        Some((file, None)) => errors.push(Diagnostic::file(
            file.origin.path(),
            crate::say!("theme-strings-none", tag = tag),
        )),
        None => errors.push(builtin_file.placed(Diagnostic::file(
            builtin_file.path(),
            crate::say!("theme-strings-missing", tag = tag, theme = &config.theme),
        ))),
    }
    strings
}

/// A theme's own strings in the language `tag`, if it has a section for
/// it, with the problems of their text as YAML decoded it (see
/// [`crate::load::yaml::Decoded`]); or the file's YAML error.
fn own_strings(
    file: &ThemeFile,
    tag: &str,
) -> Result<(Option<Strings>, Vec<Diagnostic>), Diagnostic> {
    use serde_saphyr::Spanned;
    let text = String::from_utf8_lossy(&file.bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut by_language: BTreeMap<String, BTreeMap<String, Spanned<String>>> =
        crate::load::yaml::parse(text, file.origin.path(), 0)?;
    let Some(mut own) = by_language.remove(tag) else {
        return Ok((None, Vec::new()));
    };
    let mut decoded = crate::load::yaml::Decoded::new(text, file.origin.path(), 0);
    for (key, value) in &mut own {
        decoded.text(value, || format!("{tag}.{key}"));
    }
    let strings = own
        .into_iter()
        .map(|(key, value)| (key, value.value))
        .collect();
    Ok((Some(strings), decoded.problems))
}

/// A Tera error met while rendering, as a diagnostic naming the template
/// file (from the site root), line and column. `rendering` is the template
/// the page was rendered with, named when Tera does not say where it went
/// wrong.
pub fn template_error(
    error: &tera::Error,
    origins: &BTreeMap<String, Origin>,
    rendering: &str,
) -> Diagnostic {
    let mut found = diagnose(error, origins, &BTreeMap::new(), Some(rendering));
    let mut first = found.remove(0);
    if found.is_empty() {
        return first;
    }
    let more: Vec<String> = found.iter().map(|d| d.to_string()).collect();
    first.add(&crate::say!("also", more = more.join("; ")));
    first
}

/// A Tera error as diagnostics, one for each problem it reports (at least
/// one), each one line naming the template by its path from the site root.
/// `sources` (template texts by name) lets problems Tera does not place, such
/// as a missing parent, be found in the text; `fallback` is the template
/// named when nothing else says which.
fn diagnose(
    error: &tera::Error,
    origins: &BTreeMap<String, Origin>,
    sources: &BTreeMap<String, String>,
    fallback: Option<&str>,
) -> Vec<Diagnostic> {
    let origin = |name: &str| {
        (origins.get(name).cloned()).unwrap_or_else(|| Origin::Site(format!("templates/{name}")))
    };
    let at = |name: &str, (line, column): (usize, usize), message: String| {
        let message = crate::say!("template-error", message = one_line(&message));
        let origin = origin(name);
        origin.placed(Diagnostic::at(origin.path(), line, column, None, message))
    };
    // Where `{% keyword "target" %}` is written in template `name`.
    let tag = |name: &str, keyword: &str, target: &str| {
        sources
            .get(name)
            .and_then(|source| find_tag(source, keyword, target))
            .unwrap_or((0, 0))
    };
    match error.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            let span = report.span();
            let mut message = report.message().to_string();
            if message == "Unknown tag"
                && let Some(word) = sources
                    .get(report.filename())
                    .and_then(|source| word_at(source, span.start_line, span.start_col))
            {
                message = if word.starts_with("end") {
                    crate::say!("template-unexpected-end", word = &word)
                } else {
                    crate::say!("template-unknown-tag", word = &word)
                };
            }
            // Notes ("called from", "first defined here") only appear in
            // the error's text.
            let notes = parse_reports(&error.to_string())
                .into_iter()
                .next()
                .map(|r| r.notes)
                .unwrap_or_default();
            vec![at(
                report.filename(),
                (span.start_line, span.start_col + 1),
                with_notes(message, &notes, &origin),
            )]
        }
        tera::ErrorKind::MissingParent { current, parent } => vec![at(
            current,
            tag(current, "extends", parent),
            crate::say!("template-extends-missing", parent = parent),
        )],
        tera::ErrorKind::CircularExtend {
            tpl,
            inheritance_chain,
        } => {
            let parent = inheritance_chain.first().map_or("", String::as_str);
            vec![at(
                tpl,
                tag(tpl, "extends", parent),
                crate::say!(
                    "template-extends-circle",
                    chain = format!("{tpl} → {}", inheritance_chain.join(" → "))
                ),
            )]
        }
        tera::ErrorKind::CircularInclude { tpl, include_chain } => {
            let n = include_chain.len();
            let (includer, included) = if n >= 2 {
                (include_chain[n - 2].as_str(), include_chain[n - 1].as_str())
            } else {
                (tpl.as_str(), tpl.as_str())
            };
            vec![at(
                includer,
                tag(includer, "include", included),
                crate::say!("template-include-circle", chain = include_chain.join(" → ")),
            )]
        }
        tera::ErrorKind::TemplateNotFound(name) => {
            vec![at(name, (0, 0), crate::say!("template-missing"))]
        }
        tera::ErrorKind::Msg(text) => {
            let reports: Vec<Report> = parse_reports(text)
                .into_iter()
                .filter(|r| r.place.is_some())
                .collect();
            if reports.is_empty() {
                vec![unplaced(error, origins, fallback)]
            } else {
                reports
                    .into_iter()
                    .map(|report| {
                        let (name, line, column) = report.place.unwrap_or_default();
                        at(
                            &name,
                            (line, column),
                            with_notes(report.message, &report.notes, &origin),
                        )
                    })
                    .collect()
            }
        }
        _ => vec![unplaced(error, origins, fallback)],
    }
}

/// An error Tera gives no place for: its text and its sources' on one line,
/// filed under the template it names, or else under `fallback`.
fn unplaced(
    error: &tera::Error,
    origins: &BTreeMap<String, Origin>,
    fallback: Option<&str>,
) -> Diagnostic {
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !message.contains(&cause_text) {
            message = format!("{message}: {cause_text}");
        }
        source = cause.source();
    }
    let named = origins
        .iter()
        .find(|(name, _)| {
            message.contains(&format!("`{name}`")) || message.contains(&format!("'{name}'"))
        })
        .map(|(_, origin)| origin.clone());
    let file = named
        .or_else(|| {
            fallback.map(|name| {
                (origins.get(name).cloned())
                    .unwrap_or_else(|| Origin::Site(format!("templates/{name}")))
            })
        })
        .unwrap_or_else(|| Origin::Site("templates".into()));
    file.placed(Diagnostic::file(
        file.path(),
        crate::say!("template-error", message = one_line(&message)),
    ))
}

/// One problem read back from the text of a Tera error report:
/// `error: message`, `--> name:line:column`, then any `note: label name:line:column`.
#[derive(Debug, Default)]
struct Report {
    message: String,
    place: Option<(String, usize, usize)>,
    notes: Vec<(String, (String, usize, usize))>,
}

/// The problems in a Tera error text, which may hold several reports.
fn parse_reports(text: &str) -> Vec<Report> {
    let mut reports: Vec<Report> = Vec::new();
    for line in text.lines() {
        if let Some(message) = line.strip_prefix("error: ") {
            reports.push(Report {
                message: message.trim().to_string(),
                ..Report::default()
            });
        } else if let Some(report) = reports.last_mut() {
            if let Some(place) = line.trim_start().strip_prefix("--> ") {
                if report.place.is_none() {
                    report.place = split_place(place);
                }
            } else if let Some(note) = line.strip_prefix("note: ")
                && let Some((label, place)) = note.rsplit_once(' ')
                && let Some(place) = split_place(place)
            {
                report.notes.push((label.to_string(), place));
            }
        }
    }
    reports
}

/// `name:line:column` as its parts.
fn split_place(text: &str) -> Option<(String, usize, usize)> {
    let mut parts = text.trim().rsplitn(3, ':');
    let column = parts.next()?.parse().ok()?;
    let line = parts.next()?.parse().ok()?;
    Some((parts.next()?.to_string(), line, column))
}

/// `message` followed by its notes, each placed by its path from the site root.
fn with_notes(
    message: String,
    notes: &[(String, (String, usize, usize))],
    origin: &dyn Fn(&str) -> Origin,
) -> String {
    notes
        .iter()
        .fold(message, |message, (label, (name, line, column))| {
            let place = match origin(name) {
                Origin::Builtin(path) => {
                    crate::say!(
                        "template-place-builtin",
                        place = format!("{path}:{line}:{column}")
                    )
                }
                Origin::Site(path) => format!("{path}:{line}:{column}"),
            };
            if label.ends_with(" from") {
                format!("{message} ({label} {place})")
            } else {
                format!("{message} ({label}: {place})")
            }
        })
}

/// Text on one line: line breaks and runs of spaces become one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The 1-based line and column just after `text`.
fn line_column(text: &str) -> (usize, usize) {
    let line = text.matches('\n').count() + 1;
    let column = text.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

/// The word at `line` (1-based) and `column` (0-based, in characters).
fn word_at(source: &str, line: usize, column: usize) -> Option<String> {
    let word: String = source
        .lines()
        .nth(line.checked_sub(1)?)?
        .chars()
        .skip(column)
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    (!word.is_empty()).then_some(word)
}

/// The line and column of `target` in the first `{% keyword "target" %}` of
/// `source`, or of the first `{% keyword` when none names it so.
fn find_tag(source: &str, keyword: &str, target: &str) -> Option<(usize, usize)> {
    let mut first_keyword = None;
    let mut from = 0;
    while let Some(i) = source[from..].find("{%") {
        let open = from + i + 2;
        from = open;
        let rest = source[open..].trim_start_matches('-').trim_start();
        let Some(after) = rest.strip_prefix(keyword) else {
            continue;
        };
        let argument = after.trim_start();
        if argument.len() == after.len() {
            continue;
        }
        let at = source.len() - argument.len();
        first_keyword.get_or_insert(at);
        let named = ['"', '\'', '`'].iter().any(|&quote| {
            argument
                .strip_prefix(quote)
                .and_then(|a| a.strip_prefix(target))
                .is_some_and(|a| a.starts_with(quote))
        });
        if named {
            return Some(line_column(&source[..at]));
        }
    }
    first_keyword.map(|at| line_column(&source[..at]))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A site with no `themes/` folder renders with the files compiled in:
    /// every file of `themes/default/` must be among them, or a page kind
    /// whose template was left out (the archive's, once) cannot be made.
    #[test]
    fn every_file_of_the_default_theme_is_compiled_in() {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
        let on_disk: Vec<String> = (WalkDir::new(&folder).sort_by_file_name().into_iter())
            .map(|e| e.unwrap().into_path())
            .filter(|p| p.is_file())
            .map(|p| {
                p.strip_prefix(&folder)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        let compiled: Vec<String> = BUILTIN.iter().map(|(p, _)| p.to_string()).collect();
        let mut on_disk = on_disk;
        on_disk.sort();
        let mut compiled = compiled;
        compiled.sort();
        assert_eq!(compiled, on_disk);
    }

    #[test]
    fn reports_joined_in_one_message_are_read_back_one_by_one() {
        let text = "error: Unknown filter `shout`\n --> report.html:3:21\n  |\n3 | {{ x | shout }}\n  |        ^^^^^\n\nerror: Unknown function `nope`\n --> partials/a b.html:4:4\n  |\n4 | {{ nope() }}\n\nnote: called from index.html:13:12\n  |";
        let reports = parse_reports(text);
        assert_eq!(reports.len(), 2);
        assert_eq!(reports[0].message, "Unknown filter `shout`");
        assert_eq!(reports[0].place, Some(("report.html".into(), 3, 21)));
        assert_eq!(reports[1].place, Some(("partials/a b.html".into(), 4, 4)));
        assert_eq!(
            reports[1].notes,
            vec![("called from".into(), ("index.html".into(), 13, 12))]
        );
        assert!(parse_reports("Circular extend detected").is_empty());
    }

    #[test]
    fn a_tag_is_found_by_what_it_names() {
        let source = "{# {% extends \"x\" %} #}\n  {%- extends 'base.html' -%}\n";
        assert_eq!(find_tag(source, "extends", "base.html"), Some((2, 15)));
        assert_eq!(find_tag(source, "extends", "other.html"), Some((1, 15)));
        assert_eq!(find_tag(source, "include", "base.html"), None);
        assert_eq!(find_tag("{% extendsx \"a\" %}", "extends", "a"), None);
    }
}
