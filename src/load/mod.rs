//! Loading: the site's files become a validated configuration and reports.
//!
//! `site.yaml` is read by [`config`]; each report under `content/` is read
//! as text ([`source`]), cut at its front matter ([`front_matter`]), read
//! as YAML ([`yaml`]) and checked against the configuration ([`report`]).
//! Reports are parsed in parallel and each file's text is dropped once its
//! report is built: the body stays on disk until its page is rendered
//! ([`body`]). Every problem is collected, so one run lists them all.

pub mod config;
pub mod front_matter;
pub mod report;
pub mod source;
pub mod yaml;

use crate::diagnostic::Diagnostic;
use crate::model::Report;
use crate::model::config::Config;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

pub use config::CONFIG_FILE;

/// Reads and validates `site.yaml`.
pub fn load_config(root: &Path) -> Result<Config, Vec<Diagnostic>> {
    match read_config(root) {
        (Some(config), problems) if problems.is_empty() => Ok(config),
        (_, problems) => Err(problems),
    }
}

/// Reads `site.yaml` into a configuration whenever its YAML can be read,
/// with every problem found in it (see [`config::parse_all`]).
pub fn read_config(root: &Path) -> (Option<Config>, Vec<Diagnostic>) {
    let config_path = root.join(CONFIG_FILE);
    let config_text = source::read_text(&config_path).map_err(|(line, column, message)| {
        let message = if config_path.exists() {
            message
        } else {
            format!(
                "not found in {}; every site has one (see `renewal init`)",
                root.display()
            )
        };
        vec![Diagnostic::at(CONFIG_FILE, line, column, None, message)]
    });
    match config_text {
        Ok(text) => config::parse_all(&text),
        Err(problems) => (None, problems),
    }
}

/// The reports of a site, and every problem found in them.
pub struct Loaded {
    /// Every report whose front matter could be read, problems or not,
    /// newest first (by publication date, then by slug).
    pub reports: Vec<Report>,
    pub problems: Vec<Diagnostic>,
    /// Metric ids that files which could not be read may introduce: every
    /// `id:` value written in them. An update of such an id cannot be
    /// called undefined until those files are fixed; any other can.
    pub unread_ids: BTreeSet<String>,
}

/// Reads and validates every report under `root/content`. Problems come
/// back together with the reports, so that checks across reports still
/// run on whatever could be read.
pub fn reports(root: &Path, config: &Config) -> Loaded {
    let (files, mut errors) = source::report_files(root);
    let parsed: Vec<(Option<Report>, Vec<Diagnostic>, Vec<String>)> = files
        .par_iter()
        .map(|file| {
            let path = root.join(file);
            match source::read_text(&path) {
                Ok(text) => match report::parse(file, &text, config) {
                    (Some(report), problems) => (Some(report), problems, Vec::new()),
                    (None, problems) => (None, problems, ids_written_in(&text)),
                },
                Err((line, column, message)) => {
                    let text = std::fs::read(&path)
                        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
                        .unwrap_or_default();
                    let problem = Diagnostic::at(file, line, column, None, message);
                    (None, vec![problem], ids_written_in(&text))
                }
            }
        })
        .collect();
    let mut reports = Vec::with_capacity(parsed.len());
    let mut unread_ids = BTreeSet::new();
    for (report, mut problems, ids) in parsed {
        reports.extend(report);
        unread_ids.extend(ids);
        errors.append(&mut problems);
    }
    let mut slugs: BTreeMap<&str, &Report> = BTreeMap::new();
    for r in &reports {
        if let Some(first) = slugs.insert(&r.slug, r) {
            errors.push(same_address(r, first));
        }
    }
    reports.sort_by(|a, b| {
        b.published
            .cmp(&a.published)
            .then_with(|| a.slug.cmp(&b.slug))
    });
    Loaded {
        reports,
        problems: errors,
        unread_ids,
    }
}

/// The error for `report`, whose address `first` already has: at its
/// `slug:` line, or saying that its file name gives the address.
fn same_address(report: &Report, first: &Report) -> Diagnostic {
    let address = format!("/reports/{}/", report.slug);
    let how = |r: &Report| match r.slug_place {
        Some(place) => format!(
            "{}:{}:{} gives it as its `slug`",
            r.file, place.line, place.column
        ),
        None => format!("{}'s file name gives it", r.file),
    };
    match report.slug_place {
        Some(place) => Diagnostic::at(
            &report.file,
            place.line,
            place.column,
            Some("slug".into()),
            format!(
                "the address {address} is already taken ({}); choose another slug",
                how(first)
            ),
        ),
        None => Diagnostic::file(
            &report.file,
            format!(
                "the file name gives this report the address {address}, which is already taken ({}); rename one file or give one a `slug:`",
                how(first)
            ),
        ),
    }
}

/// The values of every `id:` line in a file that could not be read as a
/// report: the metric ids it may introduce.
fn ids_written_in(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| {
            let line = line.trim_start().trim_start_matches("- ").trim_start();
            let value = line.strip_prefix("id:")?;
            let value = value.split(" #").next().unwrap_or(value).trim();
            Some(value.trim_matches(['"', '\'']).to_string())
        })
        .filter(|id| !id.is_empty())
        .collect()
}

/// The Markdown body of `report`, read again from its file.
pub fn body(root: &Path, report: &Report) -> Result<String, Diagnostic> {
    let text = source::read_text(&root.join(&report.file)).map_err(|(line, column, message)| {
        Diagnostic::at(&report.file, line, column, None, message)
    })?;
    let split = front_matter::split(&text).map_err(|e| {
        Diagnostic::at(
            &report.file,
            e.line,
            1,
            None,
            format!("{} (the file changed during the build)", e.message),
        )
    })?;
    Ok(split.body.to_string())
}
