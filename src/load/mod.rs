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
use std::collections::BTreeMap;
use std::path::Path;

pub use config::CONFIG_FILE;

/// Reads and validates `site.yaml`.
pub fn load_config(root: &Path) -> Result<Config, Vec<Diagnostic>> {
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
    })?;
    config::parse(&config_text)
}

/// Reads and validates every report under `root/content`, newest first
/// (by publication date, then by slug). Problems come back together with
/// the reports that could be read, so that later checks can still run.
pub fn reports(root: &Path, config: &Config) -> (Vec<Report>, Vec<Diagnostic>) {
    let (files, mut errors) = source::report_files(root);
    let parsed: Vec<Result<Report, Vec<Diagnostic>>> = files
        .par_iter()
        .map(|file| {
            let text = source::read_text(&root.join(file)).map_err(|(line, column, message)| {
                vec![Diagnostic::at(file, line, column, None, message)]
            })?;
            report::parse(file, &text, config)
        })
        .collect();
    let mut reports = Vec::with_capacity(parsed.len());
    for result in parsed {
        match result {
            Ok(r) => reports.push(r),
            Err(mut problems) => errors.append(&mut problems),
        }
    }
    let mut slugs: BTreeMap<&str, &str> = BTreeMap::new();
    for r in &reports {
        if let Some(first) = slugs.insert(&r.slug, &r.file) {
            errors.push(Diagnostic::file(&r.file, format!("has the same address /reports/{}/ as {first}; rename one file or give it a `slug:`", r.slug)));
        }
    }
    reports.sort_by(|a, b| {
        b.published
            .cmp(&a.published)
            .then_with(|| a.slug.cmp(&b.slug))
    });
    (reports, errors)
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
