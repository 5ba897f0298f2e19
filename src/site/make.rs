//! Making every page of every edition (all, or those a build wants),
//! rendering each with the theme and handing it, with the files published
//! beside it, to the writer; in parallel, one edition at a time.

use super::{Failure, Progress, Summary};
use crate::diagnostic::Diagnostic;
use crate::join::index::{Index, Listing};
use crate::model::Site;
use crate::output::{Bytes, WriteError};
use crate::pages::{self, Page, Shared, edition};
use crate::render::{self, Theme};
use crate::{load, publish};
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// Where rendered files go: the staging folder, or nowhere for `check`.
pub(super) type Writer<'a> = dyn Fn(&str, Bytes<'_>) -> Result<u64, WriteError> + Sync + 'a;

/// The paths of every page's files, one after another in one text, each
/// after a NUL, while pages are being made. Held there rather than as a
/// string each: a few hundred thousand small strings kept among the
/// short-lived ones of rendering would keep much of the memory those
/// used from being given back.
#[derive(Default)]
pub(super) struct Written(Mutex<String>);

impl Written {
    /// Keeps `paths`: where they are.
    pub(super) fn keep(&self, paths: &[String]) -> std::ops::Range<usize> {
        let Ok(mut all) = self.0.lock() else {
            return 0..0;
        };
        let start = all.len();
        for path in paths {
            all.push('\0');
            all.push_str(path);
        }
        start..all.len()
    }

    /// How many paths are kept at `at`.
    pub(super) fn count(&self, at: std::ops::Range<usize>) -> usize {
        self.0
            .lock()
            .map_or(0, |all| all.get(at).map_or(0, |p| p.matches('\0').count()))
    }

    /// The paths kept at `at`.
    pub(super) fn paths(&self, at: std::ops::Range<usize>) -> Vec<String> {
        let Ok(all) = self.0.lock() else {
            return Vec::new();
        };
        let kept = all.get(at).unwrap_or_default();
        kept.split('\0').skip(1).map(String::from).collect()
    }
}

/// What became of one page.
pub(super) enum Outcome {
    /// Written at these paths (relative to the output folder): the page,
    /// then the files published with it (see [`crate::publish`]), kept in
    /// [`Written`] at this range.
    Written(PageId, std::ops::Range<usize>),
    Problem(Diagnostic),
    Unwritable(WriteError),
    /// Not made: a newer change came first (see [`Preview::superseded`]).
    Skipped(PageId),
}

/// A page of one edition (by position: the main edition is 0).
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct PageId {
    pub edition: usize,
    pub key: PageKey,
}

/// A page's identity from one build to the next: what its address is made
/// of, not its place in this build's lists.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum PageKey {
    Home,
    AllReports(usize),
    Report(std::sync::Arc<str>),
    Cities,
    Years,
    Topics,
    Overview(Listing),
    More(Listing, pages::List, usize),
    Metric(std::sync::Arc<str>),
    Series(std::sync::Arc<str>, usize),
    Search,
    NotFound,
}

impl PageKey {
    /// The template the page is rendered with.
    pub(super) fn template(&self) -> &'static str {
        match self {
            PageKey::Home => "index.html",
            PageKey::AllReports(_) => "reports.html",
            PageKey::Report(_) => "report.html",
            PageKey::Cities => "cities.html",
            PageKey::Years => "years.html",
            PageKey::Topics => "topics.html",
            PageKey::Overview(Listing::City(_)) => "city.html",
            PageKey::Overview(Listing::District(..)) => "district.html",
            PageKey::Overview(Listing::Year(_)) => "year.html",
            PageKey::Overview(Listing::Topic(_)) => "topic.html",
            PageKey::More(..) | PageKey::Series(..) => "list.html",
            PageKey::Metric(_) => "metric.html",
            PageKey::Search => "search.html",
            PageKey::NotFound => "404.html",
        }
    }

    pub(super) fn of(site: &Site, page: Page) -> PageKey {
        match page {
            Page::Home => PageKey::Home,
            Page::AllReports(n) => PageKey::AllReports(n),
            Page::Report(r) => PageKey::Report(site.reports[r].slug.as_str().into()),
            Page::Cities => PageKey::Cities,
            Page::Years => PageKey::Years,
            Page::Topics => PageKey::Topics,
            Page::Overview(l) => PageKey::Overview(l),
            Page::More(l, list, n) => PageKey::More(l, list, n),
            Page::Metric(m) => PageKey::Metric(site.metrics[m].id.as_str().into()),
            Page::Series(m, n) => PageKey::Series(site.metrics[m].id.as_str().into(), n),
            Page::Search => PageKey::Search,
            Page::NotFound => PageKey::NotFound,
        }
    }
}

/// Which pages to make: all of them (the default), or those `wanted`
/// says; and, if `superseded` says so before a page, none of the rest.
#[derive(Clone, Copy, Default)]
pub(super) struct Only<'a> {
    /// These pages alone, without planning the rest of the site: for
    /// pages that read no list (a report's own page), with an index that
    /// may be [`Index::placed`] only.
    pub(super) pages: Option<&'a [Page]>,
    pub(super) wanted: Option<&'a (dyn Fn(&PageId) -> bool + Sync)>,
    pub(super) superseded: Option<&'a (dyn Fn() -> bool + Sync)>,
    /// A preview's reports and metrics converted for each edition last
    /// time (see [`edition::Converted`]).
    pub(super) converted: Option<&'a Mutex<Vec<edition::Converted>>>,
    /// Whether the theme's static files and the snapshots are written
    /// even though only some pages are wanted.
    pub(super) statics: bool,
    /// The last build's site-wide open data, and where this build puts
    /// each metric's part of it.
    pub(super) data: Option<&'a publish::Reuse>,
}

/// What [`render_all`] made: the summary, the id and path of each page
/// made, the ids of every page the site has (made or not), and those of
/// the wanted pages left unmade because the build was superseded.
/// A page, and the paths of its files below the output folder.
pub(super) type PagePaths = (PageId, Vec<String>);

pub(super) type Made = (Summary, Vec<PagePaths>, Vec<PageId>, Vec<PageId>);

/// Makes, renders and hands to `write` the pages of every edition of the
/// site (all, or the `wanted` ones) and, for a whole build, its static
/// files, in parallel.
pub(super) fn render_all(
    root: &Path,
    site: &Site,
    index: &Index,
    theme: &Theme,
    write: &Writer,
    progress: &Progress,
    only: Only,
) -> Result<Made, Failure> {
    let Only {
        pages: listed,
        wanted,
        superseded,
        converted,
        statics: all_statics,
        data,
    } = only;
    let editions = edition::all(&site.config);
    // Every edition has the same pages, planned once.
    let plan = match listed {
        Some(listed) => pages::Plan {
            pages: listed.to_vec(),
            table_starts: Default::default(),
        },
        None => pages::plan(site, index),
    };
    let keys: Vec<PageKey> = plan
        .pages
        .par_iter()
        .map(|&page| PageKey::of(site, page))
        .collect();
    let ids: Vec<PageId> = (0..editions.len())
        .flat_map(|edition| {
            keys.iter().map(move |key| PageId {
                edition,
                key: key.clone(),
            })
        })
        .collect();
    let todo = |e: usize| {
        ids[e * keys.len()..(e + 1) * keys.len()]
            .iter()
            .zip(&plan.pages)
            .filter(|(id, _)| wanted.is_none_or(|w| w(id)))
            .map(|(id, &page)| (id, page))
            .collect::<Vec<_>>()
    };
    let todos: Vec<Vec<(&PageId, Page)>> = (0..editions.len()).map(todo).collect();
    (progress.start)(todos.iter().map(Vec::len).sum());
    let body = |report: &crate::model::Report| {
        load::body(root, report).map(|text| edition::body_in(report, text))
    };
    // Every page's full address in every edition, for the sitemap.
    let everything = || {
        editions
            .iter()
            .flat_map(|edition| {
                plan.pages
                    .iter()
                    .filter_map(|&page| pages::address(site, page))
                    .map(move |path| format!("{}{path}", edition.base_url))
            })
            .collect::<Vec<String>>()
    };
    let bytes = AtomicU64::new(0);
    let written = Written::default();
    let mut outcomes: Vec<Outcome> = Vec::new();
    // One edition at a time, so that one converted copy of the site is
    // held at once.
    for (e, todo) in todos.into_iter().enumerate() {
        if todo.is_empty() {
            continue;
        }
        let edition_site = match converted.map(Mutex::lock) {
            Some(Ok(mut kept)) => {
                kept.resize_with(editions.len(), Default::default);
                edition::site_for(site, &editions[e], e == 0, Some(&mut kept[e]))
            }
            _ => edition::site_for(site, &editions[e], e == 0, None),
        };
        let edition_theme = match e {
            0 => Cow::Borrowed(theme),
            _ => Cow::Owned(render::for_edition(
                theme,
                &site.config,
                &edition_site.config,
                e,
                &editions,
            )),
        };
        let shared = Shared::new(&edition_site, index, &edition_theme.strings);
        let folder = &editions[e].folder;
        let bodies = |r: usize| body(&edition_site.reports[r]).unwrap_or_default();
        outcomes.par_extend(todo.into_par_iter().map(|(id, page)| {
            if superseded.is_some_and(|s| s()) {
                return Outcome::Skipped(id.clone());
            }
            let made = pages::view(&shared, &plan, page, &body).and_then(|view| {
                // A preview finds the pages a template change touches by
                // the template each kind of page uses.
                debug_assert_eq!(id.key.template(), view.template, "{id:?}");
                render::page(&edition_theme, &view)
                    .map(|html| (format!("{folder}{}", view.path), html))
            });
            (progress.tick)();
            let (path, html) = match made {
                Ok(made) => made,
                Err(problem) => return Outcome::Problem(problem),
            };
            let mut files = vec![(path, Bytes::from(html))];
            let stop = || superseded.is_some_and(|s| s());
            let write_one = |(path, data): publish::File| {
                let len = write(&path, data)?;
                bytes.fetch_add(len, Ordering::Relaxed);
                Ok(path)
            };
            // The home page's on every core: its site-wide files run to
            // tens of MiB each.
            let home = matches!(page, Page::Home) && e == 0;
            let write_all = |files: Vec<publish::File>| -> Result<Vec<String>, WriteError> {
                match home {
                    true => files.into_par_iter().map(write_one).collect(),
                    false => files.into_iter().map(write_one).collect(),
                }
            };
            let more = || {
                let site_wide = publish::SiteWide {
                    everything: &everything,
                    bodies: &bodies,
                    reuse: data,
                };
                publish::files(&shared, page, &editions[e], e == 0, &site_wide, &stop)
            };
            // The site-wide open data, with the main edition's home page,
            // is written while its other files (sitemap, search index) are
            // made. When no other thread is free to take one of the two,
            // the data comes first: made and written, it is freed before
            // the search index is made.
            let (site_data, more) = match home {
                true => rayon::join(
                    || publish::site_data(&shared, page, true, data, &stop).map(write_all),
                    more,
                ),
                false => (Some(Ok(Vec::new())), more()),
            };
            let (Some(more), Some(site_data)) = (more, site_data) else {
                return Outcome::Skipped(id.clone());
            };
            files.extend(more);
            match (write_all(files), site_data) {
                (Ok(mut paths), Ok(data)) => {
                    paths.splice(1..1, data);
                    Outcome::Written(id.clone(), written.keep(&paths))
                }
                (Err(e), _) | (_, Err(e)) => Outcome::Unwritable(e),
            }
        }));
    }
    // The same template fault usually breaks many pages; report it once,
    // for the first page it broke.
    let mut problems: BTreeSet<Diagnostic> = BTreeSet::new();
    let mut seen: BTreeSet<(String, usize)> = BTreeSet::new();
    for outcome in &outcomes {
        match outcome {
            Outcome::Written(..) | Outcome::Skipped(_) => {}
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
    let statics = if wanted.is_none() || all_statics {
        theme.statics.len()
    } else {
        0
    };
    for (path, data) in theme.statics.iter().take(statics) {
        let len = write(path, data.clone().into()).map_err(|e| Failure::Write(e.0))?;
        bytes.fetch_add(len, Ordering::Relaxed);
    }
    // Every snapshot, byte for byte as it was taken.
    let archived = if wanted.is_none() || all_statics {
        crate::snapshot::published(
            root,
            &site.config.title,
            site.config.language.tag(),
            &crate::i18n::ui(&theme.strings, "archive_title"),
            &crate::i18n::ui(&theme.strings, "archive_intro"),
        )
        .map_err(Failure::Write)?
    } else {
        Vec::new()
    };
    let statics = statics + archived.len();
    for (path, data) in archived {
        bytes.fetch_add(data.len() as u64, Ordering::Relaxed);
        write(&path, data.into()).map_err(|e| Failure::Write(e.0))?;
    }
    let summary = Summary {
        reports: site.reports.len(),
        metrics: site.metrics.len(),
        files: outcomes
            .iter()
            .map(|o| match o {
                Outcome::Written(_, at) => written.count(at.clone()),
                _ => 0,
            })
            .sum::<usize>()
            + statics,
        bytes: bytes.into_inner(),
        written: 0,
        warnings: Vec::new(),
        remade: None,
    };
    let mut made = Vec::with_capacity(outcomes.len());
    let mut skipped = Vec::new();
    for outcome in outcomes {
        match outcome {
            Outcome::Written(id, at) => made.push((id, written.paths(at))),
            Outcome::Skipped(id) => skipped.push(id),
            _ => {}
        }
    }
    Ok((summary, made, ids, skipped))
}
