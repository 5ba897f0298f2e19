//! The build, start to finish: the one place that knows the order of stages.
//!
//! load (config, reports) → join → index → pages planned → each page made,
//! rendered and written, in parallel → swap. Loading returns every problem
//! it finds instead of stopping, so one run lists every error, and nothing
//! is written unless there are none. Each page is rendered, written to the
//! staging folder and dropped, so memory holds the model, not the site.
//! Output is byte-identical whatever the thread timing: every page is a
//! function of the model alone, and problems are sorted before they are
//! shown.

use crate::diagnostic::Diagnostic;
use crate::join::index::Index;
use crate::load::ReportCache;
use crate::model::Site;
use crate::model::config::Config;
use crate::output::{Staging, WriteError};
use crate::pages::{self, Shared};
use crate::render::{self, Theme};
use crate::{join, load};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

/// Why a build did not produce a site.
#[derive(Debug)]
pub enum Failure {
    /// Problems in the site's files; nothing was written.
    Content(Vec<Diagnostic>),
    /// The output could not be written; the previous output is intact.
    Write(String),
}

/// What a build made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub reports: usize,
    pub metrics: usize,
    /// Files written (or, for `check`, that would be written).
    pub files: usize,
    pub bytes: u64,
    /// Of those, the files whose bytes changed and were written (the rest
    /// were already right); for `check`, 0.
    pub written: usize,
    /// Suspicious but publishable things found, in file order.
    pub warnings: Vec<Diagnostic>,
}

/// A display of how far a build has come: told how many pages there are
/// once the site is read, then once per page rendered, from any thread.
pub struct Progress<'a> {
    pub start: &'a (dyn Fn(usize) + Sync),
    pub tick: &'a (dyn Fn() + Sync),
}

/// Whether `problems` hold an error, not only warnings.
fn has_errors(problems: &[Diagnostic]) -> bool {
    problems.iter().any(|p| !p.warning)
}

/// Reads, validates and joins the reports of the site at `root`, whose
/// configuration is `config`. The site comes back unless there is an
/// error (warnings alone do not hold it back), with every problem found.
fn load_site(
    root: &Path,
    config: Config,
    cache: Option<&mut ReportCache>,
) -> (Option<Site>, Vec<Diagnostic>) {
    let load::Loaded {
        mut reports,
        mut problems,
        unread_ids,
    } = load::reports(root, &config, cache);
    reports.shrink_to_fit();
    let metrics = match join::join(&reports, &config, &unread_ids) {
        Ok(metrics) => Some(metrics),
        Err(more) => {
            problems.extend(more);
            None
        }
    };
    let site = metrics
        .filter(|_| !has_errors(&problems))
        .map(|metrics| Site {
            config,
            reports,
            metrics,
        });
    (site, problems)
}

/// Loads the site and its theme, with the warnings found; or every problem
/// found, content and templates together. With `strict`, warnings count
/// as errors.
fn load_all(
    root: &Path,
    strict: bool,
    cache: Option<&mut ReportCache>,
) -> Result<(Site, Theme, Vec<Diagnostic>), Vec<Diagnostic>> {
    let (config, mut problems) = load::read_config(root);
    let Some(config) = config else {
        return Err(problems);
    };
    let theme = render::theme::load(root, &config);
    let (site, more) = load_site(root, config, cache);
    problems.extend(more);
    let theme = match theme {
        Ok(mut theme) => {
            problems.append(&mut theme.warnings);
            Some(theme)
        }
        Err(more) => {
            problems.extend(more);
            None
        }
    };
    if strict {
        for problem in problems.iter_mut().filter(|p| p.warning) {
            problem.warning = false;
            problem
                .message
                .push_str(" (an error here: warnings are denied)");
        }
    }
    problems.sort();
    match (site, theme) {
        (Some(site), Some(mut theme)) if !has_errors(&problems) => {
            render::prepare(&mut theme, &site.config);
            Ok((site, theme, problems))
        }
        _ => Err(problems),
    }
}

/// Where rendered files go: the staging folder, or nowhere for `check`.
type Writer<'a> = dyn Fn(&str, &[u8]) -> Result<(), WriteError> + Sync + 'a;

/// What became of one page.
enum Outcome {
    Written,
    Problem(Diagnostic),
    Unwritable(WriteError),
}

/// Makes, renders and hands to `write` every page and static file of the
/// site, in parallel.
fn render_all(
    root: &Path,
    site: &Site,
    theme: &Theme,
    write: &Writer,
    progress: &Progress,
) -> Result<Summary, Failure> {
    let index = Index::build(site);
    let shared = Shared::new(site, &index, &theme.strings);
    let plan = pages::plan(&shared);
    (progress.start)(plan.pages.len());
    let body = |report: &crate::model::Report| load::body(root, report);
    let bytes = AtomicU64::new(0);
    let outcomes: Vec<Outcome> = plan
        .pages
        .par_iter()
        .map(|&page| {
            let made = pages::view(&shared, &plan, page, &body)
                .and_then(|view| render::page(theme, &view).map(|html| (view.path, html)));
            (progress.tick)();
            match made {
                Ok((path, html)) => match write(&path, &html) {
                    Ok(()) => {
                        bytes.fetch_add(html.len() as u64, Ordering::Relaxed);
                        Outcome::Written
                    }
                    Err(e) => Outcome::Unwritable(e),
                },
                Err(problem) => Outcome::Problem(problem),
            }
        })
        .collect();
    // The same template fault usually breaks many pages; report it once,
    // for the first page it broke.
    let mut problems: BTreeSet<Diagnostic> = BTreeSet::new();
    let mut seen: BTreeSet<(String, usize)> = BTreeSet::new();
    for outcome in &outcomes {
        match outcome {
            Outcome::Written => {}
            Outcome::Unwritable(e) => return Err(Failure::Write(e.0.clone())),
            Outcome::Problem(d) => {
                if seen.insert((d.file.clone(), d.line)) {
                    problems.insert(d.clone());
                }
            }
        }
    }
    if !problems.is_empty() {
        return Err(Failure::Content(problems.into_iter().collect()));
    }
    for (path, data) in &theme.statics {
        write(path, data).map_err(|e| Failure::Write(e.0))?;
        bytes.fetch_add(data.len() as u64, Ordering::Relaxed);
    }
    Ok(Summary {
        reports: site.reports.len(),
        metrics: site.metrics.len(),
        files: outcomes.len() + theme.statics.len(),
        bytes: bytes.into_inner(),
        written: 0,
        warnings: Vec::new(),
    })
}

/// Loads, validates and renders the whole site, writing nothing. With
/// `strict`, warnings fail it as errors do.
pub fn check(root: &Path, strict: bool, progress: &Progress) -> Result<Summary, Failure> {
    let (site, theme, warnings) = load_all(root, strict, None).map_err(Failure::Content)?;
    let summary = render_all(root, &site, &theme, &|_, _| Ok(()), progress)?;
    Ok(Summary {
        warnings,
        ..summary
    })
}

/// Builds the site at `root` into `output`. With `strict`, warnings fail
/// it as errors do, and nothing is written. With a `cache` (kept by a
/// preview between builds), reports unchanged since the last build are
/// not read again.
pub fn build(
    root: &Path,
    output: &Path,
    strict: bool,
    progress: &Progress,
    cache: Option<&mut ReportCache>,
) -> Result<Summary, Failure> {
    let (site, theme, warnings) = load_all(root, strict, cache).map_err(Failure::Content)?;
    let staging = Staging::open(output).map_err(|e| Failure::Write(e.0))?;
    let write = |path: &str, bytes: &[u8]| staging.write(path, bytes);
    let summary = render_all(root, &site, &theme, &write, progress)?;
    let written = staging.commit().map_err(|e| Failure::Write(e.0))?;
    Ok(Summary {
        files: summary.files + 1,
        written,
        warnings,
        ..summary
    })
}
