//! What a year's snapshot holds: the pages about that year, and the
//! sources they are made from.

use super::Failure;
use super::read::{load_all, new_bodies};
use crate::join::index::Index;
use crate::load::CONFIG_FILE;
use crate::pages::{edition, path};
use std::path::Path;

/// What a snapshot of one year holds, and what it is made from.
pub struct YearPages {
    pub base_path: String,
    pub base_url: String,
    /// The editions' folders, the main edition's (empty) first.
    pub editions: Vec<String>,
    /// The year's page, its reports' and its metrics' pages, below each
    /// edition's folder (`years/2025/`, `zh-hant/reports/x/`).
    pub addresses: Vec<String>,
    /// The source files the year's pages are built from: site.yaml, the
    /// year's reports and the theme's own files.
    pub sources: Vec<String>,
    pub theme: String,
}

/// The pages about `year` of the site at `root`: what its snapshot holds.
pub fn year_pages(root: &Path, year: i32) -> Result<YearPages, Failure> {
    let bodies = new_bodies()?;
    let (site, theme, _) =
        load_all(root, false, None, None, &bodies, || None).map_err(Failure::Content)?;
    let index = Index::build(&site);
    let editions: Vec<String> = edition::all(&site.config)
        .into_iter()
        .map(|e| e.folder)
        .collect();
    let members = index
        .years
        .iter()
        .find(|(y, _)| *y == year)
        .map(|(_, m)| m.clone())
        .unwrap_or_default();
    let mut addresses = Vec::new();
    for folder in &editions {
        if !members.reports.is_empty() || !members.metrics.is_empty() {
            addresses.push(format!("{folder}{}", path::year(year)));
        }
        for &r in &members.reports {
            addresses.push(format!("{folder}{}", path::report(&site.reports[r].slug)));
        }
        for &m in &members.metrics {
            addresses.push(format!("{folder}{}", path::metric(&site.metrics[m].id)));
        }
    }
    let mut sources = vec![CONFIG_FILE.to_string()];
    sources.extend(
        members
            .reports
            .iter()
            .map(|&r| site.reports[r].file.clone()),
    );
    sources.extend(theme.origins.values().filter_map(|origin| match origin {
        crate::render::theme::Origin::Site(path) => Some(path.clone()),
        crate::render::theme::Origin::Builtin(_) => None,
    }));
    sources.sort();
    sources.dedup();
    Ok(YearPages {
        base_path: site.config.base_path.clone(),
        base_url: site.config.base_url.clone(),
        editions,
        addresses,
        sources,
        theme: site.config.theme.clone(),
    })
}
