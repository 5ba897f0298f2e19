//! The build, start to finish: the one place that knows the order of stages.
//!
//! config → read content → split and parse reports → join metrics → load
//! theme → build pages → render → write. Each stage returns its problems
//! instead of stopping; the build goes as far as it can so that one run
//! lists every error, and writes nothing unless there are none.

use crate::config::{CONFIG_FILE, Config};
use crate::diagnostic::Diagnostic;
use crate::model::{Report, Site};
use crate::render::OutputFile;
use crate::{join, output, pages, render, report, source, theme};
use std::collections::BTreeMap;
use std::path::Path;

/// Why a build did not produce a site.
#[derive(Debug)]
pub enum Failure {
    /// Problems in the site's files; nothing was written.
    Content(Vec<Diagnostic>),
    /// The output could not be written; the previous output is intact.
    Write(String),
}

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
    Config::parse(&config_text)
}

/// Reads and validates the reports under `root` into the model.
pub fn load(root: &Path, config: Config) -> Result<Site, Vec<Diagnostic>> {
    let (files, mut errors) = source::read_content(root);
    let mut reports: Vec<Report> = Vec::new();
    for file in &files {
        match report::parse(&file.path, &file.text, &config) {
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
    match join::join(&reports, &config, errors.is_empty()) {
        Ok(metrics) if errors.is_empty() => {
            reports.sort_by(|a, b| {
                b.published
                    .cmp(&a.published)
                    .then_with(|| a.slug.cmp(&b.slug))
            });
            Ok(Site {
                config,
                reports,
                metrics,
            })
        }
        Ok(_) => {
            errors.sort();
            Err(errors)
        }
        Err(mut problems) => {
            errors.append(&mut problems);
            errors.sort();
            Err(errors)
        }
    }
}

/// Loads, validates and renders the whole site in memory.
pub fn render_site(root: &Path) -> Result<(Site, Vec<OutputFile>), Vec<Diagnostic>> {
    let config = load_config(root)?;
    // Template errors are worth reporting alongside content errors.
    let theme = theme::load(root, &config);
    let site = load(root, config);
    match (site, theme) {
        (Ok(site), Ok(mut theme)) => {
            let pages = pages::all(&site, &theme.strings);
            let files = render::render(&mut theme, &site, &pages)?;
            Ok((site, files))
        }
        (site, theme) => {
            let mut errors = site.err().unwrap_or_default();
            if let Err(mut problems) = theme {
                errors.append(&mut problems);
            }
            Err(errors)
        }
    }
}

/// Builds the site at `root` into `output`.
pub fn build(root: &Path, output: &Path) -> Result<(Site, usize), Failure> {
    let (site, files) = render_site(root).map_err(Failure::Content)?;
    output::write_site(output, &files).map_err(|e| Failure::Write(e.0))?;
    Ok((site, files.len()))
}
