//! Reading the site: its configuration, theme, reports and snapshots,
//! with every problem found in any of them.

use crate::diagnostic::Diagnostic;
use crate::load::ReportCache;
use crate::load::body::Bodies;
use crate::model::Site;
use crate::model::config::Config;
use crate::render::{self, Theme};
use crate::{join, load};
use std::path::Path;

/// A new store for the bodies of the reports a build reads (see
/// [`Bodies`]).
pub(super) fn new_bodies() -> Result<Bodies, super::Failure> {
    Bodies::new().map_err(|e| {
        let dir = std::env::temp_dir().display().to_string();
        super::Failure::Write(crate::say!(
            "write-temporary",
            dir = dir,
            error = crate::i18n::messages::reason(&e)
        ))
    })
}

/// Whether `problems` hold an error, not only warnings.
pub(super) fn has_errors(problems: &[Diagnostic]) -> bool {
    problems.iter().any(|p| !p.warning)
}

/// Reads, validates and joins the reports of the site at `root`, whose
/// configuration is `config`. The site comes back unless there is an
/// error (warnings alone do not hold it back), with every problem found.
/// With the site `before` an edit (same configuration, reports read
/// through the same `cache`), only the metrics of the reports read again
/// are joined again, as long as the reports keep their order. `before` is
/// worked out on another thread while the reports are read.
pub(super) fn load_site<'b>(
    root: &Path,
    config: Config,
    cache: Option<&mut ReportCache>,
    bodies: &Bodies,
    before: impl FnOnce() -> Option<&'b Site> + Send,
) -> (Option<Site>, Vec<Diagnostic>) {
    let read = || load::reports(root, &config, cache, Some(bodies));
    let (loaded, before) = rayon::join(read, before);
    let load::Loaded {
        mut reports,
        mut problems,
        unread_ids,
    } = loaded;
    reports.shrink_to_fit();
    let in_order = |old: &Site| {
        old.reports.len() == reports.len()
            && old
                .reports
                .iter()
                .zip(&reports)
                .all(|(a, b)| a.slug == b.slug)
    };
    let joined = match before.filter(|old| unread_ids == load::Unread::None && in_order(old)) {
        Some(old) => join::join_again(&reports, &config, &old.reports, &old.metrics),
        None => join::join(&reports, &config, &unread_ids),
    };
    let metrics = match joined {
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
/// as errors. A `kept` theme, already prepared for the same site.yaml, is
/// used instead of reading the theme again. The bodies of the reports
/// read go into `bodies`. `before` gives the site before an edit (see
/// [`load_site`]).
pub(super) fn load_all<'b>(
    root: &Path,
    strict: bool,
    cache: Option<&mut ReportCache>,
    kept: Option<Theme>,
    bodies: &Bodies,
    before: impl FnOnce() -> Option<&'b Site> + Send,
) -> Result<(Site, Theme, Vec<Diagnostic>), Vec<Diagnostic>> {
    let (config, mut problems) = load::read_config(root);
    let Some(config) = config else {
        return Err(problems);
    };
    let prepared = kept.is_some();
    let theme = match kept {
        Some(theme) => Ok(theme),
        None => render::theme::load(root, &config),
    };
    let (site, more) = load_site(root, config, cache, bodies, before);
    problems.extend(more);
    problems.extend(crate::snapshot::problems(root));
    let theme = match theme {
        Ok(theme) => {
            problems.extend(theme.warnings.iter().cloned());
            Some(theme)
        }
        Err(more) => {
            problems.extend(more);
            None
        }
    };
    if strict {
        for problem in problems.iter_mut().filter(|p| p.warning) {
            problem.denied();
        }
    }
    problems.sort();
    match (site, theme) {
        (Some(site), Some(mut theme)) if !has_errors(&problems) => {
            if !prepared {
                render::prepare(&mut theme, &site.config);
            }
            Ok((site, theme, problems))
        }
        _ => Err(problems),
    }
}
