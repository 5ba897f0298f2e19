//! Finding the theme: its Tera templates, static files and interface strings.
//!
//! The default theme lives in `themes/default/` as ordinary files. The same
//! files are compiled into the binary so that `renewal init` sites work with
//! no theme folder of their own. A site overrides any part by putting a file
//! at the same relative path in `themes/<theme>/`, and any template by
//! putting it in `templates/` at the site root; whatever a theme leaves out
//! comes from the built-in files. Templates are parsed here, so a syntax
//! error in any of them is reported before anything is rendered.

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
    "static/style.css",
    "templates/404.html",
    "templates/base.html",
    "templates/cities.html",
    "templates/city.html",
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
    "templates/topic.html",
    "templates/topics.html",
    "templates/year.html",
    "templates/years.html",
];

/// A theme ready to render with.
pub struct Theme {
    pub tera: tera::Tera,
    /// Files copied as they are into the output, by output path.
    pub statics: BTreeMap<String, Vec<u8>>,
    /// Interface strings in the site's language.
    pub strings: Strings,
    /// Where each template came from, for error messages.
    pub origins: BTreeMap<String, String>,
}

struct ThemeFile {
    origin: String,
    bytes: Vec<u8>,
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
    let prefix = format!("themes/{}", config.theme);
    overlay(&theme_dir, &prefix, "", &mut files, &mut errors);
    overlay(
        &root.join("templates"),
        "templates",
        "templates/",
        &mut files,
        &mut errors,
    );

    let strings = strings_for(&files, config, &mut errors);
    let mut templates = Vec::new();
    let mut statics = BTreeMap::new();
    let mut origins = BTreeMap::new();
    for (path, file) in files {
        if let Some(name) = path.strip_prefix("templates/") {
            match String::from_utf8(file.bytes) {
                Ok(text) => {
                    origins.insert(name.to_string(), file.origin);
                    templates.push((name.to_string(), text));
                }
                Err(_) => errors.push(Diagnostic::file(file.origin, "is not valid UTF-8 text")),
            }
        } else if let Some(name) = path.strip_prefix("static/") {
            statics.insert(name.to_string(), file.bytes);
        }
    }
    let mut tera = tera::Tera::new();
    // Each template is parsed on its own first so that every syntax error is listed.
    for (name, text) in &templates {
        if let Err(error) = tera::Tera::new().add_raw_template(name, text)
            && let tera::ErrorKind::SyntaxError(_) = error.kind()
        {
            errors.push(template_error(&error, &origins));
        }
    }
    if errors.is_empty()
        && let Err(error) =
            tera.add_raw_templates(templates.iter().map(|(n, t)| (n.as_str(), t.as_str())))
    {
        errors.push(template_error(&error, &origins));
    }
    if errors.is_empty() {
        Ok(Theme {
            tera,
            statics,
            strings,
            origins,
        })
    } else {
        Err(errors)
    }
}

/// Where a file of the built-in theme is said to come from.
fn builtin_origin(path: &str) -> String {
    format!("themes/default/{path}{BUILTIN_NOTE}")
}

/// What follows the path of a built-in file.
const BUILTIN_NOTE: &str = " (built into renewal)";

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
    let mut available = vec!["default (built in)".to_string()];
    available.extend(folders);
    let name = &config.theme;
    Diagnostic::at(
        CONFIG_FILE,
        config.theme_place.line,
        config.theme_place.column,
        Some("theme".into()),
        format!(
            "theme `{name}` not found: there is no folder themes/{name}/ (themes available: {})",
            available.join(", ")
        ),
    )
}

/// Adds (or replaces) the files below `dir`, keyed as `key_prefix` + relative path.
fn overlay(
    dir: &Path,
    shown_as: &str,
    key_prefix: &str,
    files: &mut BTreeMap<String, ThemeFile>,
    errors: &mut Vec<Diagnostic>,
) {
    if !dir.is_dir() {
        return;
    }
    for entry in WalkDir::new(dir).sort_by_file_name() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                errors.push(Diagnostic::file(shown_as, format!("cannot be read: {e}")));
                continue;
            }
        };
        if !entry.file_type().is_file() || entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let rel: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let rel = rel.join("/");
        let origin = format!("{shown_as}/{rel}");
        match std::fs::read(entry.path()) {
            Ok(bytes) => {
                files.insert(format!("{key_prefix}{rel}"), ThemeFile { origin, bytes });
            }
            Err(e) => errors.push(Diagnostic::file(origin, format!("cannot be read: {e}"))),
        }
    }
}

/// The interface strings in the site's language: the built-in theme's,
/// with the theme's own strings.yaml over them key by key. A theme whose
/// strings.yaml leaves out the site's language gets the built-in strings
/// for it.
fn strings_for(
    files: &BTreeMap<String, ThemeFile>,
    config: &Config,
    errors: &mut Vec<Diagnostic>,
) -> Strings {
    let tag = config.language.tag();
    let builtin_file = builtin_origin("strings.yaml");
    let builtin_text = BUILTIN
        .iter()
        .find(|(path, _)| *path == "strings.yaml")
        .map(|(_, bytes)| String::from_utf8_lossy(bytes))
        .unwrap_or_default();
    let builtin = match crate::load::yaml::parse::<BTreeMap<String, Strings>>(
        &builtin_text,
        &builtin_file,
        0,
    ) {
        Ok(by_language) => by_language,
        Err(d) => {
            errors.push(d);
            BTreeMap::new()
        }
    };
    let mut strings = builtin.get(tag).cloned().unwrap_or_default();
    let own = match files.get("strings.yaml") {
        Some(file) if file.origin != builtin_file => {
            let text = String::from_utf8_lossy(&file.bytes);
            match crate::load::yaml::parse::<BTreeMap<String, Strings>>(&text, &file.origin, 0) {
                Ok(mut by_language) => Some((file, by_language.remove(tag))),
                Err(d) => {
                    errors.push(d);
                    return strings;
                }
            }
        }
        _ => None,
    };
    match own {
        Some((_, Some(own))) => strings.extend(own),
        _ if builtin.contains_key(tag) => {}
        Some((file, None)) => errors.push(Diagnostic::file(
            &file.origin,
            format!(
                "has no strings for the site's language `{tag}`, and the built-in default theme has none either: add a `{tag}:` section"
            ),
        )),
        None => errors.push(Diagnostic::file(
            &builtin_file,
            format!(
                "has no strings for the site's language `{tag}`: add a `{tag}:` section to themes/{}/strings.yaml",
                config.theme
            ),
        )),
    }
    strings
}

/// A Tera error as a diagnostic naming the template file and line.
pub fn template_error(error: &tera::Error, origins: &BTreeMap<String, String>) -> Diagnostic {
    let origin = |name: &str| {
        origins
            .get(name)
            .cloned()
            .unwrap_or_else(|| format!("templates/{name}"))
    };
    match error.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            let span = report.span();
            Diagnostic::at(
                origin(report.filename()),
                span.start_line,
                span.start_col + 1,
                None,
                format!("template error: {}", report.message()),
            )
        }
        tera::ErrorKind::TemplateNotFound(name) => Diagnostic::file(
            origin(name),
            "template error: this template is needed but missing",
        ),
        tera::ErrorKind::MissingParent { current, parent } => Diagnostic::file(
            origin(current),
            format!("template error: extends `{parent}`, which does not exist"),
        ),
        other => Diagnostic::file("templates", format!("template error: {other}")),
    }
}
